using System.Text;
using LogLens.Analysis;

namespace LogLens.Tests.Analysis.Sessions;

/// <summary>
/// The end-of-log rule of the one session stage, as a table: a server's session silent for longer than
/// its format's idle timeout before the log's last time (on any line) has ended and is judged on what it
/// logged; one still active then is incomplete, whatever it did before; a transfer in flight is listed as
/// incomplete. Each row is a format, a log, and the outcome and user of each session in order.
/// </summary>
public class EndOfLogTests
{
    public static TheoryData<string, string, string[], string[]> Cases() => new()
    {
        {
            "a vsftpd connection with nothing after it, then another program ten minutes on, is unknown, not incomplete",
            "vsftpd",
            [
                "Mar  4 01:07:02 files vsftpd[1657]: CONNECT: Client \"192.0.2.1\"",
                "Mar  4 01:17:02 files sshd[1702]: Accepted publickey for backup from 198.51.100.50 port 50122 ssh2",
            ],
            ["unknown"]
        },
        {
            "a vsftpd connection still active at the end of the log is incomplete though it logged in",
            "vsftpd",
            [
                "Mar  4 01:07:02 files vsftpd[1657]: CONNECT: Client \"192.0.2.1\"",
                "Mar  4 01:07:04 files vsftpd[1656]: [alice] OK LOGIN: Client \"192.0.2.1\"",
                "Mar  4 01:07:40 files vsftpd[1658]: [alice] OK DOWNLOAD: Client \"192.0.2.1\", \"/pub/a.iso\", 10 bytes, 1.00Kbyte/sec",
            ],
            ["incomplete"]
        },
        {
            "a logged-in vsftpd connection idle for longer than vsftpd's timeout before the end is judged on what it did",
            "vsftpd",
            [
                "Mar  4 01:07:02 files vsftpd[1657]: CONNECT: Client \"192.0.2.1\"",
                "Mar  4 01:07:04 files vsftpd[1656]: [alice] OK LOGIN: Client \"192.0.2.1\"",
                "Mar  4 01:07:40 files vsftpd[1658]: [alice] OK DOWNLOAD: Client \"192.0.2.1\", \"/pub/a.iso\", 10 bytes, 1.00Kbyte/sec",
                "Mar  4 01:13:41 files vsftpd[1701]: CONNECT: Client \"203.0.113.9\"",
                "Mar  4 01:13:42 files vsftpd[1701]: FTP response: Client \"203.0.113.9\", \"221 Goodbye.\"",
            ],
            ["succeeded", "unknown"]
        },
        {
            "a Serv-U upload in flight at the end of the log makes the logged-in session incomplete",
            "servu",
            [
                "[2] Mon 11Mar02 09:00:01 - (000021) Connected to 198.51.100.7 (Local address 192.0.2.10)",
                "[5] Mon 11Mar02 09:00:03 - (000021) USER alice",
                "[5] Mon 11Mar02 09:00:04 - (000021) PASS ****",
                "[6] Mon 11Mar02 09:00:04 - (000021) 230 User logged in, proceed.",
                "[5] Mon 11Mar02 09:00:06 - (000021) STOR report.pdf",
                "[6] Mon 11Mar02 09:00:06 - (000021) 150 Opening ASCII mode data connection for report.pdf.",
            ],
            ["incomplete"]
        },
        {
            "a FileZilla Server session whose user never logged in names no user, and its upload in flight is incomplete",
            "filezilla-server",
            [
                "(000012) 3/14/2011 16:02:11 PM - (not logged in) (192.0.2.15)> Connected, sending welcome message...",
                "(000012) 3/14/2011 16:02:12 PM - (not logged in) (192.0.2.15)> USER carol",
                "(000012) 3/14/2011 16:02:12 PM - (not logged in) (192.0.2.15)> PASS ********",
                "(000012) 3/14/2011 16:02:12 PM - carol (192.0.2.15)> 230 Logged on",
                "(000012) 3/14/2011 16:02:13 PM - carol (192.0.2.15)> STOR big.iso",
                "(000012) 3/14/2011 16:02:13 PM - carol (192.0.2.15)> 150 Opening data channel for file upload to server of \"/big.iso\"",
            ],
            ["incomplete"]
        },
        {
            "an ftpd session of nobody that timed out hours before the log ends is timed out, and unknown is no user",
            "ftpd",
            [
                "Oct 11 01:10:01 files ftpd[2201]: connection from 198.51.100.7",
                "Oct 11 01:25:01 files ftpd[2201]: User unknown timed out after 900 seconds at Fri Oct 11 01:25:01 2024",
                "Oct 11 04:00:00 files ftpd[2301]: connection from 203.0.113.9",
            ],
            ["timed-out", "incomplete"]
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_end_of_a_log_decides_only_sessions_still_active_near_it(string scenario, string format, string[] lines, string[] outcomes)
    {
        var analysis = Analyze(format, lines);

        Assert.True(outcomes.SequenceEqual(analysis.Sessions.Select(s => s.Outcome.Id)), $"{scenario}: got {string.Join(", ", analysis.Sessions.Select(s => s.Outcome.Id))}");
    }

    [Theory]
    [InlineData("servu")]
    [InlineData("filezilla-server")]
    public void A_transfer_in_flight_at_the_end_is_listed_as_incomplete(string format)
    {
        var (_, _, lines, _) = Row(Cases(), format);

        var transfer = Assert.Single(Assert.Single(Analyze(format, lines).Sessions).Transfers);

        Assert.True(transfer.Incomplete);
        Assert.False(transfer.Succeeded);
        Assert.Equal(Events.TransferDirection.Upload, transfer.Direction);
    }

    [Theory]
    [InlineData("filezilla-server", 0, "carol")]
    [InlineData("ftpd", 0, null)]
    public void A_servers_placeholder_for_nobody_is_no_user(string format, int session, string? user)
    {
        var (_, _, lines, _) = Row(Cases(), format);

        Assert.Equal(user, Analyze(format, lines).Sessions[session].User);
    }

    private static (string, string, string[], string[]) Row(TheoryData<string, string, string[], string[]> data, string format) =>
        data.Select(r => ((string)r[0], (string)r[1], (string[])r[2], (string[])r[3])).First(r => r.Item2 == format);

    private static FileAnalysis Analyze(string format, string[] lines)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n"));
        return LogAnalyzer.AnalyzeStream(stream, "test.log", new AnalysisOptions { Format = LogLens.Parsing.FormatRegistry.Find(format) });
    }
}
