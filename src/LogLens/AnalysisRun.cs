using LogLens.Analysis;
using LogLens.Events;
using LogLens.Input;
using LogLens.Parsing;

namespace LogLens;

/// <summary>
/// One pass over one source: format detection on its first lines, then every line parsed, counted
/// and grouped into sessions, which stream out in order of their first line. What it holds besides
/// the open sessions is bounded: the lines detection looked at (see <see cref="FormatRegistry.DetectionMaxChars"/>)
/// and the listed unrecognized lines (<see cref="AnalysisOptions.MaxUnrecognizedListed"/>).
/// </summary>
internal sealed class AnalysisRun
{
    private readonly IEnumerator<LogLine> lines;
    private readonly List<LogLine> head = [];
    private int headBlank;
    private long listedChars;
    private bool listingFull;
    private long headBytesRead;
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

        // Detection looks at a bounded start of the input, blank lines or not: at most
        // DetectionSampleSize non-blank lines, within the first DetectionMaxLines lines and
        // DetectionMaxChars characters. Only the non-blank lines are kept (to be parsed again once
        // the format is known); blank ones are counted. So what is held here never depends on the input.
        var seenLines = 0;
        long seenChars = 0;
        while (head.Count < FormatRegistry.DetectionSampleSize && seenLines < FormatRegistry.DetectionMaxLines
            && seenChars < FormatRegistry.DetectionMaxChars && lines.MoveNext())
        {
            var line = lines.Current;
            seenLines++;
            seenChars += line.Text.Length;
            if (IsBlank(line.Text))
            {
                headBlank++;
                headBytesRead = line.ByteOffset + line.Text.Length;
            }
            else
            {
                head.Add(line);
            }
        }

        Format = options.Format ?? FormatRegistry.Detect(head).Format;
        if (Format is null && head.Count > 0)
        {
            diagnostics.Add(DiagnosticMessages.FormatNotRecognized(source.Name));
        }
    }

    /// <summary>The format used, or null when none was recognized.</summary>
    public ILogFormat? Format { get; }

    /// <summary>Bytes of the input read so far (of the decompressed text for gzip input).</summary>
    public long BytesRead { get; private set; }

    /// <summary>Lines read so far.</summary>
    public long Total { get; private set; }

    /// <summary>
    /// Told <see cref="BytesRead"/> every 1024 lines, on the reading thread, whether or not those
    /// lines end a session (a long session, or a file of no known format, yields none for a while).
    /// </summary>
    public Action<long>? ReadProgress { get; init; }

    private long Recognized { get; set; }

    private long UnrecognizedCount { get; set; }

    private long Blank { get; set; }

    private long Other { get; set; }

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

        // The blank lines among those detection looked at were counted, not kept.
        Total += headBlank;
        Blank += headBlank;
        BytesRead = headBytesRead;
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
                    if (!listingFull && unrecognized.Count < options.MaxUnrecognizedListed
                        && listedChars + e.Text.Length <= AnalysisOptions.MaxUnrecognizedListedChars)
                    {
                        unrecognized.Add(new UnrecognizedEntry(source.Name, e.Line, e.Text));
                        listedChars += e.Text.Length;
                    }
                    else
                    {
                        // The listing is the first unrecognized lines: once one is left out, so are the rest.
                        listingFull = true;
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
