using LogLens.Analysis;
using LogLens.Events;
using LogLens.Parsing;
using LogLens.Parsing.Formats.Ftpd;
using LogLens.Tests.Parsing.Syslog;
using LogLens.Tests.Support;

namespace LogLens.Tests.Parsing.Formats.Ftpd;

public class FtpdFormatTests
{
    private static readonly FtpdFormat Format = new();

    [Theory]
    [InlineData("ftpd")]
    [InlineData("in.ftpd")]
    [InlineData("wu-ftpd")]
    [InlineData("wu.ftpd")]
    [InlineData("gssftpd")]
    [InlineData("/usr/libexec/ftpd")]
    public void Every_program_of_the_family_is_read(string program)
    {
        var failed = Lines.ParseAs<LoginEvent>(Format, $"Oct 11 01:06:47 files {program}[2201]: failed login from client.example.net [192.0.2.7]");

        Assert.Equal("2201", failed.SessionKey);
    }

    [Theory]
    [InlineData("vsftpd")]
    [InlineData("proftpd")]
    [InlineData("pure-ftpd")]
    public void Other_ftp_daemons_are_not_this_dialects(string program) =>
        Lines.ParseAs<ForeignLine>(Format, $"Oct 11 01:06:47 files {program}[2201]: failed login from client.example.net [192.0.2.7]");

    [Theory]
    [InlineData("failed login from client.example.net [192.0.2.7]", "192.0.2.7", null, "failed login")]
    [InlineData("repeated login failures from 192.0.2.7 (client.example.net)", "192.0.2.7", null, "repeated login failures")]
    [InlineData("repeated login failures from client.example.net", "client.example.net", null, "repeated login failures")]
    [InlineData("FTP LOGIN FAILED FROM client.example.net, bob", "client.example.net", "bob", "FTP LOGIN FAILED")]
    [InlineData("FTP LOGIN FAILED FROM client.example.net(192.0.2.7), bob", "192.0.2.7", "bob", "FTP LOGIN FAILED")]
    [InlineData("FTP LOGIN REFUSED (username in ftpusers) FROM client.example.net [192.0.2.7], root", "192.0.2.7", "root", "username in ftpusers")]
    [InlineData("FTP LOGIN REFUSED FROM client.example.net, root", "client.example.net", "root", "LOGIN REFUSED")]
    [InlineData("Failed authentication from: client.example.net [192.0.2.7]", "192.0.2.7", null, "Failed authentication")]
    [InlineData("Failed authentication from: [U2FsdGVkX18af1Pr=] @ 192.0.2.7 [192.0.2.7] ", "192.0.2.7", null, "Failed authentication")]
    [InlineData("login bob from client.example.net failed.", "client.example.net", "bob", "login failed")]
    [InlineData(" PAM_ERROR_MSG: Account is disabled - see Account Administrator.", null, null, "Account is disabled - see Account Administrator.")]
    public void Failure_lines_are_failed_logins_of_the_client_they_name(string message, string? client, string? user, string detail)
    {
        var login = Lines.ParseAs<LoginEvent>(Format, "Oct 11 01:06:47 files ftpd[2201]: " + message);

        Assert.False(login.Succeeded);
        Assert.Equal(client, login.Client);
        Assert.Equal(user, login.User);
        Assert.Equal(detail, login.Detail);
    }

    [Theory]
    [InlineData("FTP LOGIN FROM client.example.net [192.0.2.7], bob", "192.0.2.7", "bob")]
    [InlineData("FTP LOGIN FROM client.example.net, bob", "client.example.net", "bob")]
    [InlineData("FTP LOGIN FROM client.example.net as bob (class: real, type: REAL)", "client.example.net", "bob")]
    [InlineData("ANONYMOUS FTP LOGIN FROM client.example.net [192.0.2.7], guest@example.org", "192.0.2.7", "anonymous")]
    [InlineData("ANONYMOUS FTP LOGIN FROM client.example.net, guest@example.org", "client.example.net", "anonymous")]
    public void Login_lines_are_successful_logins(string message, string client, string user)
    {
        var login = Lines.ParseAs<LoginEvent>(Format, "Oct 11 01:06:47 files wu-ftpd[2201]: " + message);

        Assert.True(login.Succeeded);
        Assert.Equal(client, login.Client);
        Assert.Equal(user, login.User);
    }

    [Theory]
    [InlineData("ANONYMOUS FTP LOGIN FROM client.example.net [192.0.2.7], guest@example.org", "ANONYMOUS FTP LOGIN FROM client.example.net [192.0.2.7], ***")]
    [InlineData("ANONYMOUS FTP login from client.example.net with ID guest@example.org", "ANONYMOUS FTP login from client.example.net with ID ***")]
    [InlineData("ANONYMOUS FTP LOGIN REFUSED (anonymous ftp denied) FROM client.example.net [192.0.2.7], guest@example.org", "ANONYMOUS FTP LOGIN REFUSED (anonymous ftp denied) FROM client.example.net [192.0.2.7], ***")]
    [InlineData("anonymous(guest@example.org) of client.example.net [192.0.2.7] tried to download /etc/passwd (noretrieve)", "anonymous(***) of client.example.net [192.0.2.7] tried to download /etc/passwd (noretrieve)")]
    [InlineData("xferlog (send): 2 192.0.2.7 1048576 /pub/file.iso b _ o a guest@example.org ftp 0 * c", "xferlog (send): 2 192.0.2.7 1048576 /pub/file.iso b _ o a *** ftp 0 * c")]
    public void An_anonymous_password_never_reaches_the_text(string message, string masked)
    {
        var parsed = Lines.ParseOne(Format, "Oct 11 01:06:47 files wu-ftpd[2201]: " + message);

        Assert.IsNotType<UnrecognizedLine>(parsed);
        Assert.Equal("Oct 11 01:06:47 files wu-ftpd[2201]: " + masked, parsed.Text);
    }

    [Fact]
    public void A_wrapped_anonymous_password_is_masked_on_every_piece()
    {
        var events = Lines.Parse(
            Format,
            "May 17 01:01:19 files ftpd[746]: ANONYMOUS FTP LOGIN FROM client.example.net",
            "[192.0.2.7], 1.1.1.F.1.1.C.A.?..k^1.1",
            ".^^H.^L...u.1.F^I^^H.=..");

        Assert.IsType<ContinuationLine>(events[0]);
        var login = Assert.IsType<LoginEvent>(events[1]);
        Assert.Equal("192.0.2.7", login.Client);
        Assert.Equal("[192.0.2.7], ***", login.Text);
        Assert.Equal("***", Assert.IsType<ContinuationLine>(events[2]).Text);
    }

    [Fact]
    public void Pass_before_user_is_the_servers_words_not_a_password()
    {
        var login = Lines.ParseAs<LoginEvent>(Format, "Jul  4 02:11:44 files ftpd[54844]: FTP LOGIN REFUSED (PASS  before USER) FROM 192.0.2.7 [192.0.2.7]");

        Assert.False(login.Succeeded);
        Assert.Equal("192.0.2.7", login.Client);
        Assert.Equal("Jul  4 02:11:44 files ftpd[54844]: FTP LOGIN REFUSED (PASS  before USER) FROM 192.0.2.7 [192.0.2.7]", login.Text);
    }

    [Theory]
    [InlineData("connection from client.example.net [192.0.2.7]", "192.0.2.7")]
    [InlineData("connection from client.example.net (192.0.2.7)", "192.0.2.7")]
    [InlineData("connection from 192.0.2.7", "192.0.2.7")]
    [InlineData("connection from client.example.net at Sun May 28 15:50:36 2006 ", "client.example.net")]
    [InlineData("connect from 192.0.2.7", "192.0.2.7")]
    public void Connection_lines_are_connects_of_the_client(string message, string client)
    {
        var connect = Lines.ParseAs<ConnectEvent>(Format, "Oct 11 01:06:47 files ftpd[2201]: " + message);

        Assert.Equal(client, connect.Client);
    }

    [Theory]
    [InlineData("FTP session closed", null, null)]
    [InlineData("User bob timed out after 900 seconds at Sun May 28 15:52:51 2006", "bob", "User bob timed out after 900 seconds at Sun May 28 15:52:51 2006")]
    [InlineData("lost connection to client.example.net [192.0.2.7]", null, "lost connection to client.example.net [192.0.2.7]")]
    [InlineData("refused connect from 192.0.2.7", null, "refused connect from 192.0.2.7")]
    [InlineData("ACCESS DENIED (user limit 25; class local) TO host.example.org [198.51.100.30]", null, "ACCESS DENIED (user limit 25; class local) TO host.example.org [198.51.100.30]")]
    public void Session_ends_are_disconnects(string message, string? user, string? detail)
    {
        var disconnect = Lines.ParseAs<DisconnectEvent>(Format, "Oct 11 01:06:47 files ftpd[2201]: " + message);

        Assert.Equal(user, disconnect.User);
        Assert.Equal(detail, disconnect.Detail);
    }

    [Fact]
    public void A_class_limit_refusal_ends_the_session_of_the_client_it_names()
    {
        var disconnect = Lines.ParseAs<DisconnectEvent>(Format, "Oct 11 01:06:47 files wu-ftpd[2201]: ACCESS DENIED (user limit 25; class local) TO host.example.org [198.51.100.30]");

        Assert.Equal("198.51.100.30", disconnect.Client);
    }

    [Theory]
    [InlineData("FTPD: IMPORT file local /home/bob/a.tgz, remote ", TransferDirection.Upload, "/home/bob/a.tgz", null)]
    [InlineData("FTPD: EXPORT file local , remote report.html", TransferDirection.Download, "report.html", null)]
    [InlineData("xferlog (send): 2 192.0.2.7 1048576 /home/bob/march 2024.pdf b _ o r bob ftp 0 * c", TransferDirection.Download, "/home/bob/march 2024.pdf", 1048576L)]
    [InlineData("xferlog (recv): 1 192.0.2.7 20480 /home/bob/notes.txt a _ i r bob ftp 0 * i", TransferDirection.Upload, "/home/bob/notes.txt", 20480L)]
    public void Transfer_lines_are_transfers(string message, TransferDirection direction, string path, long? bytes)
    {
        var transfer = Lines.ParseAs<TransferEvent>(Format, "Oct 11 01:06:47 files ftpd[2201]: " + message);

        Assert.Equal(direction, transfer.Direction);
        Assert.Equal(path, transfer.Path);
        Assert.Equal(bytes, transfer.Bytes);
        Assert.Equal(!message.EndsWith(" i", StringComparison.Ordinal), transfer.Succeeded);
    }

    [Theory]
    [InlineData("USER bob", "USER", "bob")]
    [InlineData("PASS hunter2", "PASS", "***")]
    [InlineData("RETR /pub/README", "RETR", "/pub/README")]
    public void Logged_commands_are_commands(string message, string verb, string argument)
    {
        var command = Lines.ParseAs<CommandEvent>(Format, "Oct 11 01:06:47 files wu-ftpd[2201]: " + message);

        Assert.Equal(verb, command.Command);
        Assert.Equal(argument, command.Argument);
        Assert.DoesNotContain("hunter2", command.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Oct 11 01:06:47 files in.ftpd[18561]: [ID 484914 daemon.notice] gethostbyaddr: host.example.net. != 192.0.2.7")]
    [InlineData("Oct 11 01:06:47 files ftpd[2201]: warning: can't verify hostname: gethostbyname(client.example.net) failed")]
    [InlineData("Oct 11 01:06:47 files wu-ftpd[2201]: bob of client.example.net [192.0.2.7] tried to upload /etc/x (path-filter)")]
    public void Lines_that_decide_nothing_are_notices(string line) =>
        Lines.ParseAs<ServerNotice>(Format, line);

    [Fact]
    public void The_solaris_message_id_is_skipped()
    {
        var login = Lines.ParseAs<LoginEvent>(Format, "Oct 11 01:06:47 files in.ftpd[2201]: [ID 165209 daemon.info] FTP LOGIN FROM client.example.net [192.0.2.7], bob");

        Assert.Equal("bob", login.User);
    }

    [Fact]
    public void A_refusal_wrapped_before_its_client_is_read_on_the_next_line()
    {
        var events = Lines.Parse(
            Format,
            "Feb 21 15:14:29 files in.ftpd[32374]: refused connect from",
            "192.0.2.7");

        Assert.IsType<ContinuationLine>(events[0]);
        Assert.Equal("192.0.2.7", Assert.IsType<DisconnectEvent>(events[1]).Client);
    }

    [Fact]
    public void A_whole_wu_ftpd_session_has_its_login_and_transfers()
    {
        var session = Assert.Single(SyslogSessions.Of(
            Format,
            "Mar 14 11:00:01 files wu-ftpd[18760]: connection from client.example.net [192.0.2.7]",
            "Mar 14 11:00:04 files wu-ftpd[18760]: FTP LOGIN FROM client.example.net [192.0.2.7], bob",
            "Mar 14 11:00:40 files wu-ftpd[18760]: xferlog (send): 2 192.0.2.7 1048576 /home/bob/a.pdf b _ o r bob ftp 0 * c",
            "Mar 14 11:01:30 files wu-ftpd[18760]: FTP session closed"));

        Assert.Equal(OutcomeKind.Succeeded, session.Outcome.Kind);
        Assert.Equal("192.0.2.7", session.Client);
        Assert.Single(session.Transfers);
    }

    [Fact]
    public void One_failure_told_twice_counts_once()
    {
        var session = Assert.Single(SyslogSessions.Of(
            Format,
            "Mar 14 11:05:03 files wu-ftpd[18771]: pam_unix(wu-ftpd:auth): authentication failure; logname= uid=0 euid=0 tty= ruser= rhost=203.0.113.45  user=root",
            "Mar 14 11:05:05 files wu-ftpd[18771]: failed login from scanner.example.net [203.0.113.45]",
            "Mar 14 11:05:09 files wu-ftpd[18771]: FTP LOGIN FAILED FROM scanner.example.net",
            "Mar 14 11:05:09 files wu-ftpd[18771]: FTP LOGIN FAILED FROM scanner.example.net, root"));

        Assert.Equal([1, 3], session.Logins.Select(l => l.Line));
        Assert.Equal("203.0.113.45", session.Client);
    }

    [Fact]
    public void Repeated_login_failures_is_a_failed_login_of_the_session()
    {
        var session = Assert.Single(SyslogSessions.Of(
            Format,
            "Jan 22 18:09:40 files ftpd[132]: FTP LOGIN FAILED FROM 198.51.100.23, root",
            "Jan 22 18:09:46 files ftpd[132]: repeated login failures from 198.51.100.23 (scanner.example.net)"));

        Assert.Equal(2, session.Logins.Count);
        Assert.Equal(OutcomeKind.LoginFailed, session.Outcome.Kind);
    }

    [Fact]
    public void The_bundled_sample_is_recognized_line_by_line_and_detected_as_ftpd()
    {
        var lines = SampleLogs.Read("ftpd.log");

        Assert.DoesNotContain(Lines.Parse(Format, lines.Select(l => l.Text).ToArray()), e => e is UnrecognizedLine);
        Assert.Equal("ftpd", FormatRegistry.Detect(lines).Format?.Name);
    }
}
