using LogLens.Analysis;
using LogLens.Events;
using LogLens.Parsing;
using LogLens.Parsing.Formats.PureFtpd;
using LogLens.Tests.Parsing.Syslog;
using LogLens.Tests.Support;

namespace LogLens.Tests.Parsing.Formats.PureFtpd;

public class PureFtpdFormatTests
{
    private const string Prefix = "Oct 11 01:06:47 files pure-ftpd: ";

    private static readonly PureFtpdFormat Format = new();

    [Theory]
    [InlineData("(?@192.0.2.7) [WARNING] Authentication failed for user [Administrator]", "Administrator", false)]
    [InlineData("(?@192.0.2.7) [WARNING] Authentication failed for user [bob smith]", "bob smith", false)]
    [InlineData("(?@192.0.2.7) [INFO] bob is now logged in", "bob", true)]
    [InlineData("(?@192.0.2.7) [INFO] user@example.org is now logged in", "user@example.org", true)]
    [InlineData("(?@192.0.2.7) [INFO] Anonymous user logged in", "anonymous", true)]
    [InlineData("(?@192.0.2.7) [WARNING] Can't login as [bob]: account disabled", "bob", false)]
    [InlineData("(?@192.0.2.7) [WARNING] This is a private system - No anonymous login", "anonymous", false)]
    public void Login_lines_are_login_events_of_the_client(string message, string user, bool succeeded)
    {
        var login = Lines.ParseAs<LoginEvent>(Format, Prefix + message);

        Assert.Equal(user, login.User);
        Assert.Equal(succeeded, login.Succeeded);
        Assert.Equal("192.0.2.7", login.Client);
        Assert.Equal("192.0.2.7", login.SessionKey);
    }

    [Theory]
    [InlineData("(bob@192.0.2.7) [NOTICE] /srv/ftp/bob//march 2024.pdf downloaded  (1048576 bytes, 853.20KB/sec)", TransferDirection.Download, "/srv/ftp/bob//march 2024.pdf", 1048576L, "853.20KB/sec", true)]
    [InlineData("(bob@192.0.2.7) [NOTICE] /srv/ftp/bob/notes.txt uploaded  (20480 bytes, 85.30KB/sec)", TransferDirection.Upload, "/srv/ftp/bob/notes.txt", 20480L, "85.30KB/sec", true)]
    [InlineData("(bob@192.0.2.7) [NOTICE] /srv/ftp/bob/big.iso partially uploaded  (524288 bytes, 12.00KB/sec)", TransferDirection.Upload, "/srv/ftp/bob/big.iso", 524288L, "12.00KB/sec", false)]
    public void Transfer_lines_are_transfers_with_path_bytes_and_rate(string message, TransferDirection direction, string path, long bytes, string rate, bool succeeded)
    {
        var transfer = Lines.ParseAs<TransferEvent>(Format, Prefix + message);

        Assert.Equal(direction, transfer.Direction);
        Assert.Equal(path, transfer.Path);
        Assert.Equal(bytes, transfer.Bytes);
        Assert.Equal(rate, transfer.Rate);
        Assert.Equal(succeeded, transfer.Succeeded);
    }

    [Theory]
    [InlineData("(bob@192.0.2.7) [INFO] Logout.", "bob", null)]
    [InlineData("(?@192.0.2.7) [INFO] Timeout - try typing a little faster next time", null, "Timeout - try typing a little faster next time")]
    [InlineData("(bob@192.0.2.7) [INFO] Timeout (no new data for 300 seconds)", "bob", "Timeout (no new data for 300 seconds)")]
    [InlineData("(?@192.0.2.7) [WARNING] Sorry, cleartext sessions are not accepted on this server.", null, "Sorry, cleartext sessions are not accepted on this server.")]
    [InlineData("(?@192.0.2.7) [INFO] Too many connections (3) from this IP", null, "Too many connections (3) from this IP")]
    [InlineData("(?@192.0.2.7) [INFO] 50 users (the maximum) are already logged in, sorry", null, "50 users (the maximum) are already logged in, sorry")]
    public void Lines_that_end_a_session_are_disconnects(string message, string? user, string? detail)
    {
        var disconnect = Lines.ParseAs<DisconnectEvent>(Format, Prefix + message);

        Assert.Equal(user, disconnect.User);
        Assert.Equal(detail, disconnect.Detail);
        Assert.Equal("192.0.2.7", disconnect.Client);
    }

    [Fact]
    public void A_new_connection_is_a_connect_of_its_client()
    {
        var connect = Lines.ParseAs<ConnectEvent>(Format, Prefix + "(?@192.0.2.7) [INFO] New connection from 192.0.2.7");

        Assert.Equal("192.0.2.7", connect.Client);
    }

    [Fact]
    public void A_virtual_user_holding_an_at_sign_is_split_at_the_last_one()
    {
        var transfer = Lines.ParseAs<TransferEvent>(Format, Prefix + "(user@example.org@192.0.2.7) [NOTICE] /data/a.txt downloaded  (10 bytes, 1.00KB/sec)");

        Assert.Equal("192.0.2.7", transfer.Client);
    }

    [Theory]
    [InlineData("(?@192.0.2.7) [DEBUG] Command [user] [bob]", "USER", "bob")]
    [InlineData("(?@192.0.2.7) [DEBUG] Command [pass] [<*>]", "PASS", "***")]
    [InlineData("(?@192.0.2.7) [DEBUG] Command [pass] [hunter2]", "PASS", "***")]
    [InlineData("(?@192.0.2.7) [DEBUG] Command [pass][hunter2]", "PASS", "***")]
    [InlineData("(?@192.0.2.7) [DEBUG] Command  [pass] [hunter2]", "PASS", "***")]
    [InlineData("(?@192.0.2.7) [DEBUG] Command [PASS] [hunter2 and more]", "PASS", "***")]
    public void Debug_logging_gives_the_commands_with_the_password_masked(string message, string verb, string argument)
    {
        var command = Lines.ParseAs<CommandEvent>(Format, Prefix + message);

        Assert.Equal(verb, command.Command);
        Assert.Equal(argument, command.Argument);
        Assert.DoesNotContain("hunter2", command.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Debug_logging_gives_the_replies()
    {
        var reply = Lines.ParseAs<ReplyEvent>(Format, Prefix + "(?@192.0.2.7) [DEBUG] 331 User bob OK. Password required");

        Assert.Equal(331, reply.Code);
    }

    [Theory]
    [InlineData("(?@192.0.2.7) [INFO] Can't change directory to /srv/ftp/x: Permission denied")]
    [InlineData("(bob@192.0.2.7) [INFO] SSL/TLS: Enabled TLSv1.3 with TLS_AES_256_GCM_SHA384, 256 secret bits cipher")]
    public void Lines_that_decide_nothing_are_notices(string message) =>
        Lines.ParseAs<ServerNotice>(Format, Prefix + message);

    [Fact]
    public void A_message_no_rule_knows_stays_unrecognized_with_its_client()
    {
        var unknown = Lines.ParseAs<UnrecognizedLine>(Format, Prefix + "(?@192.0.2.7) [INFO] Something never seen");

        Assert.Equal("192.0.2.7", unknown.Client);
        Assert.NotNull(unknown.Time);
    }

    [Fact]
    public void A_client_is_one_session_from_connect_to_logout_with_its_logins_and_transfers()
    {
        var sessions = SyslogSessions.Of(
            Format,
            Prefix + "(?@192.0.2.7) [INFO] New connection from 192.0.2.7",
            Prefix + "(?@192.0.2.7) [WARNING] Authentication failed for user [bob]",
            Prefix + "(?@192.0.2.7) [INFO] bob is now logged in",
            Prefix + "(bob@192.0.2.7) [NOTICE] /srv/ftp/bob/a.txt downloaded  (100 bytes, 1.00KB/sec)",
            Prefix + "(bob@192.0.2.7) [INFO] Logout.",
            Prefix + "(?@192.0.2.7) [INFO] New connection from 192.0.2.7");

        Assert.Equal(2, sessions.Count);
        var first = sessions[0];
        Assert.Equal(OutcomeKind.Succeeded, first.Outcome.Kind);
        Assert.Equal([false, true], first.Logins.Select(l => l.Succeeded));
        Assert.Single(first.Transfers);
        Assert.Equal(6, sessions[1].FirstLine);
    }

    [Fact]
    public void The_same_client_after_a_long_silence_is_another_session()
    {
        var sessions = SyslogSessions.Of(
            Format,
            "Oct 11 01:00:00 files pure-ftpd: (?@203.0.113.45) [WARNING] Authentication failed for user [root]",
            "Oct 11 01:00:05 files pure-ftpd: (?@203.0.113.45) [WARNING] Authentication failed for user [root]",
            "Oct 11 02:00:00 files pure-ftpd: (?@203.0.113.45) [WARNING] Authentication failed for user [admin]");

        Assert.Equal([2, 1], sessions.Select(s => s.Logins.Count));
    }

    [Fact]
    public void Clients_are_sessions_of_their_own()
    {
        var sessions = SyslogSessions.Of(
            Format,
            Prefix + "(?@203.0.113.45) [WARNING] Authentication failed for user [root]",
            Prefix + "(?@198.51.100.2) [INFO] bob is now logged in",
            Prefix + "(?@203.0.113.45) [WARNING] Authentication failed for user [admin]");

        Assert.Equal(["203.0.113.45", "198.51.100.2"], sessions.Select(s => s.Client));
        Assert.Equal(["root", "admin"], sessions[0].Logins.Select(l => l.User));
    }

    [Fact]
    public void With_a_process_id_the_session_is_the_process()
    {
        var login = Lines.ParseAs<LoginEvent>(Format, "Oct 11 01:06:47 files pure-ftpd[5120]: (?@192.0.2.7) [INFO] bob is now logged in");

        Assert.Equal("5120", login.SessionKey);
    }

    [Fact]
    public void Pam_and_pure_ftpd_telling_one_failure_count_it_once()
    {
        var session = Assert.Single(SyslogSessions.Of(
            Format,
            Prefix + "(pam_unix) authentication failure; logname= uid=0 euid=0 tty=pure-ftpd ruser=admin rhost=203.0.113.45",
            Prefix + "(?@203.0.113.45) [WARNING] Authentication failed for user [admin]"));

        Assert.Equal(1, session.Logins.Single().Line);
        Assert.Equal("admin", session.Logins.Single().User);
    }

    [Fact]
    public void The_wrappers_connect_and_pure_ftpds_new_connection_are_one_connect()
    {
        var events = Lines.Parse(
            Format,
            "Oct 11 01:06:47 files pure-ftpd-wrapper[926]: connect from 192.0.2.7 (192.0.2.7)",
            Prefix + "(?@192.0.2.7) [INFO] New connection from 192.0.2.7");

        Assert.IsType<ConnectEvent>(events[0]);
        Assert.IsType<ConnectEvent>(events[1]);
        Assert.Equal((events[0].SessionKey, events[0].Connection), (events[1].SessionKey, events[1].Connection));
        var session = Assert.Single(new LogLens.Analysis.SessionAnalyzer("test.log", Format.Name).Analyze(events));
        Assert.Equal((1, 2), (session.FirstLine, session.LastLine));
    }

    [Fact]
    public void Lines_copied_from_documentation_without_a_timestamp_are_read()
    {
        var login = Lines.ParseAs<LoginEvent>(Format, "  pure-ftpd: (?@192.0.2.7) [WARNING] Authentication failed for user [bob]");

        Assert.Null(login.Time);
        Assert.Equal("192.0.2.7", login.Client);
    }

    [Theory]
    [InlineData("client.example.net - bob [11/Oct/2024:01:07:30 +0200] \"GET /home/bob/report 2024.pdf\" 200 1048576", TransferDirection.Download, "/home/bob/report 2024.pdf", true)]
    [InlineData("192.0.2.7 - bob [11/Mar/2013:12:10:23 -0000] \"PUT /srv/ftp/bob/backup.zip\" 200 25268220", TransferDirection.Upload, "/srv/ftp/bob/backup.zip", true)]
    public void The_clf_transfer_log_gives_transfers(string line, TransferDirection direction, string path, bool succeeded)
    {
        var transfer = Lines.ParseAs<TransferEvent>(Format, line);

        Assert.Equal(direction, transfer.Direction);
        Assert.Equal(path, transfer.Path);
        Assert.Equal(succeeded, transfer.Succeeded);
        Assert.NotNull(transfer.Time?.Offset);
    }

    [Fact]
    public void A_web_servers_access_log_line_is_not_a_transfer()
    {
        Lines.ParseAs<UnrecognizedLine>(Format, "192.0.2.7 - - [11/Oct/2024:01:07:30 +0200] \"GET /index.html HTTP/1.1\" 200 512");
    }

    [Fact]
    public void The_bundled_sample_is_recognized_line_by_line_and_detected_as_pure_ftpd()
    {
        var lines = SampleLogs.Read("pure-ftpd.log");

        Assert.DoesNotContain(Lines.Parse(Format, lines.Select(l => l.Text).ToArray()), e => e is UnrecognizedLine);
        Assert.Equal("pure-ftpd", FormatRegistry.Detect(lines).Format?.Name);
    }
}
