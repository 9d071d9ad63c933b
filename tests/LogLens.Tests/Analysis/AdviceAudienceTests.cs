using LogLens.Analysis;
using LogLens.Localization;
using LogLens.Tests.Support;

namespace LogLens.Tests.Analysis;

/// <summary>
/// Advice speaks to the person the log belongs to: a client's transcript to its user, a server's
/// log to its administrator, in both languages.
/// </summary>
public class AdviceAudienceTests
{
    [Theory]
    [InlineData("vsftpd.log", "login-failed", AdviceAudience.Administrator, "brute force", "暴力破解")]
    [InlineData("vsftpd.log", "too-many-connections-from-ip", AdviceAudience.Administrator, "max_per_ip", "max_per_ip")]
    [InlineData("servu.log", "login-failed", AdviceAudience.Administrator, "ban", "封禁")]
    [InlineData("cuteftp-en-banned.log", "ip-denied", AdviceAudience.User, "administrator", "管理")]
    [InlineData("cuteftp-zh-retry.log", "connect-failed", AdviceAudience.User, "21", "21")]
    public void A_session_gets_advice_for_the_person_whose_log_it_is(string sample, string outcome, AdviceAudience audience, string english, string chinese)
    {
        var analysis = LogAnalyzer.AnalyzeFile(SampleLogs.PathOf(sample));

        var session = analysis.Sessions.First(s => s.Outcome.Id == outcome);
        Assert.Equal(audience, session.Outcome.Audience);
        Assert.Contains(english, session.Outcome.Advice(Texts.English), StringComparison.Ordinal);
        Assert.Contains(chinese, session.Outcome.Advice(Texts.Chinese), StringComparison.Ordinal);
    }

    [Fact]
    public void A_server_log_never_tells_its_administrator_to_check_what_they_typed()
    {
        var analysis = LogAnalyzer.AnalyzeFile(SampleLogs.PathOf("vsftpd.log"));

        Assert.All(analysis.Sessions, s =>
        {
            Assert.DoesNotContain("typed nothing wrong", s.Outcome.Advice(Texts.English), StringComparison.Ordinal);
            Assert.DoesNotContain("dynamic-DNS", s.Outcome.Advice(Texts.English), StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Every_outcome_has_advice_for_each_audience_in_both_languages()
    {
        foreach (var kind in Enum.GetValues<OutcomeKind>())
        {
            foreach (var audience in Enum.GetValues<AdviceAudience>())
            {
                var outcome = new SessionOutcome(kind, null, null, []) { Audience = audience };
                Assert.False(string.IsNullOrWhiteSpace(outcome.Advice(Texts.English)));
                Assert.False(string.IsNullOrWhiteSpace(outcome.Advice(Texts.Chinese)));
            }
        }
    }
}
