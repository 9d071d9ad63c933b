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
