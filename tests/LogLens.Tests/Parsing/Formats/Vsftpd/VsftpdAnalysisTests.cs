using System.Text;
using LogLens.Analysis;
using LogLens.Events;
using LogLens.Parsing.Formats.Vsftpd;
using LogLens.Tests.Support;

namespace LogLens.Tests.Parsing.Formats.Vsftpd;

/// <summary>vsftpd logs through the whole pipeline: sessions, outcomes, logins and transfers.</summary>
public class VsftpdAnalysisTests
{
    private static FileAnalysis Analyze(params string[] lines)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n"));
        return LogAnalyzer.AnalyzeStream(stream, "vsftpd.log");
    }

    [Fact]
    public void A_vsftpd_log_is_detected_as_vsftpd()
    {
        var result = Analyze(
            "Thu Sep  8 00:39:47 2016 [pid 15020] CONNECT: Client \"198.51.100.7\"",
            "Thu Sep  8 00:39:49 2016 [pid 15019] [alice] OK LOGIN: Client \"198.51.100.7\"");

        Assert.Equal("vsftpd", result.Format);
    }

    [Fact]
    public void A_connection_refused_for_too_many_sessions_from_the_address_says_so()
    {
        var result = Analyze(
            "Thu Sep  8 00:39:47 2016 [pid 15020] CONNECT: Client \"198.51.100.7\"",
            "Thu Sep  8 00:39:48 2016 [pid 15022] CONNECT: Client \"::ffff:198.51.100.7\", \"Connection refused: too many sessions for this address.\"",
            "Thu Sep  8 00:39:49 2016 [pid 15019] [alice] OK LOGIN: Client \"198.51.100.7\"",
            "Thu Sep  8 00:39:50 2016 [pid 15023] [alice] FTP response: Client \"198.51.100.7\", \"221 Goodbye.\"");

        Assert.Equal(2, result.Sessions.Count);
        var refused = result.Sessions.Single(s => s.FirstLine == 2);
        Assert.Equal(OutcomeKind.TooManyConnectionsFromIp, refused.Outcome.Kind);
        Assert.Equal(OutcomeReasons.OneSessionPerIp, refused.Outcome.Reason);
        Assert.Null(refused.Outcome.ReplyCode); // the line says why, not which code vsftpd sent
        Assert.Equal("198.51.100.7", refused.Client);
        Assert.Equal([2], refused.Outcome.Evidence);
        Assert.Empty(refused.Logins);
        Assert.Equal(OutcomeKind.Succeeded, result.Sessions.Single(s => s.FirstLine == 1).Outcome.Kind);
    }

    [Fact]
    public void N_connect_lines_give_n_sessions_and_every_transfer_stays_in_its_own()
    {
        var result = Analyze(
            "Thu Sep  8 00:39:47 2016 [pid 15020] CONNECT: Client \"198.51.100.7\"",
            "Thu Sep  8 00:39:48 2016 [pid 15022] CONNECT: Client \"203.0.113.9\"",
            "Thu Sep  8 00:39:49 2016 [pid 15024] CONNECT: Client \"198.51.100.7\"",
            "Thu Sep  8 00:39:50 2016 [pid 15019] [alice] OK LOGIN: Client \"198.51.100.7\"",
            "Thu Sep  8 00:39:50 2016 [pid 15021] [bob] OK LOGIN: Client \"203.0.113.9\"",
            "Thu Sep  8 00:39:51 2016 [pid 15023] [carol] FAIL LOGIN: Client \"198.51.100.7\"",
            "Thu Sep  8 00:39:52 2016 [pid 15026] [alice] OK DOWNLOAD: Client \"198.51.100.7\", \"/pub/a b.iso\", 1048576 bytes, 85.30Kbyte/sec",
            "Thu Sep  8 00:39:53 2016 [pid 15027] [bob] OK UPLOAD: Client \"203.0.113.9\", \"/in/b.txt\", 2048 bytes, 12.00Kbyte/sec",
            "Thu Sep  8 00:39:54 2016 [pid 15026] [alice] FAIL DOWNLOAD: Client \"198.51.100.7\", \"/pub/c.iso\", 4096 bytes, 1.00Kbyte/sec",
            "Thu Sep  8 00:39:55 2016 [pid 15023] [carol] OK LOGIN: Client \"198.51.100.7\"",
            "Thu Sep  8 00:39:56 2016 [pid 15026] [alice] FTP response: Client \"198.51.100.7\", \"221 Goodbye.\"",
            "Thu Sep  8 00:39:57 2016 [pid 15027] [bob] FTP response: Client \"203.0.113.9\", \"221 Goodbye.\"",
            "Thu Sep  8 00:39:58 2016 [pid 15029] [carol] FTP response: Client \"198.51.100.7\", \"221 Goodbye.\"");

        Assert.Equal(3, result.Sessions.Count);
        var alice = result.Sessions.Single(s => s.User == "alice");
        var bob = result.Sessions.Single(s => s.User == "bob");
        var carol = result.Sessions.Single(s => s.User == "carol");
        Assert.Equal(["/pub/a b.iso", "/pub/c.iso"], alice.Transfers.Select(t => t.Path));
        Assert.Equal([true, false], alice.Transfers.Select(t => t.Succeeded));
        Assert.Equal("85.30Kbyte/sec", alice.Transfers[0].Rate);
        Assert.Equal(OutcomeKind.TransferFailed, alice.Outcome.Kind);
        Assert.Equal(["/in/b.txt"], bob.Transfers.Select(t => t.Path));
        Assert.Equal(OutcomeKind.Succeeded, bob.Outcome.Kind);
        Assert.Equal([false, true], carol.Logins.Select(l => l.Succeeded));
        Assert.Equal("15024", carol.Id);
    }

    [Fact]
    public void A_full_protocol_dialogue_counts_each_login_attempt_once()
    {
        var result = Analyze(
            "Thu Sep  8 00:39:47 2016 [pid 15020] CONNECT: Client \"198.51.100.7\"",
            "Thu Sep  8 00:39:47 2016 [pid 15020] FTP response: Client \"198.51.100.7\", \"220 (vsFTPd 3.0.3)\"",
            "Thu Sep  8 00:39:48 2016 [pid 15020] FTP command: Client \"198.51.100.7\", \"USER bob\"",
            "Thu Sep  8 00:39:48 2016 [pid 15020] [bob] FTP response: Client \"198.51.100.7\", \"331 Please specify the password.\"",
            "Thu Sep  8 00:39:49 2016 [pid 15020] [bob] FTP command: Client \"198.51.100.7\", \"PASS <password>\"",
            "Thu Sep  8 00:39:52 2016 [pid 15019] [bob] FAIL LOGIN: Client \"198.51.100.7\"",
            "Thu Sep  8 00:39:52 2016 [pid 15020] [bob] FTP response: Client \"198.51.100.7\", \"530 Login incorrect.\"",
            "Thu Sep  8 00:39:55 2016 [pid 15020] [bob] FTP command: Client \"198.51.100.7\", \"PASS <password>\"",
            "Thu Sep  8 00:39:55 2016 [pid 15019] [bob] OK LOGIN: Client \"198.51.100.7\"",
            "Thu Sep  8 00:39:55 2016 [pid 15021] [bob] FTP response: Client \"198.51.100.7\", \"230 Login successful.\"",
            "Thu Sep  8 00:40:01 2016 [pid 15021] [bob] FTP command: Client \"198.51.100.7\", \"QUIT\"",
            "Thu Sep  8 00:40:01 2016 [pid 15021] [bob] FTP response: Client \"198.51.100.7\", \"221 Goodbye.\"");

        var session = Assert.Single(result.Sessions);
        Assert.Equal([(6, false), (9, true)], session.Logins.Select(l => (l.Line, l.Succeeded)));
        Assert.Equal(OutcomeKind.Succeeded, session.Outcome.Kind);
        Assert.Equal(12, session.LastLine);
        Assert.DoesNotContain(session.EvidenceLines, e => e.Text.Contains("<password>", StringComparison.Ordinal));
    }

    [Fact]
    public void A_pam_failure_followed_by_vsftpds_fail_login_is_one_failed_attempt()
    {
        // The other program's line ten minutes on shows the connection was over before the log ended.
        var result = Analyze(
            "2025-03-04T01:06:31.645577 files vsftpd[1657]: CONNECT: Client \"192.0.2.222\"",
            "2025-03-04T01:06:34.002114 files vsftpd[1656]: pam_unix(vsftpd:auth): authentication failure; logname= uid=0 euid=0 tty=ftp ruser=mallory rhost=192.0.2.222 user=mallory",
            "2025-03-04T01:06:36.645577 files vsftpd[1656]: [mallory] FAIL LOGIN: Client \"192.0.2.222\"",
            "2025-03-04T01:06:39.223456 files vsftpd[1656]: pam_unix(vsftpd:auth): authentication failure; logname= uid=0 euid=0 tty=ftp ruser=mallory rhost=192.0.2.222 user=mallory",
            "2025-03-04T01:06:41.645577 files vsftpd[1656]: [mallory] FAIL LOGIN: Client \"192.0.2.222\"",
            "2025-03-04T01:16:42.812003 files sshd[1702]: Accepted publickey for backup from 198.51.100.50 port 50122 ssh2");

        var session = Assert.Single(result.Sessions);
        Assert.Equal([2, 4], session.Logins.Select(l => l.Line));
        Assert.All(session.Logins, l => Assert.Equal("mallory", l.User));
        Assert.Equal(OutcomeKind.LoginFailed, session.Outcome.Kind);
        Assert.Equal(1, result.Lines.Other);
        Assert.Equal(0, result.Lines.Unrecognized);
    }

    [Fact]
    public void A_530_permission_denied_is_a_failed_login_of_the_prefixed_user()
    {
        var result = Analyze("Mon Apr 12 15:19:22 2021 [pid 15685] [www-data] FTP response: Client \"198.51.100.7\", \"530 Permission denied.\"");

        var login = Assert.Single(Assert.Single(result.Sessions).Logins);
        Assert.Equal((1, "www-data", false), (login.Line, login.User, login.Succeeded));
    }

    [Fact]
    public void Repeated_fail_login_lines_of_one_process_are_one_session_with_every_attempt()
    {
        var lines = Enumerable.Range(0, 6)
            .Select(i => $"Mon Jun 8 12:08:5{i} 2020 [pid 27244] [user] FAIL LOGIN: Client \"::ffff:198.51.100.89\"")
            .ToArray();

        var session = Assert.Single(Analyze(lines).Sessions);

        Assert.Equal(6, session.Logins.Count);
        Assert.All(session.Logins, l => Assert.False(l.Succeeded));
        Assert.Equal("198.51.100.89", session.Client);
    }

    [Theory]
    [InlineData("vsftpd.log")]
    [InlineData("vsftpd-syslog.log")]
    public void The_samples_parse_whole_and_every_connect_is_a_session(string sample)
    {
        var lines = SampleLogs.Read(sample);
        var events = Lines.Parse(new VsftpdFormat(), lines.Select(l => l.Text).ToArray());

        Assert.DoesNotContain(events, e => e is UnrecognizedLine);
        var connects = events.Count(e => e is ConnectEvent || (e is ReplyEvent r && r.Message.StartsWith("Connection refused", StringComparison.Ordinal)));
        var keys = events.Where(e => e is ConnectEvent || e is ReplyEvent { Message: var m } && m.StartsWith("Connection refused", StringComparison.Ordinal))
            .Select(e => e.Connection).Distinct().Count();
        Assert.Equal(connects, keys);
    }

    [Fact]
    public void The_native_sample_tells_each_session_apart()
    {
        var result = Analyze(SampleLogs.Read("vsftpd.log").Select(l => l.Text).ToArray());

        Assert.Equal(7, result.Sessions.Count);
        Assert.Equal(
            [
                ("alice", OutcomeKind.Succeeded),
                ("bob", OutcomeKind.TransferFailed),
                (null, OutcomeKind.TooManyConnectionsFromIp),
                ("guest", OutcomeKind.LoginFailed),
                ("anonymous", OutcomeKind.Succeeded),
                ("test", OutcomeKind.LoginFailed),
                ("alice", OutcomeKind.Succeeded),
            ],
            result.Sessions.Select(s => (s.User, s.Outcome.Kind)));
        Assert.Equal(2, result.Sessions[1].Transfers.Count);
        Assert.DoesNotContain(result.Sessions.SelectMany(s => s.EvidenceLines), e => e.Text.Contains("visitor@", StringComparison.Ordinal));
    }
}
