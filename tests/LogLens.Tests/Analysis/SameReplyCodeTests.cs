using LogLens.Tests.Support;

namespace LogLens.Tests.Analysis;

/// <summary>
/// "The same code means different things": the outcome follows the reply's words, the protocol step
/// and the user name, never the number alone.
/// </summary>
public class SameReplyCodeTests
{
    public static TheoryData<TranscriptStyle, string, bool, string, string, string> Refusals()
    {
        var data = new TheoryData<TranscriptStyle, string, bool, string, string, string>();
        foreach (var style in Enum.GetValues<TranscriptStyle>())
        {
            // style, user, password sent, reply, outcome, reason: the seed's four 530s.
            data.Add(style, "anonymous", false, "530 Sorry, no ANONYMOUS access allowed", "anonymous-denied", "anonymous-not-allowed");
            data.Add(style, "anonymous", true, "530 Not logged in.", "anonymous-denied", "anonymous-not-allowed");
            data.Add(style, "bugdown", true, "530 Not logged in.", "login-failed", "bad-credentials");
            data.Add(style, "software", true, "530 Not logged in, only one session from same IP allowed at a time.", "too-many-connections-from-ip", "one-session-per-ip");
            data.Add(style, "software", true, "530 Not logged in, unauthorized IP address.", "ip-denied", "ip-not-allowed");

            // A server that takes logins only over TLS refuses a plain one with whatever code it likes; the
            // words say so, and they are no wrong password (vsftpd's even say "anonymous").
            data.Add(style, "software", false, "530 Non-anonymous sessions must use encryption.", "encryption-required", "tls-required");
            data.Add(style, "anonymous", false, "530 Anonymous sessions must use encryption.", "encryption-required", "tls-required");
            data.Add(style, "software", false, "550 SSL/TLS required on the control channel", "encryption-required", "tls-required");
            data.Add(style, "software", false, "534 Policy requires SSL.", "encryption-required", "tls-required");
            data.Add(style, "software", false, "530 This server does not allow plain FTP. You have to use FTP over TLS.", "encryption-required", "tls-required");
            data.Add(style, "software", false, "530 Have to use explicit SSL/TLS before logging on.", "encryption-required", "tls-required");
            data.Add(style, "software", false, "421 Sorry, cleartext sessions and weak ciphers are not accepted on this server.", "encryption-required", "tls-required");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Refusals))]
    public void A_refused_login_is_read_by_its_words_and_the_step_it_answers_not_by_its_code(TranscriptStyle style, string user, bool withPassword, string reply, string outcome, string reason)
    {
        var t = Transcript.In(style).Open().Command($"USER {user}");
        if (withPassword)
        {
            t.Reply("331 User name okay, need password.").Command("PASS *****");
        }

        var stimulus = t.Last;
        t.Reply(reply);
        var decisive = t.Last;
        if (t.HasClientMessages)
        {
            t.Refused();
        }

        var session = Assert.Single(t.Analyze().Sessions);

        Assert.Equal(
            (outcome, reason, int.Parse(reply[..3], System.Globalization.CultureInfo.InvariantCulture)),
            (session.Outcome.Id, session.Outcome.Reason, session.Outcome.ReplyCode));
        Assert.Equal([stimulus, decisive], session.Outcome.Evidence.Take(2));
        Assert.Equal([false], session.Logins.Select(l => l.Succeeded));
    }

    [Fact]
    public void The_four_530s_of_one_transcript_are_four_different_outcomes()
    {
        var t = Transcript.In(TranscriptStyle.Chinese)
            .Open().Command("USER anonymous").Reply("530 Sorry, no ANONYMOUS access allowed").Refused().Waiting(30)
            .Open().Login("bugdown", "530 Not logged in.").Refused().Waiting(30)
            .Open().Login("software", "530 Not logged in, only one session from same IP allowed at a time.").Refused().Waiting(30)
            .Open().Login("software", "530 Not logged in, unauthorized IP address.").Refused();

        var sessions = t.Analyze().Sessions;

        Assert.Equal(["anonymous-denied", "login-failed", "too-many-connections-from-ip", "ip-denied"], sessions.Select(s => s.Outcome.Id));
        Assert.All(sessions, s => Assert.Equal(530, s.Outcome.ReplyCode));
    }

    public static TheoryData<TranscriptStyle, string, string, string> Replies421()
    {
        var data = new TheoryData<TranscriptStyle, string, string, string>();
        foreach (var style in Enum.GetValues<TranscriptStyle>())
        {
            data.Add(style, "421 Too many users - please try again later.", "too-many-users", "server-full");
            data.Add(style, "421 Too many connections from this IP.", "too-many-connections-from-ip", "one-session-per-ip");
            data.Add(style, "421 Timeout (900 seconds): closing control connection.", "timed-out", "idle-timeout");
            data.Add(style, "421 Service not available, closing control connection.", "connection-closed", "closed-by-server");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Replies421))]
    public void A_421_too_is_read_by_its_words(TranscriptStyle style, string reply, string outcome, string reason)
    {
        var t = Transcript.In(style).Connecting().SocketConnected().Reply(reply);

        var session = Assert.Single(t.Analyze().Sessions);

        Assert.Equal((outcome, reason, 421), (session.Outcome.Id, session.Outcome.Reason, session.Outcome.ReplyCode));
    }

    [Theory]
    [InlineData(TranscriptStyle.Chinese, "500 AUTH not understood")]
    [InlineData(TranscriptStyle.English, "530 Please login with USER and PASS.")]
    [InlineData(TranscriptStyle.Timestamped, "504 Security mechanism not implemented.")]
    public void A_refused_auth_tls_that_ends_the_session_is_encryption_unavailable(TranscriptStyle style, string refusal)
    {
        var t = Transcript.In(style).Open().Command("AUTH TLS");
        var stimulus = t.Last;
        t.Reply(refusal);
        var decisive = t.Last;
        t.ConnectionClosed();

        var session = Assert.Single(t.Analyze().Sessions);

        Assert.Equal(
            ("encryption-unavailable", "tls-not-supported", int.Parse(refusal[..3], System.Globalization.CultureInfo.InvariantCulture)),
            (session.Outcome.Id, session.Outcome.Reason, session.Outcome.ReplyCode));
        Assert.Equal([stimulus, decisive], session.Outcome.Evidence.Take(2));
        Assert.Empty(session.Logins);
    }

    [Theory]
    [InlineData(TranscriptStyle.Chinese, "230 User logged in, proceed.", "succeeded")]
    [InlineData(TranscriptStyle.English, "530 Not logged in.", "login-failed")]
    [InlineData(TranscriptStyle.Timestamped, "230 User logged in, proceed.", "succeeded")]
    public void A_client_that_only_prefers_tls_goes_on_in_plain_text_and_its_login_decides(TranscriptStyle style, string verdict, string outcome)
    {
        var t = Transcript.In(style).Open()
            .Command("AUTH TLS").Reply("500 AUTH not understood")
            .Login("software", verdict);

        var session = Assert.Single(t.Analyze().Sessions);

        Assert.Equal(outcome, session.Outcome.Id);
    }

    [Theory]
    [InlineData(TranscriptStyle.Chinese)]
    [InlineData(TranscriptStyle.English)]
    [InlineData(TranscriptStyle.Timestamped)]
    public void A_plain_login_refused_then_one_over_tls_in_the_same_connection_is_a_success(TranscriptStyle style)
    {
        var t = Transcript.In(style).Open()
            .Command("USER software").Reply("530 Non-anonymous sessions must use encryption.")
            .Command("AUTH TLS").Reply("234 Proceed with negotiation.")
            .Login("software", "230 Login successful.");

        var session = Assert.Single(t.Analyze().Sessions);

        Assert.Equal("succeeded", session.Outcome.Id);
        Assert.Equal([false, true], session.Logins.Select(l => l.Succeeded));
    }

    // Other servers say the seed's errors in their own words; the words decide, whatever the code.
    public static TheoryData<TranscriptStyle, string, string, string> OtherServersWords()
    {
        var data = new TheoryData<TranscriptStyle, string, string, string>();
        foreach (var style in Enum.GetValues<TranscriptStyle>())
        {
            // ProFTPD's MaxClientsPerHost, MaxClientsPerUser, MaxClients and MaxHostsPerUser answer the password with 530.
            data.Add(style, "530 Sorry, the maximum number of clients (2) from your host are already connected.", "too-many-connections-from-ip", "one-session-per-ip");
            data.Add(style, "530 Sorry, the maximum number of clients (5) for this user are already connected.", "too-many-users", "server-full");
            data.Add(style, "530 Sorry, the maximum number of allowed clients (30) are already connected.", "too-many-users", "server-full");
            data.Add(style, "530 Sorry, the maximum number of hosts (1) for this user are already connected.", "too-many-users", "server-full");

            // vsftpd's max_clients and max_per_ip.
            data.Add(style, "421 There are too many connected users, please try later.", "too-many-users", "server-full");
            data.Add(style, "421 There are too many connections from your internet address.", "too-many-connections-from-ip", "one-session-per-ip");

            // FileZilla Server: full, and its automatic ban after failed logins.
            data.Add(style, "421 Server too busy, closing connection. Please retry later!", "too-many-users", "server-full");
            data.Add(style, "421 Temporarily banned for too many failed login attempts", "ip-denied", "ip-not-allowed");

            // A plain refusal that merely asks to try later is still a refused password.
            data.Add(style, "530 Login incorrect, please try again later.", "login-failed", "bad-credentials");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(OtherServersWords))]
    public void Other_servers_words_for_the_seeds_errors_give_the_same_outcomes(TranscriptStyle style, string reply, string outcome, string reason)
    {
        var t = Transcript.In(style).Open().Login("software", reply);
        if (t.HasClientMessages)
        {
            t.Refused();
        }

        var session = Assert.Single(t.Analyze().Sessions);

        Assert.Equal((outcome, reason, int.Parse(reply[..3], System.Globalization.CultureInfo.InvariantCulture)), (session.Outcome.Id, session.Outcome.Reason, session.Outcome.ReplyCode));
    }

    [Theory]
    [InlineData(TranscriptStyle.Chinese)]
    [InlineData(TranscriptStyle.English)]
    [InlineData(TranscriptStyle.Timestamped)]
    public void A_ban_answering_the_password_is_a_failed_login_but_a_ban_on_connecting_is_no_login(TranscriptStyle style)
    {
        var t = Transcript.In(style)
            .Open().Login("software", "421 Temporarily banned for too many failed login attempts")
            .Connecting().SocketConnected().Reply("421 Temporarily banned for too many failed login attempts");

        var sessions = t.Analyze().Sessions;

        Assert.Equal(["ip-denied", "ip-denied"], sessions.Select(s => s.Outcome.Id));
        Assert.Equal([false], sessions[0].Logins.Select(l => l.Succeeded));
        Assert.Empty(sessions[1].Logins);
    }

    [Theory]
    [InlineData(TranscriptStyle.Chinese)]
    [InlineData(TranscriptStyle.English)]
    [InlineData(TranscriptStyle.Timestamped)]
    public void A_wrong_password_then_a_right_one_in_the_same_connection_is_a_success(TranscriptStyle style)
    {
        var t = Transcript.In(style).Open()
            .Login("software", "530 Not logged in.")
            .Login("software", "230 User logged in, proceed.");

        var session = Assert.Single(t.Analyze().Sessions);

        Assert.Equal("succeeded", session.Outcome.Id);
        Assert.Equal([false, true], session.Logins.Select(l => l.Succeeded));
    }
}
