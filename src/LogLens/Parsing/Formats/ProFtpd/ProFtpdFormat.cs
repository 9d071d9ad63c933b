using LogLens.Parsing.Syslog;

namespace LogLens.Parsing.Formats.ProFtpd;

/// <summary>
/// ProFTPD's lines: in syslog or the journal (<c>Oct 11 01:06:47 ftp proftpd[4711]: ftp.example.com
/// (client.example.net[192.0.2.7]) - USER bob: Login successful.</c>, with or without the colon after the
/// pid) and in its own <c>proftpd.log</c> (<c>2013-11-16 21:59:30,121 ftp proftpd[4711] ftp.example.com
/// (client.example.net[192.0.2.7]): …</c>). The session key is the process id.
/// </summary>
public sealed class ProFtpdFormat : SyslogFormatBase
{
    private static readonly string[] Samples =
    [
        "Oct 11 01:06:47 files proftpd[4711]: files.example.com (client.example.net[192.0.2.7]) - FTP session opened.",
        "2024-05-02 09:14:03,518 files proftpd[4811] files.example.com (198.51.100.23[198.51.100.23]): USER carol (Login failed): Incorrect password",
        "Oct 11 01:06:52 files proftpd[4711]: files.example.com (client.example.net[192.0.2.7]) - USER bob: Login successful.",
        "Oct 11 01:09:40 files proftpd[4711]: files.example.com (client.example.net[192.0.2.7]) - FTP session closed.",
        "Oct 11 01:10:02 files proftpd[4720] files.example.com (203.0.113.50[203.0.113.50]): USER admin: no such user found from 203.0.113.50 [203.0.113.50] to 192.0.2.10:21",
        "Oct 11 01:10:05 files proftpd[4720] files.example.com (203.0.113.50[203.0.113.50]): SECURITY VIOLATION: root login attempted.",
        "Oct 11 01:10:09 files proftpd[4720]: files.example.com (203.0.113.50[203.0.113.50]) - Maximum login attempts (3) exceeded",
        "Oct 11 01:12:30 files proftpd[4733]: files.example.com (::ffff:198.51.100.8[::ffff:198.51.100.8]) - ANON anonymous: Login successful.",
        "Oct 11 01:27:31 files proftpd[4733]: files.example.com (::ffff:198.51.100.8[::ffff:198.51.100.8]) - FTP session idle timeout, disconnected.",
        "Oct 11 01:30:00 files proftpd[4740]: files.example.com (198.51.100.9[198.51.100.9]) - FTP login timed out, disconnected",
        "Oct 11 01:31:12 files proftpd[4745]: files.example.com (198.51.100.9[198.51.100.9]) - Refused PORT 10,0,0,5,19,137 (address mismatch)",
        "Oct 11 01:31:15 files proftpd[4745]: files.example.com (198.51.100.9[198.51.100.9]) - unable to find open port in PassivePorts range 60000-60010: defaulting to INPORT_ANY",
        "Oct 11 01:40:00 files proftpd[4750]: pam_unix(proftpd:auth): authentication failure; logname= uid=0 euid=0 tty=/dev/ftpd4750 ruser=dave rhost=203.0.113.61  user=dave",
        "Oct 11 01:40:02 files proftpd[4701]: connect from 203.0.113.62",
        "Oct 11 00:59:58 files proftpd[4700] files.example.com: ProFTPD 1.3.8 (stable) (built Mon Jan 1 2024) standalone mode STARTUP",
    ];

    /// <summary>Creates the format over the ProFTPD dialect.</summary>
    public ProFtpdFormat()
        : base([Dialect("proftpd")])
    {
    }

    /// <summary>ProFTPD's <c>TimeoutIdle</c> defaults to 600 seconds.</summary>
    internal override Analysis.SessionContract Sessions { get; } = new() { IdleTimeout = TimeSpan.FromSeconds(600) };

    /// <inheritdoc />
    public override string Name => "proftpd";

    /// <inheritdoc />
    public override string Description => "ProFTPD in syslog, the journal or proftpd.log: proftpd[pid] server (host[ip]) - message";

    /// <inheritdoc />
    public override IReadOnlyList<string> SampleLines => Samples;

    /// <inheritdoc />
    /// <remarks>At a glance: its name.</remarks>
    protected override bool Resembles(string line) => line.Contains("proftpd", StringComparison.OrdinalIgnoreCase);
}
