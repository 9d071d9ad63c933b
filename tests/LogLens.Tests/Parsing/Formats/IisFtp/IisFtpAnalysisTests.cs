using System.Text;
using LogLens.Analysis;
using LogLens.Events;

namespace LogLens.Tests.Parsing.Formats.IisFtp;

/// <summary>IIS FTP logs through the whole pipeline: what a person is told about each session.</summary>
public class IisFtpAnalysisTests
{
    private const string Header =
        "#Software: Microsoft Internet Information Services 7.5\n#Version: 1.0\n#Date: 2011-05-12 04:00:00\n" +
        "#Fields: date time c-ip cs-username s-ip s-port cs-method cs-uri-stem sc-status sc-win32-status sc-substatus sc-bytes cs-bytes x-session x-fullpath\n";

    private static FileAnalysis Analyze(string log)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(log));
        return LogAnalyzer.AnalyzeStream(stream, "u_ex110512.log");
    }

    private static string Row(string time, string client, string session, string method, string stem, string status, string win32 = "0", string bytes = "0 0", string user = "-", string path = "-") =>
        $"2011-05-12 {time} {client} {user} 192.0.2.10 21 {method} {stem} {status} {win32} 0 {bytes} {session} {path}\n";

    [Fact]
    public void Brute_force_from_one_address_is_failed_logins_on_the_pass_lines_with_every_user_tried()
    {
        var log = Header
            + Row("04:03:11", "198.51.100.7", "s1", "ControlChannelOpened", "-", "-")
            + Row("04:03:12", "198.51.100.7", "s1", "USER", "administrator", "331")
            + Row("04:03:12", "198.51.100.7", "s1", "PASS", "***", "530", "1326")
            + Row("04:03:13", "198.51.100.7", "s1", "USER", "admin", "331")
            + Row("04:03:13", "198.51.100.7", "s1", "PASS", "***", "530", "1326")
            + Row("04:03:14", "198.51.100.7", "s1", "ControlChannelClosed", "-", "-", "64")
            + Row("04:03:20", "198.51.100.7", "s2", "ControlChannelOpened", "-", "-")
            + Row("04:03:21", "198.51.100.7", "s2", "USER", "backup", "331")
            + Row("04:03:21", "198.51.100.7", "s2", "PASS", "***", "530", "1326")
            + Row("04:03:22", "198.51.100.7", "s2", "ControlChannelClosed", "-", "-");

        var result = Analyze(log);

        Assert.Equal("iis-ftp", result.Format);
        Assert.Equal(0, result.Lines.Unrecognized);
        Assert.Equal(["s1", "s2"], result.Sessions.Select(s => s.Id));
        Assert.All(result.Sessions, s => Assert.Equal(OutcomeKind.LoginFailed, s.Outcome.Kind));
        Assert.All(result.Sessions, s => Assert.Equal(OutcomeReasons.BadCredentials, s.Outcome.Reason));
        var logins = result.Sessions.SelectMany(s => s.Logins).ToArray();
        Assert.Equal([7, 9, 13], logins.Select(l => l.Line));
        Assert.All(logins, l => Assert.False(l.Succeeded));
        var client = Assert.Single(ClientSummaries.Build(result.Sessions));
        Assert.Equal(("198.51.100.7", 3), (client.Client, client.FailedLogins));
        Assert.Equal(["administrator", "admin", "backup"], client.Users);
    }

    [Fact]
    public void A_login_with_a_download_and_an_upload_succeeds_with_both_transfers_and_their_bytes()
    {
        var log = Header
            + Row("04:10:02", "203.0.113.25", "s3", "ControlChannelOpened", "-", "-")
            + Row("04:10:03", "203.0.113.25", "s3", "USER", "carol", "331")
            + Row("04:10:03", "203.0.113.25", "s3", "PASS", "***", "230", user: "WEB01\\carol", path: "/")
            + Row("04:10:05", "203.0.113.25", "s3", "DataChannelOpened", "-", "-")
            + Row("04:10:09", "203.0.113.25", "s3", "DataChannelClosed", "-", "-", bytes: "1048576 0")
            + Row("04:10:09", "203.0.113.25", "s3", "RETR", "reports/q1.pdf", "226", bytes: "1048576 24", user: "WEB01\\carol", path: "/reports/q1.pdf")
            + Row("04:10:15", "203.0.113.25", "s3", "STOR", "up/notes.txt", "226", bytes: "24 20480", user: "WEB01\\carol", path: "/up/notes.txt")
            + Row("04:10:20", "203.0.113.25", "s3", "QUIT", "-", "221")
            + Row("04:10:20", "203.0.113.25", "s3", "ControlChannelClosed", "-", "-");

        var session = Assert.Single(Analyze(log).Sessions);

        Assert.Equal(OutcomeKind.Succeeded, session.Outcome.Kind);
        Assert.Equal(("carol", "192.0.2.10", "203.0.113.25"), (session.User, session.Server, session.Client));
        Assert.Equal(
            [(TransferDirection.Download, "/reports/q1.pdf", (long?)1048576, true), (TransferDirection.Upload, "/up/notes.txt", (long?)20480, true)],
            session.Transfers.Select(t => (t.Direction, t.Path, t.Bytes, t.Succeeded)));
        var login = Assert.Single(session.Logins);
        Assert.Equal((7, "carol", true), (login.Line, login.User, login.Succeeded));
    }

    [Fact]
    public void A_download_refused_550_is_a_failed_transfer_on_its_line()
    {
        var log = Header
            + Row("04:21:40", "203.0.113.40", "s4", "ControlChannelOpened", "-", "-")
            + Row("04:21:41", "203.0.113.40", "s4", "USER", "dave", "331")
            + Row("04:21:41", "203.0.113.40", "s4", "PASS", "***", "230")
            + Row("04:21:45", "203.0.113.40", "s4", "RETR", "archive/2010.zip", "550", "2", "52 23", path: "/archive/2010.zip")
            + Row("04:21:50", "203.0.113.40", "s4", "QUIT", "-", "221")
            + Row("04:21:50", "203.0.113.40", "s4", "ControlChannelClosed", "-", "-");

        var session = Assert.Single(Analyze(log).Sessions);

        Assert.Equal(OutcomeKind.TransferFailed, session.Outcome.Kind);
        Assert.Contains(8, session.Outcome.Evidence);
        var transfer = Assert.Single(session.Transfers);
        Assert.Equal((8, "/archive/2010.zip", false, (long?)null), (transfer.Line, transfer.Path, transfer.Succeeded, transfer.Bytes));
    }

    [Fact]
    public void An_anonymous_login_refused_is_anonymous_denied()
    {
        var log = Header
            + Row("05:02:10", "198.51.100.23", "s5", "USER", "anonymous", "331")
            + Row("05:02:11", "198.51.100.23", "s5", "PASS", "***", "530", "1326")
            + Row("05:02:11", "198.51.100.23", "s5", "QUIT", "-", "221");

        var session = Assert.Single(Analyze(log).Sessions);

        Assert.Equal(OutcomeKind.AnonymousDenied, session.Outcome.Kind);
        Assert.Equal(6, Assert.Single(session.Logins).Line);
    }

    [Theory]
    [InlineData("121", OutcomeKind.TimedOut)]
    [InlineData("0", OutcomeKind.Unknown)]
    public void A_control_channel_closed_before_any_verdict_says_whether_it_timed_out(string win32, OutcomeKind kind)
    {
        var log = Header
            + Row("05:14:30", "203.0.113.77", "s6", "ControlChannelOpened", "-", "-")
            + Row("05:14:31", "203.0.113.77", "s6", "USER", "erin", "331")
            + Row("05:16:31", "203.0.113.77", "s6", "ControlChannelClosed", "-", "-", win32);

        var session = Assert.Single(Analyze(log).Sessions);

        Assert.Equal(kind, session.Outcome.Kind);
    }

    [Fact]
    public void A_session_opened_again_after_a_successful_one_is_a_new_session()
    {
        var log = Header
            + Row("04:10:03", "203.0.113.25", "s7", "USER", "carol", "331")
            + Row("04:10:03", "203.0.113.25", "s7", "PASS", "***", "230")
            + Row("04:10:20", "203.0.113.25", "s7", "QUIT", "-", "221")
            + Row("04:10:20", "203.0.113.25", "s7", "ControlChannelClosed", "-", "-")
            + Row("04:11:00", "203.0.113.25", "s8", "ControlChannelOpened", "-", "-")
            + Row("04:11:01", "203.0.113.25", "s8", "USER", "carol", "331")
            + Row("04:11:01", "203.0.113.25", "s8", "PASS", "***", "530", "1326")
            + Row("04:11:05", "203.0.113.25", "s8", "ControlChannelClosed", "-", "-");

        var result = Analyze(log);

        Assert.Equal([OutcomeKind.Succeeded, OutcomeKind.LoginFailed], result.Sessions.Select(s => s.Outcome.Kind));
        Assert.Equal(7, result.Sessions[0].LastLine); // QUIT ends it; the close that follows is counted, in no session
    }

    [Fact]
    public void The_short_form_gives_one_session_per_connection_id_even_when_they_interleave()
    {
        const string log = """
            #Software: Microsoft Internet Information Services 6.0
            #Version: 1.0
            #Date: 2011-05-12 14:03:11
            #Fields: time c-ip cs-method cs-uri-stem sc-status sc-win32-status
            14:03:19 198.51.100.7 [62]USER root 331 0
            14:03:19 198.51.100.7 [63]USER admin 331 0
            14:03:19 198.51.100.7 [62]PASS - 530 1326
            14:03:20 198.51.100.7 [63]PASS - 530 1326
            14:05:40 203.0.113.25 [64]USER carol 331 0
            14:05:41 203.0.113.25 [64]PASS - 230 0
            14:06:30 203.0.113.25 [64]created /incoming/notes.txt 226 0
            14:07:02 203.0.113.25 [64]sent /pub/manual.pdf 226 0
            14:07:12 203.0.113.25 [64]QUIT - 226 0
            14:09:13 198.51.100.23 [65]USER anonymous 331 0
            14:09:13 198.51.100.23 [65]PASS guest@example.com 530 1326
            14:09:14 198.51.100.23 [65]QUIT - 530 0
            """;

        var result = Analyze(log);

        Assert.Equal(0, result.Lines.Unrecognized);
        Assert.Equal(
            [("62", OutcomeKind.LoginFailed, "root"), ("63", OutcomeKind.LoginFailed, "admin"), ("64", OutcomeKind.Succeeded, "carol"), ("65", OutcomeKind.AnonymousDenied, "anonymous")],
            result.Sessions.Select(s => (s.Id, s.Outcome.Kind, s.User)));
        Assert.Equal([7, 8], result.Sessions.Take(2).SelectMany(s => s.Logins).Select(l => l.Line));
        Assert.Equal("2011-05-12T14:03:19", result.Sessions[0].Start.ToString());
        Assert.Equal(
            [TransferDirection.Upload, TransferDirection.Download],
            result.Sessions[2].Transfers.Select(t => t.Direction));
        Assert.DoesNotContain(result.Sessions.SelectMany(s => s.EvidenceLines), e => e.Text.Contains("guest@", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("iis-ftp-w3c.log", new[] { "login-failed", "login-failed", "succeeded", "transfer-failed", "anonymous-denied", "timed-out" })]
    [InlineData("iis-ftp-short.log", new[] { "login-failed", "login-failed", "succeeded", "anonymous-denied", "transfer-failed" })]
    public void The_sample_logs_tell_each_sessions_story(string file, string[] outcomes)
    {
        var text = string.Join('\n', Support.SampleLogs.Read(file).Select(l => l.Text));

        var result = Analyze(text);

        Assert.Equal("iis-ftp", result.Format);
        Assert.Equal(0, result.Lines.Unrecognized);
        Assert.Equal(outcomes, result.Sessions.Select(s => s.Outcome.Id));
    }
}
