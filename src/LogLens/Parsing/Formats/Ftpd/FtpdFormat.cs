using LogLens.Parsing.Syslog;

namespace LogLens.Parsing.Formats.Ftpd;

/// <summary>
/// wu-ftpd and the BSD/Solaris ftpd family in syslog (<c>Oct 11 01:06:47 files wu-ftpd[18760]: failed
/// login from client.example.net [192.0.2.7]</c>; programs <c>ftpd</c>, <c>in.ftpd</c>, <c>wu-ftpd</c>,
/// <c>wu.ftpd</c>, <c>gssftpd</c>). The session key is the process id.
/// </summary>
public sealed class FtpdFormat : SyslogFormatBase
{
    private static readonly string[] Samples =
    [
        "Oct 11 01:06:47 files wu-ftpd[18760]: connection from client.example.net [192.0.2.7]",
        "Oct 11 01:06:51 files wu-ftpd[18761]: failed login from client.example.net [203.0.113.45]",
        "Oct 11 01:06:53 files wu-ftpd[18760]: FTP LOGIN FROM client.example.net [192.0.2.7], bob",
        "Oct 11 01:07:40 files wu-ftpd[18760]: xferlog (send): 2 192.0.2.7 1048576 /home/bob/report 2024.pdf b _ o r bob ftp 0 * c",
        "Oct 11 01:08:10 files wu-ftpd[18760]: FTP session closed",
        "Oct 11 01:09:00 files ftpd[2201]: ANONYMOUS FTP LOGIN FROM mirror.example.org [198.51.100.30], guest@example.org",
        "Oct 11 01:09:30 files ftpd[2201]: FTPD: EXPORT file local /pub/README, remote README",
        "Oct 11 01:25:01 files ftpd[2201]: User ftp timed out after 900 seconds at Fri Oct 11 01:25:01 2024",
        "Oct 11 01:30:12 files ftpd[2230]: repeated login failures from 203.0.113.46 (scanner.example.net)",
        "Oct 11 01:31:02 files in.ftpd[2240]: refused connect from 203.0.113.47",
        "Oct 11 01:31:40 files gssftpd[2250]: FTP LOGIN FAILED FROM 198.51.100.31, carol",
        "Oct 11 01:32:00 files wu-ftpd[2260]: pam_unix(wu-ftpd:auth): authentication failure; logname= uid=0 euid=0 tty= ruser= rhost=203.0.113.48  user=root",
        "Oct 11 01:33:00 files in.ftpd[2270]: [ID 484914 daemon.notice] gethostbyaddr: host.example.net. != 198.51.100.32",
    ];

    /// <summary>Creates the format over the ftpd dialect.</summary>
    public FtpdFormat()
        : base([Dialect("ftpd")])
    {
    }

    /// <summary>netkit and BSD ftpd time out after 900 seconds by default (<c>-t</c>), and write <c>unknown</c> for the user of a session nobody logged in to.</summary>
    internal override Analysis.SessionContract Sessions { get; } = new() { IdleTimeout = TimeSpan.FromSeconds(900), PlaceholderUsers = ["unknown"] };

    /// <inheritdoc />
    public override string Name => "ftpd";

    /// <inheritdoc />
    public override string Description => "wu-ftpd and BSD/Solaris ftpd in syslog: ftpd[pid]: FTP LOGIN FROM host [ip], user";

    /// <inheritdoc />
    public override IReadOnlyList<string> SampleLines => Samples;

    /// <inheritdoc />
    /// <remarks>At a glance: a daemon named ...ftpd.</remarks>
    protected override bool Resembles(string line) => line.Contains("ftpd[", StringComparison.OrdinalIgnoreCase) || line.Contains("ftpd:", StringComparison.OrdinalIgnoreCase);
}
