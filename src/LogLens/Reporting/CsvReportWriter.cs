using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using LogLens.Analysis;

namespace LogLens.Reporting;

/// <summary>
/// Writes sessions as CSV with CsvHelper, one row per session, in the order of <see cref="Columns"/>.
/// UTF-8 with a byte order mark, so that spreadsheets show Chinese text; a cell that would start a
/// spreadsheet formula (<c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, tab, CR) is escaped.
/// </summary>
public sealed class CsvReportWriter : IDisposable, IAsyncDisposable
{
    /// <summary>The column names, in order.</summary>
    public static IReadOnlyList<string> Columns { get; } =
    [
        "file", "session", "format", "client", "server", "user", "start", "end", "duration_s", "outcome", "reason",
        "reply_code", "logins_failed", "logins_succeeded", "uploads", "downloads", "transfers_failed", "bytes_up",
        "bytes_down", "first_line", "last_line",
    ];

    private static readonly CsvConfiguration Configuration = new(CultureInfo.InvariantCulture)
    {
        InjectionOptions = InjectionOptions.Escape,
        NewLine = "\r\n",
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

    /// <summary>Writes one session's row.</summary>
    /// <param name="session">The session.</param>
    public void Write(FtpSession session)
    {
        // Field by field in the order of Columns: no class map to build by reflection at start, and
        // numbers written as text without boxing. CsvHelper still quotes and escapes every field.
        var row = SessionRow.From(session);
        csv.WriteField(row.File);
        csv.WriteField(row.Session);
        csv.WriteField(row.Format);
        csv.WriteField(row.Client);
        csv.WriteField(row.Server);
        csv.WriteField(row.User);
        csv.WriteField(row.Start);
        csv.WriteField(row.End);
        csv.WriteField(SessionRow.Invariant(row.DurationSeconds));
        csv.WriteField(row.Outcome);
        csv.WriteField(row.Reason);
        csv.WriteField(Number(row.ReplyCode));
        csv.WriteField(Number(row.LoginsFailed));
        csv.WriteField(Number(row.LoginsSucceeded));
        csv.WriteField(Number(row.Uploads));
        csv.WriteField(Number(row.Downloads));
        csv.WriteField(Number(row.TransfersFailed));
        csv.WriteField(Number(row.BytesUp));
        csv.WriteField(Number(row.BytesDown));
        csv.WriteField(Number(row.FirstLine));
        csv.WriteField(Number(row.LastLine));
        csv.NextRecord();
    }

    // Counts are mostly small: their text is made once.
    private static readonly string[] SmallNumbers = Enumerable.Range(0, 256).Select(n => n.ToString(CultureInfo.InvariantCulture)).ToArray();

    private static string? Number(long? value) => value switch
    {
        null => null,
        >= 0 and < 256 => SmallNumbers[(int)value.Value],
        _ => value.Value.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>Flushes what is buffered.</summary>
    public void Flush() => csv.Flush();

    /// <inheritdoc />
    public void Dispose() => csv.Dispose();

    /// <inheritdoc />
    public ValueTask DisposeAsync() => csv.DisposeAsync();
}
