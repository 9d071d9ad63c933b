using LogLens.Analysis;
using LogLens.Events;
using LogLens.Parsing;
using LogLens.Tests.Support;

namespace LogLens.Tests.Analysis;

/// <summary>How events become sessions: boundaries, ids, order, and streaming.</summary>
public class SessionAnalyzerTests
{
    private static readonly ILogFormat ServU = FormatRegistry.Find("servu")!;

    private static readonly string[] Interleaved =
    [
        "[1] Sun 07Mar04 08:59:58 - FTP Server listening on port number 21, IP 192.0.2.10",
        "[2] Sun 07Mar04 09:00:01 - (000021) Connected to 198.51.100.7 (Local address 192.0.2.10)",
        "[2] Sun 07Mar04 09:00:02 - (000022) Connected to 203.0.113.25 (Local address 192.0.2.10)",
        "[5] Sun 07Mar04 09:00:03 - (000022) USER bob",
        "[6] Sun 07Mar04 09:00:03 - (000022) 530 Not logged in, unauthorized IP address.",
        "[2] Sun 07Mar04 09:00:03 - (000022) Closing connection for 203.0.113.25 (00:00:01 connected)",
        "[5] Sun 07Mar04 09:00:04 - (000021) USER alice",
        "[6] Sun 07Mar04 09:00:04 - (000021) 230 User logged in, proceed.",
        "[2] Sun 07Mar04 09:00:09 - (000021) Closing connection for user ALICE (00:00:08 connected)",
        "[2] Sun 07Mar04 09:00:10 - (000021) Connected to 198.51.100.8 (Local address 192.0.2.10)",
    ];

    [Fact]
    public void Sessions_come_out_in_order_of_their_first_line_even_when_a_later_one_ends_first()
    {
        var sessions = new SessionAnalyzer("servu.log", "servu").Analyze(Lines.Parse(ServU, Interleaved)).ToList();

        Assert.Equal(["000021", "000022", "000021-2"], sessions.Select(s => s.Id));
        Assert.Equal([2, 3, 10], sessions.Select(s => s.FirstLine));
        Assert.Equal([9, 6, 10], sessions.Select(s => s.LastLine));
        Assert.Equal(["succeeded", "ip-denied", "incomplete"], sessions.Select(s => s.Outcome.Id));
        Assert.All(sessions, s => Assert.Equal(("servu.log", "servu"), (s.File, s.Format)));
    }

    [Fact]
    public void A_session_is_yielded_as_soon_as_it_and_every_earlier_one_have_ended()
    {
        var consumed = 0;
        IEnumerable<FtpEvent> Counted()
        {
            foreach (var e in Lines.Parse(ServU, Interleaved))
            {
                consumed++;
                yield return e;
            }
        }

        using var sessions = new SessionAnalyzer("servu.log", "servu").Analyze(Counted()).GetEnumerator();

        Assert.True(sessions.MoveNext());
        Assert.Equal("000021", sessions.Current.Id);
        Assert.Equal(9, consumed); // 000022 ended at line 6 but waited for 000021, which ended at line 9
        Assert.True(sessions.MoveNext());
        Assert.Equal("000022", sessions.Current.Id);
        Assert.Equal(9, consumed);
    }

    [Theory]
    [InlineData(TranscriptStyle.Chinese)]
    [InlineData(TranscriptStyle.English)]
    [InlineData(TranscriptStyle.Timestamped)]
    public void Transcript_sessions_are_numbered_from_one_in_order(TranscriptStyle style)
    {
        var t = Transcript.In(style);
        for (var i = 0; i < 3; i++)
        {
            t.Open().Login("software", "530 Not logged in.").Refused().Waiting(30);
        }

        var sessions = t.Analyze().Sessions;

        Assert.Equal(["1", "2", "3"], sessions.Select(s => s.Id));
        Assert.Equal(sessions.Select(s => s.FirstLine).Order(), sessions.Select(s => s.FirstLine));
    }

    [Theory]
    [InlineData(TranscriptStyle.Chinese)]
    [InlineData(TranscriptStyle.English)]
    public void A_getting_listing_line_before_the_first_connect_belongs_to_that_attempt(TranscriptStyle style)
    {
        var t = Transcript.In(style).GettingListing().GettingListing().Connecting().ConnectFailed(10060);

        var session = Assert.Single(t.Analyze().Sessions);

        Assert.Equal((1, 4), (session.FirstLine, session.LastLine));
    }

    [Theory]
    [InlineData(TranscriptStyle.Chinese)]
    [InlineData(TranscriptStyle.English)]
    public void After_a_failed_attempt_getting_listing_begins_the_retry_which_still_links_to_it(TranscriptStyle style)
    {
        var t = Transcript.In(style)
            .GettingListing().Open().Login("software", "530 Not logged in, unauthorized IP address.").Refused().Waiting(5);
        var failedEnds = t.Last;
        t.GettingListing().Connecting().SocketConnected().ControlConnectionClosed();

        var sessions = t.Analyze().Sessions;

        Assert.Equal([(1, failedEnds), (failedEnds + 1, t.Last)], sessions.Select(s => (s.FirstLine, s.LastLine)));
        Assert.Equal(new RetryLink("1", 5, true), sessions[1].Retry);
    }

    [Theory]
    [InlineData(TranscriptStyle.Chinese)]
    [InlineData(TranscriptStyle.English)]
    [InlineData(TranscriptStyle.Timestamped)]
    public void A_multi_line_welcome_is_one_session(TranscriptStyle style)
    {
        var t = Transcript.In(style).Connecting().SocketConnected()
            .Reply("220-Welcome to the example.com archive.")
            .Reply("220-Please keep to one session at a time.")
            .Reply("220 FTP server ready")
            .Authenticating().Login("software", "230 User logged in, proceed.");

        var session = Assert.Single(t.Analyze().Sessions);

        Assert.Equal("succeeded", session.Outcome.Id);
    }

    [Theory]
    [InlineData(TranscriptStyle.Chinese)]
    [InlineData(TranscriptStyle.English)]
    [InlineData(TranscriptStyle.Timestamped)]
    public void A_transfer_of_two_hours_and_an_idle_timeout_stay_in_their_session(TranscriptStyle style)
    {
        var t = Transcript.In(style, withClock: true).Open().Login("software", "230 User logged in, proceed.")
            .Command("RETR big.iso").Reply("150 Opening BINARY mode data connection for big.iso (4700000000 bytes).")
            .After(2 * 60 * 60).Reply("226 Transfer complete.")
            .After(900).Reply("421 Timeout (900 seconds): closing control connection.");

        var session = Assert.Single(t.Analyze().Sessions);

        Assert.Equal("timed-out", session.Outcome.Id);
        Assert.Equal(4700000000, Assert.Single(session.Transfers).Bytes);
    }

    [Theory]
    [InlineData(-60 * 60, 1)] // the clock goes back an hour in autumn
    [InlineData(-3 * 60 * 60, 2)]
    [InlineData(23 * 60 * 60, 1)]
    [InlineData(25 * 60 * 60, 2)]
    public void Without_a_session_key_a_jump_in_time_starts_another_connection(int seconds, int sessions)
    {
        var t = Transcript.In(TranscriptStyle.Timestamped).Open().Command("USER bugdown").After(seconds).Reply("331 User name okay, need password.");

        Assert.Equal(sessions, t.Analyze().Sessions.Count);
    }

    [Theory]
    [InlineData("421 Too many users - please try again later.", 2)]
    [InlineData("421 Too many connections from this IP.", 2)]
    [InlineData("421 Timeout (900 seconds): closing control connection.", 1)]
    public void A_421_that_answers_no_command_after_the_client_has_spoken_opens_another_connection_when_it_refuses_one(string reply, int sessions)
    {
        var t = Transcript.In(TranscriptStyle.Timestamped).Open().Login("bugdown", "530 Not logged in.").After(300).Reply(reply);

        Assert.Equal(sessions, t.Analyze().Sessions.Count);
    }

    [Theory]
    [InlineData(TranscriptStyle.Chinese)]
    [InlineData(TranscriptStyle.English)]
    [InlineData(TranscriptStyle.Timestamped)]
    public void A_welcome_then_a_421_is_one_refused_connection(TranscriptStyle style)
    {
        var t = Transcript.In(style).Connecting().SocketConnected().Reply("220 Archive FTP service ready.").Reply("421 Too many users - please try again later.");

        var session = Assert.Single(t.Analyze().Sessions);

        Assert.Equal(("too-many-users", 421), (session.Outcome.Id, session.Outcome.ReplyCode));
    }

    [Fact]
    public void A_timestamped_session_knows_its_start_end_and_duration_as_written()
    {
        var t = Transcript.In(TranscriptStyle.Timestamped).Open().After(1).Login("bugdown", "530 Not logged in.").After(2).Command("QUIT").Reply("221 Goodbye!");

        var session = Assert.Single(t.Analyze().Sessions);

        Assert.Equal(("2004-03-07T11:46:28", "2004-03-07T11:46:31"), (session.Start?.ToString(), session.End?.ToString()));
        Assert.Equal(3, session.DurationSeconds);
    }

    [Fact]
    public void Lines_about_the_server_itself_belong_to_no_session()
    {
        var sessions = new SessionAnalyzer("servu.log", "servu").Analyze(Lines.Parse(ServU, Interleaved[0])).ToList();

        Assert.Empty(sessions);
    }

    [Fact]
    public void No_events_make_no_sessions()
    {
        Assert.Empty(new SessionAnalyzer("empty.log", "servu").Analyze([]));
    }

    [Fact]
    public void A_null_event_stream_is_a_caller_mistake()
    {
        Assert.Throws<ArgumentNullException>(() => new SessionAnalyzer("x", "y").Analyze(null!).ToList());
    }
}
