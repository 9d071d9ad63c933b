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
    /// <summary>The column names, in order (<see cref="SessionColumns.All"/>).</summary>
    public static IReadOnlyList<string> Columns { get; } = SessionColumns.All.Select(c => c.Name).ToArray();

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
    private readonly TimePlacement? times;

    /// <summary>Starts a CSV document on a stream and writes its header.</summary>
    /// <param name="output">The stream; it is left open.</param>
    /// <param name="times">How to write times: placed, with an offset (<c>--tz</c>, <c>--year</c>); when null, as the log wrote them.</param>
    public CsvReportWriter(Stream output, TimePlacement? times = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        this.times = times;
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
    public void BeginFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        times?.BeginFile(path);
    }

    /// <summary>Writes one session's row.</summary>
    /// <param name="session">The session.</param>
    public void WriteSession(FtpSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        // CsvHelper quotes and escapes every field (formula injection included); lines inside a cell are escaped here.
        var row = SessionRow.From(session);
        foreach (var column in SessionColumns.All)
        {
            csv.WriteField(EscapeInnerLines(column.CellOf(row, times)));
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
}
