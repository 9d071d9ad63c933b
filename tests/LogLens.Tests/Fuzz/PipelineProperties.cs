using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using LogLens.Parsing;
using LogLens.Reporting;
using LogLens.Scanning;

namespace LogLens.Tests.Fuzz;

/// <summary>
/// Properties of the whole pipeline over logs made from every format's sample lines, damaged at
/// random: bytes flipped, characters inserted, lines spliced across formats, long fields, control
/// characters, invalid UTF-8, odd Unicode, NUL runs, CR-only line ends. Whatever comes in, no exception
/// escapes, every line is accounted for (or the input is refused as binary, saying so), a planted
/// password appears in no output, no CSV row is split or starts a formula on any line, and the number
/// of jobs does not change a byte of the CSV. Seeded by FsCheck; a failure prints the seed to replay it.
/// </summary>
public class PipelineProperties
{
    /// <summary>Cases per property: enough to find the damage that breaks a reader, bounded for CI.</summary>
    private const int Cases = 150;

    private static readonly string[] Samples = FormatRegistry.BuiltIn.SelectMany(f => f.SampleLines).ToArray();

    private static readonly string[] OddText =
    [
        "\u0000", "\u001b]0;title\u0007", "\u001b[2J", "\t", "\u00a0", "\u200b", "\u202e", "\ud83d\ude00", "中文", "é", "\\", "\"", "'", "=1+1", "@SUM(A1)", "-2", "+3",
        new string('x', 5000), "(000012)", "[pid 1]", "CONNECT: Client \"192.0.2.1\"", "530 ", "230 ", "PASS", "USER ",
    ];

    /// <summary>The shapes a password is written in, by any client or server, with <c>{0}</c> for the password.</summary>
    private static readonly string[] PasswordShapes =
    [
        "PASS {0}", "pass {0}", "> PASS {0}", "COMMAND:> PASS {0}", "命令:> PASS {0}", "\"PASS {0}\"", "PASS\t{0}",
        "ftp://bob:{0}@files.example.com/pub", "sftp://alice:{0}@192.0.2.7:22/home",
        "Thu Sep  8 00:39:49 2016 [pid 15020] [alice] FTP command: Client \"198.51.100.7\", \"PASS {0}\"",
        "(000043) 4/1/2009 16:20:06 PM - (not logged in) (192.0.2.5)> PASS {0}",
        "[5] Mon 11Mar02 09:00:04 - (000021) PASS {0}",
        "2023-07-16 10:20:31 4120 1 Command: PASS {0}",
    ];

    [Fact]
    public void No_damaged_log_makes_the_pipeline_throw_and_every_line_is_counted()
    {
        Prop.ForAll(Arb.From(DamagedLogs()), (DamagedLog log) =>
        {
            var analysis = Analyze(log.Bytes);
            var lines = analysis.Lines;
            Assert.True(lines.Recognized + lines.Unrecognized + lines.Blank + lines.Other == lines.Total, $"lines do not add up: {lines}");
            // Text is read to its end; input whose start is mostly control bytes is refused as binary, and says so.
            Assert.True(
                lines.Total >= log.MinimumLines || analysis.Diagnostics.Any(d => d.Code == "binary"),
                $"{lines.Total} lines counted, at least {log.MinimumLines} expected: {lines}; {string.Join("; ", analysis.Diagnostics.Select(d => d.Message))}");
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(Cases));
    }

    [Fact]
    public void A_planted_password_appears_in_no_output()
    {
        var planted = from log in DamagedLogs()
                      from shape in Gen.Elements(PasswordShapes)
                      from digits in Gen.Choose(100_000, 999_999)
                      from at in Gen.Choose(0, 1000)
                      select Plant(log, shape, $"Zq{digits}wv", at);
        Prop.ForAll(Arb.From(planted), log =>
        {
            var analysis = Analyze(log.Bytes);
            var json = new MemoryStream();
            JsonReportWriter.Write(json, [analysis], CultureInfo.InvariantCulture);
            var csv = new MemoryStream();
            using (var writer = new CsvReportWriter(csv))
            {
                foreach (var session in analysis.Sessions)
                {
                    writer.WriteSession(session);
                }
            }

            var outputs = Encoding.UTF8.GetString(json.ToArray()) + Encoding.UTF8.GetString(csv.ToArray());
            return !outputs.Contains(log.Password!, StringComparison.Ordinal);
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(Cases));
    }

    [Fact]
    public void No_csv_row_is_split_and_no_line_of_the_csv_starts_a_formula()
    {
        Prop.ForAll(Arb.From(DamagedLogs()), (DamagedLog log) =>
        {
            var analysis = Analyze(log.Bytes);
            var csv = new MemoryStream();
            using (var writer = new CsvReportWriter(csv))
            {
                foreach (var session in analysis.Sessions)
                {
                    writer.WriteSession(session);
                }
            }

            var text = Encoding.UTF8.GetString(csv.ToArray()).TrimStart('\uFEFF');
            foreach (var line in text.Split('\r', '\n'))
            {
                Assert.False(line.Length > 0 && "=+-@\t".Contains(line[0], StringComparison.Ordinal), $"a line of the CSV starts a formula: {line}");
            }

            using var reader = new CsvHelper.CsvReader(new StringReader(text), CultureInfo.InvariantCulture);
            var rows = 0;
            reader.Read();
            reader.ReadHeader();
            while (reader.Read())
            {
                Assert.Equal(CsvReportWriter.Columns.Count, reader.Parser.Count);
                rows++;
            }

            Assert.Equal(analysis.Sessions.Count, rows);
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(Cases));
    }

    [Fact]
    public void The_number_of_jobs_does_not_change_a_byte_of_the_csv()
    {
        var folders = Gen.ListOf(DamagedLogs()).Select(logs => logs.Take(4).ToArray()).Where(logs => logs.Length > 0);
        Prop.ForAll(Arb.From(folders), logs =>
        {
            using var folder = new TempFolder();
            for (var i = 0; i < logs.Length; i++)
            {
                File.WriteAllBytes(Path.Combine(folder.Path, $"log{i}.log"), logs[i].Bytes);
            }

            return Csv(folder.Path, jobs: 1).SequenceEqual(Csv(folder.Path, jobs: 2));
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(Cases / 5));
    }

    /// <summary>A log of sample lines from any formats, some damaged, as bytes.</summary>
    private static Gen<DamagedLog> DamagedLogs() =>
        from count in Gen.Choose(1, 40)
        from lines in Gen.ArrayOf(Line(), count)
        from separator in Gen.Elements("\n", "\r\n", "\r")
        from damage in Gen.ArrayOf(Gen.Choose(0, int.MaxValue), 3)
        from mode in Gen.Choose(0, 5)
        select Damage(lines, separator, damage, mode);

    private static Gen<string> Line() =>
        from sample in Gen.Elements(Samples)
        from other in Gen.Elements(Samples)
        from odd in Gen.Elements(OddText)
        from at in Gen.Choose(0, 400)
        from kind in Gen.Choose(0, 6)
        select kind switch
        {
            0 or 1 => sample,
            2 => sample.Insert(at % (sample.Length + 1), odd),
            3 => sample[..(at % (sample.Length + 1))] + other[(at % (other.Length + 1))..],
            4 => sample.Remove(at % sample.Length, 1),
            5 => string.Empty,
            _ => sample.Replace(' ', '\u3000'),
        };

    private static DamagedLog Damage(string[] lines, string separator, int[] damage, int mode)
    {
        var bytes = Encoding.UTF8.GetBytes(string.Join(separator, lines) + separator).ToList();
        switch (mode)
        {
            case 0:
                // Bytes flipped: invalid UTF-8 and control characters.
                foreach (var d in damage)
                {
                    bytes[d % bytes.Count] ^= (byte)(1 << (d % 8));
                }

                break;
            case 1:
                // Bytes that are never valid UTF-8, or a GBK character, in the middle of a line.
                bytes.InsertRange(damage[0] % bytes.Count, d1);
                break;
            case 2:
                // A run of NULs, as a crash leaves.
                bytes.InsertRange(damage[0] % (bytes.Count + 1), new byte[(damage[1] % 5000) + 1]);
                break;
            case 3:
                // Cut short anywhere, even inside a character.
                bytes.RemoveRange(damage[0] % bytes.Count, bytes.Count - (damage[0] % bytes.Count));
                break;
        }

        return new DamagedLog(bytes.ToArray(), lines.Length > 0 && mode is not 3 ? 1 : 0, null);
    }

    private static readonly byte[] d1 = [0xFF, 0xC3, 0x28, 0xD6, 0xD0, 0xCE, 0xC4, 0x80];

    /// <summary>The log with a line holding the password in the given shape, on a line of its own.</summary>
    private static DamagedLog Plant(DamagedLog log, string shape, string password, int at)
    {
        var line = Encoding.UTF8.GetBytes("\n" + string.Format(CultureInfo.InvariantCulture, shape, password) + "\n");
        var bytes = log.Bytes.ToList();
        var newlines = bytes.Select((b, i) => (b, i)).Where(x => x.b == (byte)'\n').Select(x => x.i + 1).Prepend(0).ToArray();
        bytes.InsertRange(newlines[at % newlines.Length], line);
        return log with { Bytes = bytes.ToArray(), Password = password };
    }

    private static FileAnalysis Analyze(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        return LogAnalyzer.AnalyzeStream(stream, "damaged.log");
    }

    private static byte[] Csv(string folder, int jobs)
    {
        var scan = LogScan.Find([folder], new ScanOptions { Jobs = jobs });
        var csv = new MemoryStream();
        using (var writer = new CsvReportWriter(csv))
        {
            foreach (var session in scan.SessionsAsync().ToBlockingEnumerable())
            {
                writer.WriteSession(session);
            }
        }

        return csv.ToArray();
    }

    /// <summary>A damaged log: its bytes, the fewest lines it must count, and the password planted in it, if any.</summary>
    private sealed record DamagedLog(byte[] Bytes, int MinimumLines, string? Password)
    {
        public override string ToString() => $"{Bytes.Length} bytes: {Encoding.UTF8.GetString(Bytes[..Math.Min(Bytes.Length, 400)])}";
    }

    private sealed class TempFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("loglens-fuzz-").FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
