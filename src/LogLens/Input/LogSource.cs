using System.Text;

namespace LogLens.Input;

/// <summary>
/// An input to read once, line by line: a file or a stream, plain or gzip-compressed, in any of
/// the encodings FTP logs are written in. Bad bytes never throw; they become diagnostics.
/// </summary>
public sealed class LogSource : IDisposable
{
    private const int SampleBytes = 64 * 1024;
    private static readonly byte[] GzipMagic = [0x1F, 0x8B];

    private readonly List<Diagnostic> diagnostics = [];
    private readonly int maxLineBytes;
    private readonly bool stripNuls;
    private readonly bool decodePerLine;
    private bool encodingMayChange;
    private LineDiagnosticTally lineEncodings;
    private LineDiagnosticTally nulRuns;
    private LineDiagnosticTally cutLines;
    private Encoding lineEncoding;
    private Stream? stream;
    private GzipInputStream? gzip;
    private byte[] buffer;
    private int start;
    private int end;
    private bool endOfInput;
    private bool consumed;
    private string? readFailure;

    private LogSource(string name, Stream? input, LogSourceOptions options, bool leaveOpen)
    {
        Name = name;
        maxLineBytes = Math.Max(256, options.MaxLineBytes);
        buffer = new byte[Math.Max(SampleBytes, maxLineBytes) * 2];
        Encoding = lineEncoding = options.Encoding ?? TextEncodings.Utf8;
        if (input is null)
        {
            endOfInput = true;
            return;
        }

        stream = leaveOpen ? new NonClosingStream(input) : input;

        // NUL bytes are no text in any encoding detected here (UTF-16 is read transcoded): runs of
        // them, as a crash or a preallocated file leaves, are removed and reported. An encoding the
        // caller forces is read as it is.
        stripNuls = options.Encoding is null;
        if (!Sniff(options.Encoding, out var detection))
        {
            return;
        }

        Encoding = lineEncoding = detection.Encoding;
        start = detection.PreambleLength;
        encodingMayChange = options.Encoding is null && detection.Evidence == EncodingEvidence.AsciiOnly;
        decodePerLine = options.Encoding is null;
        if (Encoding is UnicodeEncoding)
        {
            // Transcode UTF-16 to UTF-8 so that lines split on bytes like every other input.
            var rest = new ConcatenatedStream(buffer.AsSpan(start, end - start).ToArray(), stream);
            stream = Encoding.CreateTranscodingStream(rest, Encoding, TextEncodings.Utf8);
            lineEncoding = TextEncodings.Utf8;
            EncodingName = TextEncodings.NameOf(Encoding);
            start = end = 0;
            endOfInput = false;
            return;
        }

        EncodingName = TextEncodings.NameOf(Encoding);
    }

    /// <summary>The input's name (its path for a file).</summary>
    public string Name { get; }

    /// <summary>
    /// The input's encoding (when its first 64 KB are ASCII, the first line that is not may switch it
    /// once, from UTF-8 to GB18030 or Windows-1252; see <see cref="EncodingName"/>). A line that is
    /// not in it is decoded on its own, with a diagnostic.
    /// </summary>
    public Encoding Encoding { get; private set; }

    /// <summary>The encoding's short name, as reported (<c>utf-8</c>, <c>gb18030</c>, <c>windows-1252</c>, <c>utf-16le</c>).</summary>
    public string EncodingName { get; private set; } = "utf-8";

    /// <summary>Whether the input was gzip-compressed.</summary>
    public bool IsCompressed { get; private set; }

    /// <summary>Whether the input could be read as text at all (false when missing, unreadable or binary).</summary>
    public bool IsReadable { get; private set; } = true;

    /// <summary>Whether some of the input could not be read (unreadable, binary, or an error part-way).</summary>
    public bool HasErrors => diagnostics.Exists(d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>What was noticed about the input so far (cut lines, read errors), in order.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics => diagnostics;

    /// <summary>Opens a file. Never throws for a missing or unreadable file: the source then has an error diagnostic and no lines.</summary>
    /// <param name="path">The file's path.</param>
    /// <param name="options">How to read it.</param>
    /// <returns>The source.</returns>
    public static LogSource Open(string path, LogSourceOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        options ??= new LogSourceOptions();
        Diagnostic? failure;
        try
        {
            if (Directory.Exists(path))
            {
                throw new IOException("it is a folder, not a file");
            }

            var file = new FileStream(path, new FileStreamOptions
            {
                Mode = FileMode.Open,
                Access = FileAccess.Read,
                Share = FileShare.ReadWrite | FileShare.Delete,
                BufferSize = 0,
                Options = FileOptions.SequentialScan,
            });
            return new LogSource(path, file, options, leaveOpen: false);
        }
        catch (FileNotFoundException)
        {
            failure = DiagnosticMessages.NotFound(path);
        }
        catch (DirectoryNotFoundException)
        {
            failure = DiagnosticMessages.NotFound(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            failure = DiagnosticMessages.Unreadable(path, e.Message);
        }

        var missing = new LogSource(path, null, options, leaveOpen: false) { IsReadable = false };
        missing.diagnostics.Add(failure);
        return missing;
    }

    /// <summary>Reads from a stream the caller opened.</summary>
    /// <param name="stream">A readable stream.</param>
    /// <param name="name">The name to report in diagnostics and results.</param>
    /// <param name="options">How to read it.</param>
    /// <param name="leaveOpen">Whether disposing the source leaves the stream open.</param>
    /// <returns>The source.</returns>
    public static LogSource FromStream(Stream stream, string name, LogSourceOptions? options = null, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(name);
        if (!stream.CanRead)
        {
            throw new ArgumentException("The stream is not readable.", nameof(stream));
        }

        return new LogSource(name, stream, options ?? new LogSourceOptions(), leaveOpen);
    }

    /// <summary>The input's lines, in order, each once. Line ends may be LF, CRLF or CR. Can be enumerated once.</summary>
    /// <returns>The lines.</returns>
    public IEnumerable<LogLine> ReadLines()
    {
        if (consumed)
        {
            throw new InvalidOperationException("The lines of a LogSource can be read only once.");
        }

        consumed = true;
        return ReadLinesCore();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        stream?.Dispose();
        stream = null;
    }

    private IEnumerable<LogLine> ReadLinesCore()
    {
        var reader = new LineCursor(start);
        while (NextLine(ref reader, out var line))
        {
            yield return line;
        }
    }

    /// <summary>Finds the next line in the buffer, reading more as needed. False at the end of input.</summary>
    private bool NextLine(ref LineCursor cursor, out LogLine line)
    {
        while (true)
        {
            var window = buffer.AsSpan(start, end - start);
            var at = window.IndexOfAny((byte)'\n', (byte)'\r');
            if (at < 0)
            {
                if (stripNuls && !cursor.Skipping && (cursor.NulRun > 0 || window[cursor.Scanned..].Contains((byte)0)))
                {
                    // All of the window is the line so far: its NUL bytes leave the buffer as they come,
                    // so that a run of any length neither grows the buffer nor makes the line too long.
                    var kept = StripNuls(window, ref cursor, lineEnds: false);
                    cursor.Removed += window.Length - kept;
                    end = start + kept;
                    window = window[..kept];
                }

                if (cursor.Skipping)
                {
                    cursor.SkippedLength += window.Length;
                    cursor.Offset += window.Length;
                    start = end;
                }
                else if (window.Length > maxLineBytes)
                {
                    // Too long and no end in sight: hand out its start now, skip the rest as it comes.
                    // (Exactly the bound is not too long: its line end may come with the next read.)
                    CloseNulRun(ref cursor);
                    cursor.Number++;
                    line = new LogLine(cursor.Number, cursor.Offset, Decode(window[..maxLineBytes], cursor.Number, cut: true), Truncated: true);
                    cursor.SkippedLength = window.Length + cursor.Removed;
                    cursor.Offset += window.Length + cursor.Removed;
                    cursor.StartLine();
                    cursor.Skipping = true;
                    start = end;
                    return true;
                }

                if (endOfInput || !Fill(cursor.Number))
                {
                    if (cursor.Skipping)
                    {
                        ReportLineTooLong(cursor.Number, cursor.SkippedLength);
                        cursor.Skipping = false;
                    }
                    else if (start < end || cursor.Removed > 0)
                    {
                        // The last line has no line end (or was nothing but NUL bytes, now removed).
                        CloseNulRun(ref cursor);
                        cursor.Number++;
                        line = new LogLine(cursor.Number, cursor.Offset, Decode(buffer.AsSpan(start, end - start), cursor.Number, cut: false));
                        cursor.Offset += end - start + cursor.Removed;
                        cursor.StartLine();
                        start = end;
                        return true;
                    }

                    if (readFailure is not null)
                    {
                        // Said only now, after the lines that were read before the failure.
                        diagnostics.Add(DiagnosticMessages.ReadFailed(Name, cursor.Number, readFailure));
                        readFailure = null;
                    }

                    ReportUnlisted();
                    line = default;
                    return false;
                }

                continue;
            }

            // A CR at the very end of the buffer may be the first half of CRLF: read more first.
            if (window[at] == (byte)'\r' && at == window.Length - 1 && !endOfInput && Fill(cursor.Number))
            {
                continue;
            }

            var lineEnd = at + (window[at] == (byte)'\r' && at + 1 < window.Length && window[at + 1] == (byte)'\n' ? 2 : 1);
            if (cursor.Skipping)
            {
                cursor.SkippedLength += at;
                ReportLineTooLong(cursor.Number, cursor.SkippedLength);
                cursor.Skipping = false;
                cursor.Offset += lineEnd;
                start += lineEnd;
                continue;
            }

            var content = window[..at];
            if (stripNuls && (cursor.NulRun > 0 || content[cursor.Scanned..].Contains((byte)0)))
            {
                // Compacted in place: the bytes between the kept text and the line end are left behind.
                content = content[..StripNuls(content, ref cursor, lineEnds: true)];
            }

            cursor.Number++;
            var length = at + cursor.Removed;
            var truncated = content.Length > maxLineBytes;
            if (truncated)
            {
                ReportLineTooLong(cursor.Number, length);
                content = content[..maxLineBytes];
            }

            line = new LogLine(cursor.Number, cursor.Offset, Decode(content, cursor.Number, truncated), truncated);
            cursor.Offset += lineEnd + cursor.Removed;
            cursor.StartLine();
            start += lineEnd;
            return true;
        }
    }

    /// <summary>
    /// Removes the NUL bytes of <paramref name="bytes"/> past those already scanned for this line,
    /// moving the rest to the left, and reports each run once it ends (a run ends at a byte that is
    /// not NUL, or with its line when <paramref name="lineEnds"/>). Returns how many bytes are kept.
    /// </summary>
    private int StripNuls(Span<byte> bytes, ref LineCursor cursor, bool lineEnds)
    {
        var write = cursor.Scanned;
        var read = cursor.Scanned;
        while (read < bytes.Length)
        {
            var rest = bytes[read..];
            var text = rest.IndexOf((byte)0);
            text = text < 0 ? rest.Length : text;
            if (text > 0)
            {
                CloseNulRun(ref cursor);
                if (write != read)
                {
                    rest[..text].CopyTo(bytes[write..]);
                }

                write += text;
                read += text;
                continue;
            }

            var run = rest.IndexOfAnyExcept((byte)0);
            run = run < 0 ? rest.Length : run;
            cursor.NulRun += run;
            read += run;
        }

        if (lineEnds)
        {
            CloseNulRun(ref cursor);
        }

        cursor.Scanned = write;
        return write;
    }

    /// <summary>Reports the run of NUL bytes just removed from the line being read, if any.</summary>
    private void CloseNulRun(ref LineCursor cursor)
    {
        if (cursor.NulRun == 0)
        {
            return;
        }

        if (nulRuns.TryList(cursor.NulRun))
        {
            diagnostics.Add(DiagnosticMessages.NulBytes(Name, cursor.Number + 1, cursor.NulRun));
        }

        cursor.NulRun = 0;
    }

    private void ReportLineTooLong(long number, long length)
    {
        if (cutLines.TryList(length))
        {
            diagnostics.Add(DiagnosticMessages.LineTooLong(Name, number, length, maxLineBytes));
        }
    }

    /// <summary>At the end of input: how many of each kind of line diagnostic were too many to list.</summary>
    private void ReportUnlisted()
    {
        if (nulRuns.Unlisted > 0)
        {
            diagnostics.Add(DiagnosticMessages.NulBytesNotListed(Name, nulRuns.Unlisted, nulRuns.UnlistedAmount));
            nulRuns = default;
        }

        if (cutLines.Unlisted > 0)
        {
            diagnostics.Add(DiagnosticMessages.LinesTooLongNotListed(Name, cutLines.Unlisted, maxLineBytes));
            cutLines = default;
        }

        if (lineEncodings.Unlisted > 0)
        {
            diagnostics.Add(DiagnosticMessages.LineEncodingNotListed(Name, lineEncodings.Unlisted));
            lineEncodings = default;
        }
    }

    /// <summary>
    /// Decodes one line; <paramref name="cut"/> says it was truncated, so a character may be cut at
    /// its end. A line that is not ASCII and not valid in the file's encoding (or, in a GB18030 or
    /// Windows-1252 file, that reads better in another) is decoded on its own, in the encoding it
    /// reads best in, with a diagnostic; its neighbours are not touched. In a file whose first 64 KB
    /// were ASCII, the first line that is not settles the file's encoding.
    /// </summary>
    private string Decode(ReadOnlySpan<byte> bytes, long number, bool cut)
    {
        if (bytes.IsEmpty)
        {
            return string.Empty;
        }

        if (!decodePerLine || System.Text.Ascii.IsValid(bytes))
        {
            return lineEncoding.GetString(bytes);
        }

        if (!encodingMayChange && lineEncoding.CodePage == 65001)
        {
            // Decoded once: a replacement character says the line may not be valid UTF-8 (or holds one).
            var text = lineEncoding.GetString(bytes);
            if (!text.Contains('\uFFFD') || TextEncodings.IsValidUtf8(bytes, isFinal: !cut))
            {
                return text;
            }
        }

        var own = TextEncodings.Guess(bytes, isFinal: !cut, lineEncoding);
        if (encodingMayChange)
        {
            encodingMayChange = false;
            if (own.CodePage != lineEncoding.CodePage)
            {
                Encoding = lineEncoding = own;
                EncodingName = TextEncodings.NameOf(Encoding);
                diagnostics.Add(DiagnosticMessages.EncodingSwitched(Name, number, TextEncodings.DisplayName(own)));
            }
        }
        else if (own.CodePage != lineEncoding.CodePage && lineEncodings.TryList(1))
        {
            diagnostics.Add(DiagnosticMessages.LineEncoding(Name, number, TextEncodings.DisplayName(lineEncoding), TextEncodings.DisplayName(own)));
        }

        return own.GetString(bytes);
    }

    /// <summary>Reads the first bytes, unwraps gzip, and detects the encoding.</summary>
    private bool Sniff(Encoding? forced, out EncodingDetection detection)
    {
        detection = new EncodingDetection(forced ?? TextEncodings.Utf8, 0, EncodingEvidence.Content);
        if (!Fill(0))
        {
            if (!HasErrors)
            {
                diagnostics.Add(DiagnosticMessages.Empty(Name));
            }

            return false;
        }

        // A pipe may hand out a single byte first; the magic number needs two.
        while (end - start < GzipMagic.Length && Fill(0))
        {
        }

        if (buffer.AsSpan(start, end - start).StartsWith(GzipMagic))
        {
            IsCompressed = true;
            var compressed = new ConcatenatedStream(buffer.AsSpan(start, end - start).ToArray(), stream!);
            stream = gzip = new GzipInputStream(compressed);
            start = end = 0;
            endOfInput = false;
            if (!Fill(0))
            {
                if (!HasErrors)
                {
                    diagnostics.Add(DiagnosticMessages.Empty(Name));
                }

                return false;
            }
        }

        while (end - start < SampleBytes && !endOfInput && Fill(0))
        {
        }

        var sample = buffer.AsSpan(start, Math.Min(end - start, SampleBytes));
        var found = TextEncodings.Detect(sample, endOfInput && end - start <= SampleBytes);
        if (found.Evidence == EncodingEvidence.Binary && forced is null)
        {
            IsReadable = false;
            diagnostics.Add(DiagnosticMessages.Binary(Name));
            start = end;
            endOfInput = true;
            return false;
        }

        if (forced is not null)
        {
            var preamble = found.Evidence == EncodingEvidence.ByteOrderMark && found.Encoding.CodePage == forced.CodePage ? found.PreambleLength : 0;
            detection = new EncodingDetection(forced, preamble, EncodingEvidence.Content);
        }
        else
        {
            detection = found;
        }

        return true;
    }

    /// <summary>
    /// Moves unread bytes to the front and reads more. False at the end of input or on a read error:
    /// an error before anything was read makes the input unreadable; a later one is kept and reported
    /// once the lines already read have been handed out.
    /// </summary>
    private bool Fill(long linesSoFar)
    {
        if (endOfInput || stream is null)
        {
            endOfInput = true;
            return false;
        }

        if (start > 0)
        {
            Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
        }

        if (end == buffer.Length)
        {
            Array.Resize(ref buffer, buffer.Length * 2);
        }

        try
        {
            var read = stream.Read(buffer, end, buffer.Length - end);
            if (read == 0)
            {
                endOfInput = true;
                if (gzip is { TrailingBytes: > 0 and var trailing })
                {
                    diagnostics.Add(DiagnosticMessages.GzipTrailingData(Name, trailing, gzip.TrailingBytesExact));
                }

                return false;
            }

            end += read;
            return true;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException or NotSupportedException)
        {
            endOfInput = true;
            if (linesSoFar == 0 && end == 0)
            {
                IsReadable = false;
                diagnostics.Add(DiagnosticMessages.Unreadable(Name, e.Message));
            }
            else
            {
                readFailure = e.Message;
            }

            return false;
        }
    }
}

/// <summary>Where line reading stands between calls.</summary>
internal struct LineCursor(long offset)
{
    public long Number;
    public long Offset = offset;
    public bool Skipping;
    public long SkippedLength;

    /// <summary>NUL bytes of the line being read that have left the buffer already.</summary>
    public long Removed;

    /// <summary>How many bytes at the start of the line being read are free of NUL bytes already.</summary>
    public int Scanned;

    /// <summary>The length of the run of NUL bytes that the line being read has open.</summary>
    public long NulRun;

    /// <summary>Forgets what was noted about the line just handed out.</summary>
    public void StartLine()
    {
        Removed = 0;
        Scanned = 0;
    }
}

/// <summary>
/// Counts one kind of line diagnostic: the first <see cref="MaxListed"/> are listed, the rest only
/// counted (with an amount, such as their bytes), so that a hostile input cannot make the list long.
/// </summary>
internal struct LineDiagnosticTally
{
    /// <summary>How many diagnostics of one kind an input lists.</summary>
    public const int MaxListed = 100;

    public int Listed;
    public long Unlisted;
    public long UnlistedAmount;

    /// <summary>Whether the next one is listed; counts it either way.</summary>
    public bool TryList(long amount)
    {
        if (Listed < MaxListed)
        {
            Listed++;
            return true;
        }

        Unlisted++;
        UnlistedAmount += amount;
        return false;
    }
}
