using LogLens.Parsing.Syslog;

namespace LogLens.Parsing.Formats.Vsftpd;

/// <summary>
/// The vsftpd FTP server's log: its own <c>vsftpd.log</c>
/// (<c>Thu Sep  8 00:39:49 2016 [pid 15019] [bob] OK LOGIN: Client "198.51.100.7"</c>), the same
/// messages in syslog or the journal, and PAM's authentication failures under vsftpd's name. One
/// session is stitched from the several processes vsftpd logs it under.
/// </summary>
public sealed class VsftpdFormat : SyslogFormatBase
{
    private static readonly string[] Samples =
    [
        "Thu Sep  8 00:39:47 2016 [pid 15020] CONNECT: Client \"198.51.100.7\"",
        "Thu Sep  8 00:39:47 2016 [pid 15020] FTP response: Client \"198.51.100.7\", \"220 (vsFTPd 3.0.3)\"",
        "Thu Sep  8 00:39:48 2016 [pid 15020] FTP command: Client \"198.51.100.7\", \"USER alice\"",
        "Thu Sep  8 00:39:48 2016 [pid 15020] [alice] FTP response: Client \"198.51.100.7\", \"331 Please specify the password.\"",
        "Thu Sep  8 00:39:49 2016 [pid 15020] [alice] FTP command: Client \"198.51.100.7\", \"PASS <password>\"",
        "Thu Sep  8 00:39:49 2016 [pid 15019] [alice] OK LOGIN: Client \"198.51.100.7\"",
        "Thu Sep  8 00:39:49 2016 [pid 15023] [alice] FTP response: Client \"198.51.100.7\", \"230 Login successful.\"",
        "Thu Sep  8 00:41:16 2016 [pid 15023] [alice] OK DOWNLOAD: Client \"198.51.100.7\", \"/pub/file name with spaces.iso\", 1048576 bytes, 85.30Kbyte/sec",
        "Thu Sep  8 00:41:40 2016 [pid 15023] [alice] OK UPLOAD: Client \"198.51.100.7\", \"/incoming/notes.txt\", 2048 bytes, 12.07Kbyte/sec",
        "Thu Sep  8 00:41:52 2016 [pid 15023] [alice] OK MKDIR: Client \"198.51.100.7\", \"/incoming/2016\"",
        "Thu Sep  8 00:42:03 2016 [pid 15023] [alice] FTP response: Client \"198.51.100.7\", \"221 Goodbye.\"",
        "Thu Sep  8 00:43:10 2016 [pid 15031] [guest] FAIL LOGIN: Client \"::ffff:203.0.113.9\", \"User is not in the allow user list.\"",
        "Mon Jun 8 12:08:44 2020 [pid 27245] CONNECT: Client \"203.0.113.9\", \"Connection refused: too many sessions for this address.\"",
        "2025-03-04T01:06:36.645577 files vsftpd[1658]: [mallory] FAIL LOGIN: Client \"192.0.2.222\"",
        "Oct 23 21:15:42 files vsftpd: pam_unix(vsftpd:auth): authentication failure; logname= uid=0 euid=0 tty=ftp ruser=test rhost=192.0.2.223",
        "Feb  6 12:02:29 files vsftpd(pam_unix)[15522]: authentication failure; logname= uid=0 euid=0 tty= ruser= rhost=192.0.2.224 user=carol",
    ];

    /// <summary>Creates the format.</summary>
    public VsftpdFormat()
        : base([Dialect("vsftpd")])
    {
    }

    /// <summary>vsftpd's <c>idle_session_timeout</c> defaults to 300 seconds; it never logs a disconnect, so its sessions end by silence or at its closing reply (<c>221</c>, <c>421</c>).</summary>
    internal override Analysis.SessionContract Sessions => Contract;

    /// <summary>The contract, also for the stitcher, which must let go of a connection when the session stage does.</summary>
    internal static Analysis.SessionContract Contract { get; } = new() { IdleTimeout = TimeSpan.FromSeconds(300), EndsAtClosingReply = true };

    /// <inheritdoc />
    public override string Name => "vsftpd";

    /// <inheritdoc />
    public override string Description => "vsftpd log (vsftpd.log, or syslog/journal lines of vsftpd and its PAM failures)";

    /// <inheritdoc />
    public override IReadOnlyList<string> SampleLines => Samples;

    /// <inheritdoc />
    /// <remarks>At a glance: its own <c>[pid N]</c>, or its name.</remarks>
    protected override bool Resembles(string line) => line.Contains("[pid ", StringComparison.Ordinal) || line.Contains("vsftpd", StringComparison.OrdinalIgnoreCase);
}
