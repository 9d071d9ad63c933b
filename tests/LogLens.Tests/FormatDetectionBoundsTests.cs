using System.Text;
using LogLens.Input;
using LogLens.Parsing;
using LogLens.Tests.Support;

namespace LogLens.Tests;

/// <summary>Format detection looks at a bounded start of the input, whatever the input is.</summary>
public class FormatDetectionBoundsTests
{
    /// <summary>What detection may read at most: its window (256 KiB of text, one line past it) and the reader's buffers.</summary>
    private const long MostBytesRead = 1024 * 1024;

    public static TheoryData<string, string> Hostile => new()
    {
        { "empty lines (LF)", "\n" },
        { "empty lines (CRLF)", "\r\n" },
        { "one-space lines", " \n" },
        { "whitespace lines", " \t \t  \r\n" },
        { "long whitespace lines", new string(' ', 60_000) + "\n" },
        { "short unrecognized lines", "x\n" },
        { "long unrecognized lines", new string('x', 60_000) + "\n" },
        { "blank and noise", "\n\n\nnoise\n" },
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Detection_reads_a_bounded_start_of_a_20_MB_input(string description, string line)
    {
        var stream = new RepeatingStream(Encoding.ASCII.GetBytes(line), 20L * 1024 * 1024);
        using var source = LogSource.FromStream(stream, "hostile.log");

        _ = new AnalysisRun(source, new AnalysisOptions(), CancellationToken.None);

        Assert.True(stream.BytesRead <= MostBytesRead, $"{description}: detection read {stream.BytesRead} bytes");
    }

    [Theory]
    [InlineData(0, "servu")]
    [InlineData(1000, "servu")]
    [InlineData(FormatRegistry.DetectionMaxLines - 40, "servu")] // the log's first lines are still in the window
    [InlineData(FormatRegistry.DetectionMaxLines, null)] // past the window: not detected (--format reads it)
    [InlineData(100_000, null)]
    public void Leading_blank_lines_count_towards_the_detection_window(int blankLines, string? format)
    {
        var log = File.ReadAllText(SampleLogs.PathOf("servu.log"));
        var text = string.Concat(Enumerable.Repeat("\r\n", blankLines)) + log;

        var analysis = LogAnalyzer.AnalyzeStream(new MemoryStream(Encoding.UTF8.GetBytes(text)), "servu.log");

        Assert.Equal(format, analysis.Format);
        var logLines = log.Split('\n').Length - (log.EndsWith('\n') ? 1 : 0);
        Assert.Equal(blankLines + logLines, analysis.Lines.Total);
        Assert.Equal(analysis.Lines.Total, analysis.Lines.Recognized + analysis.Lines.Unrecognized + analysis.Lines.Blank + analysis.Lines.Other);
    }

    [Fact]
    public void Blank_lines_in_the_detection_window_are_counted_once()
    {
        var text = "\n \n> USER bob\n\t\n< 331 ok\n\n" + string.Concat(Enumerable.Repeat("noise\n\n", 5000));

        var analysis = LogAnalyzer.AnalyzeStream(new MemoryStream(Encoding.UTF8.GetBytes(text)), "arrow.log", new AnalysisOptions { Format = new ArrowFormat() });

        Assert.Equal(new LineCounts(10_006, 2, 5000, 5004), analysis.Lines);
    }

    [Fact]
    public void The_unrecognized_listing_stops_at_its_character_budget_and_the_rest_is_counted()
    {
        var longNoise = new string('x', 60_000);
        var lines = Enumerable.Repeat(longNoise, 100).ToArray();

        var analysis = LogAnalyzer.AnalyzeStream(new MemoryStream(Encoding.ASCII.GetBytes(string.Join("\n", lines))), "noise.log", new AnalysisOptions { Format = new ArrowFormat() });

        var listed = AnalysisOptions.MaxUnrecognizedListedChars / longNoise.Length;
        Assert.Equal(100, analysis.Lines.Unrecognized);
        Assert.Equal(Enumerable.Range(1, listed).Select(i => (long)i), analysis.Unrecognized.Select(u => u.Line));
        Assert.StartsWith($"{100 - listed} more unrecognized lines", Assert.Single(analysis.Diagnostics, d => d.Code == "unrecognized-not-listed").Message);
    }
}
