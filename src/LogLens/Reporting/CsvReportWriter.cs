using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using LogLens.Analysis;

namespace LogLens.Reporting;

/// <summary>
/// Writes sessions as CSV, one row per session, columns declared once in <see cref="SessionRowMap"/>.
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
        csv.Context.RegisterClassMap<SessionRowMap>();
        csv.WriteHeader<SessionRow>();
        csv.NextRecord();
    }

    /// <summary>Writes one session's row.</summary>
    /// <param name="session">The session.</param>
    public void Write(FtpSession session)
    {
        csv.WriteRecord(SessionRow.From(session));
        csv.NextRecord();
    }

    /// <summary>Flushes what is buffered.</summary>
    public void Flush() => csv.Flush();

    /// <inheritdoc />
    public void Dispose() => csv.Dispose();

    /// <inheritdoc />
    public ValueTask DisposeAsync() => csv.DisposeAsync();

    /// <summary>The columns of <see cref="SessionRow"/>, in the documented order.</summary>
    private sealed class SessionRowMap : ClassMap<SessionRow>
    {
        public SessionRowMap()
        {
            var index = 0;
            Map(r => r.File).Name(Columns[index]).Index(index++);
            Map(r => r.Session).Name(Columns[index]).Index(index++);
            Map(r => r.Format).Name(Columns[index]).Index(index++);
            Map(r => r.Client).Name(Columns[index]).Index(index++);
            Map(r => r.Server).Name(Columns[index]).Index(index++);
            Map(r => r.User).Name(Columns[index]).Index(index++);
            Map(r => r.Start).Name(Columns[index]).Index(index++);
            Map(r => r.End).Name(Columns[index]).Index(index++);
            Map(r => r.DurationSeconds).Name(Columns[index]).Index(index++).Convert(a => SessionRow.Invariant(a.Value.DurationSeconds));
            Map(r => r.Outcome).Name(Columns[index]).Index(index++);
            Map(r => r.Reason).Name(Columns[index]).Index(index++);
            Map(r => r.ReplyCode).Name(Columns[index]).Index(index++);
            Map(r => r.LoginsFailed).Name(Columns[index]).Index(index++);
            Map(r => r.LoginsSucceeded).Name(Columns[index]).Index(index++);
            Map(r => r.Uploads).Name(Columns[index]).Index(index++);
            Map(r => r.Downloads).Name(Columns[index]).Index(index++);
            Map(r => r.TransfersFailed).Name(Columns[index]).Index(index++);
            Map(r => r.BytesUp).Name(Columns[index]).Index(index++);
            Map(r => r.BytesDown).Name(Columns[index]).Index(index++);
            Map(r => r.FirstLine).Name(Columns[index]).Index(index++);
            Map(r => r.LastLine).Name(Columns[index]).Index(index);
        }
    }
}
