using System.Globalization;
using LogLens.Analysis;
using LogLens.Localization;
using LogLens.Tests.Support;

namespace LogLens.Tests.Analysis;

/// <summary>
/// Each outcome is explained, with advice, in the language asked for, whatever the transcript's
/// language: the texts come from the resources, and the Chinese says what the seed says.
/// </summary>
public class ExplanationTests
{
    private static readonly Dictionary<string, Func<TranscriptStyle, Transcript>> Scenarios = new()
    {
        ["succeeded"] = s => Transcript.In(s).Open().Login("software", "230 User logged in, proceed."),
        ["socket-10060"] = s => Transcript.In(s).Connecting().ConnectFailed(10060).Waiting(30),
        ["socket-10061"] = s => Transcript.In(s).Connecting().ConnectFailed(10061).Waiting(30),
        ["anonymous"] = s => Transcript.In(s).Open().Command("USER anonymous").Reply("530 Sorry, no ANONYMOUS access allowed").Refused(),
        ["bad-credentials"] = s => Transcript.In(s).Open().Login("bugdown", "530 Not logged in.").Refused(),
        ["server-full"] = s => Transcript.In(s).Connecting().SocketConnected().Reply("421 Too many users - please try again later.").ControlConnectionClosed(),
        ["one-session-per-ip"] = s => Transcript.In(s).Open().Login("software", "530 Not logged in, only one session from same IP allowed at a time.").Refused(),
        ["ip-not-allowed"] = s => Transcript.In(s).Open().Login("software", "530 Not logged in, unauthorized IP address.").Refused(),
        ["tls-required"] = s => Transcript.In(s).Open().Command("USER software").Reply("530 Non-anonymous sessions must use encryption.").Refused(),
        ["tls-not-supported"] = s => Transcript.In(s).Open().Command("AUTH TLS").Reply("500 AUTH not understood").Command("AUTH SSL").Reply("500 AUTH not understood").ConnectionClosed(),
        ["data-tls-required"] = s => Transcript.In(s).Open().Login("software", "230 Login successful.").Command("LIST").Reply("522 Data connections must be encrypted."),
        ["tls-session-reuse-required"] = s => Transcript.In(s).Open().Login("software", "230 Login successful.").Command("RETR a.zip").Reply("150 Opening BINARY mode data connection.").Reply("522 SSL connection failed: session reuse required"),
        ["control-connection-closed"] = s => Transcript.In(s).Connecting().SocketConnected().ControlConnectionClosed().Waiting(5),
        ["transfer-failed"] = s => Transcript.In(s).Open().Login("software", "230 User logged in, proceed.").Command("RETR a.zip").Reply("550 a.zip: No such file or directory."),
        ["timed-out"] = s => Transcript.In(s).Open().Command("USER software").TimedOut(),
        ["incomplete"] = s => Transcript.In(s).Connecting().SocketConnected().Reply("220 FTP server ready"),
        ["unknown"] = s => Transcript.In(s).Open().Command("USER software").Reply("331 User name okay, need password.").Connecting().ConnectFailed(10060),
    };

    public static TheoryData<string, TranscriptStyle, string> AllScenarios()
    {
        var data = new TheoryData<string, TranscriptStyle, string>();
        foreach (var scenario in Scenarios.Keys)
        {
            foreach (var style in new[] { TranscriptStyle.Chinese, TranscriptStyle.English })
            {
                foreach (var language in Texts.LanguageNames)
                {
                    data.Add(scenario, style, language);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllScenarios))]
    public void The_explanation_and_advice_come_from_the_texts_of_the_reason_or_else_the_outcome(string scenario, TranscriptStyle style, string language)
    {
        Assert.True(Texts.TryGetLanguage(language, out var culture));
        var outcome = Scenarios[scenario](style).Analyze().Sessions[0].Outcome;

        Assert.Equal(Expected(outcome, "Explanation", culture), outcome.Explanation(culture));
        Assert.Equal(Expected(outcome, "Advice", culture), outcome.Advice(culture));
        Assert.Equal(Texts.Get($"Outcome.{outcome.Id}.Title", culture), outcome.Title(culture));
        if (culture.Name == "zh-CN")
        {
            Assert.True(HasChinese(outcome.Explanation(culture)), outcome.Explanation(culture));
            Assert.True(HasChinese(outcome.Advice(culture)), outcome.Advice(culture));
            Assert.NotEqual(outcome.Explanation(Texts.English), outcome.Explanation(culture));
        }
    }

    [Fact]
    public void The_scenarios_cover_every_outcome()
    {
        var shown = Scenarios.Values.Select(s => s(TranscriptStyle.Chinese).Analyze().Sessions[0].Outcome.Kind).ToHashSet();

        Assert.Equal(Enum.GetValues<OutcomeKind>().ToHashSet(), shown);
    }

    // The seed's answers, as a reader of the Chinese report must find them.
    [Theory]
    [InlineData("socket-10060", "端口")]
    [InlineData("socket-10060", "21")]
    [InlineData("socket-10060", "管理者")]
    [InlineData("socket-10061", "端口")]
    [InlineData("anonymous", "匿名")]
    [InlineData("anonymous", "账号")]
    [InlineData("anonymous", "管理者")]
    [InlineData("bad-credentials", "账号或者密码")]
    [InlineData("bad-credentials", "动态域名")]
    [InlineData("bad-credentials", "没有过期")]
    [InlineData("server-full", "最大登录人数")]
    [InlineData("server-full", "10秒到1分钟")]
    [InlineData("one-session-per-ip", "单线程")]
    [InlineData("one-session-per-ip", "一个会话")]
    [InlineData("one-session-per-ip", "多个窗口")]
    [InlineData("ip-not-allowed", "管理者")]
    [InlineData("ip-not-allowed", "没有继续尝试的必要")]
    [InlineData("tls-required", "显式 FTP over TLS")]
    [InlineData("tls-required", "很可能是正确的")]
    [InlineData("data-tls-required", "PROT P")]
    [InlineData("tls-session-reuse-required", "require_ssl_reuse")]
    [InlineData("tls-not-supported", "明文")]
    [InlineData("control-connection-closed", "频繁的尝试")]
    [InlineData("control-connection-closed", "10秒到1分钟")]
    public void The_chinese_report_carries_the_seeds_words(string scenario, string phrase)
    {
        foreach (var style in new[] { TranscriptStyle.Chinese, TranscriptStyle.English })
        {
            var outcome = Scenarios[scenario](style).Analyze().Sessions[0].Outcome;

            Assert.Contains(phrase, outcome.Explanation(Texts.Chinese) + outcome.Advice(Texts.Chinese), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("socket-10060", "port")]
    [InlineData("socket-10060", "21")]
    [InlineData("anonymous", "anonymous")]
    [InlineData("bad-credentials", "password")]
    [InlineData("server-full", "10 seconds")]
    [InlineData("one-session-per-ip", "one session")]
    [InlineData("ip-not-allowed", "pointless")]
    [InlineData("control-connection-closed", "10 seconds to 1 minute")]
    [InlineData("tls-required", "explicit FTP over TLS")]
    [InlineData("tls-required", "never checked")]
    [InlineData("data-tls-required", "PROT P")]
    [InlineData("tls-session-reuse-required", "require_ssl_reuse")]
    [InlineData("tls-not-supported", "if available")]
    public void The_english_report_carries_the_same_answers(string scenario, string phrase)
    {
        var outcome = Scenarios[scenario](TranscriptStyle.Chinese).Analyze().Sessions[0].Outcome;

        Assert.Contains(phrase, outcome.Explanation(Texts.English) + outcome.Advice(Texts.English), StringComparison.OrdinalIgnoreCase);
    }

    private static string Expected(SessionOutcome outcome, string part, CultureInfo culture) =>
        (outcome.Reason is { } reason ? Texts.Find($"Reason.{reason}.{part}", culture) : null)
        ?? Texts.Get($"Outcome.{outcome.Id}.{part}", culture);

    private static bool HasChinese(string text) => text.Any(c => c is >= '\u4E00' and <= '\u9FFF');
}
