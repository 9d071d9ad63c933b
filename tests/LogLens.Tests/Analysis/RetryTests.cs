using LogLens.Analysis;
using LogLens.Tests.Support;

namespace LogLens.Tests.Analysis;

/// <summary>
/// An attempt after a failed one against the same server is its retry; the interval comes from the
/// timestamps or, without them, from the client's own "waiting N seconds". The seed asks for 10 s
/// to 1 min between attempts: sooner is hammering.
/// </summary>
public class RetryTests
{
    public static TheoryData<TranscriptStyle, int, bool> Waits()
    {
        var data = new TheoryData<TranscriptStyle, int, bool>();
        foreach (var style in new[] { TranscriptStyle.Chinese, TranscriptStyle.English })
        {
            data.Add(style, 0, true);
            data.Add(style, 5, true);
            data.Add(style, 9, true);
            data.Add(style, 10, false);
            data.Add(style, 30, false);
            data.Add(style, 60, false);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Waits))]
    public void Without_timestamps_the_interval_is_the_clients_own_wait(TranscriptStyle style, int wait, bool hammering)
    {
        var t = Transcript.In(style)
            .Connecting().ConnectFailed(10060).Waiting(wait)
            .Connecting().ConnectFailed(10060);

        var sessions = t.Analyze().Sessions;

        Assert.Equal(2, sessions.Count);
        Assert.Null(sessions[0].Retry);
        Assert.Equal(new RetryLink(sessions[0].Id, wait, hammering), sessions[1].Retry);
    }

    [Theory]
    [InlineData(TranscriptStyle.Chinese)]
    [InlineData(TranscriptStyle.English)]
    public void Without_timestamps_or_a_wait_the_retry_is_linked_but_its_interval_is_unknown(TranscriptStyle style)
    {
        var t = Transcript.In(style)
            .Open().Login("software", "530 Not logged in, unauthorized IP address.").Refused()
            .Open().Login("software", "530 Not logged in, unauthorized IP address.").Refused();

        var sessions = t.Analyze().Sessions;

        Assert.Equal(new RetryLink(sessions[0].Id, null, null), sessions[1].Retry);
    }

    public static TheoryData<TranscriptStyle, double, bool> Intervals()
    {
        var data = new TheoryData<TranscriptStyle, double, bool>();
        foreach (var style in Enum.GetValues<TranscriptStyle>())
        {
            data.Add(style, 3, true);
            data.Add(style, 9, true);
            data.Add(style, 10, false);
            data.Add(style, 45, false);
            data.Add(style, 60, false);
            data.Add(style, 29 * 60, false);
            data.Add(style, 30 * 60, false);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Intervals))]
    public void With_timestamps_the_interval_is_measured_from_the_end_of_the_failed_attempt(TranscriptStyle style, double seconds, bool hammering)
    {
        var t = Transcript.In(style, withClock: true)
            .Open().Login("bugdown", "530 Not logged in.").Refused()
            .After(seconds)
            .Open().Login("bugdown", "230 User logged in, proceed.");

        var sessions = t.Analyze().Sessions;

        Assert.Equal(["login-failed", "succeeded"], sessions.Select(s => s.Outcome.Id));
        Assert.Equal(new RetryLink(sessions[0].Id, seconds, hammering), sessions[1].Retry);
    }

    [Theory]
    [InlineData(TranscriptStyle.Chinese)]
    [InlineData(TranscriptStyle.English)]
    public void Timestamps_win_over_the_clients_announced_wait(TranscriptStyle style)
    {
        // The client says it waits 30 seconds, but the clock says the next attempt came 42 seconds later.
        var t = Transcript.In(style, withClock: true)
            .Connecting().ConnectFailed(10060).Waiting(30).After(12)
            .Connecting().ConnectFailed(10060);

        var retry = t.Analyze().Sessions[1].Retry;

        Assert.Equal(42, retry?.AfterSeconds);
        Assert.False(retry?.Hammering);
    }

    [Theory]
    [InlineData(TranscriptStyle.Chinese)]
    [InlineData(TranscriptStyle.English)]
    [InlineData(TranscriptStyle.Timestamped)]
    public void More_than_thirty_minutes_later_is_a_new_try_not_a_retry(TranscriptStyle style)
    {
        var t = Transcript.In(style, withClock: true)
            .Open().Login("bugdown", "530 Not logged in.").Refused()
            .After(30 * 60 + 1)
            .Open().Login("bugdown", "530 Not logged in.").Refused();

        var sessions = t.Analyze().Sessions;

        Assert.Equal(2, sessions.Count);
        Assert.All(sessions, s => Assert.Null(s.Retry));
    }

    [Theory]
    [InlineData(TranscriptStyle.Chinese)]
    [InlineData(TranscriptStyle.English)]
    [InlineData(TranscriptStyle.Timestamped)]
    public void An_attempt_dated_before_the_failure_it_follows_is_no_retry_and_not_hammering(TranscriptStyle style)
    {
        // Two pasted excerpts, the later one first: the clock goes back three days.
        var t = Transcript.In(style, withClock: true)
            .Open().Login("bugdown", "530 Not logged in.").Refused()
            .After(-3 * 24 * 60 * 60)
            .Open().Login("bugdown", "530 Not logged in.").Refused();

        var sessions = t.Analyze().Sessions;

        Assert.Equal(2, sessions.Count);
        Assert.All(sessions, s => Assert.Null(s.Retry));
    }

    [Theory]
    [InlineData(TranscriptStyle.Chinese)]
    [InlineData(TranscriptStyle.English)]
    [InlineData(TranscriptStyle.Timestamped)]
    public void A_success_is_never_retried_from(TranscriptStyle style)
    {
        var t = Transcript.In(style, withClock: true)
            .Open().Login("software", "230 User logged in, proceed.").Command("QUIT").Reply("221 Goodbye.").ConnectionClosed()
            .After(2)
            .Open().Login("software", "530 Not logged in, only one session from same IP allowed at a time.").Refused()
            .After(20)
            .Open().Login("software", "230 User logged in, proceed.");

        var sessions = t.Analyze().Sessions;

        Assert.Equal(["succeeded", "too-many-connections-from-ip", "succeeded"], sessions.Select(s => s.Outcome.Id));
        Assert.Null(sessions[1].Retry);
        Assert.Equal(new RetryLink(sessions[1].Id, 20, false), sessions[2].Retry);
    }

    [Theory]
    [InlineData(TranscriptStyle.Chinese)]
    [InlineData(TranscriptStyle.English)]
    public void An_attempt_against_another_server_is_not_a_retry(TranscriptStyle style)
    {
        var t = Transcript.In(style, withClock: true)
            .Open("ftp.example.com", 21, "192.0.2.45").Login("software", "530 Not logged in.").Refused().Waiting(5)
            .Open("mirror.example.net", 21, "198.51.100.9").Login("software", "530 Not logged in.").Refused().Waiting(5)
            .Open("ftp.example.com", 21, "192.0.2.45").Login("software", "230 User logged in, proceed.");

        var sessions = t.Analyze().Sessions;

        Assert.Equal(["ftp.example.com:21", "mirror.example.net:21", "ftp.example.com:21"], sessions.Select(s => s.Server));
        Assert.Null(sessions[1].Retry);
        Assert.Equal(sessions[0].Id, sessions[2].Retry?.Of);
    }

    [Theory]
    [InlineData(TranscriptStyle.Chinese)]
    [InlineData(TranscriptStyle.English)]
    public void The_same_host_on_another_port_is_another_server(TranscriptStyle style)
    {
        var t = Transcript.In(style)
            .Connecting("ftp.example.com", 21).ConnectFailed(10060).Waiting(30)
            .Connecting("ftp.example.com", 2121).ConnectFailed(10061);

        var sessions = t.Analyze().Sessions;

        Assert.Null(sessions[1].Retry);
    }

    [Theory]
    [InlineData(TranscriptStyle.Chinese)]
    [InlineData(TranscriptStyle.English)]
    [InlineData(TranscriptStyle.Timestamped)]
    public void Every_retry_in_a_chain_links_to_the_attempt_just_before_it(TranscriptStyle style)
    {
        var t = Transcript.In(style, withClock: true);
        for (var i = 0; i < 4; i++)
        {
            t.Connecting().SocketConnected().Reply("421 Too many users - please try again later.").ControlConnectionClosed().After(4);
        }

        var sessions = t.Analyze().Sessions;

        Assert.Equal(4, sessions.Count);
        Assert.All(sessions, s => Assert.Equal("too-many-users", s.Outcome.Id));
        Assert.Null(sessions[0].Retry);
        Assert.Equal(sessions.Take(3).Select(s => new RetryLink(s.Id, 4, true)), sessions.Skip(1).Select(s => s.Retry));
    }

    [Fact]
    public void The_hammering_threshold_and_retry_window_are_the_seeds_ten_seconds_and_half_an_hour()
    {
        Assert.Equal(10, RetryLinker.HammeringThresholdSeconds);
        Assert.Equal(30 * 60, RetryLinker.RetryWindowSeconds);
    }

    [Theory]
    [InlineData(OutcomeKind.Succeeded, false)]
    [InlineData(OutcomeKind.Incomplete, false)]
    [InlineData(OutcomeKind.Unknown, false)]
    [InlineData(OutcomeKind.ConnectFailed, true)]
    [InlineData(OutcomeKind.AnonymousDenied, true)]
    [InlineData(OutcomeKind.LoginFailed, true)]
    [InlineData(OutcomeKind.TooManyUsers, true)]
    [InlineData(OutcomeKind.TooManyConnectionsFromIp, true)]
    [InlineData(OutcomeKind.IpDenied, true)]
    [InlineData(OutcomeKind.ConnectionClosed, true)]
    [InlineData(OutcomeKind.TransferFailed, true)]
    [InlineData(OutcomeKind.TimedOut, true)]
    public void Only_failures_and_closed_connections_invite_a_retry(OutcomeKind outcome, bool retryable)
    {
        Assert.Equal(retryable, RetryLinker.IsRetryable(outcome));
    }

    [Fact]
    public void In_a_serv_u_log_a_retry_is_the_same_clients_next_session_and_other_clients_are_not_linked()
    {
        string[] log =
        [
            "[2] Sun 07Mar04 11:46:28 - (000101) Connected to 198.51.100.7 (Local address 192.0.2.10)",
            "[6] Sun 07Mar04 11:46:28 - (000101) 220 Serv-U FTP Server v6.0 for WinSock ready...",
            "[5] Sun 07Mar04 11:46:29 - (000101) USER bugdown",
            "[6] Sun 07Mar04 11:46:29 - (000101) 331 User name okay, need password.",
            "[5] Sun 07Mar04 11:46:30 - (000101) PASS ***",
            "[6] Sun 07Mar04 11:46:30 - (000101) 530 Not logged in.",
            "[2] Sun 07Mar04 11:46:30 - (000101) Closing connection for user BUGDOWN (00:00:02 connected)",
            "[2] Sun 07Mar04 11:46:31 - (000102) Connected to 203.0.113.25 (Local address 192.0.2.10)",
            "[6] Sun 07Mar04 11:46:31 - (000102) 220 Serv-U FTP Server v6.0 for WinSock ready...",
            "[2] Sun 07Mar04 11:46:33 - (000103) Connected to 198.51.100.7 (Local address 192.0.2.10)",
            "[6] Sun 07Mar04 11:46:33 - (000103) 220 Serv-U FTP Server v6.0 for WinSock ready...",
            "[2] Sun 07Mar04 11:46:40 - (000102) Closing connection for 203.0.113.25 (00:00:09 connected)",
            "[2] Sun 07Mar04 11:46:45 - (000103) Closing connection for 198.51.100.7 (00:00:12 connected)",
        ];

        var sessions = Transcript.AnalyzeText(string.Join("\n", log), "servu").Sessions;

        Assert.Equal(["000101", "000102", "000103"], sessions.Select(s => s.Id));
        Assert.Null(sessions[1].Retry);
        Assert.Equal(new RetryLink("000101", 3, true), sessions[2].Retry);
    }
}
