using LogLens.Events;
using LogLens.Parsing;
using LogLens.Tests.Support;

namespace LogLens.Tests.Parsing;

public class FormatRegistryTests
{
    public static TheoryData<string> FormatNames()
    {
        var data = new TheoryData<string>();
        foreach (var format in FormatRegistry.BuiltIn)
        {
            data.Add(format.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(FormatNames))]
    public void Every_sample_line_of_every_format_is_recognized_in_order(string formatName)
    {
        // In order, through one parser: a sample may be a wrapped continuation of the line before it.
        var format = FormatRegistry.Find(formatName)!;

        var parsed = Lines.Parse(format, [.. format.SampleLines]);

        Assert.All(parsed, e => Assert.IsNotType<UnrecognizedLine>(e));
    }

    [Theory]
    [MemberData(nameof(FormatNames))]
    public void Every_format_has_samples_a_description_and_a_kebab_case_name(string formatName)
    {
        var format = FormatRegistry.Find(formatName)!;

        Assert.NotEmpty(format.SampleLines);
        Assert.False(string.IsNullOrWhiteSpace(format.Description));
        Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", format.Name);
    }

    [Theory]
    [MemberData(nameof(FormatNames))]
    public void Every_format_detects_its_own_samples(string formatName)
    {
        var format = FormatRegistry.Find(formatName)!;
        var sample = format.SampleLines.Select((text, i) => new LogLens.Input.LogLine(i + 1, 0, text)).ToArray();

        var (detected, score) = FormatRegistry.Detect(sample);

        Assert.Equal(formatName, detected?.Name);
        Assert.True(score > 0);
    }

    [Fact]
    public void Format_names_are_unique_and_found_case_insensitively()
    {
        var names = FormatRegistry.BuiltIn.Select(f => f.Name).ToArray();

        Assert.Equal(names.Length, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(names, n => Assert.Same(FormatRegistry.Find(n), FormatRegistry.Find(n.ToUpperInvariant())));
        Assert.Null(FormatRegistry.Find("no-such-format"));
    }

    [Fact]
    public void Nothing_is_detected_in_lines_no_format_recognizes()
    {
        var garbage = new[] { "lorem ipsum dolor", "sit amet", "%%%% ####" }
            .Select((text, i) => new LogLens.Input.LogLine(i + 1, 0, text)).ToArray();

        var (detected, score) = FormatRegistry.Detect(garbage);

        Assert.Null(detected);
        Assert.Equal(0, score);
    }
}
