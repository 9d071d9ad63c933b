using System.Diagnostics;
using LogLens.Input;
using LogLens.Parsing;

namespace LogLens.Benchmarks;

/// <summary>
/// Times each stage of one file's analysis, streaming as a scan does (nothing held between lines),
/// with what each allocates and how many collections it causes: a quick look at where time goes,
/// not a benchmark. Run it as the CLI runs (<c>DOTNET_TieredCompilation=0</c>, pinned to one core).
/// </summary>
internal static class Stages
{
    public static void Run(string path, string? formatName)
    {
        var bytes = Directory.Exists(path) ? Directory.EnumerateFiles(path).Sum(f => new FileInfo(f).Length) : new FileInfo(path).Length;
        var format = formatName is null ? null : FormatRegistry.Find(formatName);
        Time("read lines", bytes, () =>
        {
            using var source = LogSource.Open(path);
            var n = 0;
            foreach (var _ in source.ReadLines())
            {
                n++;
            }

            return n;
        });
        Time("read + parse", bytes, () =>
        {
            using var source = LogSource.Open(path);
            var parser = (format ?? FormatRegistry.Find("vsftpd"))!.CreateParser();
            var n = 0;
            foreach (var line in source.ReadLines())
            {
                if (!string.IsNullOrWhiteSpace(line.Text) && parser.Parse(line) is not Events.UnrecognizedLine)
                {
                    n++;
                }
            }

            return n;
        });
        Time("+ sessions", bytes, () => Scan(path, format, csv: false));
        Time("+ CSV", bytes, () => Scan(path, format, csv: true));
    }

    private static int Scan(string path, ILogFormat? format, bool csv)
    {
        var scan = LogLens.Scanning.LogScan.Find([path], new LogLens.Scanning.ScanOptions { Jobs = int.Parse(Environment.GetEnvironmentVariable("JOBS") ?? "1", System.Globalization.CultureInfo.InvariantCulture), Analysis = new AnalysisOptions { Format = format } });
        using var writer = csv ? new LogLens.Reporting.CsvReportWriter(Stream.Null) : null;
        var n = 0;
        foreach (var session in scan.SessionsAsync().ToBlockingEnumerable())
        {
            writer?.WriteSession(session);
            n++;
        }

        return n;
    }

    private static void Time(string what, long bytes, Func<int> work)
    {
        // STAGES=name,name runs only those stages (for a profiler).
        if (Environment.GetEnvironmentVariable("STAGES") is { Length: > 0 } only && !only.Split(',').Contains(what))
        {
            return;
        }

        work();
        GC.Collect();
        var gcs = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var paused = GC.GetTotalPauseDuration();
        // REPEAT=n times the stage n times and keeps the fastest: a shared machine's noise only adds.
        var repeat = int.TryParse(Environment.GetEnvironmentVariable("REPEAT"), out var r) && r > 1 ? r : 1;
        var seconds = double.MaxValue;
        var n = 0;
        for (var i = 0; i < repeat; i++)
        {
            var clock = Stopwatch.StartNew();
            n = work();
            seconds = Math.Min(seconds, clock.Elapsed.TotalSeconds);
        }

        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        Console.WriteLine(
            $"{what,-14} {seconds,7:0.000} s {bytes / seconds / 1e6,7:0.0} MB/s  {allocated / 1e6,6:0} MB allocated  "
            + $"GC {GC.CollectionCount(0) - gcs.Item1}/{GC.CollectionCount(1) - gcs.Item2}/{GC.CollectionCount(2) - gcs.Item3} "
            + $"paused {(GC.GetTotalPauseDuration() - paused).TotalSeconds:0.000} s  ({n} items)");
        if (Environment.GetEnvironmentVariable("GCINFO") is not null)
        {
            var info = GC.GetGCMemoryInfo(GCKind.Ephemeral);
            Console.WriteLine($"   last ephemeral GC: gen{info.Generation} promoted {info.PromotedBytes / 1e6:0.0} MB heap {info.HeapSizeBytes / 1e6:0.0} MB pause {info.PauseDurations[0].TotalMilliseconds:0.0} ms "
                + string.Join(" ", info.GenerationInfo.ToArray().Select((g, i) => $"g{i}:{g.SizeAfterBytes / 1e6:0.0}MB")));
        }
    }
}
