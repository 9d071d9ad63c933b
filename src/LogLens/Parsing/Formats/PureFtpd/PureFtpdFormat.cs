using LogLens.Parsing.Syslog;

namespace LogLens.Parsing.Formats.PureFtpd;

/// <summary>
/// Pure-FTPd's syslog lines (<c>Oct 11 01:06:47 files pure-ftpd: (?@192.0.2.7) [WARNING] Authentication
/// failed for user [bob]</c>), with the PAM lines it writes and its CLF transfer log. Its syslog lines
/// have no session id: the session key is the client's address (a process id when the line has one).
/// </summary>
public sealed class PureFtpdFormat : SyslogFormatBase
{
    private static readonly string[] Samples =
    [
        "Oct 11 01:06:47 files pure-ftpd: (?@192.0.2.7) [INFO] New connection from 192.0.2.7",
        "Oct 11 01:06:50 files pure-ftpd: (?@203.0.113.45) [WARNING] Authentication failed for user [admin]",
        "Oct 11 01:06:52 files pure-ftpd: (?@192.0.2.7) [INFO] bob is now logged in",
        "Oct 11 01:07:30 files pure-ftpd: (bob@192.0.2.7) [NOTICE] /home/bob//report 2024.pdf downloaded  (1048576 bytes, 853.20KB/sec)",
        "Oct 11 01:08:02 files pure-ftpd: (bob@192.0.2.7) [NOTICE] /home/bob//upload/notes.txt uploaded  (20480 bytes, 85.30KB/sec)",
        "Oct 11 01:08:40 files pure-ftpd: (bob@192.0.2.7) [INFO] Logout.",
        "Oct 11 01:20:11 files pure-ftpd: (?@198.51.100.14) [INFO] Timeout - try typing a little faster next time",
        "Oct 11 01:21:00 files pure-ftpd: (?@198.51.100.15) [WARNING] Sorry, cleartext sessions and weak ciphers are not accepted on this server.",
        "Oct 11 01:21:30 files pure-ftpd: (?@198.51.100.16) [INFO] Too many connections (3) from this IP",
        "Oct 11 01:22:00 files pure-ftpd: (pam_unix) authentication failure; logname= uid=0 euid=0 tty=pure-ftpd ruser=carol rhost=203.0.113.46",
        "Oct 11 01:22:05 files pure-ftpd-wrapper[926]: connect from 198.51.100.17 (198.51.100.17)",
        "client.example.net - bob [11/Oct/2024:01:07:30 +0200] \"GET /home/bob/report 2024.pdf\" 200 1048576",
    ];

    /// <summary>Creates the format over the Pure-FTPd dialect.</summary>
    public PureFtpdFormat()
        : base([Dialect("pure-ftpd")])
    {
    }

    /// <summary>Pure-FTPd drops an idle client after 15 minutes by default (<c>-I</c>).</summary>
    internal override Analysis.SessionContract Sessions { get; } = new() { IdleTimeout = TimeSpan.FromMinutes(15) };

    /// <inheritdoc />
    public override string Name => "pure-ftpd";

    /// <inheritdoc />
    public override string Description => "Pure-FTPd in syslog: pure-ftpd: (user@ip) [LEVEL] message; and its CLF transfer log";

    /// <inheritdoc />
    public override IReadOnlyList<string> SampleLines => Samples;

    /// <inheritdoc />
    /// <remarks>At a glance: its name.</remarks>
    protected override bool Resembles(string line) => line.Contains("pure-ftpd", StringComparison.OrdinalIgnoreCase);
}
