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
