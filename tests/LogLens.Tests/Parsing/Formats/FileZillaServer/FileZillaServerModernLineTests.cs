using LogLens.Events;
using LogLens.Parsing.Formats.FileZillaServer;
using LogLens.Tests.Support;

namespace LogLens.Tests.Parsing.Formats.FileZillaServer;

/// <summary>FileZilla Server 1.x lines: <c>2023-07-16T02:30:06.860Z &lt;&lt; [FTP Session 2857 ip user] message</c>.</summary>
public class FileZillaServerModernLineTests
{
    private const string Time = "2023-07-16T02:30:06.860Z";

    private static readonly FileZillaServerFormat Format = new();

    [Theory]
    [InlineData("<< [FTP Session 2857 192.0.2.5] 220 Welcome", typeof(ReplyEvent), "192.0.2.5")]
    [InlineData("<< [FTP Session 2857 192.0.2.5 bob] 230 Login successful.", typeof(ReplyEvent), "192.0.2.5")]
    [InlineData("<< [FTP Session 2857 192.0.2.5 Ben Sanders] 226 Operation successful", typeof(ReplyEvent), "192.0.2.5")]
    [InlineData(">> [FTP Session 2857 192.0.2.5] USER bob", typeof(CommandEvent), "192.0.2.5")]
    [InlineData(">> [FTP Session 2857 ::ffff:192.0.2.5] USER bob", typeof(CommandEvent), "192.0.2.5")]
    [InlineData(">> [FTP Session 2857 2001:db8::5] USER bob", typeof(CommandEvent), "2001:db8::5")]
    [InlineData(">> [FTP Session 2857 192.0.2.5] GET / HTTP/1.1", typeof(CommandEvent), "192.0.2.5")]
    [InlineData("!! [FTP Session 2857 192.0.2.5] Control channel closed with error from source 0. Reason: ECONNABORTED - Connection aborted.", typeof(DisconnectEvent), "192.0.2.5")]
    [InlineData("== [SSH SFTP Session 2857 192.0.2.5] Closing connection [code=0]", typeof(DisconnectEvent), "192.0.2.5")]
    [InlineData("!! [SSH SFTP Session 2857 192.0.2.5] User authentication attempt with method 'password' failed [user=oracle] [next methods=password] [error=Wrong password]", typeof(LoginEvent), "192.0.2.5")]
    [InlineData("DI [FTP Session 2857 192.0.2.5] Session 0x55d1c2a0 with ID 2857 created.", typeof(ConnectEvent), "192.0.2.5")]
    [InlineData("DI [Throttled Authenticator, FTP Session: 2857] Recording failed login for user root from IP 192.0.2.5.", typeof(LoginEvent), "192.0.2.5")]
    [InlineData("DI [Throttled Authenticator, FTP Session: 2857] Recording failed login for user from IP 192.0.2.5.", typeof(LoginEvent), "192.0.2.5")]
    [InlineData("== [FTP Server] Session 2857 ended gracefully.", typeof(DisconnectEvent), null)]
    [InlineData("!! [FTP Server] Session 2857 ended with error. Reason: ETIMEDOUT - Connection attempt timed out.", typeof(DisconnectEvent), null)]
    [InlineData("== [SSH SFTP Server] Session 2857 ended gracefully.", typeof(DisconnectEvent), null)]
    public void Session_lines_become_events_of_the_session_id(string rest, Type type, string? client)
    {
        var parsed = Lines.ParseOne(Format, $"{Time} {rest}");

        Assert.IsType(type, parsed);
        Assert.Equal("2857", parsed.SessionKey);
        Assert.Equal(client, parsed.Client);
        Assert.Equal(Time, parsed.Time.ToString());
    }

    [Theory]
    [InlineData("== ===== FileZilla Server 1.8.0 new logging started =====", null)]
    [InlineData("== Setting up TLS for the FTP Server", null)]
    [InlineData("== Settings written to C:\\Users\\svc\\AppData\\Local\\filezilla-server\\users.xml.", null)]
    [InlineData("== [FTP Server] Listening on 0.0.0.0:21.", null)]
    [InlineData("== [FTP Server] Listening on [::]:21.", null)]
    [InlineData("== [Administration Server] Session 3 ended gracefully.", null)]
    [InlineData("== [Administration Server] Administration client with ID 3 disconnected without error", null)]
    [InlineData("!! [FTP Session 2857 192.0.2.5] GnuTLS error -110 in gnutls_record_recv: The TLS connection was non-properly terminated.", "192.0.2.5")]
    [InlineData("== [FTP Session 2857 192.0.2.5] Client did not properly shut down TLS connection", "192.0.2.5")]
    [InlineData("== [SSH SFTP Session 2857 192.0.2.5] Client tried 'none' authentication method which is not available.", "192.0.2.5")]
    [InlineData("!! [SSH SFTP Session 2857 192.0.2.5] User authentication attempt with method 'publickey' failed [user=oracle]", "192.0.2.5")]
    [InlineData("DI [Throttled Authenticator, FTP Session: 2857] Authenticating user root from IP 192.0.2.5.", "192.0.2.5")]
    [InlineData("DW [Throttled Authenticator, FTP Session: 2857] User root has failed login too many times (>= 5) within a 300s time window. Next login will be delayed 30s from now.", null)]
    [InlineData("DW [Throttled Authenticator] Login from IP 192.0.2.5 has failed too many times (>= 5) within a 300s time window. Next login will be delayed 30s from now.", null)]
    [InlineData("DD [FTP Session 2857 192.0.2.5 bob] Client wants a secure data connection.", "192.0.2.5")]
    [InlineData("WW [Autobanner] Something worth a warning", null)]
    public void Status_and_debug_chatter_are_notices_of_no_session(string rest, string? client)
    {
        var notice = Lines.ParseAs<ServerNotice>(Format, $"{Time} {rest}");

        Assert.Null(notice.SessionKey);
        Assert.Equal(client, notice.Client);
        Assert.Equal(Time, notice.Time.ToString());
    }

    [Fact]
    public void The_authenticators_recorded_failure_is_a_failed_login_of_the_user_and_address_it_names()
    {
        var login = Lines.ParseAs<LoginEvent>(
            Format,
            "2024-04-17T20:50:00.101Z DI [Throttled Authenticator, FTP Session: 3636] Recording failed login for user Ben Sanders from IP ::ffff:192.0.2.5.");

        Assert.False(login.Succeeded);
        Assert.Equal("Ben Sanders", login.User);
        Assert.Equal("192.0.2.5", login.Client);
        Assert.Equal("3636", login.SessionKey);
    }

    [Fact]
    public void A_failed_sftp_password_is_a_failed_login_with_the_servers_error()
    {
        var login = Lines.ParseAs<LoginEvent>(
            Format,
            $"{Time} !! [SSH SFTP Session 2858 192.0.2.9] User authentication attempt with method 'password' failed [user=mysql] [next methods=no auth methods available] [error=Auth method is not supported]");

        Assert.False(login.Succeeded);
        Assert.Equal("mysql", login.User);
        Assert.Equal("Auth method is not supported", login.Detail);
    }

    [Fact]
    public void Commands_of_any_verb_keep_verb_and_argument_and_a_password_is_never_kept()
    {
        var events = Lines.Parse(
            Format,
            $"{Time} >> [FTP Session 1 192.0.2.5] RETR partner list/2023.htm",
            $"{Time} >> [FTP Session 1 192.0.2.5] PASS hunter2",
            $"{Time} >> [FTP Session 1 192.0.2.5] PASS ****",
            $"{Time} >> [FTP Session 1 192.0.2.5] get / HTTP/1.1");

        Assert.Equal(("RETR", "partner list/2023.htm"), (((CommandEvent)events[0]).Command, ((CommandEvent)events[0]).Argument));
        Assert.All([events[1], events[2]], e => Assert.Equal("***", ((CommandEvent)e).Argument));
        Assert.DoesNotContain("hunter2", events[1].Text, StringComparison.Ordinal);
        Assert.Equal(("GET", "/ HTTP/1.1"), (((CommandEvent)events[3]).Command, ((CommandEvent)events[3]).Argument));
    }

    [Fact]
    public void The_inner_lines_of_a_multi_line_reply_belong_to_it_per_session()
    {
        var events = Lines.Parse(
            Format,
            $"{Time} << [FTP Session 7 192.0.2.5 bob] 211-Features:",
            $"{Time} << [FTP Session 7 192.0.2.5 bob]  MDTM",
            $"{Time} >> [FTP Session 8 198.51.100.7] USER carol",
            $"{Time} << [FTP Session 7 192.0.2.5 bob]  REST STREAM",
            $"{Time} << [FTP Session 7 192.0.2.5 bob] 211 End",
            $"{Time} << [FTP Session 7 192.0.2.5 bob] 200 Type set to I");

        Assert.Equal((211, false, "MDTM"), Reply(events[1]));
        Assert.Equal("USER", Assert.IsType<CommandEvent>(events[2]).Command);
        Assert.Equal((211, false, "REST STREAM"), Reply(events[3]));
        Assert.Equal((211, true, "End"), Reply(events[4]));
        Assert.Equal((200, true, "Type set to I"), Reply(events[5]));
    }

    [Fact]
    public void A_reply_line_without_a_code_outside_a_multi_line_reply_is_unrecognized_but_keeps_its_session()
    {
        var line = Lines.ParseAs<UnrecognizedLine>(Format, $"{Time} << [FTP Session 7 192.0.2.5 bob] no code here");

        Assert.Equal("7", line.SessionKey);
        Assert.Equal("192.0.2.5", line.Client);
        Assert.NotNull(line.Time);
    }

    [Theory]
    [InlineData("2023-07-16T02:30:06.860Z XX [FTP Session 1 192.0.2.5] USER bob")]
    [InlineData("2023-07-16T02:30:06.860Z <<[FTP Session 1 192.0.2.5] 220 hi")]
    [InlineData("2023-07-16 02:30:06,860 files proftpd[4711] localhost (client[192.0.2.7]): USER bob: Login successful.")]
    [InlineData("2023-13-16T02:30:06.860Z << [FTP Session 1 192.0.2.5] 220 hi")]
    public void Lines_without_a_marker_or_a_valid_date_are_not_filezillas(string line)
    {
        var parsed = Lines.ParseAs<UnrecognizedLine>(Format, line);

        Assert.Null(parsed.Time);
    }

    private static (int Code, bool IsFinal, string Message) Reply(FtpEvent e)
    {
        var reply = Assert.IsType<ReplyEvent>(e);
        return (reply.Code, reply.IsFinal, reply.Message);
    }
}
