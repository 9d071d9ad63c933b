using LogLens.Analysis;
using LogLens.Events;
using LogLens.Input;
using LogLens.Parsing;

namespace LogLens;

/// <summary>
/// The whole pipeline for one input: lines, format detection, events, sessions, outcomes.
/// Bad input never throws: it shows up in <see cref="FileAnalysis.Diagnostics"/> and the line counts.
/// </summary>
public static class LogAnalyzer
{
    /// <summary>Analyses a file (plain or gzip).</summary>
    /// <param name="path">The file's path.</param>
    /// <param name="options">How to analyse it.</param>
    /// <param name="cancellationToken">Stops the work between lines.</param>
    /// <returns>What was found.</returns>
    public static FileAnalysis AnalyzeFile(string path, AnalysisOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        options ??= new AnalysisOptions();
        using var source = LogSource.Open(path, SourceOptions(options));
        return Analyze(source, options, cancellationToken);
    }

    /// <summary>Analyses a stream (plain or gzip).</summary>
    /// <param name="stream">The stream; it is left open.</param>
    /// <param name="name">The name to report.</param>
    /// <param name="options">How to analyse it.</param>
    /// <param name="cancellationToken">Stops the work between lines.</param>
    /// <returns>What was found.</returns>
    public static FileAnalysis AnalyzeStream(Stream stream, string name, AnalysisOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new AnalysisOptions();
        using var source = LogSource.FromStream(stream, name, SourceOptions(options), leaveOpen: true);
        return Analyze(source, options, cancellationToken);
    }

    /// <summary>Analyses an opened source; reads its lines once.</summary>
    /// <param name="source">The source.</param>
    /// <param name="options">How to analyse it.</param>
    /// <param name="cancellationToken">Stops the work between lines.</param>
    /// <returns>What was found.</returns>
    public static FileAnalysis Analyze(LogSource source, AnalysisOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        options ??= new AnalysisOptions();
        var run = new Run(source, options, cancellationToken);
        var sessions = new SessionAnalyzer(source.Name, run.FormatName).Analyze(run.Events()).ToList();
        return new FileAnalysis
        {
            Path = source.Name,
            Format = run.Format?.Name,
            Encoding = source.IsReadable ? source.EncodingName : null,
            IsCompressed = source.IsCompressed,
            Lines = new LineCounts(run.Total, run.Recognized, run.UnrecognizedCount, run.Blank, run.Other),
            Sessions = sessions,
            Unrecognized = run.Unrecognized,
            Diagnostics = [.. source.Diagnostics, .. run.Diagnostics],
        };
    }

    private static LogSourceOptions SourceOptions(AnalysisOptions options) =>
        new() { Encoding = options.Encoding, MaxLineBytes = options.MaxLineBytes };

    /// <summary>One pass over one source: detection on the first lines, then every line parsed and counted.</summary>
    private sealed class Run
    {
        private readonly IEnumerator<LogLine> lines;
        private readonly List<LogLine> head = [];
        private readonly LogSource source;
        private readonly AnalysisOptions options;
        private readonly CancellationToken cancellationToken;

        public Run(LogSource source, AnalysisOptions options, CancellationToken cancellationToken)
        {
            this.source = source;
            this.options = options;
            this.cancellationToken = cancellationToken;
            lines = source.ReadLines().GetEnumerator();
            var sample = new List<LogLine>();
            while (sample.Count < FormatRegistry.DetectionSampleSize && lines.MoveNext())
            {
                head.Add(lines.Current);
                if (!IsBlank(lines.Current.Text))
                {
                    sample.Add(lines.Current);
                }
            }

            Format = options.Format ?? FormatRegistry.Detect(sample).Format;
            if (Format is null && sample.Count > 0)
            {
                Diagnostics.Add(DiagnosticMessages.FormatNotRecognized(source.Name));
            }
        }

        public ILogFormat? Format { get; }

        public string FormatName => Format?.Name ?? "unknown";

        public int Total { get; private set; }

        public int Recognized { get; private set; }

        public int UnrecognizedCount { get; private set; }

        public int Blank { get; private set; }

        public int Other { get; private set; }

        public List<UnrecognizedEntry> Unrecognized { get; } = [];

        public List<Diagnostic> Diagnostics { get; } = [];

        public IEnumerable<FtpEvent> Events()
        {
            var parser = Format?.CreateParser();
            foreach (var line in All())
            {
                Total++;
                if ((Total & 0x3FF) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                if (IsBlank(line.Text))
                {
                    Blank++;
                    continue;
                }

                var e = parser?.Parse(line) ?? new UnrecognizedLine { Line = line.Number, Text = Redaction.RedactLine(line.Text) };
                if (e is ForeignLine)
                {
                    Other++;
                }
                else if (e is UnrecognizedLine)
                {
                    UnrecognizedCount++;
                    if (Unrecognized.Count < options.MaxUnrecognizedListed)
                    {
                        Unrecognized.Add(new UnrecognizedEntry(source.Name, e.Line, e.Text));
                    }
                }
                else
                {
                    Recognized++;
                }

                yield return e;
            }

            if (UnrecognizedCount > Unrecognized.Count)
            {
                Diagnostics.Add(DiagnosticMessages.UnrecognizedNotListed(source.Name, UnrecognizedCount - Unrecognized.Count));
            }
        }

        private static bool IsBlank(string text) => string.IsNullOrWhiteSpace(text);

        private IEnumerable<LogLine> All()
        {
            foreach (var line in head)
            {
                yield return line;
            }

            while (lines.MoveNext())
            {
                yield return lines.Current;
            }

            lines.Dispose();
        }
    }
}
