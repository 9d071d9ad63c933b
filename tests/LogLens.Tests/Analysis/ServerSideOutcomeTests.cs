using System.Text;
using LogLens.Parsing;

namespace LogLens.Tests.Analysis;

/// <summary>Outcomes that only a server's own log can show: refusals at connect, transfer logs without logins.</summary>
public class ServerSideOutcomeTests
{
    [Theory]
    [InlineData(
        "vsftpd",
        "Thu Sep  8 00:39:49 2016 [pid 15019] CONNECT: Client \"198.51.100.7\", \"Connection refused: too many sessions for this address.\"",
        "too-many-connections-from-ip")]
    [InlineData(
        "vsftpd",
        "Thu Sep  8 00:39:49 2016 [pid 15019] CONNECT: Client \"198.51.100.7\", \"Connection refused: too many sessions.\"",
        "too-many-users")]
    [InlineData(
        "vsftpd",
        "Thu Sep  8 00:39:49 2016 [pid 15019] CONNECT: Client \"198.51.100.7\", \"Connection refused: tcp_wrappers denial.\"",
        "ip-denied")]
    [InlineData(
        "pure-ftpd",
        "Mar 14 10:26:01 files pure-ftpd: (?@198.51.100.15) [WARNING] Sorry, cleartext sessions and weak ciphers are not accepted on this server.",
        "encryption-required")]
    [InlineData(
        "xferlog",
        "Thu Sep  8 00:41:16 2016 1 198.51.100.7 1048576 /pub/manual 2016.pdf b _ o r alice ftp 0 * c",
        "succeeded")]
    [InlineData(
        "xferlog",
        "Thu Sep  8 00:41:16 2016 9 198.51.100.7 524288 /pub/big.iso b _ o r alice ftp 0 * i",
        "transfer-failed")]
    public void A_server_line_alone_decides_its_session(string format, string line, string outcome)
    {
        var analysis = Analyze(format, line);

        var session = Assert.Single(analysis.Sessions);
        Assert.Equal(outcome, session.Outcome.Id);
        Assert.Equal([1], session.Outcome.Evidence);
    }

    [Fact]
    public void A_transfer_row_with_its_own_status_says_why_it_failed()
    {
        var analysis = Analyze(
            "iis-ftp",
            "#Fields: date time c-ip cs-username s-ip s-port cs-method cs-uri-stem sc-status sc-win32-status sc-substatus x-session x-fullpath",
            "2011-05-12 04:03:10 198.51.100.7 - 192.0.2.10 21 ControlChannelOpened - - 0 0 s1 -",
            "2011-05-12 04:03:11 198.51.100.7 - 192.0.2.10 21 USER alice 331 0 0 s1 -",
            "2011-05-12 04:03:12 198.51.100.7 alice 192.0.2.10 21 PASS *** 230 0 0 s1 /",
            "2011-05-12 04:03:13 198.51.100.7 alice 192.0.2.10 21 RETR missing.zip 550 2 0 s1 /missing.zip",
            "2011-05-12 04:03:14 198.51.100.7 alice 192.0.2.10 21 ControlChannelClosed - - 0 0 s1 -");

        var session = Assert.Single(analysis.Sessions);
        Assert.Equal(("transfer-failed", "file-unavailable", 550), (session.Outcome.Id, session.Outcome.Reason, session.Outcome.ReplyCode));
        Assert.Equal(550, Assert.Single(session.Transfers).ReplyCode);
    }

    [Theory]
    [InlineData("USER bob 331 0 0", "PASS *** 530 1326 41", "login-failed", "bad-credentials", 530)]
    [InlineData("USER bob 331 0 0", "PASS *** 530 1331 0", "login-failed", "bad-credentials", 530)]
    [InlineData("USER bob 331 0 0", "PASS *** 230 0 0", "succeeded", null, 230)]
    [InlineData("USER anonymous 331 0 0", "PASS *** 530 5 0", "anonymous-denied", "anonymous-not-allowed", 530)]
    [InlineData("SYST - 215 0 0", "USER anonymous 530 5 0", "anonymous-denied", "anonymous-not-allowed", 530)]
    [InlineData("SYST - 215 0 0", "USER bob 230 0 0", "succeeded", null, 230)]
    public void A_login_row_of_an_iis_log_gives_the_session_its_status_as_reply_code(
        string before, string verdictRow, string outcome, string? reason, int replyCode)
    {
        var analysis = Analyze(
            "iis-ftp",
            "#Fields: date time c-ip cs-username s-ip s-port cs-method cs-uri-stem sc-status sc-win32-status sc-substatus x-session",
            "2019-02-21 09:15:00 203.0.113.44 - 192.0.2.20 21 ControlChannelOpened - - 0 0 k7",
            $"2019-02-21 09:15:01 203.0.113.44 - 192.0.2.20 21 {before} k7",
            $"2019-02-21 09:15:02 203.0.113.44 - 192.0.2.20 21 {verdictRow} k7",
            "2019-02-21 09:15:03 203.0.113.44 - 192.0.2.20 21 QUIT - 221 0 0 k7");

        var session = Assert.Single(analysis.Sessions);
        Assert.Equal((outcome, reason, replyCode), (session.Outcome.Id, session.Outcome.Reason, session.Outcome.ReplyCode));
        Assert.Contains(4, session.Outcome.Evidence);
    }

    [Theory]
    [InlineData("21:04:31 192.0.2.77 [12]PASS - 530 1326", "login-failed", 530)]
    [InlineData("21:04:31 192.0.2.77 [12]PASS - 230 0", "succeeded", 230)]
    public void A_login_row_of_an_old_iis_log_without_a_fields_header_gives_its_status_too(string row, string outcome, int replyCode)
    {
        var analysis = Analyze("iis-ftp", "21:04:30 192.0.2.77 [12]USER carol 331 0", row, "21:04:32 192.0.2.77 [12]closed - 426 0");

        var session = Assert.Single(analysis.Sessions);
        Assert.Equal((outcome, replyCode), (session.Outcome.Id, session.Outcome.ReplyCode));
    }

    [Theory]
    [InlineData("ControlChannelClosed - 421 121 0", 421)]
    [InlineData("ControlChannelClosed - - 121 0", null)]
    [InlineData("QUIT - 421 121 0", 421)]
    public void A_closing_row_of_an_iis_log_that_decides_the_session_gives_its_status(string closing, int? replyCode)
    {
        var analysis = Analyze(
            "iis-ftp",
            "#Fields: date time c-ip cs-username s-ip s-port cs-method cs-uri-stem sc-status sc-win32-status sc-substatus x-session",
            "2019-02-21 09:15:00 203.0.113.44 - 192.0.2.20 21 ControlChannelOpened - - 0 0 k8",
            "2019-02-21 09:15:01 203.0.113.44 - 192.0.2.20 21 USER bob 331 0 0 k8",
            $"2019-02-21 09:17:01 203.0.113.44 - 192.0.2.20 21 {closing} k8");

        var session = Assert.Single(analysis.Sessions);
        Assert.Equal(("timed-out", replyCode), (session.Outcome.Id, session.Outcome.ReplyCode));
    }

    [Theory]
    [InlineData("RETR /pub/a.zip 226 0 0", "succeeded", 226)]
    [InlineData("RETR /pub/a.zip 550 2 0", "transfer-failed", 550)]
    public void A_transfer_row_of_an_iis_session_begun_in_an_earlier_file_gives_its_status(string transfer, string outcome, int replyCode)
    {
        var analysis = Analyze(
            "iis-ftp",
            "#Fields: date time c-ip cs-username s-ip s-port cs-method cs-uri-stem sc-status sc-win32-status sc-substatus x-session",
            $"2019-02-22 00:00:04 203.0.113.44 bob 192.0.2.20 21 {transfer} k9",
            "2019-02-22 00:00:05 203.0.113.44 bob 192.0.2.20 21 QUIT - 221 0 0 k9");

        var session = Assert.Single(analysis.Sessions);
        Assert.Equal((outcome, replyCode), (session.Outcome.Id, session.Outcome.ReplyCode));
    }

    [Fact]
    public void A_vsftpd_server_that_forces_tls_refuses_a_plain_login_without_calling_it_a_wrong_password()
    {
        var analysis = Analyze(
            "vsftpd",
            "Thu Sep  8 00:39:49 2016 [pid 15019] CONNECT: Client \"198.51.100.7\"",
            "Thu Sep  8 00:39:49 2016 [pid 15019] FTP response: Client \"198.51.100.7\", \"220 (vsFTPd 3.0.3)\"",
            "Thu Sep  8 00:39:50 2016 [pid 15019] FTP command: Client \"198.51.100.7\", \"USER alice\"",
            "Thu Sep  8 00:39:50 2016 [pid 15019] [alice] FTP response: Client \"198.51.100.7\", \"530 Non-anonymous sessions must use encryption.\"",
            "Thu Sep  8 00:39:50 2016 [pid 15019] [alice] FTP command: Client \"198.51.100.7\", \"QUIT\"",
            "Thu Sep  8 00:39:50 2016 [pid 15019] [alice] FTP response: Client \"198.51.100.7\", \"221 Goodbye.\"");

        var session = Assert.Single(analysis.Sessions);
        Assert.Equal(("encryption-required", "tls-required", 530), (session.Outcome.Id, session.Outcome.Reason, session.Outcome.ReplyCode));
        Assert.Equal([3, 4], session.Outcome.Evidence.Take(2));
        Assert.Equal(("alice", false), (session.User, Assert.Single(session.Logins).Succeeded));
    }

    [Fact]
    public void A_transfer_log_names_the_user_of_the_session()
    {
        var analysis = Analyze("xferlog", "Thu Sep  8 00:41:16 2016 1 198.51.100.7 1048576 /pub/a.zip b _ o r alice ftp 0 * c");

        Assert.Equal("alice", Assert.Single(analysis.Sessions).User);
    }

    private static FileAnalysis Analyze(string format, params string[] lines) =>
        LogAnalyzer.AnalyzeStream(
            new MemoryStream(Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n")),
            "test.log",
            new AnalysisOptions { Format = FormatRegistry.Find(format) });
}
