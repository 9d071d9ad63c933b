using LogLens.Input;
using LogLens.Parsing;
using LogLens.Tests.Support;

namespace LogLens.Tests.Parsing;

/// <summary>Detection scores the likeliest formats first and may stop early; it must still pick what scoring every format picks.</summary>
public class DetectionOrderTests
{
    public static TheoryData<string> Samples()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.EnumerateFiles(Path.GetDirectoryName(SampleLogs.PathOf("vsftpd.log"))!, "*.log").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(path));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Detection_picks_what_scoring_every_format_picks(string sample)
    {
        var lines = SampleLogs.Read(sample).Take(FormatRegistry.DetectionSampleSize).ToList();

        var (detected, score) = FormatRegistry.Detect(lines);

        var (expected, expectedScore) = EveryFormat(lines);
        Assert.Same(expected, detected);
        Assert.Equal(expectedScore, score);
    }

    [Fact]
    public void A_format_that_reads_every_line_ends_the_search_before_the_others_are_scored()
    {
        var lines = SampleLogs.Read("vsftpd.log").Take(FormatRegistry.DetectionSampleSize).ToList();
        var reader = FormatRegistry.Find("vsftpd")!;
        var never = new NeverScored();

        var (detected, score) = FormatRegistry.Detect(lines, [never, reader]);

        Assert.Same(reader, detected);
        Assert.Equal(1.0, score);
        Assert.False(never.Scored);
    }

    // The rule detection had before it ordered its work: every format scored, ties to the first.
    private static (ILogFormat? Format, double Score) EveryFormat(IReadOnlyList<LogLine> lines)
    {
        ILogFormat? best = null;
        var bestScore = 0.0;
        foreach (var format in FormatRegistry.BuiltIn)
        {
            var score = format.Score(lines);
            if (score > bestScore)
            {
                (best, bestScore) = (format, score);
            }
        }

        return (best, bestScore);
    }

    private sealed class NeverScored : ILogFormat
    {
        public bool Scored { get; private set; }

        public string Name => "never";

        public string Description => "a format that resembles nothing";

        public IReadOnlyList<string> SampleLines => [];

        public double Score(IReadOnlyList<LogLine> sample)
        {
            Scored = true;
            return 0;
        }

        public ILineParser CreateParser() => throw new NotSupportedException();
    }
}
