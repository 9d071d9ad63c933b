using System.Diagnostics;
using LogLens.Input;
using LogLens.Parsing;

namespace LogLens.Benchmarks;

/// <summary>Times each stage over one file with a stopwatch, for a quick look at where time goes (not a benchmark).</summary>
internal static class Stages
{
    public static void Run(string path, string? formatName)
    {
        var bytes = new FileInfo(path).Length;
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
        var format = formatName is null ? null : FormatRegistry.Find(formatName);
        Time("read + parse", bytes, () =>
        {
            using var source = LogSource.Open(path);
            var lines = source.ReadLines().ToList();
            var parser = (format ?? FormatRegistry.Detect(lines.Take(200).ToList()).Format!).CreateParser();
            var n = 0;
            foreach (var line in lines)
            {
                if (!string.IsNullOrWhiteSpace(line.Text))
                {
                    parser.Parse(line);
                    n++;
                }
            }

            return n;
        });
        var events = new List<LogLens.Events.FtpEvent>();
        using (var source = LogSource.Open(path))
        {
            var lines = source.ReadLines().ToList();
            var parser = (format ?? FormatRegistry.Detect(lines.Take(200).ToList()).Format!).CreateParser();
            events.AddRange(lines.Where(l => !string.IsNullOrWhiteSpace(l.Text)).Select(parser.Parse));
        }

        Time("sessions only", bytes, () => new LogLens.Analysis.SessionAnalyzer(path, "x").Analyze(events).Count());
        events.Clear();
        Time("scan, no CSV", bytes, () => Scan(path, format, csv: false));
        Time("scan + CSV", bytes, () => Scan(path, format, csv: true));
        var sessions = LogAnalyzer.AnalyzeFile(path, new AnalysisOptions { Format = format }).Sessions;
        Time("rows only", bytes, () => sessions.Select(LogLens.Reporting.SessionRow.From).Count());
        Time("CSV only", bytes, () =>
        {
            using var writer = new LogLens.Reporting.CsvReportWriter(Stream.Null);
            foreach (var session in sessions)
            {
                writer.Write(session);
            }

            return sessions.Count;
        });
        Time("whole analysis", bytes, () => LogAnalyzer.AnalyzeFile(path, new AnalysisOptions { Format = format }).Sessions.Count);
    }

    private static int Scan(string path, ILogFormat? format, bool csv)
    {
        var scan = LogLens.Scanning.LogScan.Find([path], new LogLens.Scanning.ScanOptions { Jobs = 1, Analysis = new AnalysisOptions { Format = format } });
        using var writer = csv ? new LogLens.Reporting.CsvReportWriter(Stream.Null) : null;
        var n = 0;
        foreach (var session in scan.SessionsAsync().ToBlockingEnumerable())
        {
            writer?.Write(session);
            n++;
        }

        return n;
    }

    private static void Time(string what, long bytes, Func<int> work)
    {
        work();
        var clock = Stopwatch.StartNew();
        var n = work();
        var seconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine($"{what,-16} {seconds,8:0.000} s  {bytes / seconds / 1e6,8:0.0} MB/s  ({n} items)");
    }
}
