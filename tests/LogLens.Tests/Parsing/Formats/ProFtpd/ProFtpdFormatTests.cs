using LogLens.Analysis;
using LogLens.Events;
using LogLens.Parsing.Formats.ProFtpd;
using LogLens.Tests.Parsing.Syslog;
using LogLens.Tests.Support;

namespace LogLens.Tests.Parsing.Formats.ProFtpd;

public class ProFtpdFormatTests
{
    private static readonly ProFtpdFormat Format = new();

    [Theory]
    [InlineData("Oct 11 01:06:47 files proftpd[4711]: files.example.com (client.example.net[192.0.2.7]) - USER bob: Login successful.", "--10-11T01:06:47", "192.0.2.7")]
    [InlineData("Oct 11 01:06:47 files proftpd[4711] files.example.com (client.example.net[192.0.2.7]): USER bob: Login successful.", "--10-11T01:06:47", "192.0.2.7")]
    [InlineData("2024-05-02 09:14:03,518 files proftpd[4711] localhost (client.example.net[192.0.2.7]): USER bob: Login successful.", "2024-05-02T09:14:03.518", "192.0.2.7")]
    [InlineData("2025-03-04T01:06:36.645577 files proftpd[4711]: files.example.com (192.0.2.7[192.0.2.7]) - USER bob: Login successful", "2025-03-04T01:06:36.645577", "192.0.2.7")]
    [InlineData("Oct  2 15:45:44 files proftpd[4711]: 192.0.2.10 (::ffff:192.0.2.7[::ffff:192.0.2.7]) - USER bob: Login successful.", "--10-02T15:45:44", "192.0.2.7")]
    [InlineData("Oct 11 01:06:47 files proftpd[4711] files.example.com (2001:db8::7[2001:db8::7]): USER bob: Login successful.", "--10-11T01:06:47", "2001:db8::7")]
    public void Every_envelope_gives_the_time_the_client_and_the_process_as_session(string line, string time, string client)
    {
        var login = Lines.ParseAs<LoginEvent>(Format, line);

        Assert.Equal(time, login.Time.ToString());
        Assert.Equal(client, login.Client);
        Assert.Equal("4711", login.SessionKey);
        Assert.Equal("bob", login.User);
        Assert.True(login.Succeeded);
    }

    [Theory]
    [InlineData("USER bob: Login successful.", "bob", true, null)]
    [InlineData("USER bob: Login successful", "bob", true, null)]
    [InlineData("ANON anonymous: Login successful.", "anonymous", true, null)]
    [InlineData("USER bob (Login failed): Incorrect password.", "bob", false, "Incorrect password.")]
    [InlineData("USER bob (Login failed): No such user found", "bob", false, "No such user found")]
    [InlineData("USER bob (Login failed): User in /etc/ftpusers", "bob", false, "User in /etc/ftpusers")]
    [InlineData("USER bob (Login failed): Invalid shell: '/bin/false'", "bob", false, "Invalid shell: '/bin/false'")]
    [InlineData("USER bob: no such user found from client.example.net [192.0.2.7] to 192.0.2.10:21", "bob", false, "no such user found")]
    [InlineData("USER bob@example.org: no such user found from client.example.net [192.0.2.7] to 192.0.2.10:21 ", "bob@example.org", false, "no such user found")]
    [InlineData("no such user 'bob'", "bob", false, "no such user")]
    [InlineData("SECURITY VIOLATION: root login attempted.", "root", false, "SECURITY VIOLATION: root login attempted.")]
    [InlineData("SECURITY VIOLATION: Root login attempted", "Root", false, "SECURITY VIOLATION: Root login attempted")]
    [InlineData("Maximum login attempts (3) exceeded ", null, false, "Maximum login attempts (3) exceeded")]
    public void Login_lines_are_login_events_with_the_user_and_the_servers_reason(string message, string? user, bool succeeded, string? detail)
    {
        var login = Lines.ParseAs<LoginEvent>(Format, "Oct 11 01:06:47 files proftpd[4711]: files.example.com (client.example.net[192.0.2.7]) - " + message);

        Assert.Equal(user, login.User);
        Assert.Equal(succeeded, login.Succeeded);
        Assert.Equal(detail, login.Detail);
        Assert.Equal("192.0.2.7", login.Client);
    }

    [Fact]
    public void A_forged_line_inside_a_user_name_does_not_change_the_client()
    {
        var login = Lines.ParseAs<LoginEvent>(
            Format,
            "Oct 11 01:06:47 files proftpd[4711] files.example.com (203.0.113.62[203.0.113.62]): USER files.example.com proftpd[4712] files.example.com (forged[192.0.2.99]): no such user found from 203.0.113.62 [203.0.113.62] to 192.0.2.10:21");

        Assert.Equal("203.0.113.62", login.Client);
        Assert.False(login.Succeeded);
        Assert.Equal("files.example.com proftpd[4712] files.example.com (forged[192.0.2.99])", login.User);
    }

    [Fact]
    public void Session_opened_and_closed_are_connect_and_disconnect_with_the_server_name()
    {
        var events = Lines.Parse(
            Format,
            "Oct 11 01:06:47 files proftpd[4711]: files.example.com (client.example.net[192.0.2.7]) - FTP session opened.",
            "Oct 11 01:09:40 files proftpd[4711]: files.example.com (client.example.net[192.0.2.7]) - FTP session closed.");

        var connect = Assert.IsType<ConnectEvent>(events[0]);
        Assert.Equal("files.example.com", connect.Server);
        Assert.Equal("192.0.2.7", connect.Client);
        Assert.IsType<DisconnectEvent>(events[1]);
    }

    [Theory]
    [InlineData("FTP login timed out, disconnected")]
    [InlineData("FTP no transfer timeout, disconnected")]
    [InlineData("FTP session idle timeout, disconnected.")]
    [InlineData("Client session idle timeout, disconnected")]
    [InlineData("Connection refused (MaxClientsPerHost 4)")]
    [InlineData("Connection refused (MaxConnectionsPerHost 5)")]
    [InlineData("Connection refused (MaxClients 30)")]
    [InlineData("Data transfer stall timeout: 3600 seconds")]
    [InlineData("ProFTPD terminating (signal 11)")]
    [InlineData("Connection from client.example.net [192.0.2.7] denied.")]
    public void Lines_that_end_a_session_are_disconnects_with_the_servers_words(string message)
    {
        var disconnect = Lines.ParseAs<DisconnectEvent>(Format, "Oct 11 01:06:47 files proftpd[4711]: files.example.com (client.example.net[192.0.2.7]) - " + message);

        Assert.Equal(message, disconnect.Detail);
    }

    [Fact]
    public void A_refused_port_is_the_clients_port_command()
    {
        var command = Lines.ParseAs<CommandEvent>(Format, "May 29 18:49:42 files proftpd[4711]: files.example.com (198.51.100.9[198.51.100.9]) - Refused PORT 10,0,0,5,19,137 (address mismatch)");

        Assert.Equal("PORT", command.Command);
        Assert.Equal("10,0,0,5,19,137", command.Argument);
    }

    [Theory]
    [InlineData("Oct 11 01:06:47 files proftpd[4711]: files.example.com (198.51.100.9[198.51.100.9]) - unable to find open port in PassivePorts range 60000-60010: defaulting to INPORT_ANY")]
    [InlineData("Oct 11 01:06:47 files proftpd[4711]: files.example.com (198.51.100.9[198.51.100.9]) - Reallocating sreaddir buffer from 10 entries to 20 entries")]
    [InlineData("Oct 11 01:06:47 files proftpd[4711] files.example.com (198.51.100.9[198.51.100.9]): mod_delay/0.7: delaying for 120 usecs")]
    [InlineData("Oct 11 01:06:47 files proftpd[4711] files.example.com (198.51.100.9[198.51.100.9]): Preparing to chroot to directory '/srv/ftp'")]
    [InlineData("Oct 11 01:06:47 files proftpd[4700] files.example.com: ProFTPD 1.3.8 (stable) (built Mon Jan 8 2024) standalone mode STARTUP")]
    [InlineData("Oct 11 01:06:47 files proftpd[4700]: files.example.com - ProFTPD killed (signal 15)")]
    [InlineData("Oct 11 01:06:47 files proftpd[4700] files.example.com: Fatal: unable to open incoming connection: Socket is not connected")]
    [InlineData("Oct 11 01:06:47 files proftpd[4700]: warning: can't verify hostname: gethostbyname(client.example.net) failed")]
    [InlineData("Oct 11 01:06:47 files proftpd[4711]: pam_unix(proftpd:session): session opened for user bob by (uid=0)")]
    public void Lines_that_decide_nothing_are_notices(string line) =>
        Lines.ParseAs<ServerNotice>(Format, line);

    [Fact]
    public void Tcp_wrappers_lines_are_a_connect_and_a_refusal()
    {
        var events = Lines.Parse(
            Format,
            "Oct 11 01:06:47 files proftpd[4711]: connect from 192.0.2.7",
            "Oct 11 01:06:48 files proftpd[4712]: refused connect from 203.0.113.5 (203.0.113.5)");

        Assert.Equal("192.0.2.7", Assert.IsType<ConnectEvent>(events[0]).Client);
        var refused = Assert.IsType<DisconnectEvent>(events[1]);
        Assert.Equal("203.0.113.5", refused.Client);
        Assert.Equal("4712", refused.SessionKey);
    }

    [Fact]
    public void An_unknown_message_of_a_session_stays_unrecognized_but_keeps_its_time_client_and_session()
    {
        var events = Lines.Parse(
            Format,
            "Oct 11 01:06:47 files proftpd[4711]: files.example.com (192.0.2.7[192.0.2.7]) - FTP session opened.",
            "Oct 11 01:06:48 files proftpd[4711]: files.example.com (192.0.2.7[192.0.2.7]) - something new happened");

        var unknown = Assert.IsType<UnrecognizedLine>(events[1]);
        Assert.Equal("4711", unknown.SessionKey);
        Assert.Equal("192.0.2.7", unknown.Client);
        Assert.NotNull(unknown.Time);
    }

    [Fact]
    public void Lines_of_other_programs_are_foreign()
    {
        var foreign = Lines.ParseAs<ForeignLine>(Format, "Oct 11 01:06:47 files sshd[3120]: Accepted publickey for backup from 192.0.2.50 port 50122 ssh2");

        Assert.Equal("sshd", foreign.Program);
    }

    [Fact]
    public void A_whole_session_has_its_login_and_ends_when_closed()
    {
        var sessions = SyslogSessions.Of(
            Format,
            "Oct 11 01:06:47 files proftpd[4711]: files.example.com (client.example.net[192.0.2.7]) - FTP session opened.",
            "Oct 11 01:06:52 files proftpd[4711]: files.example.com (client.example.net[192.0.2.7]) - USER bob: Login successful.",
            "Oct 11 01:09:40 files proftpd[4711]: files.example.com (client.example.net[192.0.2.7]) - FTP session closed.");

        var session = Assert.Single(sessions);
        Assert.Equal(OutcomeKind.Succeeded, session.Outcome.Kind);
        Assert.Equal("192.0.2.7", session.Client);
        Assert.Equal("bob", session.User);
        Assert.Equal(3, session.LastLine);
    }

    [Fact]
    public void Maximum_login_attempts_ends_the_session_as_too_many_attempts()
    {
        var sessions = SyslogSessions.Of(
            Format,
            "Oct 11 01:10:02 files proftpd[4720]: files.example.com (203.0.113.45[203.0.113.45]) - USER admin (Login failed): Incorrect password",
            "Oct 11 01:10:05 files proftpd[4720]: files.example.com (203.0.113.45[203.0.113.45]) - USER admin (Login failed): Incorrect password",
            "Oct 11 01:10:08 files proftpd[4720]: files.example.com (203.0.113.45[203.0.113.45]) - Maximum login attempts (3) exceeded");

        var session = Assert.Single(sessions);
        Assert.Equal(OutcomeKind.LoginFailed, session.Outcome.Kind);
        Assert.Equal(OutcomeReasons.TooManyAttempts, session.Outcome.Reason);
        Assert.All(session.Logins, l => Assert.False(l.Succeeded));
        Assert.Equal([false, false, true], session.Logins.Select(l => l.LimitReached));
    }

    [Fact]
    public void The_limit_line_after_the_last_failure_is_no_attempt_of_its_own_nor_a_zero_second_retry()
    {
        // Three failures 15 s apart, then the limit, written in the same second as the third.
        var sessions = SyslogSessions.Of(
            Format,
            "Oct 11 01:10:00 files proftpd[4721]: files.example.com (203.0.113.46[203.0.113.46]) - USER admin (Login failed): Incorrect password",
            "Oct 11 01:10:15 files proftpd[4721]: files.example.com (203.0.113.46[203.0.113.46]) - USER admin (Login failed): Incorrect password",
            "Oct 11 01:10:30 files proftpd[4721]: files.example.com (203.0.113.46[203.0.113.46]) - USER root (Login failed): Incorrect password",
            "Oct 11 01:10:30 files proftpd[4721]: files.example.com (203.0.113.46[203.0.113.46]) - Maximum login attempts (3) exceeded");

        var session = Assert.Single(sessions);
        Assert.Equal(4, session.Logins.Count);
        var client = Assert.Single(ClientSummaries.Build(sessions));
        Assert.Equal((3, 15.0, false), (client.FailedLogins, client.ShortestRetrySeconds, client.Hammering));
        Assert.Equal(3, LogLens.Reporting.SessionRow.From(session).LoginsFailed);
    }

    [Theory]
    [InlineData("FTP login timed out, disconnected")]
    [InlineData("FTP no transfer timeout, disconnected")]
    public void A_timeout_before_anything_else_ends_the_session_as_timed_out(string message)
    {
        var sessions = SyslogSessions.Of(
            Format,
            "Oct 11 01:30:00 files proftpd[4740]: files.example.com (198.51.100.9[198.51.100.9]) - FTP session opened.",
            "Oct 11 01:35:00 files proftpd[4740]: files.example.com (198.51.100.9[198.51.100.9]) - " + message,
            "Oct 11 01:35:00 files proftpd[4740]: files.example.com (198.51.100.9[198.51.100.9]) - FTP session closed.");

        var session = Assert.Single(sessions);
        Assert.Equal(OutcomeKind.TimedOut, session.Outcome.Kind);
    }

    [Fact]
    public void Pam_and_proftpd_telling_one_failure_count_it_once()
    {
        var sessions = SyslogSessions.Of(
            Format,
            "Oct 11 01:40:00 files proftpd[4750]: files.example.com (203.0.113.61[203.0.113.61]) - FTP session opened.",
            "Oct 11 01:40:03 files proftpd[4750]: pam_unix(proftpd:auth): authentication failure; logname= uid=0 euid=0 tty=/dev/ftpd4750 ruser=dave rhost=203.0.113.61  user=dave",
            "Oct 11 01:40:05 files proftpd[4750]: files.example.com (203.0.113.61[203.0.113.61]) - USER dave (Login failed): Incorrect password",
            "Oct 11 01:40:09 files proftpd[4750]: pam_unix(proftpd:auth): authentication failure; logname= uid=0 euid=0 tty=/dev/ftpd4750 ruser=dave rhost=203.0.113.61  user=dave",
            "Oct 11 01:40:11 files proftpd[4750]: files.example.com (203.0.113.61[203.0.113.61]) - USER dave (Login failed): Incorrect password",
            "Oct 11 01:40:14 files proftpd[4750]: files.example.com (203.0.113.61[203.0.113.61]) - FTP session closed.");

        var session = Assert.Single(sessions);
        Assert.Equal([2, 4], session.Logins.Select(l => l.Line));
        Assert.Equal([4, 5], session.Outcome.Evidence.Take(2));
    }

    [Fact]
    public void An_unknown_user_logged_twice_by_older_versions_counts_once()
    {
        var sessions = SyslogSessions.Of(
            Format,
            "Jul 14 04:44:46 files proftpd[4760] files.example.com (client.example.net[198.51.100.70]): no such user 'guest'",
            "Jul 14 04:44:46 files proftpd[4760] files.example.com (client.example.net[198.51.100.70]): USER guest: no such user found from client.example.net [198.51.100.70] to 192.0.2.10:21",
            "Jul 14 04:44:47 files proftpd[4760] files.example.com (client.example.net[198.51.100.70]): FTP session closed.");

        var login = Assert.Single(Assert.Single(sessions).Logins);
        Assert.Equal("guest", login.User);
    }

    [Fact]
    public void Repeated_failures_in_one_process_are_each_counted()
    {
        var line = "2024-05-28 18:08:34,399 files proftpd[4770] files.example.com (192.0.2.42[192.0.2.42]): USER seb (Login failed): Incorrect password";

        var session = Assert.Single(SyslogSessions.Of(Format, line, line, line));

        Assert.Equal(3, session.Logins.Count);
    }

    [Fact]
    public void A_process_id_that_comes_back_for_another_client_is_another_session()
    {
        var sessions = SyslogSessions.Of(
            Format,
            "Oct 11 01:06:47 files proftpd[4711]: files.example.com (192.0.2.7[192.0.2.7]) - USER bob (Login failed): Incorrect password",
            "Oct 11 01:16:47 files proftpd[4711]: files.example.com (198.51.100.4[198.51.100.4]) - USER carol: Login successful.");

        Assert.Equal(2, sessions.Count);
        Assert.Equal(["192.0.2.7", "198.51.100.4"], sessions.Select(s => s.Client));
        Assert.Equal(["4711", "4711-2"], sessions.Select(s => s.Id));
    }

    [Fact]
    public void A_process_id_that_comes_back_after_its_session_closed_is_another_session()
    {
        var sessions = SyslogSessions.Of(
            Format,
            "Oct 11 01:06:47 files proftpd[4711]: files.example.com (192.0.2.7[192.0.2.7]) - FTP session idle timeout, disconnected.",
            "Oct 11 01:06:47 files proftpd[4711]: files.example.com (192.0.2.7[192.0.2.7]) - FTP session closed.",
            "Oct 12 09:00:00 files proftpd[4711]: files.example.com (192.0.2.7[192.0.2.7]) - USER bob: Login successful.");

        Assert.Equal(2, sessions.Count);
        Assert.Equal([1, 3], sessions.Select(s => s.FirstLine));
    }

    [Fact]
    public void A_process_id_that_comes_back_after_hours_of_silence_is_another_session()
    {
        var sessions = SyslogSessions.Of(
            Format,
            "Oct 11 01:06:47 files proftpd[4711]: files.example.com (192.0.2.7[192.0.2.7]) - USER bob: Login successful.",
            "Oct 11 05:06:47 files proftpd[4711]: files.example.com (192.0.2.7[192.0.2.7]) - USER bob: Login successful.");

        Assert.Equal(2, sessions.Count);
    }

    [Fact]
    public void A_pam_failure_without_a_process_id_is_a_failed_login_of_its_remote_host()
    {
        var session = Assert.Single(SyslogSessions.Of(
            Format,
            "May 15 18:02:12 files proftpd: (pam_unix) authentication failure; logname= uid=0 euid=0 tty= ruser= rhost=198.51.100.62  user=mark"));

        Assert.Equal("198.51.100.62", session.Client);
        var login = Assert.Single(session.Logins);
        Assert.Equal("mark", login.User);
        Assert.False(login.Succeeded);
    }

    [Fact]
    public void A_line_wrapped_over_several_lines_is_read_whole_on_its_last_piece()
    {
        var events = Lines.Parse(
            Format,
            "Nov 9 05:00:07 files",
            "proftpd[21141]: files.example.com",
            "(client.example.net[198.51",
            ".100.70]) - no such user",
            "'guest'");

        Assert.All(events.Take(4), e => Assert.IsType<ContinuationLine>(e));
        var login = Assert.IsType<LoginEvent>(events[4]);
        Assert.Equal("guest", login.User);
        Assert.Equal("198.51.100.70", login.Client);
        Assert.Equal("--11-09T05:00:07", login.Time.ToString());
    }

    [Fact]
    public void A_line_copied_without_its_timestamp_or_with_indentation_is_still_read()
    {
        var events = Lines.Parse(
            Format,
            "proftpd[4711]: files.example.com (192.0.2.7[192.0.2.7]) - USER bob: Login successful.",
            "  Oct 11 01:06:47 files proftpd[4712]: files.example.com (192.0.2.8[192.0.2.8]) - USER carol: Login successful.");

        Assert.Null(Assert.IsType<LoginEvent>(events[0]).Time);
        Assert.Equal("192.0.2.8", Assert.IsType<LoginEvent>(events[1]).Client);
    }

    [Fact]
    public void The_bundled_sample_is_recognized_line_by_line_and_detected_as_proftpd()
    {
        var lines = SampleLogs.Read("proftpd.log");

        Assert.DoesNotContain(Lines.Parse(Format, lines.Select(l => l.Text).ToArray()), e => e is UnrecognizedLine);
        Assert.Equal("proftpd", LogLens.Parsing.FormatRegistry.Detect(lines).Format?.Name);
    }
}
