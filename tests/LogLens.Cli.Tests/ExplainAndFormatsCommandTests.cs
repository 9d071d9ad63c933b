using LogLens.Cli.Tests.Support;
using LogLens.Parsing;

namespace LogLens.Cli.Tests;

public class ExplainAndFormatsCommandTests
{
    [Theory]
    [InlineData("530", "en", "login-failed")]
    [InlineData("530", "en", "ip-denied")]
    [InlineData("530", "zh-CN", "账号或密码错误")]
    [InlineData("421", "en", "too-many-users")]
    [InlineData("421", "zh-CN", "连接用户过多")]
    [InlineData("226", "en", "226")]
    [InlineData("421", "en", "too-many-connections-from-ip")]
    [InlineData("10060", "en", "socket-10060")]
    [InlineData("10061", "zh-CN", "10061")]
    [InlineData("550", "en", "file-unavailable")]
    public void Explain_prints_the_meaning_and_the_outcomes_a_code_can_signal(string code, string lang, string expected)
    {
        var result = CliRunner.Run("explain", code, "--lang", lang);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(expected, result.Output);
    }

    [Theory]
    [InlineData("999")]
    [InlineData("42")]
    [InlineData("abc")]
    public void Explain_rejects_what_is_not_a_known_reply_code(string code)
    {
        var result = CliRunner.Run("explain", code);

        Assert.Equal(2, result.ExitCode);
        Assert.NotEmpty(result.Error);
    }

    [Theory]
    [InlineData("abc", "'abc' is not a reply code: give three digits")]
    [InlineData("5 30", "give three digits")]
    [InlineData("-1", "give three digits")]
    [InlineData("10062", "10060 or 10061")]
    public void Explain_says_what_it_expects_when_given_no_code(string code, string expected)
    {
        var result = CliRunner.Run("explain", code);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("550")]
    [InlineData("425")]
    [InlineData("426")]
    public void Explain_never_promises_a_reason_it_does_not_show(string code)
    {
        var result = CliRunner.Run("explain", code);

        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain("below", result.Output, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("transfer-failed", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Formats_lists_every_format_with_a_sample_line()
    {
        var result = CliRunner.Run("formats");

        Assert.Equal(0, result.ExitCode);
        foreach (var format in FormatRegistry.BuiltIn)
        {
            Assert.Contains(format.Name, result.Output);
        }
    }

    [Theory]
    [InlineData("--version")]
    [InlineData("-v")]
    public void Version_prints_the_package_version_alone(string option)
    {
        var result = CliRunner.Run(option);

        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$", result.Output.Trim());
    }
}
