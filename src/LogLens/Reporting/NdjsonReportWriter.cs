using System.Globalization;
using System.Net;
using System.Text.Encodings.Web;
using System.Text.Json;
using LogLens.Analysis;
using LogLens.Events;

namespace LogLens.Reporting;

/// <summary>
/// Writes one JSON object per session per line (NDJSON), for Elasticsearch, OpenSearch, Loki and the
/// like. Fields follow the Elastic Common Schema where it has them (<c>@timestamp</c>, <c>event.*</c>,
/// <c>source.*</c>, <c>destination.address</c>, <c>user.name</c>, <c>log.file.*</c>, <c>message</c>);
/// the rest is under <c>loglens.*</c>: every column of <see cref="SessionColumns"/>, the evidence, the
/// explanation and advice, and <c>loglens.schema_version</c>. Times carry an offset: the log's own,
/// else the one of the zone the writer is given. The record's JSON Schema is
/// <c>schemas/loglens-session.ndjson.schema.json</c> in the repository.
/// </summary>
public sealed class NdjsonReportWriter : ISessionWriter, IDisposable
{
    /// <summary>The version of the record's shape, written as <c>loglens.schema_version</c>.</summary>
    public const string SchemaVersion = "1";

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = false,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly Stream target;
    private readonly BufferedStream output;
    private readonly CultureInfo culture;
    private readonly TimePlacement times;
    private readonly Utf8JsonWriter json;

    /// <summary>Starts writing records to a stream, as UTF-8.</summary>
    /// <param name="output">The stream; it is left open.</param>
    /// <param name="culture">The language of explanations and advice.</param>
    /// <param name="zone">The zone the log's times without an offset were written in; the machine's by default.</param>
    /// <param name="year">The year a log that writes no year (syslog) begins in; by default inferred per file (see <see cref="TimePlacement"/>).</param>
    public NdjsonReportWriter(Stream output, CultureInfo culture, TimeZoneInfo? zone = null, int? year = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(culture);
        // Records are small and many: they go through a buffer, not a write each, to the caller's stream.
        target = output;
        this.output = new BufferedStream(output, 1 << 16);
        this.culture = culture;
        times = new TimePlacement(zone, year);
        json = new Utf8JsonWriter(this.output, WriterOptions);
    }

    /// <inheritdoc />
    /// <remarks>Each record names its file: there is no per-input part; the file's year is inferred anew.</remarks>
    public void BeginFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        times.BeginFile(path);
    }

    /// <inheritdoc />
    public void WriteSession(FtpSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var row = SessionRow.From(session);
        var start = times.Place(session.Start);
        var end = times.Place(session.End);
        var outcome = session.Outcome;

        json.WriteStartObject();
        WriteTime("@timestamp", start);
        json.WriteString("message", outcome.Explanation(culture));

        json.WriteStartObject("event");
        json.WriteString("kind", "event");
        json.WriteStartArray("category");
        json.WriteStringValue("network");
        json.WriteStringValue("session");
        json.WriteEndArray();
        json.WriteStartArray("type");
        json.WriteStringValue("end");
        json.WriteEndArray();
        json.WriteString("action", outcome.Id);
        json.WriteString("outcome", outcome.Kind switch
        {
            OutcomeKind.Succeeded => "success",
            OutcomeKind.Incomplete or OutcomeKind.Unknown => "unknown",
            _ => "failure",
        });
        if (outcome.Reason is { } reason)
        {
            json.WriteString("reason", reason);
        }

        WriteTime("start", start);
        WriteTime("end", end);
        if (start is { } s && end is { } e && e >= s)
        {
            json.WriteNumber("duration", (e - s).Ticks * 100);
        }

        json.WriteString("dataset", "loglens.session");
        json.WriteEndObject();

        if (session.Client is { } client)
        {
            json.WriteStartObject("source");
            json.WriteString("address", client);
            if (IPAddress.TryParse(client, out var ip))
            {
                json.WriteString("ip", ip.ToString());
            }

            json.WriteEndObject();
        }

        if (session.Server is { } server)
        {
            json.WriteStartObject("destination");
            json.WriteString("address", server);
            json.WriteEndObject();
        }

        if (session.User is { } user)
        {
            json.WriteStartObject("user");
            json.WriteString("name", user);
            json.WriteEndObject();
        }

        json.WriteStartObject("log");
        json.WriteStartObject("file");
        json.WriteString("path", session.File);
        json.WriteNumber("line", session.FirstLine);
        json.WriteEndObject();
        json.WriteEndObject();

        json.WriteStartObject("loglens");
        json.WriteString("schema_version", SchemaVersion);
        foreach (var column in SessionColumns.All)
        {
            switch (column.Kind)
            {
                case ColumnKind.Text:
                    json.WriteStringOrNull(column.Name, column.TextOf(row));
                    break;
                case ColumnKind.Integer:
                    json.WriteNumberOrNull(column.Name, column.IntegerOf(row));
                    break;
                case ColumnKind.Number:
                    json.WriteNumberOrNull(column.Name, column.NumberOf(row));
                    break;
                default:
                    WriteTime(column.Name, times.Place(column.TimeOf(row)));
                    break;
            }
        }

        json.WriteStartArray("evidence");
        foreach (var line in outcome.Evidence)
        {
            json.WriteNumberValue(line);
        }

        json.WriteEndArray();
        json.WriteString("explanation", outcome.Explanation(culture));
        json.WriteString("advice", outcome.Advice(culture));
        json.WriteEndObject();

        json.WriteEndObject();

        // One root value per line: the writer is reset for the next record.
        json.Flush();
        output.WriteByte((byte)'\n');
        json.Reset(output);
    }

    /// <inheritdoc />
    /// <remarks>Each record names its file: there is no per-input part.</remarks>
    public void EndFile(FileAnalysis file) => ArgumentNullException.ThrowIfNull(file);

    /// <inheritdoc />
    public void Complete()
    {
        json.Flush();
        output.Flush();
        target.Flush();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        // The caller's stream is left open: the buffer is flushed, not disposed.
        json.Dispose();
        output.Flush();
    }

    private void WriteTime(string name, DateTimeOffset? time)
    {
        if (time is { } t)
        {
            json.WriteString(name, TimePlacement.Format(t));
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
