using LogLens.Tests.Support;

namespace LogLens.Tests.Analysis;

/// <summary>The bundled samples (what the README's quick start shows) end as the stories they tell.</summary>
public class SampleOutcomeTests
{
    [Theory]
    [InlineData("cuteftp-zh-retry.log", "connect-failed/socket-10060 succeeded/- too-many-connections-from-ip/one-session-per-ip")]
    [InlineData("cuteftp-en-banned.log", "ip-denied/ip-not-allowed connection-closed/control-connection-closed")]
    [InlineData("cuteftp-en-timestamped.log", "succeeded/-")]
    [InlineData("timestamped-transcript.log", "anonymous-denied/anonymous-not-allowed login-failed/bad-credentials too-many-users/server-full succeeded/-")]
    [InlineData("servu.log", "succeeded/- login-failed/too-many-attempts timed-out/idle-timeout unknown/-")]
    public void Each_sample_session_ends_as_its_story_says(string sample, string outcomes)
    {
        var analysis = LogAnalyzer.AnalyzeFile(SampleLogs.PathOf(sample));

        Assert.Equal(outcomes, string.Join(" ", analysis.Sessions.Select(s => $"{s.Outcome.Id}/{s.Outcome.Reason ?? "-"}")));
        Assert.Equal(0, analysis.Lines.Unrecognized);
    }

    [Theory]
    [InlineData("cuteftp-zh-retry.log", "- 1@30 -")]
    [InlineData("cuteftp-en-banned.log", "- 1@5!")]
    [InlineData("timestamped-transcript.log", "- - 2@392 -")]
    public void The_retries_in_the_samples_are_linked_with_their_intervals(string sample, string retries)
    {
        var analysis = LogAnalyzer.AnalyzeFile(SampleLogs.PathOf(sample));

        Assert.Equal(retries, string.Join(" ", analysis.Sessions.Select(s => s.Retry is { } r ? $"{r.Of}@{r.AfterSeconds}{(r.Hammering == true ? "!" : "")}" : "-")));
    }
}
