using LogLens.Analysis;
using LogLens.Events;
using LogLens.Input;
using LogLens.Parsing;

namespace LogLens;

/// <summary>
/// One pass over one source: format detection on its first lines, then every line parsed, counted
/// and grouped into sessions, which stream out in order of their first line.
/// </summary>
internal sealed class AnalysisRun
{
    private readonly IEnumerator<LogLine> lines;
    private readonly List<LogLine> head = [];
    private readonly LogSource source;
    private readonly AnalysisOptions options;
    private readonly CancellationToken cancellationToken;
    private readonly List<UnrecognizedEntry> unrecognized = [];
    private readonly List<Diagnostic> diagnostics = [];
    private bool started;

    public AnalysisRun(LogSource source, AnalysisOptions options, CancellationToken cancellationToken)
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
            diagnostics.Add(DiagnosticMessages.FormatNotRecognized(source.Name));
        }
    }

    /// <summary>The format used, or null when none was recognized.</summary>
    public ILogFormat? Format { get; }

    /// <summary>Bytes of the input read so far (of the decompressed text for gzip input).</summary>
    public long BytesRead { get; private set; }

    /// <summary>Lines read so far.</summary>
    public int Total { get; private set; }

    /// <summary>
    /// Told <see cref="BytesRead"/> every 1024 lines, on the reading thread, whether or not those
    /// lines end a session (a long session, or a file of no known format, yields none for a while).
    /// </summary>
    public Action<long>? ReadProgress { get; init; }

    private int Recognized { get; set; }

    private int UnrecognizedCount { get; set; }

    private int Blank { get; set; }

    private int Other { get; set; }

    /// <summary>The sessions, in order of first line. Can be enumerated once.</summary>
    /// <param name="twoThreads">
    /// Read and parse the lines on a thread of their own while this one groups them into sessions:
    /// for a core that would otherwise have nothing to do (one large file, two jobs).
    /// </param>
    /// <returns>The sessions.</returns>
    public IEnumerable<FtpSession> Sessions(bool twoThreads = false)
    {
        if (started)
        {
            throw new InvalidOperationException("An analysis run can be read only once.");
        }

        started = true;
        return new SessionAnalyzer(source.Name, Format?.Name ?? "unknown").Analyze(twoThreads ? EventBatches.OnThreadOfTheirOwn(Events(), cancellationToken) : Events());
    }

    /// <summary>What was found, once <see cref="Sessions"/> has been read to its end.</summary>
    /// <param name="sessions">The sessions to report (the ones read, or none when they were streamed elsewhere).</param>
    /// <returns>The analysis.</returns>
    public FileAnalysis Result(IReadOnlyList<FtpSession> sessions) => new()
    {
        Path = source.Name,
        Format = Format?.Name,
        Encoding = source.IsReadable ? source.EncodingName : null,
        IsCompressed = source.IsCompressed,
        Lines = new LineCounts(Total, Recognized, UnrecognizedCount, Blank, Other),
        Sessions = sessions,
        Unrecognized = unrecognized,
        Diagnostics = [.. source.Diagnostics, .. diagnostics],
    };

    private static bool IsBlank(string text) => string.IsNullOrWhiteSpace(text);

    private IEnumerable<FtpEvent> Events()
    {
        var parser = Format?.CreateParser();
        foreach (var line in All())
        {
            Total++;
            BytesRead = line.ByteOffset + line.Text.Length;
            if ((Total & 0x3FF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                ReadProgress?.Invoke(BytesRead);
            }

            if (IsBlank(line.Text))
            {
                Blank++;
                continue;
            }

            var e = parser?.Parse(line) ?? new UnrecognizedLine { Line = line.Number, Text = Redaction.RedactLine(line.Text) };
            switch (e)
            {
                case ForeignLine:
                    Other++;
                    break;
                case UnrecognizedLine:
                    UnrecognizedCount++;
                    if (unrecognized.Count < options.MaxUnrecognizedListed)
                    {
                        unrecognized.Add(new UnrecognizedEntry(source.Name, e.Line, e.Text));
                    }

                    break;
                default:
                    Recognized++;
                    break;
            }

            yield return e;
        }

        if (UnrecognizedCount > unrecognized.Count)
        {
            diagnostics.Add(DiagnosticMessages.UnrecognizedNotListed(source.Name, UnrecognizedCount - unrecognized.Count));
        }

        if (parser is LineParser { FailedLines: > 0, FirstFailedLine: { } first } failing)
        {
            diagnostics.Add(DiagnosticMessages.ParserFailed(source.Name, first, failing.FailedLines, Format!.Name));
        }
    }

    private IEnumerable<LogLine> All()
    {
        foreach (var line in head)
        {
            yield return line;
        }

        head.Clear();
        while (lines.MoveNext())
        {
            yield return lines.Current;
        }

        lines.Dispose();
    }
}
