using LogLens.Analysis;

namespace LogLens.Tests.Localization;

public class OutcomeTextTests
{
    public static TheoryData<string> OutcomeKeys() => new(OutcomeKeyNames());

    public static TheoryData<string> ReasonKeys() => new(ReasonKeyNames());

    private static IEnumerable<string> OutcomeKeyNames() =>
        from kind in Enum.GetValues<OutcomeKind>()
        from part in new[] { "Title", "Explanation", "Advice", "AdminAdvice" }
        select $"Outcome.{OutcomeIds.ToId(kind)}.{part}";

    private static IEnumerable<string> ReasonKeyNames() =>
        from reason in OutcomeReasons.All
        from part in new[] { "Explanation", "Advice" }
        select $"Reason.{reason}.{part}";

    [Theory]
    [MemberData(nameof(OutcomeKeys))]
    [MemberData(nameof(ReasonKeys))]
    public void Outcome_and_reason_texts_exist_in_both_languages(string key)
    {
        Assert.False(string.IsNullOrWhiteSpace(ResxFile.English.Texts.GetValueOrDefault(key)), $"en lacks {key}");
        Assert.False(string.IsNullOrWhiteSpace(ResxFile.Chinese.Texts.GetValueOrDefault(key)), $"zh-CN lacks {key}");
    }

    [Fact]
    public void Every_outcome_and_reason_text_belongs_to_a_known_outcome_or_reason()
    {
        // A reason may have advice for a server's administrator as well; an outcome always has.
        var known = OutcomeKeyNames().Concat(ReasonKeyNames()).Concat(OutcomeReasons.All.Select(r => $"Reason.{r}.AdminAdvice")).ToHashSet();
        var stray = ResxFile.English.Texts.Keys
            .Where(k => k.StartsWith("Outcome.", StringComparison.Ordinal) || k.StartsWith("Reason.", StringComparison.Ordinal))
            .Where(k => !known.Contains(k));
        Assert.Empty(stray);
    }

    [Fact]
    public void Outcome_titles_are_short()
    {
        foreach (var kind in Enum.GetValues<OutcomeKind>())
        {
            var key = $"Outcome.{OutcomeIds.ToId(kind)}.Title";
            Assert.True(ResxFile.English.Texts[key].Length <= 40, key);
            Assert.True(ResxFile.Chinese.Texts[key].Length <= 12, key);
        }
    }

    // The seed guide's answers, as they must reach the reader: one distinctive piece of each, per language.
    [Theory]
    [InlineData("Reason.socket-10060.Explanation", "21", "not running", "端口填写错误")]
    [InlineData("Reason.socket-10060.Advice", "21", "administrator", "管理者联系")]
    [InlineData("Reason.anonymous-not-allowed.Explanation", "anonymous", "anonymous", "不允许匿名")]
    [InlineData("Reason.anonymous-not-allowed.Advice", "account", "administrator", "取得账号")]
    [InlineData("Reason.bad-credentials.Explanation", "Oray/花生壳", "Microsoft", "微软")]
    [InlineData("Reason.bad-credentials.Explanation", "IIS", "dynamic-DNS", "动态域名")]
    [InlineData("Reason.bad-credentials.Advice", "spaces", "expired", "没有过期")]
    [InlineData("Reason.server-full.Explanation", "421", "maximum number of logins", "最大登录人数")]
    [InlineData("Reason.server-full.Advice", "another account", "leave", "其他用户退出")]
    [InlineData("Reason.one-session-per-ip.Advice", "windows", "download", "多个窗口")]
    [InlineData("Reason.control-connection-closed.Explanation", "blocking", "frequent", "频繁的尝试")]
    [InlineData("Reason.control-connection-closed.Advice", "10 seconds to 1 minute", "retries", "10秒到1分钟")]
    [InlineData("Reason.ip-not-allowed.Explanation", "banned", "certain IP addresses", "部分许可的IP")]
    [InlineData("Reason.ip-not-allowed.Advice", "pointless", "retry interval", "解封")]
    public void Seed_answers_are_carried_in_both_languages(string key, string english1, string english2, string chinese)
    {
        Assert.Contains(english1, ResxFile.English.Texts[key]);
        Assert.Contains(english2, ResxFile.English.Texts[key]);
        Assert.Contains(chinese, ResxFile.Chinese.Texts[key]);
    }
}
