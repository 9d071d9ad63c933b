using System.Text;
using LogLens.Parsing;
using LogLens.Tests.Support;

namespace LogLens.Tests.Analysis;

/// <summary>
/// Each sample log, damaged at random (seeded, so every run is the same): characters inserted,
/// cut and copied from other lines. Bad input is normal input: every line must be accounted for,
/// and no reader may fail on any of them.
/// </summary>
public class MutatedSampleTests
{
    private const string Noise = "[]\":,()<>-= \t\\é中：（）0123456789abcdefPASSUSER#;|/.";

    public static TheoryData<string, string?> Samples()
    {
        var data = new TheoryData<string, string?>();
        foreach (var path in Directory.EnumerateFiles(Path.GetDirectoryName(SampleLogs.PathOf("vsftpd.log"))!, "*.log").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(path), null);
            data.Add(Path.GetFileName(path), "syslog");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void A_damaged_sample_is_read_to_its_end_with_every_line_counted(string sample, string? format)
    {
        var text = Damage(File.ReadAllLines(SampleLogs.PathOf(sample), Encoding.UTF8), seed: sample.Length * 31 + 7, count: 3000);
        var options = new AnalysisOptions { Format = format is null ? null : FormatRegistry.Find(format) };

        var analysis = LogAnalyzer.AnalyzeStream(new MemoryStream(Encoding.UTF8.GetBytes(text)), sample, options);

        var lines = analysis.Lines;
        Assert.Equal(3000, lines.Total);
        Assert.Equal(lines.Total, lines.Recognized + lines.Unrecognized + lines.Blank + lines.Other);
        Assert.DoesNotContain(analysis.Diagnostics, d => d.Code == "parser-failed");
        Assert.All(analysis.Sessions, s => Assert.InRange(s.FirstLine, 1, s.LastLine));
    }

    private static string Damage(string[] lines, int seed, int count)
    {
        var random = new Random(seed);
        var output = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            var line = lines[random.Next(lines.Length)];
            for (var edits = random.Next(0, 7); edits > 0; edits--)
            {
                var at = random.Next(line.Length + 1);
                line = random.Next(5) switch
                {
                    0 or 1 => line.Insert(at, new string(Noise[random.Next(Noise.Length)], random.Next(1, 4))),
                    2 => line.Remove(at, Math.Min(line.Length - at, random.Next(1, 15))),
                    3 => line[..at],
                    _ => line.Insert(at, lines[random.Next(lines.Length)] is var other && other.Length > 0 ? other[random.Next(other.Length)..] : string.Empty),
                };
            }

            output.Append(line.Replace('\n', ' ').Replace('\r', ' ')).Append('\n');
        }

        return output.ToString();
    }
}
