using System.Text.RegularExpressions;
using LogLens.Cli.Commands;
using LogLens.Cli.Tests.Support;
using LogLens.Input;
using Spectre.Console.Testing;

namespace LogLens.Cli.Tests;

/// <summary>A mistake on the command line is a usage error (exit 2) said in words: what is wrong, and what is accepted.</summary>
public sealed class UsageMessageTests
{
    private const string Reads =
        "it reads utf-8, utf-16le, utf-16be, gb18030, gbk, big5, shift_jis, euc-jp, euc-kr, latin1, iso-8859-2, iso-8859-15, " +
        "windows-1250, windows-1251, windows-1252, koi8-r, us-ascii, and the other code pages that write ASCII as ASCII (not utf-7, utf-32 or EBCDIC)";

    private static readonly string Sample = Repo.Sample("servu.log");

    public static TheoryData<string[], string> Mistakes => new()
    {
        // command line (SAMPLE: a sample log), what standard error starts with
        { ["analyze", "SAMPLE", "--encoding", "utf-7"], "loglens: 'utf-7' is not an encoding LogLens reads; " + Reads },
        { ["scan", "SAMPLE", "-o", "-", "--encoding", "UTF-7"], "loglens: 'UTF-7' is not an encoding LogLens reads; " + Reads },
        { ["analyze", "SAMPLE", "--encoding", "utf-32"], "loglens: 'utf-32' is not an encoding LogLens reads; " },
        { ["analyze", "SAMPLE", "--encoding", "ibm037"], "loglens: 'ibm037' is not an encoding LogLens reads; " },
        { ["analyze", "SAMPLE", "-e", "klingon"], "loglens: 'klingon' is not an encoding LogLens reads; " },
        { ["scan", "SAMPLE", "-o", "-", "--jobs", "99999999999"], "loglens: --jobs takes a whole number from 1 to 256, not '99999999999'" },
        { ["scan", "SAMPLE", "-o", "-", "--jobs", "0"], "loglens: --jobs takes a whole number from 1 to 256, not '0'" },
        { ["scan", "SAMPLE", "-o", "-", "--jobs", "257"], "loglens: --jobs takes a whole number from 1 to 256, not '257'" },
        { ["scan", "SAMPLE", "-o", "-", "--jobs", "-1"], "loglens: --jobs takes a whole number from 1 to 256, not '-1'" },
        { ["scan", "SAMPLE", "-o", "-", "-j", "1.5"], "loglens: --jobs takes a whole number from 1 to 256, not '1.5'" },
        { ["scan", "SAMPLE", "-o", "-", "-j", "many"], "loglens: --jobs takes a whole number from 1 to 256, not 'many'" },
        { ["scan", "SAMPLE", "-o", "-", "-j", "\uFF14"], "loglens: --jobs takes a whole number from 1 to 256, not '\uFF14'" },
        { ["explain", "99999999999"], "loglens: '99999999999' is not a reply code: give three digits, from 100 to 999 (such as 530), or a socket error, 10060 or 10061" },
        { ["explain", "42"], "loglens: '42' is not a reply code: give three digits, from 100 to 999 (such as 530), or a socket error, 10060 or 10061" },
        { ["explain", "5300"], "loglens: '5300' is not a reply code: give three digits, from 100 to 999 (such as 530), or a socket error, 10060 or 10061" },
        { ["explain", "abc"], "loglens: 'abc' is not a reply code: give three digits, from 100 to 999 (such as 530), or a socket error, 10060 or 10061" },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public void A_mistake_is_a_usage_error_in_words_never_an_internal_error(string[] args, string error)
    {
        var result = CliRunner.Run(args.Select(a => a == "SAMPLE" ? Sample : a).ToArray());

        Assert.Equal(2, result.ExitCode);
        // The test console wraps at 250 columns; a long message is one line where nothing wraps it.
        Assert.StartsWith(error, Regex.Replace(result.Error, @" ?\n", " "), StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", result.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.RawOutput);
    }

    [Theory]
    [MemberData(nameof(Mistakes))]
    public void No_message_names_a_dotnet_type(string[] args, string error)
    {
        _ = error;
        var result = CliRunner.Run(args.Select(a => a == "SAMPLE" ? Sample : a).ToArray());

        foreach (var word in new[] { "Nullable", "Int32", "Int64", "`1", "System.", "Exception", "Failed to convert" })
        {
            Assert.DoesNotContain(word, result.Error, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("--jobs", "1")]
    [InlineData("--jobs", "256")]
    [InlineData("-j", " 2")]
    [InlineData("-j", "+3")]
    public void Jobs_in_range_are_taken(string option, string value)
    {
        var result = CliRunner.Run("scan", Sample, "-o", "-", "--quiet", option, value);

        Assert.Equal(0, result.ExitCode);
    }

    [Theory]
    [InlineData(new[] { "scan", "SAMPLE", "--output" }, "--output")]
    [InlineData(new[] { "scan", "SAMPLE", "-o" }, "-o")]
    [InlineData(new[] { "scan", "SAMPLE", "--include", "-o", "-" }, "--include")]
    [InlineData(new[] { "scan", "SAMPLE", "-o", "-", "--exclude" }, "--exclude")]
    [InlineData(new[] { "scan", "SAMPLE", "--jobs", "--quiet" }, "--jobs")]
    [InlineData(new[] { "analyze", "SAMPLE", "--lang" }, "--lang")]
    [InlineData(new[] { "analyze", "SAMPLE", "-e", "--json" }, "-e")]
    [InlineData(new[] { "analyze", "-f" }, "-f")]
    public void An_option_given_without_its_value_is_a_usage_error_that_names_it(string[] args, string option)
    {
        var before = Directory.GetFiles(Environment.CurrentDirectory);

        var result = CliRunner.Run(args.Select(a => a == "SAMPLE" ? Sample : a).ToArray());

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"loglens: {option} needs a value", result.Error.Split('\n')[0]);
        Assert.DoesNotContain("__default_command", result.All, StringComparison.Ordinal);
        Assert.Equal(before, Directory.GetFiles(Environment.CurrentDirectory));
    }

    [Theory]
    [InlineData("scan", "x", "-o", "-")]
    [InlineData("scan", "x", "--jobs", "-1")]
    [InlineData("scan", "x", "--", "--include")]
    [InlineData("analyze", "-", "--json")]
    public void A_lone_dash_a_negative_number_and_what_follows_two_dashes_are_values(params string[] args)
    {
        Assert.Null(CliApp.OptionWithoutValue(CliApp.StandardStreamArguments(args)));
    }

    [Fact]
    public void The_options_that_take_a_value_are_every_option_declared_with_one()
    {
        var cli = new CliDefinition(new CliConsoles(new TestConsole(), new TestConsole(), Stream.Null));
        var declared = cli.AllOptions
            .Where(o => o.ValueType != typeof(bool) && o.Arity.MaximumNumberOfValues > 0)
            .SelectMany(o => o.Aliases.Prepend(o.Name))
            .Distinct();

        Assert.Equal(declared.Order(StringComparer.Ordinal), CliApp.ValueOptions.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("analyze", "LONG")]
    [InlineData("analyze", "LONG", "--json")]
    [InlineData("scan", "LONG", "-o", "-")]
    public void An_interrupted_command_exits_130_and_says_so_never_an_internal_error(params string[] args)
    {
        // Long enough to be interrupted: reading stops to look every 1024 lines.
        using var log = new TempFile(string.Concat(Enumerable.Repeat(File.ReadAllText(Sample), 50)));
        using var interrupted = new CancellationTokenSource();
        interrupted.Cancel();

        var result = CliRunner.RunUntil(interrupted.Token, args.Select(a => a == "LONG" ? log.Path : a).ToArray());

        Assert.Equal(130, result.ExitCode);
        Assert.StartsWith("loglens: interrupted", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_encoding_a_refusal_lists_is_read()
    {
        foreach (var name in LogReadingSettings.ListedEncodings)
        {
            var result = CliRunner.Run("analyze", Sample, "--encoding", name, "--json");

            Assert.True(TextEncodings.TryGet(name, out _), name);
            Assert.True(result.ExitCode == 0, $"{name}: {result.Error}");
        }
    }
}
