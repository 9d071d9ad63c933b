using LogLens.Parsing;
using LogLens.Tests.Support;

namespace LogLens.Tests.Analysis;

/// <summary>
/// The evidence of an outcome: the decisive line, what provoked it, and what the client said about
/// it afterwards, ascending, with passwords redacted.
/// </summary>
public class EvidenceTests
{
    [Theory]
    [InlineData(TranscriptStyle.Chinese)]
    [InlineData(TranscriptStyle.English)]
    public void A_refused_login_cites_the_pass_the_530_and_the_clients_follow_up(TranscriptStyle style)
    {
        var t = Transcript.In(style).Open().Command("USER software").Reply("331 User name okay, need password.").Command("PASS *****");
        var pass = t.Last;
        t.Reply("530 Not logged in, only one session from same IP allowed at a time.").NotLoggedIn().ConnectionClosed().Waiting(30);

        var session = Assert.Single(t.Analyze().Sessions);

        Assert.Equal([pass, pass + 1, pass + 2, pass + 3, pass + 4], session.Outcome.Evidence);
        Assert.Equal(session.Outcome.Evidence.Select(n => Redaction.RedactLine(t[(int)n])), session.EvidenceLines.Select(e => e.Text));
    }

    [Theory]
    [InlineData(TranscriptStyle.Chinese, "正在连接到", "Socket 错误 = #10060", "正在等候 30 秒")]
    [InlineData(TranscriptStyle.English, "Connecting to FTP server", "Socket error = #10060", "Waiting 30 seconds")]
    public void A_failed_connect_cites_where_it_was_going_the_socket_error_and_the_wait(TranscriptStyle style, string connecting, string error, string waiting)
    {
        var t = Transcript.In(style).GettingListing().Connecting().ConnectFailed(10060).Waiting(30);

        var session = Assert.Single(t.Analyze().Sessions);

        Assert.Equal([2, 3, 4], session.Outcome.Evidence);
        Assert.Collection(
            session.EvidenceLines,
            e => Assert.Contains(connecting, e.Text),
            e => Assert.Contains(error, e.Text),
            e => Assert.Contains(waiting, e.Text));
    }

    [Theory]
    [InlineData(TranscriptStyle.Chinese, "命令:> PASS ***")]
    [InlineData(TranscriptStyle.English, "COMMAND:> PASS ***")]
    [InlineData(TranscriptStyle.Timestamped, "2004 PASS ***")]
    public void A_password_in_the_log_shows_redacted_in_the_evidence(TranscriptStyle style, string redacted)
    {
        var t = Transcript.In(style).Open().Login("bugdown", "530 Not logged in.", password: "hunter2");

        var session = Assert.Single(t.Analyze().Sessions);

        var cited = Assert.Single(session.EvidenceLines, e => e.Text.Contains("PASS", StringComparison.Ordinal));
        Assert.EndsWith(redacted, cited.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(session.EvidenceLines, e => e.Text.Contains("hunter2", StringComparison.Ordinal));
        Assert.DoesNotContain("hunter2", session.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(TranscriptStyle.Chinese)]
    [InlineData(TranscriptStyle.English)]
    [InlineData(TranscriptStyle.Timestamped)]
    public void A_success_cites_the_pass_and_the_230_but_not_the_welcome(TranscriptStyle style)
    {
        var t = Transcript.In(style).Open();
        var welcome = t.Last;
        t.Command("USER software").Reply("331 User name okay, need password.").Command("PASS *****");
        var pass = t.Last;
        t.Reply("230 User logged in, proceed.");
        var logged = t.Last;
        t.LoginSucceeded().Command("PWD").Reply("257 \"/\" is current directory.");

        var session = Assert.Single(t.Analyze().Sessions);

        Assert.Contains(pass, session.Outcome.Evidence);
        Assert.Contains(logged, session.Outcome.Evidence);
        Assert.DoesNotContain(welcome, session.Outcome.Evidence);
        Assert.Equal(230, session.Outcome.ReplyCode);
    }

    [Fact]
    public void Evidence_is_ascending_distinct_and_inside_its_own_session_across_a_long_retry_transcript()
    {
        var t = Transcript.In(TranscriptStyle.Chinese).GettingListing();
        for (var i = 0; i < 6; i++)
        {
            t.Open().Login("software", "530 Not logged in, only one session from same IP allowed at a time.").Refused().Waiting(5);
        }

        t.Open().Login("software", "230 User logged in, proceed.");

        var sessions = t.Analyze().Sessions;

        Assert.Equal(7, sessions.Count);
        Assert.All(sessions, s =>
        {
            Assert.Equal(s.Outcome.Evidence.Order().Distinct(), s.Outcome.Evidence);
            Assert.All(s.Outcome.Evidence, n => Assert.InRange(n, s.FirstLine, s.LastLine));
            Assert.NotEmpty(s.Outcome.Evidence);
        });
    }

    [Fact]
    public void A_continuation_of_a_cited_message_is_cited_with_it()
    {
        string[] lines =
        [
            "STATUS:>   [9/8/2009 10:08:07 PM] Connecting to FTP server ftp.example.com:21 (ip = 203.0.113.5:21)...",
            "STATUS:>   [9/8/2009 10:08:07 PM] Socket connected. Waiting for welcome message...",
            "        [9/8/2009 10:08:07 PM] 220 FTP server ready",
            "COMMAND:>   [9/8/2009 10:08:07 PM] USER software",
            "        [9/8/2009 10:08:08 PM] 331 User name okay, need password.",
            "COMMAND:>   [9/8/2009 10:08:08 PM] PASS *****",
            "        [9/8/2009 10:08:08 PM] 530 Not logged in.",
            "ERROR:>   [9/8/2009 10:08:08 PM] Not logged in. The server refused the user name or password; check them",
            "        and try again.",
        ];

        var session = Assert.Single(Transcript.AnalyzeText(string.Join("\n", lines), "cuteftp-en").Sessions);

        Assert.Equal([6, 7, 8, 9], session.Outcome.Evidence);
        Assert.Equal("2009-09-08T22:08:08", session.End?.ToString());
    }
}
