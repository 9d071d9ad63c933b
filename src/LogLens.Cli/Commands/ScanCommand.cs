using System.Diagnostics;
using System.Globalization;
using LogLens.Analysis;
using LogLens.Cli.Rendering;
using LogLens.Input;
using LogLens.Reporting;
using LogLens.Scanning;
using Spectre.Console;

namespace LogLens.Cli.Commands;

/// <summary><c>loglens scan PATH...</c>: a folder of logs to one CSV, a row per session, with a summary.</summary>
internal sealed class ScanCommand(CliConsoles consoles)
{
    public async Task<int> ExecuteAsync(Settings settings, CancellationToken cancellationToken)
    {
        var toStdout = settings.Output == "-";
        var format = settings.OutputFormat ?? "csv";
        var toFolder = OutputChoices.WritesFolder(format);
        var outputPath = settings.Output ?? Settings.DefaultOutputFor(format);
        LogScan scan;
        try
        {
            scan = LogScan.Find(settings.Paths, new ScanOptions
            {
                SkipFiles = toStdout ? [] : [outputPath],
                Analysis = new AnalysisOptions { Format = settings.ResolvedFormat, Encoding = settings.ResolvedEncoding },
                Include = settings.Include,
                Exclude = settings.Exclude,
                Recurse = !settings.NoRecurse,
                Jobs = settings.JobCount ?? Environment.ProcessorCount,
            });
        }
        catch (ArgumentException e)
        {
            // A glob FileSystemGlobbing refuses ("a/../b"): the user's mistake, in the library's words.
            consoles.Error.MarkupLine($"[red]loglens:[/] {TerminalText.Escape(e.Message)}");
            consoles.Error.MarkupLine("Run [bold]loglens --help[/] for usage.");
            return CliApp.UsageError;
        }

        foreach (var problem in scan.Problems)
        {
            var colour = problem.Severity == DiagnosticSeverity.Error ? "red" : "yellow";
            consoles.Error.MarkupLine($"[{colour}]loglens:[/] {TerminalText.Escape(problem.ToString())}");
        }

        // The CSV replaces the previous one only once it is whole: an interrupted or failed run leaves it as it was.
        OutputFile? file = null;
        if (!toStdout && !toFolder && !OutputFile.TryCreate(outputPath, consoles.Error, out file))
        {
            return CliApp.InputError;
        }

        var summary = new ScanSummary();
        var clock = Stopwatch.StartNew();
        using (file)
        {
            var output = file?.Stream ?? consoles.RawOut;
            try
            {
                var sink = OutputChoices.Create(format, output, outputPath, times => new ConsoleReport(file is null ? consoles.Out : OutputChoices.PlainConsole(output), settings.Culture, times), settings.Culture, settings.Zone, settings.YearValue);
                using (sink as IDisposable)
                {
                    var writer = new Summarizing(settings.InRange(sink), summary);
                    var showProgress = !settings.Quiet && consoles.ErrorIsTerminal && scan.Inputs.Count > 0;
                    if (showProgress)
                    {
                        await ScanProgressView.RunAsync(consoles.Error, scan, settings.Culture, progress => scan.WriteToAsync(writer, progress, cancellationToken)).ConfigureAwait(false);
                    }
                    else
                    {
                        await scan.WriteToAsync(writer, null, cancellationToken).ConfigureAwait(false);
                    }
                }

                if (file is null)
                {
                    await output.FlushAsync(cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    file.Commit();
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                var kept = file is null ? string.Empty : $"; {outputPath} is left as it was";
                consoles.Error.MarkupLine($"[red]loglens:[/] {Markup.Escape("interrupted" + kept)}");
                return CliApp.Interrupted;
            }
            catch (IOException e) when (file is not null)
            {
                consoles.Error.MarkupLine($"[red]loglens:[/] {Markup.Escape($"{outputPath}: cannot be written: {e.Message}")}");
                return CliApp.InputError;
            }
        }

        var unreadable = ScanSummary.Unreadable(scan);
        foreach (var diagnostic in scan.Files.SelectMany(f => f.Diagnostics).Where(d => d.Severity != DiagnosticSeverity.Info))
        {
            var colour = diagnostic.Severity == DiagnosticSeverity.Error ? "red" : "yellow";
            consoles.Error.MarkupLine($"[{colour}]loglens:[/] {TerminalText.Escape(diagnostic.ToString())}");
        }

        if (!settings.Quiet)
        {
            // With the CSV on standard output, the summary goes to standard error, where each entry that
            // could not be read has just been named: it is not named a second time.
            var target = toStdout ? consoles.Error : consoles.Out;
            new ScanSummaryView(target, settings.Culture).Render(scan, summary, toStdout ? [] : unreadable, clock.Elapsed, toStdout ? null : outputPath);
        }

        return unreadable.Count > 0 ? CliApp.InputError : CliApp.Ok;
    }

    /// <summary>Counts each session for the summary on its way to the output.</summary>
    private sealed class Summarizing(ISessionWriter inner, ScanSummary summary) : ISessionWriter
    {
        public void BeginFile(string path) => inner.BeginFile(path);

        public void WriteSession(FtpSession session)
        {
            summary.Add(session);
            inner.WriteSession(session);
        }

        public void EndFile(FileAnalysis file) => inner.EndFile(file);

        public void Complete() => inner.Complete();
    }

    /// <summary>Options of <c>scan</c>.</summary>
    internal sealed class Settings : SessionOutputSettings
    {
        /// <summary>What scan writes: CSV by default, or any other format (text: the report analyze prints).</summary>
        protected override IReadOnlyList<string> Formats { get; } = ["csv", "json", "ndjson", "parquet", "text"];

        /// <summary>The output written when no <c>-o</c> is given, in the current folder, for a format.</summary>
        public static string DefaultOutputFor(string format) => format switch
        {
            "json" => "sessions.json",
            "ndjson" => "sessions.ndjson",
            "parquet" => "sessions",
            "text" => "sessions.txt",
            _ => DefaultOutput,
        };

        /// <summary>The CSV written when no <c>-o</c> is given, in the current folder.</summary>
        public const string DefaultOutput = "sessions.csv";

        /// <summary>The PATH arguments: files and folders.</summary>
        public string[] Paths { get; init; } = [];

        /// <summary><c>-o|--output</c>: the CSV, <c>-</c> for standard output.</summary>
        public string? Output { get; init; }

        /// <summary><c>--include</c>, each time it is given.</summary>
        public string[] Include { get; init; } = [];

        /// <summary><c>--exclude</c>, each time it is given.</summary>
        public string[] Exclude { get; init; } = [];

        /// <summary><c>--no-recurse</c>.</summary>
        public bool NoRecurse { get; init; }

        /// <summary>The most <c>--jobs</c> takes.</summary>
        public const int MaxJobs = 256;

        /// <summary>
        /// <c>--jobs</c> as given: read as text and parsed here, so that a value out of range is told in
        /// words (the command-line parser's own message names .NET types: "Failed to convert … to Nullable`1").
        /// </summary>
        public string? Jobs { get; init; }

        /// <summary>The number of jobs, once validated; null when not given.</summary>
        public int? JobCount => Jobs is not null && int.TryParse(Jobs, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;

        /// <summary><c>-q|--quiet</c>.</summary>
        public bool Quiet { get; init; }

        public override string? Validate()
        {
            if (Jobs is not null && JobCount is not (>= 1 and <= MaxJobs))
            {
                return $"--jobs takes a whole number from 1 to {MaxJobs}, not '{Jobs}'";
            }

            // An empty glob would take no file (--include) or leave every file out (--exclude), silently.
            if (Include.Any(string.IsNullOrEmpty))
            {
                return "--include needs a pattern, such as '*.log': an empty one would take no file";
            }

            if (Exclude.Any(string.IsNullOrEmpty))
            {
                return "--exclude needs a pattern, such as '*.old': an empty one would leave every file out";
            }

            if (Paths.Contains(CliApp.StandardInput))
            {
                return "scan reads files and folders, not standard input; to read a log from standard input, use: loglens analyze -";
            }

            // The scan skips its own output, then truncates it: were it a log named here, the log would be lost.
            var output = Output ?? DefaultOutputFor(OutputFormat ?? "csv");
            if (output != "-" && Paths.Any(p => SamePath(p, output)))
            {
                return $"the output file '{output}' is one of the logs to scan; write the CSV elsewhere with -o";
            }

            return base.Validate();
        }

        private static bool SamePath(string a, string b) =>
            string.Equals(
                Path.TrimEndingDirectorySeparator(Path.GetFullPath(a)),
                Path.TrimEndingDirectorySeparator(Path.GetFullPath(b)),
                OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
    }
}
