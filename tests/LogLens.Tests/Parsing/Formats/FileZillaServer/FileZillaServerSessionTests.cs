using LogLens.Analysis;
using LogLens.Events;
using LogLens.Tests.Support;

namespace LogLens.Tests.Parsing.Formats.FileZillaServer;

/// <summary>Whole FileZilla Server logs through <see cref="LogAnalyzer.AnalyzeStream"/>: sessions, logins, transfers, outcomes.</summary>
public class FileZillaServerSessionTests
{
    [Fact]
    public void A_legacy_session_that_logs_in_downloads_and_uploads_succeeds_with_both_transfers()
    {
        var analysis = Analyze(
            "(000012) 3/14/2011 16:02:11 PM - (not logged in) (192.0.2.15)> Connected, sending welcome message...",
            "(000012) 3/14/2011 16:02:11 PM - (not logged in) (192.0.2.15)> 220 Welcome",
            "(000012) 3/14/2011 16:02:12 PM - (not logged in) (192.0.2.15)> USER carol",
            "(000012) 3/14/2011 16:02:12 PM - (not logged in) (192.0.2.15)> 331 Password required for carol",
            "(000012) 3/14/2011 16:02:12 PM - (not logged in) (192.0.2.15)> PASS secret",
            "(000012) 3/14/2011 16:02:12 PM - carol (192.0.2.15)> 230 Logged on",
            "(000012) 3/14/2011 16:02:13 PM - carol (192.0.2.15)> RETR price list.xls",
            "(000012) 3/14/2011 16:02:13 PM - carol (192.0.2.15)> 150 Opening data channel for file download from server of \"/price list.xls\"",
            "(000012) 3/14/2011 16:02:15 PM - carol (192.0.2.15)> 226 Successfully transferred \"/price list.xls\"",
            "(000012) 3/14/2011 16:02:16 PM - carol (192.0.2.15)> STOR order.pdf",
            "(000012) 3/14/2011 16:02:16 PM - carol (192.0.2.15)> 150 Opening data channel for file upload to server of \"/order.pdf\"",
            "(000012) 3/14/2011 16:02:17 PM - carol (192.0.2.15)> 226 Successfully transferred \"/order.pdf\"",
            "(000012) 3/14/2011 16:02:18 PM - carol (192.0.2.15)> disconnected.");

        var session = Assert.Single(analysis.Sessions);
        Assert.Equal(OutcomeKind.Succeeded, session.Outcome.Kind);
        Assert.Equal(("000012", "192.0.2.15", "carol"), (session.Id, session.Client, session.User));
        Assert.Equal(("2011-03-14T16:02:11", "2011-03-14T16:02:18"), (session.Start.ToString(), session.End.ToString()));
        Assert.Equal([(TransferDirection.Download, "price list.xls", 226), (TransferDirection.Upload, "order.pdf", 226)], session.Transfers.Select(t => (t.Direction, t.Path, t.ReplyCode ?? 0)));
        Assert.All(session.Transfers, t => Assert.True(t.Succeeded));
        Assert.DoesNotContain(session.EvidenceLines, l => l.Text.Contains("secret", StringComparison.Ordinal));
    }

    [Fact]
    public void A_wrong_password_is_a_failed_login_on_the_530_line_of_the_client()
    {
        var analysis = Analyze(
            "(000175) 1/5/2022 19:04:10 PM - (not logged in) (203.0.113.77)> Connected on port 21, sending welcome message...",
            "(000175) 1/5/2022 19:04:10 PM - (not logged in) (203.0.113.77)> 220 Welcome",
            "(000175) 1/5/2022 19:04:11 PM - (not logged in) (203.0.113.77)> USER www",
            "(000175) 1/5/2022 19:04:11 PM - (not logged in) (203.0.113.77)> 331 Password required for www",
            "(000175) 1/5/2022 19:04:11 PM - (not logged in) (203.0.113.77)> PASS www",
            "(000175) 1/5/2022 19:04:11 PM - (not logged in) (203.0.113.77)> 530 Login or password incorrect!",
            "(000175) 1/5/2022 19:04:14 PM - (not logged in) (203.0.113.77)> disconnected.");

        var session = Assert.Single(analysis.Sessions);
        Assert.Equal((OutcomeKind.LoginFailed, OutcomeReasons.BadCredentials, 530), (session.Outcome.Kind, session.Outcome.Reason, session.Outcome.ReplyCode ?? 0));
        var login = Assert.Single(session.Logins);
        Assert.Equal((6, "www", false), (login.Line, login.User, login.Succeeded));
        Assert.Equal("203.0.113.77", session.Client);
    }

    [Fact]
    public void A_refused_download_is_a_transfer_failure_with_the_550()
    {
        var analysis = Analyze(
            "(000014) 16.06.2012 17:30:02 - (not logged in) (198.51.100.23)> Connected, sending welcome message...",
            "(000014) 16.06.2012 17:30:04 - (not logged in) (198.51.100.23)> USER dan",
            "(000014) 16.06.2012 17:30:04 - (not logged in) (198.51.100.23)> PASS ****",
            "(000014) 16.06.2012 17:30:04 - dan (198.51.100.23)> 230 Logged on",
            "(000014) 16.06.2012 17:30:06 - dan (198.51.100.23)> RETR minutes.doc",
            "(000014) 16.06.2012 17:30:06 - dan (198.51.100.23)> 550 File not found",
            "(000014) 16.06.2012 17:32:06 - dan (198.51.100.23)> 421 Connection timed out.",
            "(000014) 16.06.2012 17:32:06 - dan (198.51.100.23)> disconnected.");

        var session = Assert.Single(analysis.Sessions);
        Assert.Equal((OutcomeKind.TransferFailed, OutcomeReasons.FileUnavailable, 550), (session.Outcome.Kind, session.Outcome.Reason, session.Outcome.ReplyCode ?? 0));
        var transfer = Assert.Single(session.Transfers);
        Assert.Equal(("minutes.doc", false, 550), (transfer.Path, transfer.Succeeded, transfer.ReplyCode ?? 0));
    }

    [Fact]
    public void Interleaved_sessions_are_kept_apart_by_their_ids_and_a_reused_id_after_a_connect_is_a_new_session()
    {
        var analysis = Analyze(
            "(000001) 4/1/2009 10:00:00 - (not logged in) (192.0.2.5)> Connected, sending welcome message...",
            "(000002) 4/1/2009 10:00:01 - (not logged in) (198.51.100.7)> Connected, sending welcome message...",
            "(000001) 4/1/2009 10:00:02 - (not logged in) (192.0.2.5)> USER bob",
            "(000002) 4/1/2009 10:00:02 - (not logged in) (198.51.100.7)> USER carol",
            "(000002) 4/1/2009 10:00:03 - (not logged in) (198.51.100.7)> PASS ****",
            "(000001) 4/1/2009 10:00:03 - (not logged in) (192.0.2.5)> PASS ****",
            "(000002) 4/1/2009 10:00:03 - carol (198.51.100.7)> 230 Logged on",
            "(000001) 4/1/2009 10:00:04 - (not logged in) (192.0.2.5)> 530 Login or password incorrect!",
            "(000001) 4/2/2009 09:00:00 - (not logged in) (203.0.113.9)> Connected, sending welcome message...",
            "(000001) 4/2/2009 09:00:01 - (not logged in) (203.0.113.9)> USER dave");

        Assert.Equal(
            [("000001", "192.0.2.5", OutcomeKind.LoginFailed), ("000002", "198.51.100.7", OutcomeKind.Succeeded), ("000001-2", "203.0.113.9", OutcomeKind.Incomplete)],
            analysis.Sessions.Select(s => (s.Id, s.Client!, s.Outcome.Kind)));
    }

    [Fact]
    public void A_modern_failed_login_is_counted_once_though_the_authenticator_and_the_reply_both_say_it()
    {
        var analysis = Analyze(
            "2024-04-17T20:50:00.040Z << [FTP Session 3636 203.0.113.77] 220 Welcome",
            "2024-04-17T20:50:00.050Z >> [FTP Session 3636 203.0.113.77] USER root",
            "2024-04-17T20:50:00.069Z DI [Throttled Authenticator, FTP Session: 3636] Authenticating user root from IP 203.0.113.77.",
            "2024-04-17T20:50:00.069Z << [FTP Session 3636 203.0.113.77] 331 Please, specify the password.",
            "2024-04-17T20:50:00.086Z >> [FTP Session 3636 203.0.113.77] PASS ****",
            "2024-04-17T20:50:00.101Z DI [Throttled Authenticator, FTP Session: 3636] Recording failed login for user root from IP 203.0.113.77.",
            "2024-04-17T20:50:00.102Z << [FTP Session 3636 203.0.113.77] 530 Login incorrect.",
            "2024-04-17T20:50:00.400Z !! [FTP Session 3636 203.0.113.77] Control channel closed with error from source 0. Reason: ECONNRESET - Connection reset by peer.",
            "2024-04-17T20:50:00.400Z == [FTP Server] Session 3636 ended gracefully.");

        var session = Assert.Single(analysis.Sessions);
        Assert.Equal(OutcomeKind.LoginFailed, session.Outcome.Kind);
        var login = Assert.Single(session.Logins);
        Assert.Equal((6, "root", false), (login.Line, login.User, login.Succeeded));
        Assert.Equal(("3636", "203.0.113.77"), (session.Id, session.Client));
        Assert.Equal(9, analysis.Lines.Recognized);
    }

    [Fact]
    public void A_modern_session_with_a_download_ends_at_the_servers_session_ended_line()
    {
        var analysis = Analyze(
            "2023-07-16T02:30:06.782Z << [FTP Session 2857 192.0.2.15] 220 Welcome",
            "2023-07-16T02:30:06.790Z >> [FTP Session 2857 192.0.2.15] USER komu",
            "2023-07-16T02:30:06.801Z >> [FTP Session 2857 192.0.2.15] PASS ****",
            "2023-07-16T02:30:06.860Z << [FTP Session 2857 192.0.2.15 komu] 230 Login successful.",
            "2023-07-16T02:30:06.863Z >> [FTP Session 2857 192.0.2.15 komu] RETR partner list/list.htm",
            "2023-07-16T02:30:06.938Z << [FTP Session 2857 192.0.2.15 komu] 150 Starting data transfer.",
            "2023-07-16T02:30:06.940Z << [FTP Session 2857 192.0.2.15 komu] 226 Operation successful",
            "2023-07-16T02:30:06.950Z >> [FTP Session 2857 192.0.2.15 komu] QUIT",
            "2023-07-16T02:30:06.951Z << [FTP Session 2857 192.0.2.15 komu] 221 Goodbye.",
            "2023-07-16T02:30:06.952Z == [FTP Server] Session 2857 ended gracefully.",
            "2023-07-16T02:31:00.000Z << [FTP Session 2858 198.51.100.7] 220 Welcome");

        Assert.Equal(2, analysis.Sessions.Count);
        var session = analysis.Sessions[0];
        Assert.Equal((OutcomeKind.Succeeded, "komu", 10), (session.Outcome.Kind, session.User, session.LastLine));
        Assert.Equal("2023-07-16T02:30:06.952Z", session.End.ToString());
        var transfer = Assert.Single(session.Transfers);
        Assert.Equal((TransferDirection.Download, "partner list/list.htm", true), (transfer.Direction, transfer.Path, transfer.Succeeded));
        Assert.Equal(OutcomeKind.Incomplete, analysis.Sessions[1].Outcome.Kind);
    }

    [Fact]
    public void A_failed_sftp_password_is_a_failed_login_of_the_user_the_server_names()
    {
        var analysis = Analyze(
            "2023-07-16T02:33:06.323Z >> [SSH SFTP Session 2858 203.0.113.77] SSH User Authentication [method=none, user=mysql, service=ssh-connection]",
            "2023-07-16T02:33:06.323Z == [SSH SFTP Session 2858 203.0.113.77] Client tried 'none' authentication method which is not available.",
            "2023-07-16T02:33:06.354Z >> [SSH SFTP Session 2858 203.0.113.77] SSH User Authentication [method=password, user=mysql, service=ssh-connection]",
            "2023-07-16T02:33:06.354Z !! [SSH SFTP Session 2858 203.0.113.77] User authentication attempt with method 'password' failed [user=mysql] [error=Wrong password]",
            "2023-07-16T02:33:06.385Z == [SSH SFTP Session 2858 203.0.113.77] Closing connection [code=0]",
            "2023-07-16T02:33:06.385Z == [SSH SFTP Server] Session 2858 ended gracefully.");

        var session = Assert.Single(analysis.Sessions);
        Assert.Equal((OutcomeKind.LoginFailed, "mysql"), (session.Outcome.Kind, session.User));
        Assert.Equal(4, Assert.Single(session.Logins).Line);
        Assert.Equal(6, analysis.Lines.Recognized);
    }

    [Fact]
    public void A_session_ended_with_a_timeout_error_is_timed_out()
    {
        var analysis = Analyze(
            "2023-07-16T02:30:06.782Z << [FTP Session 9 192.0.2.15] 220 Welcome",
            "2023-07-16T02:30:06.790Z >> [FTP Session 9 192.0.2.15] USER carol",
            "2023-07-16T02:32:06.790Z !! [FTP Server] Session 9 ended with error. Reason: ETIMEDOUT - Connection attempt timed out.");

        var session = Assert.Single(analysis.Sessions);
        Assert.Equal(OutcomeKind.TimedOut, session.Outcome.Kind);
        Assert.Equal(3, session.LastLine);
    }

    [Theory]
    [InlineData("filezilla-server.log")]
    [InlineData("filezilla-server-1x.log")]
    public void The_sample_logs_are_detected_and_every_line_is_recognized(string sample)
    {
        var analysis = LogAnalyzer.AnalyzeFile(SampleLogs.PathOf(sample));

        Assert.Equal("filezilla-server", analysis.Format);
        Assert.Equal(0, analysis.Lines.Unrecognized);
        Assert.Contains(analysis.Sessions, s => s.Outcome.Kind == OutcomeKind.Succeeded && s.Transfers.Count == 2);
        Assert.Contains(analysis.Sessions, s => s.Outcome.Kind == OutcomeKind.LoginFailed && s.Logins.Count(l => !l.Succeeded) == 2);
        Assert.Contains(analysis.Sessions, s => s.Outcome is { Kind: OutcomeKind.TransferFailed, ReplyCode: 550 });
    }

    private static FileAnalysis Analyze(params string[] lines) =>
        Transcript.AnalyzeText(string.Join("\n", lines) + "\n", formatName: null, name: "filezilla.log");
}
