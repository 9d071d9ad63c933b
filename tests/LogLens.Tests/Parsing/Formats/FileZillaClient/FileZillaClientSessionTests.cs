using LogLens.Analysis;
using LogLens.Events;
using LogLens.Tests.Support;

namespace LogLens.Tests.Parsing.Formats.FileZillaClient;

/// <summary>Whole FileZilla client logs through <see cref="LogAnalyzer.AnalyzeStream"/>: attempts, retries, outcomes.</summary>
public class FileZillaClientSessionTests
{
    [Fact]
    public void A_refused_connection_then_a_retry_that_logs_in_and_downloads()
    {
        var analysis = Analyze(
            "2023-07-16 10:20:28 4120 1 Status: Resolving address of ftp.example.com",
            "2023-07-16 10:20:28 4120 1 Status: Connecting to 203.0.113.5:21...",
            "2023-07-16 10:20:29 4120 1 Status: Connection attempt failed with \"ECONNREFUSED - Connection refused by server\".",
            "2023-07-16 10:20:29 4120 1 Error: Could not connect to server",
            "2023-07-16 10:20:29 4120 1 Status: Waiting to retry...",
            "2023-07-16 10:20:49 4120 1 Status: Resolving address of ftp.example.com",
            "2023-07-16 10:20:49 4120 1 Status: Connecting to 203.0.113.5:21...",
            "2023-07-16 10:20:49 4120 1 Status: Connection established, waiting for welcome message...",
            "2023-07-16 10:20:49 4120 1 Response: 220 Welcome",
            "2023-07-16 10:20:49 4120 1 Command: USER carol",
            "2023-07-16 10:20:49 4120 1 Response: 331 Password required for carol",
            "2023-07-16 10:20:50 4120 1 Command: PASS ********",
            "2023-07-16 10:20:50 4120 1 Response: 230 Logged on",
            "2023-07-16 10:20:50 4120 1 Status: Logged in",
            "2023-07-16 10:20:51 4120 1 Command: RETR q2 report.pdf",
            "2023-07-16 10:20:51 4120 1 Response: 150 Opening data channel for file download from server of \"/q2 report.pdf\"",
            "2023-07-16 10:20:53 4120 1 Response: 226 Successfully transferred \"/q2 report.pdf\"",
            "2023-07-16 10:20:53 4120 1 Status: File transfer successful, transferred 1,048,576 bytes in 2 seconds");

        Assert.Equal(2, analysis.Sessions.Count);
        var refused = analysis.Sessions[0];
        Assert.Equal((OutcomeKind.ConnectFailed, OutcomeReasons.Socket10061), (refused.Outcome.Kind, refused.Outcome.Reason));
        Assert.Equal(("ftp.example.com", 1, 5), (refused.Server, refused.FirstLine, refused.LastLine));
        Assert.Contains(3, refused.Outcome.Evidence);

        var retry = analysis.Sessions[1];
        Assert.Equal((OutcomeKind.Succeeded, "carol", 6), (retry.Outcome.Kind, retry.User, retry.FirstLine));
        Assert.Equal((refused.Id, 20.0, false), (retry.Retry!.Of, retry.Retry.AfterSeconds, retry.Retry.Hammering));
        var download = Assert.Single(retry.Transfers);
        Assert.Equal((TransferDirection.Download, "q2 report.pdf", true), (download.Direction, download.Path, download.Succeeded));
        Assert.Equal(1048576, download.Bytes);
        Assert.Equal(1, retry.Logins.Count(l => l.Succeeded));
    }

    [Fact]
    public void A_wrong_password_is_a_failed_login_not_the_connect_failure_filezilla_then_reports()
    {
        var analysis = Analyze(
            "Status:\tConnecting to 198.51.100.20:21...",
            "Status:\tConnection established, waiting for welcome message...",
            "Response:\t220 Welcome",
            "Command:\tUSER carol",
            "Response:\t331 Password required for carol",
            "Command:\tPASS hunter2",
            "Response:\t530 Login incorrect.",
            "Error:\tCritical error: Could not connect to server");

        var session = Assert.Single(analysis.Sessions);
        Assert.Equal((OutcomeKind.LoginFailed, OutcomeReasons.BadCredentials, 530), (session.Outcome.Kind, session.Outcome.Reason, session.Outcome.ReplyCode ?? 0));
        Assert.Equal(("198.51.100.20:21", "carol"), (session.Server, session.User));
        Assert.Equal(7, Assert.Single(session.Logins).Line);
        Assert.DoesNotContain(session.EvidenceLines, l => l.Text.Contains("hunter2", StringComparison.Ordinal));
    }

    [Fact]
    public void Requiring_tls_of_a_server_without_it_is_encryption_unavailable_not_an_incomplete_session()
    {
        var analysis = Analyze(
            "Status:\tConnecting to 198.51.100.20:21...",
            "Status:\tConnection established, waiting for welcome message...",
            "Response:\t220 (vsFTPd 3.0.3)",
            "Command:\tAUTH TLS",
            "Response:\t530 Please login with USER and PASS.",
            "Command:\tAUTH SSL",
            "Response:\t530 Please login with USER and PASS.",
            "Error:\tCritical error: Could not connect to server");

        var session = Assert.Single(analysis.Sessions);
        Assert.Equal((OutcomeKind.EncryptionUnavailable, OutcomeReasons.TlsNotSupported, 530), (session.Outcome.Kind, session.Outcome.Reason, session.Outcome.ReplyCode ?? 0));
        Assert.Equal([6, 7, 8], session.Outcome.Evidence);
        Assert.Empty(session.Logins);
    }

    [Fact]
    public void An_sftp_session_has_every_line_recognized_and_ends_by_its_login()
    {
        var sftp = new[]
        {
            "Status:\tConnecting to sftp.example.com...",
            "Response:\tfzSftp started, protocol_version=11",
            "Command:\topen \"carol@sftp.example.com\" 22",
            "Command:\tPass: hunter2",
        };
        var loggedIn = Analyze([.. sftp, "Status:\tConnected to sftp.example.com", "Status:\tRetrieving directory listing...", "Command:\tpwd", "Response:\tCurrent directory is: \"/home/carol\""]);
        var refused = Analyze([.. sftp, "Error:\tAuthentication failed.", "Error:\tCritical error: Could not connect to server"]);

        Assert.Equal(OutcomeKind.Succeeded, Assert.Single(loggedIn.Sessions).Outcome.Kind);
        Assert.Equal(OutcomeKind.LoginFailed, Assert.Single(refused.Sessions).Outcome.Kind);
        Assert.All([loggedIn, refused], a => Assert.Equal(0, a.Lines.Unrecognized));
        Assert.All([loggedIn, refused], a => Assert.DoesNotContain(a.Sessions[0].EvidenceLines, l => l.Text.Contains("hunter2", StringComparison.Ordinal)));
    }

    [Fact]
    public void No_answer_before_the_connection_is_up_is_socket_error_10060()
    {
        var analysis = Analyze(
            "2023-07-16 10:20:28 4120 1 Status: Connecting to 192.0.2.45:2121...",
            "2023-07-16 10:20:48 4120 1 Error: Connection timed out after 20 seconds of inactivity",
            "2023-07-16 10:20:48 4120 1 Error: Could not connect to server");

        var session = Assert.Single(analysis.Sessions);
        Assert.Equal((OutcomeKind.ConnectFailed, OutcomeReasons.Socket10060), (session.Outcome.Kind, session.Outcome.Reason));
        Assert.Equal("192.0.2.45:2121", session.Server);
    }

    [Fact]
    public void A_server_that_connects_but_never_welcomes_times_out()
    {
        var analysis = Analyze(
            "Status:\tConnecting to 192.0.2.45:21...",
            "Status:\tConnection established, waiting for welcome message...",
            "Error:\tConnection timed out after 20 seconds of inactivity",
            "Error:\tCould not connect to server");

        Assert.Equal(OutcomeKind.TimedOut, Assert.Single(analysis.Sessions).Outcome.Kind);
    }

    [Fact]
    public void A_refused_upload_keeps_the_servers_reason_though_filezilla_adds_a_critical_error()
    {
        var analysis = Analyze(
            "Status:\tConnecting to 203.0.113.5:21...",
            "Status:\tConnection established, waiting for welcome message...",
            "Response:\t220 Welcome",
            "Command:\tUSER carol",
            "Command:\tPASS ****",
            "Response:\t230 Logged on",
            "Status:\tLogged in",
            "Status:\tStarting upload of C:\\Users\\carol\\order 1187.pdf",
            "Command:\tSTOR order 1187.pdf",
            "Response:\t150 Opening data channel for file upload to server of \"/order 1187.pdf\"",
            "Response:\t553 Filename invalid",
            "Error:\tCritical file transfer error");

        var session = Assert.Single(analysis.Sessions);
        Assert.Equal((OutcomeKind.TransferFailed, OutcomeReasons.BadFileName, 553), (session.Outcome.Kind, session.Outcome.Reason, session.Outcome.ReplyCode ?? 0));
        var upload = Assert.Single(session.Transfers);
        Assert.Equal((TransferDirection.Upload, "order 1187.pdf", false), (upload.Direction, upload.Path, upload.Succeeded));
    }

    [Fact]
    public void Connections_of_different_engines_are_separate_sessions_though_their_lines_interleave()
    {
        var analysis = Analyze(
            "2023-07-16 10:20:28 4120 1 Status: Connecting to 203.0.113.5:21...",
            "2023-07-16 10:20:28 4120 2 Status: Connecting to 198.51.100.20:21...",
            "2023-07-16 10:20:28 4120 1 Status: Connection established, waiting for welcome message...",
            "2023-07-16 10:20:29 4120 2 Status: Connection attempt failed with \"ETIMEDOUT - Connection attempt timed out\".",
            "2023-07-16 10:20:29 4120 1 Response: 220 Welcome",
            "2023-07-16 10:20:29 4120 2 Error: Could not connect to server",
            "2023-07-16 10:20:29 4120 1 Command: USER carol",
            "2023-07-16 10:20:30 4120 1 Command: PASS ****",
            "2023-07-16 10:20:30 4120 1 Response: 230 Logged on",
            "2023-07-16 10:20:30 4120 1 Status: Logged in");

        Assert.Equal(
            [("4120/1", "203.0.113.5:21", OutcomeKind.Succeeded), ("4120/2", "198.51.100.20:21", OutcomeKind.ConnectFailed)],
            analysis.Sessions.Select(s => (s.Id, s.Server!, s.Outcome.Kind)));
        Assert.Equal(OutcomeReasons.Socket10060, analysis.Sessions[1].Outcome.Reason);
    }

    [Fact]
    public void A_chinese_message_log_reads_the_same()
    {
        var analysis = Analyze(
            "状态:\t正在解析 ftp.example.com 的地址",
            "状态:\t正在连接 203.0.113.5:21...",
            "状态:\t尝试连接“ECONNREFUSED - 连接被服务器拒绝”失败。",
            "错误:\t无法连接到服务器",
            "状态:\t正在等待重试...",
            "状态:\t正在解析 ftp.example.com 的地址",
            "状态:\t正在连接 203.0.113.5:21...",
            "状态:\t连接建立，等待欢迎消息...",
            "响应:\t220 欢迎",
            "命令:\tUSER carol",
            "响应:\t331 Password required for carol",
            "命令:\tPASS ********",
            "响应:\t230 Logged on",
            "状态:\t已登录");

        Assert.Equal(
            [(OutcomeKind.ConnectFailed, OutcomeReasons.Socket10061), (OutcomeKind.Succeeded, null)],
            analysis.Sessions.Select(s => (s.Outcome.Kind, s.Outcome.Reason)));
        Assert.Equal(analysis.Sessions[0].Id, analysis.Sessions[1].Retry?.Of);
        Assert.Equal("filezilla-client", analysis.Format);
    }

    [Fact]
    public void The_sample_log_is_detected_and_tells_the_refusal_the_retry_and_the_transfers()
    {
        var analysis = LogAnalyzer.AnalyzeFile(SampleLogs.PathOf("filezilla-client.log"));

        Assert.Equal("filezilla-client", analysis.Format);
        Assert.Equal(0, analysis.Lines.Unrecognized);
        Assert.Equal(
            [OutcomeKind.ConnectFailed, OutcomeKind.Succeeded, OutcomeKind.TransferFailed],
            analysis.Sessions.Select(s => s.Outcome.Kind));
        Assert.NotNull(analysis.Sessions[1].Retry);
        Assert.Equal(2, analysis.Sessions[2].Transfers.Count);
    }

    private static FileAnalysis Analyze(params string[] lines) =>
        Transcript.AnalyzeText(string.Join("\n", lines) + "\n", formatName: null, name: "filezilla.log");
}
