using LogLens.Cli.Rendering;
using LogLens.Input;
using LogLens.Localization;
using LogLens.Reporting;
using Spectre.Console;

namespace LogLens.Cli.Commands;

/// <summary><c>loglens analyze [FILE|-]...</c>: the per-session report, for a person or (<c>--json</c>) a program.</summary>
internal sealed class AnalyzeCommand(CliConsoles consoles)
{
    public int Execute(Settings settings, CancellationToken cancellationToken)
    {
        var options = new AnalysisOptions { Format = settings.ResolvedFormat, Encoding = settings.ResolvedEncoding };
        string[] files = settings.Files.Length > 0 ? settings.Files : [CliApp.StandardInput];
        var readsInput = files.Contains(CliApp.StandardInput);
        if (readsInput && consoles.In is null)
        {
            consoles.Error.MarkupLine("[red]loglens:[/] there is no standard input to read; name a FILE");
            return CliApp.UsageError;
        }

        var typing = readsInput && consoles.InputIsTerminal;
        if (typing)
        {
            consoles.Error.MarkupLine(TerminalText.Escape(Texts.Get("Ui.PasteLog", settings.Culture)));
        }

        // Each session is written as soon as it is known, and forgotten: memory follows the open
        // sessions, not the size of the log. What is kept per file is its counts and diagnostics.
        var analyses = new List<FileAnalysis>(files.Length);
        var sizes = files.Select(SizeOf).ToArray();
        var total = sizes.Sum();
        var format = settings.FormatName;
        OutputFile? file = null;
        if (settings.Output is { } path && path != "-" && !OutputChoices.WritesFolder(format) && !OutputFile.TryCreate(path, consoles.Error, out file))
        {
            return CliApp.InputError;
        }

        using var written = file;
        var stream = file?.Stream ?? consoles.RawOut;
        var toTerminal = file is null && consoles.OutputIsTerminal && !OutputChoices.WritesFolder(format);
        var sink = OutputChoices.Create(format, stream, settings.Output, times => new ConsoleReport(file is null ? consoles.Out : OutputChoices.PlainConsole(stream), settings.Culture, times), settings.Culture, settings.Zone, settings.YearValue);
        var writer = settings.InRange(sink);

        // No display while someone pastes at the terminal (it would stand still, and in the way), nor
        // while the report itself streams to the terminal (the two would draw over each other).
        if (consoles.ErrorIsTerminal && !toTerminal && !typing && total >= AnalyzeProgressView.From)
        {
            AnalyzeProgressView.Run(consoles.Error, total, settings.Culture, report => Analyze(report));
        }
        else
        {
            Analyze(null);
        }

        writer.Complete();
        (sink as IDisposable)?.Dispose();
        stream.Flush();
        file?.Commit();

        // Named once the reading is done, so that no message cuts through a progress display.
        foreach (var diagnostic in analyses.SelectMany(a => a.Diagnostics).Where(d => d.Severity != DiagnosticSeverity.Info))
        {
            var colour = diagnostic.Severity == DiagnosticSeverity.Error ? "red" : "yellow";
            consoles.Error.MarkupLine($"[{colour}]loglens:[/] {TerminalText.Escape(diagnostic.ToString())}");
        }

        return analyses.Any(a => a.HasErrors) ? CliApp.InputError : CliApp.Ok;

        void Analyze(Action<long, long>? report)
        {
            long before = 0;
            for (var i = 0; i < files.Length; i++)
            {
                var size = sizes[i];
                var progress = report is null ? null : new BytesRead(read => report(before, Math.Min(read, size)));
                analyses.Add(files[i] == CliApp.StandardInput
                    ? LogAnalyzer.AnalyzeStreamTo(consoles.In!, CliApp.StandardInputName, writer, options, cancellationToken)
                    : LogAnalyzer.AnalyzeFileTo(files[i], writer, options, progress, cancellationToken));
                before += size;
            }
        }
    }

    /// <summary>A file's size for the progress display (a missing one, or standard input, counts nothing).</summary>
    private static long SizeOf(string path)
    {
        try
        {
            return path != CliApp.StandardInput && File.Exists(path) ? new FileInfo(path).Length : 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return 0;
        }
    }

    /// <summary>Reports on the reading thread itself, in order (<see cref="Progress{T}"/> would post to the thread pool).</summary>
    private sealed class BytesRead(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }

    /// <summary>Options of <c>analyze</c>.</summary>
    internal sealed class Settings : SessionOutputSettings
    {
        /// <summary><c>-o|--output</c> as given: a file, <c>-</c> for standard output, a folder for Parquet.</summary>
        public string? Output { get; init; }

        /// <summary>The output format: <c>--json</c> is <c>-F json</c>; the report by default.</summary>
        public string FormatName => Json ? "json" : OutputFormat ?? "text";

        /// <summary>The FILE arguments (<see cref="CliApp.StandardInput"/> for <c>-</c>).</summary>
        public string[] Files { get; init; } = [];

        public override string? Validate()
        {
            if (Files.Count(f => f == CliApp.StandardInput) > 1)
            {
                return "standard input (-) can be read only once";
            }

            if (Json && OutputFormat is not null and not "json")
            {
                return $"--json is -F json: it cannot go with -F {OutputFormat}";
            }

            if (OutputChoices.WritesFolder(FormatName) && Output is null or "-")
            {
                return "-F parquet writes a folder of partitions: name it with -o DIR";
            }

            return base.Validate();
        }

        /// <summary><c>--json</c>: one JSON document instead of the report.</summary>
        public bool Json { get; init; }
    }
}
