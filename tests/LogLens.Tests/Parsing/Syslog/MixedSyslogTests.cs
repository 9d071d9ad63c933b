using LogLens.Events;
using LogLens.Parsing.Formats.Syslog;
using LogLens.Tests.Support;

namespace LogLens.Tests.Parsing.Syslog;

public class MixedSyslogTests
{
    private static readonly SyslogFormat Format = new();

    [Fact]
    public void Each_daemons_lines_are_read_by_its_dialect_and_other_programs_are_foreign()
    {
        var events = Lines.Parse(
            Format,
            "Oct 11 01:06:47 files proftpd[4711]: files.example.com (192.0.2.7[192.0.2.7]) - USER bob: Login successful.",
            "Oct 11 01:06:48 files pure-ftpd: (?@192.0.2.8) [WARNING] Authentication failed for user [carol]",
            "Oct 11 01:06:49 files wu-ftpd[2201]: failed login from client.example.net [192.0.2.9]",
            "Oct 11 01:06:50 files sshd[3120]: Accepted publickey for backup from 192.0.2.50 port 50122 ssh2");

        Assert.Equal(["192.0.2.7", "192.0.2.8", "192.0.2.9"], events.Take(3).Select(e => Assert.IsType<LoginEvent>(e).Client));
        Assert.IsType<ForeignLine>(events[3]);
    }

    [Fact]
    public void A_wrapped_line_is_read_whole_among_other_dialects()
    {
        var events = Lines.Parse(
            Format,
            "Nov 9 05:00:07 files",
            "proftpd[21141]: files.example.com",
            "(client.example.net[198.51.100.70]) - FTP session",
            "opened.");

        Assert.Equal("198.51.100.70", Assert.IsType<ConnectEvent>(events[3]).Client);
    }
}
