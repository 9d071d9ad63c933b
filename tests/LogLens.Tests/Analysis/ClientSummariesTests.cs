using LogLens.Analysis;
using LogLens.Tests.Support;

namespace LogLens.Tests.Analysis;

/// <summary>Per client across its sessions: failed logins, the user names tried, and how fast it came back.</summary>
public class ClientSummariesTests
{
    private static readonly string[] GuessingClient =
    [
        "[2] Sun 07Mar04 13:00:00 - (000301) Connected to 198.51.100.7 (Local address 192.0.2.10)",
        "[6] Sun 07Mar04 13:00:00 - (000301) 220 Serv-U FTP Server v6.0 for WinSock ready...",
        "[5] Sun 07Mar04 13:00:01 - (000301) USER admin",
        "[6] Sun 07Mar04 13:00:01 - (000301) 331 User name okay, need password.",
        "[5] Sun 07Mar04 13:00:01 - (000301) PASS ***",
        "[6] Sun 07Mar04 13:00:02 - (000301) 530 Not logged in.",
        "[5] Sun 07Mar04 13:00:06 - (000301) USER root",
        "[6] Sun 07Mar04 13:00:06 - (000301) 331 User name okay, need password.",
        "[5] Sun 07Mar04 13:00:06 - (000301) PASS ***",
        "[6] Sun 07Mar04 13:00:07 - (000301) 530 Not logged in.",
        "[2] Sun 07Mar04 13:00:07 - (000301) Closing connection for user ROOT (00:00:07 connected)",
        "[2] Sun 07Mar04 13:00:10 - (000302) Connected to 198.51.100.7 (Local address 192.0.2.10)",
        "[6] Sun 07Mar04 13:00:10 - (000302) 220 Serv-U FTP Server v6.0 for WinSock ready...",
        "[5] Sun 07Mar04 13:00:11 - (000302) USER test",
        "[6] Sun 07Mar04 13:00:11 - (000302) 331 User name okay, need password.",
        "[5] Sun 07Mar04 13:00:11 - (000302) PASS ***",
        "[6] Sun 07Mar04 13:00:12 - (000302) 530 Not logged in.",
        "[2] Sun 07Mar04 13:00:12 - (000302) Password wrong too many times for user \"test\" - disconnecting",
        "[2] Sun 07Mar04 13:00:12 - (000302) Closing connection for 198.51.100.7 (00:00:02 connected)",
        "[2] Sun 07Mar04 13:00:20 - (000303) Connected to 203.0.113.25 (Local address 192.0.2.10)",
        "[6] Sun 07Mar04 13:00:20 - (000303) 220 Serv-U FTP Server v6.0 for WinSock ready...",
        "[5] Sun 07Mar04 13:00:21 - (000303) USER alice",
        "[6] Sun 07Mar04 13:00:21 - (000303) 331 User name okay, need password.",
        "[5] Sun 07Mar04 13:00:22 - (000303) PASS ***",
        "[6] Sun 07Mar04 13:00:22 - (000303) 230 User logged in, proceed.",
        "[2] Sun 07Mar04 13:00:22 - (000303) User alice logged in",
        "[2] Sun 07Mar04 13:00:40 - (000304) Connected to 198.51.100.7 (Local address 192.0.2.10)",
        "[6] Sun 07Mar04 13:00:40 - (000304) 220 Serv-U FTP Server v6.0 for WinSock ready...",
        "[5] Sun 07Mar04 13:00:41 - (000304) USER admin",
        "[6] Sun 07Mar04 13:00:41 - (000304) 331 User name okay, need password.",
        "[5] Sun 07Mar04 13:00:42 - (000304) PASS ***",
        "[6] Sun 07Mar04 13:00:42 - (000304) 230 User logged in, proceed.",
        "[2] Sun 07Mar04 13:00:42 - (000304) User admin logged in",
        "[2] Sun 07Mar04 13:01:00 - (000304) Closing connection for user ADMIN (00:00:20 connected)",
        "[2] Sun 07Mar04 13:01:30 - (000303) Closing connection for user ALICE (00:01:10 connected)",
    ];

    [Fact]
    public void A_client_guessing_passwords_shows_its_failures_the_names_it_tried_and_its_hammering()
    {
        var sessions = Transcript.AnalyzeText(string.Join("\n", GuessingClient), "servu").Sessions;

        var summaries = ClientSummaries.Build(sessions);

        Assert.Equal(["198.51.100.7", "203.0.113.25"], summaries.Select(c => c.Client));
        var guesser = summaries[0];
        Assert.Equal((3, 3, 1), (guesser.Sessions, guesser.FailedLogins, guesser.SucceededLogins));
        Assert.Equal(["admin", "root", "test"], guesser.Users);
        Assert.Equal(3, guesser.ShortestRetrySeconds);
        Assert.True(guesser.Hammering);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(40)]
    public void A_client_trying_many_names_lists_each_once_in_the_order_first_tried(int distinct)
    {
        // Every name twice, in two rounds: a dictionary attack going over its list again.
        var names = Enumerable.Range(1, distinct).Select(i => $"user{i}").ToArray();
        var lines = new List<string>();
        var second = 0;
        foreach (var name in names.Concat(names))
        {
            var at = TimeSpan.FromSeconds(second += 20);
            lines.Add($"[2] Sun 07Mar04 {at:hh\\:mm\\:ss} - ({second:000000}) Connected to 198.51.100.99 (Local address 192.0.2.10)");
            lines.Add($"[5] Sun 07Mar04 {at:hh\\:mm\\:ss} - ({second:000000}) USER {name}");
            lines.Add($"[5] Sun 07Mar04 {at:hh\\:mm\\:ss} - ({second:000000}) PASS ***");
            lines.Add($"[6] Sun 07Mar04 {at:hh\\:mm\\:ss} - ({second:000000}) 530 Not logged in.");
        }

        var client = ClientSummaries.Build(Transcript.AnalyzeText(string.Join("\n", lines), "servu").Sessions).Single();

        Assert.Equal(names, client.Users);
        Assert.Equal(2 * distinct, client.FailedLogins);
    }

    [Fact]
    public void A_bounded_summary_of_many_one_off_clients_keeps_the_one_that_failed_most()
    {
        // A thousand bots failing once each, and one guessing client failing twelve times in between.
        var lines = new List<string>();
        for (var i = 1; i <= 1000; i++)
        {
            var client = i % 80 == 0 ? "198.51.100.99" : $"203.0.{i / 250}.{i % 250 + 1}";
            lines.Add($"[2] Sun 07Mar04 10:00:00 - ({i:000000}) Connected to {client} (Local address 192.0.2.10)");
            lines.Add($"[5] Sun 07Mar04 10:00:00 - ({i:000000}) USER root");
            lines.Add($"[5] Sun 07Mar04 10:00:00 - ({i:000000}) PASS ***");
            lines.Add($"[6] Sun 07Mar04 10:00:00 - ({i:000000}) 530 Not logged in.");
        }

        // A client seen at least once in a hundred sessions outlives the forgetting at a capacity of 100.
        var builder = new ClientSummaryBuilder { Capacity = 100 };
        foreach (var session in Transcript.AnalyzeText(string.Join("\n", lines), "servu").Sessions)
        {
            builder.Add(session);
        }

        var summaries = builder.Build();
        Assert.InRange(summaries.Count, 100, 200);
        Assert.Equal(("198.51.100.99", 12), (summaries[0].Client, summaries[0].FailedLogins));
    }

    [Fact]
    public void A_client_that_logged_in_once_has_no_retry_and_is_not_hammering()
    {
        var sessions = Transcript.AnalyzeText(string.Join("\n", GuessingClient), "servu").Sessions;

        var alice = ClientSummaries.Build(sessions).Single(c => c.Client == "203.0.113.25");

        Assert.Equal(new ClientSummary("203.0.113.25", 1, 0, 1, alice.Users, null, false), alice);
        Assert.Equal(["alice"], alice.Users);
    }

    [Fact]
    public void The_summaries_agree_with_the_sessions_they_come_from()
    {
        var sessions = Transcript.AnalyzeText(string.Join("\n", GuessingClient), "servu").Sessions;

        var guesser = ClientSummaries.Build(sessions)[0];

        var own = sessions.Where(s => s.Client == guesser.Client).ToArray();
        Assert.Equal(
            [("login-failed", "bad-credentials"), ("login-failed", "too-many-attempts"), ("succeeded", (string?)null)],
            own.Select(s => (s.Outcome.Id, s.Outcome.Reason)));
        Assert.Equal(guesser.FailedLogins, own.Sum(s => s.Logins.Count(l => !l.Succeeded)));
        Assert.Equal([null, new RetryLink("000301", 3, true), new RetryLink("000302", 28, false)], own.Select(s => s.Retry));
    }

    [Theory]
    [InlineData(3, true)]
    [InlineData(9, true)]
    [InlineData(10, false)]
    [InlineData(45, false)]
    public void A_client_coming_back_sooner_than_ten_seconds_after_a_failure_is_hammering(int gap, bool hammering)
    {
        var second = new DateTime(2004, 3, 7, 13, 0, 3).AddSeconds(gap);
        string[] log =
        [
            "[2] Sun 07Mar04 13:00:00 - (000401) Connected to 198.51.100.7 (Local address 192.0.2.10)",
            "[5] Sun 07Mar04 13:00:01 - (000401) USER admin",
            "[5] Sun 07Mar04 13:00:02 - (000401) PASS ***",
            "[6] Sun 07Mar04 13:00:03 - (000401) 530 Not logged in.",
            "[2] Sun 07Mar04 13:00:03 - (000401) Closing connection for user ADMIN (00:00:03 connected)",
            $"[2] Sun 07Mar04 {second:HH:mm:ss} - (000402) Connected to 198.51.100.7 (Local address 192.0.2.10)",
            $"[5] Sun 07Mar04 {second.AddSeconds(60):HH:mm:ss} - (000402) USER admin",
        ];

        var summary = Assert.Single(ClientSummaries.Build(Transcript.AnalyzeText(string.Join("\n", log), "servu").Sessions));

        Assert.Equal(gap, summary.ShortestRetrySeconds);
        Assert.Equal(hammering, summary.Hammering);
    }

    [Theory]
    [InlineData(TranscriptStyle.Chinese)]
    [InlineData(TranscriptStyle.English)]
    [InlineData(TranscriptStyle.Timestamped)]
    public void A_client_transcript_names_no_client_and_gives_no_summary(TranscriptStyle style)
    {
        var t = Transcript.In(style).Open().Login("bugdown", "530 Not logged in.");

        Assert.Empty(ClientSummaries.Build(t.Analyze().Sessions));
    }
}
