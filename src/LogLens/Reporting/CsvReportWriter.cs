using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using LogLens.Analysis;

namespace LogLens.Reporting;

/// <summary>
/// Writes sessions as CSV with CsvHelper, one row per session, in the order of <see cref="Columns"/>.
/// UTF-8 with a byte order mark, so that spreadsheets show Chinese text. A cell with a line break in it
/// (a file name may hold a CR or LF) is quoted, so that it never splits its row; a cell that would start
/// a spreadsheet formula (<c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, tab, CR) is escaped with <c>'</c>, and so is
/// each line inside a cell, so that no physical line of the document starts one either.
/// </summary>
public sealed class CsvReportWriter : ISessionWriter, IDisposable, IAsyncDisposable
{
    // Each column declared once: its name and how a row gives its cell. (A CsvHelper ClassMap says
    // the same, but builds and compiles an expression per column when a writer starts, which was a
    // tenth of the run on a small file, and boxes every number.)
    private static readonly (string Name, Func<SessionRow, string?> Cell)[] Fields =
    [
        ("file", r => r.File),
        ("session", r => r.Session),
        ("format", r => r.Format),
        ("client", r => r.Client),
        ("server", r => r.Server),
        ("user", r => r.User),
        ("start", r => r.Start),
        ("end", r => r.End),
        ("duration_s", r => SessionRow.Invariant(r.DurationSeconds)),
        ("outcome", r => r.Outcome),
        ("reason", r => r.Reason),
        ("reply_code", r => Number(r.ReplyCode)),
        ("logins_failed", r => Number(r.LoginsFailed)),
        ("logins_succeeded", r => Number(r.LoginsSucceeded)),
        ("uploads", r => Number(r.Uploads)),
        ("downloads", r => Number(r.Downloads)),
        ("transfers_failed", r => Number(r.TransfersFailed)),
        ("bytes_up", r => Number(r.BytesUp)),
        ("bytes_down", r => Number(r.BytesDown)),
        ("first_line", r => Number(r.FirstLine)),
        ("last_line", r => Number(r.LastLine)),
    ];

    // Counts are mostly small: their text is made once.
    private static readonly string[] SmallNumbers = Enumerable.Range(0, 256).Select(n => n.ToString(CultureInfo.InvariantCulture)).ToArray();

    /// <summary>The column names, in order.</summary>
    public static IReadOnlyList<string> Columns { get; } = Fields.Select(f => f.Name).ToArray();

    // Formula starts, as CsvHelper's escaping knows them; after a line break inside a cell, CR and LF are the break itself.
    private static readonly System.Buffers.SearchValues<char> FormulaStarts = System.Buffers.SearchValues.Create("=+-@\t");

    private static readonly CsvConfiguration Configuration = new(CultureInfo.InvariantCulture)
    {
        InjectionOptions = InjectionOptions.Escape,
        NewLine = "\r\n",

        // With NewLine set, CsvHelper quotes only a field holding "\r\n": a lone CR or LF would end the row.
        ShouldQuote = args => ConfigurationFunctions.ShouldQuote(args) || args.Field.AsSpan().IndexOfAny('\r', '\n') >= 0,
    };

    private readonly CsvWriter csv;

    /// <summary>Starts a CSV document on a stream and writes its header.</summary>
    /// <param name="output">The stream; it is left open.</param>
    public CsvReportWriter(Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var text = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 1 << 16, leaveOpen: true);
        csv = new CsvWriter(text, Configuration);
        foreach (var column in Columns)
        {
            csv.WriteField(column);
        }

        csv.NextRecord();
    }

    /// <inheritdoc />
    /// <remarks>The CSV has no per-input part: each row names its file.</remarks>
    public void BeginFile(string path) => ArgumentNullException.ThrowIfNull(path);

    /// <summary>Writes one session's row.</summary>
    /// <param name="session">The session.</param>
    public void WriteSession(FtpSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        // CsvHelper quotes and escapes every field (formula injection included); lines inside a cell are escaped here.
        var row = SessionRow.From(session);
        foreach (var (_, cell) in Fields)
        {
            csv.WriteField(EscapeInnerLines(cell(row)));
        }

        csv.NextRecord();
    }

    /// <inheritdoc />
    /// <remarks>The CSV has no per-input part: an input's line counts and diagnostics are not in it.</remarks>
    public void EndFile(FileAnalysis file) => ArgumentNullException.ThrowIfNull(file);

    /// <inheritdoc />
    public void Complete() => Flush();

    /// <summary>Flushes what is buffered.</summary>
    public void Flush() => csv.Flush();

    /// <inheritdoc />
    public void Dispose() => csv.Dispose();

    /// <inheritdoc />
    public ValueTask DisposeAsync() => csv.DisposeAsync();

    /// <summary>
    /// The cell with <c>'</c> put before each line inside it that would start a formula: once quoted, such a
    /// line is still a physical line of the document, which a tool reading lines (or a spreadsheet that
    /// takes the quoting wrong) may take for a row of its own.
    /// </summary>
    internal static string? EscapeInnerLines(string? cell)
    {
        if (cell is null || cell.AsSpan().IndexOfAny('\r', '\n') < 0)
        {
            return cell;
        }

        var result = new StringBuilder(cell.Length + 4);
        for (var i = 0; i < cell.Length; i++)
        {
            result.Append(cell[i]);
            if (cell[i] is '\r' or '\n' && i + 1 < cell.Length && FormulaStarts.Contains(cell[i + 1]))
            {
                result.Append('\'');
            }
        }

        return result.ToString();
    }

    private static string? Number(long? value) => value switch
    {
        null => null,
        >= 0 and < 256 => SmallNumbers[(int)value.Value],
        _ => value.Value.ToString(CultureInfo.InvariantCulture),
    };
}
