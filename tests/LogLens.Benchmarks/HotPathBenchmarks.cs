using System.Text;
using BenchmarkDotNet.Attributes;
using LogLens.Input;
using LogLens.Parsing;

namespace LogLens.Benchmarks;

/// <summary>The per-line hot paths: reading lines, parsing each format's own sample lines, redaction.</summary>
[MemoryDiagnoser]
public class HotPathBenchmarks
{
    private byte[] text = [];
    private LogLine[] lines = [];
    private ILogFormat format = null!;

    public static IEnumerable<string> Formats => FormatRegistry.BuiltIn.Select(f => f.Name);

    [ParamsSource(nameof(Formats))]
    public string Format { get; set; } = "servu";

    [GlobalSetup]
    public void Setup()
    {
        format = FormatRegistry.Find(Format)!;
        lines = format.SampleLines.Select((t, i) => new LogLine(i + 1, 0, t)).ToArray();
        var block = string.Join('\n', format.SampleLines) + '\n';
        var builder = new StringBuilder();
        while (builder.Length < 1 << 20)
        {
            builder.Append(block);
        }

        text = Encoding.UTF8.GetBytes(builder.ToString());
    }

    /// <summary>Parses every sample line of the format once, with one parser (as a file would).</summary>
    [Benchmark]
    public long ParseSampleLines()
    {
        var parser = format.CreateParser();
        var n = 0L;
        foreach (var line in lines)
        {
            n += parser.Parse(line).Line;
        }

        return n;
    }

    /// <summary>Reads about 1 MiB of the format's lines through the input stage.</summary>
    [Benchmark]
    public int ReadLines()
    {
        using var source = LogSource.FromStream(new MemoryStream(text), "bench");
        var n = 0;
        foreach (var line in source.ReadLines())
        {
            n += line.Text.Length;
        }

        return n;
    }

    /// <summary>The whole pipeline over about 1 MiB of the format's lines.</summary>
    [Benchmark]
    public int AnalyzeMegabyte() =>
        LogAnalyzer.AnalyzeStream(new MemoryStream(text), "bench", new AnalysisOptions { Format = format }).Sessions.Count;

    /// <summary>Redaction of a line that holds a password.</summary>
    [Benchmark]
    public string RedactPassword() => Redaction.RedactLine("Thu Sep  8 00:39:50 2016 [pid 15018] [alice] FTP command: Client \"198.51.100.7\", \"PASS hunter2\"");
}
