using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using LogLens.Analysis;
using LogLens.Events;

namespace LogLens.Reporting;

/// <summary>
/// Writes analyses as one JSON document, as they go: <c>sessions</c> (each input's in order of their
/// first line), then <c>files</c>, <c>clients</c> (per client across sessions) and <c>unrecognized</c>.
/// Times are ISO 8601 as written in the log; unknown values are <c>null</c>; explanations and advice
/// are in the chosen language. Each session is written as it comes and forgotten: what is kept is the
/// per-input summaries and per-client counts (at most 50,000 clients, those with the most failed logins).
/// </summary>
public sealed class JsonReportWriter : ISessionWriter, IDisposable
{
    // Written out whenever this much is buffered: Utf8JsonWriter over a stream keeps everything until flushed.
    private const int FlushAt = 1 << 16;

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly Stream output;
    private readonly CultureInfo culture;
    private readonly Utf8JsonWriter json;
    private readonly List<FileAnalysis> files = [];
    private readonly TimePlacement? times;
    private readonly ClientSummaryBuilder clients = new() { Capacity = ClientSummaryBuilder.ReportCapacity };
    private bool completed;

    /// <summary>Starts a document on a stream, as UTF-8.</summary>
    /// <param name="output">The stream; it is left open.</param>
    /// <param name="culture">The language of explanations and advice.</param>
    /// <param name="times">How to write times: placed, with an offset (<c>--tz</c>, <c>--year</c>); when null, as the log wrote them.</param>
    public JsonReportWriter(Stream output, CultureInfo culture, TimePlacement? times = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(culture);
        this.output = output;
        this.times = times;
        this.culture = culture;
        json = new Utf8JsonWriter(output, WriterOptions);
        json.WriteStartObject();
        json.WriteStartArray("sessions");
    }

    /// <summary>Writes a whole document for analyses already made.</summary>
    /// <param name="output">The stream; it is left open.</param>
    /// <param name="analyses">The analyses, in the order to report them.</param>
    /// <param name="culture">The language of explanations and advice.</param>
    public static void Write(Stream output, IEnumerable<FileAnalysis> analyses, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(analyses);
        using var writer = new JsonReportWriter(output, culture);
        foreach (var file in analyses)
        {
            writer.BeginFile(file.Path);
            foreach (var session in file.Sessions)
            {
                writer.WriteSession(session);
            }

            writer.EndFile(file);
        }

        writer.Complete();
    }

    /// <inheritdoc />
    public void BeginFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        times?.BeginFile(path);
    }

    /// <inheritdoc />
    public void WriteSession(FtpSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        WriteSession(json, session, culture, times);
        clients.Add(session);
        if (json.BytesPending >= FlushAt)
        {
            json.Flush();
        }
    }

    /// <inheritdoc />
    public void EndFile(FileAnalysis file)
    {
        ArgumentNullException.ThrowIfNull(file);

        // Kept small: counts, diagnostics, and the bounded listing of unrecognized lines.
        files.Add(file with { Sessions = [] });
    }

    /// <inheritdoc />
    public void Complete()
    {
        if (completed)
        {
            return;
        }

        completed = true;
        json.WriteEndArray();
        json.WriteStartArray("files");
        foreach (var file in files)
        {
            WriteFile(json, file);
        }

        json.WriteEndArray();
        json.WriteStartArray("clients");
        foreach (var client in clients.Build())
        {
            json.WriteStartObject();
            json.WriteString("client", client.Client);
            json.WriteNumber("sessions", client.Sessions);
            json.WriteNumber("failedLogins", client.FailedLogins);
            json.WriteNumber("succeededLogins", client.SucceededLogins);
            json.WriteStartArray("users");
            foreach (var user in client.Users)
            {
                json.WriteStringValue(user);
            }

            json.WriteEndArray();
            json.WriteNumberOrNull("shortestRetrySeconds", client.ShortestRetrySeconds);
            json.WriteBoolean("hammering", client.Hammering);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("unrecognized");
        foreach (var entry in files.SelectMany(f => f.Unrecognized))
        {
            json.WriteStartObject();
            json.WriteString("file", entry.File);
            json.WriteNumber("line", entry.Line);
            json.WriteString("text", entry.Text);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
        output.WriteByte((byte)'\n');
        output.Flush();
    }

    /// <inheritdoc />
    public void Dispose() => json.Dispose();

    private static void WriteFile(Utf8JsonWriter json, FileAnalysis file)
    {
        json.WriteStartObject();
        json.WriteString("path", file.Path);
        json.WriteStringOrNull("format", file.Format);
        json.WriteStringOrNull("encoding", file.Encoding);
        json.WriteBoolean("compressed", file.IsCompressed);
        json.WriteStartObject("lines");
        json.WriteNumber("total", file.Lines.Total);
        json.WriteNumber("recognized", file.Lines.Recognized);
        json.WriteNumber("unrecognized", file.Lines.Unrecognized);
        json.WriteNumber("blank", file.Lines.Blank);
        json.WriteNumber("other", file.Lines.Other);
        json.WriteEndObject();
        json.WriteStartArray("diagnostics");
        foreach (var d in file.Diagnostics)
        {
            json.WriteStartObject();
            json.WriteNumberOrNull("line", d.Line);
            json.WriteString("severity", d.Severity.ToString().ToLowerInvariant());
            json.WriteString("code", d.Code);
            json.WriteString("message", d.Message);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteSession(Utf8JsonWriter json, FtpSession s, CultureInfo culture, TimePlacement? times)
    {
        json.WriteStartObject();
        json.WriteString("file", s.File);
        json.WriteString("id", s.Id);
        json.WriteString("format", s.Format);
        json.WriteStringOrNull("client", s.Client);
        json.WriteStringOrNull("server", s.Server);
        json.WriteStringOrNull("user", s.User);
        WriteTime(json, "start", s.Start, times);
        WriteTime(json, "end", s.End, times);
        json.WriteNumberOrNull("durationSeconds", s.DurationSeconds);
        json.WriteString("outcome", s.Outcome.Id);
        json.WriteStringOrNull("reason", s.Outcome.Reason);
        json.WriteNumberOrNull("replyCode", s.Outcome.ReplyCode);
        json.WriteStartArray("evidence");
        foreach (var line in s.Outcome.Evidence)
        {
            json.WriteNumberValue(line);
        }

        json.WriteEndArray();
        json.WriteString("explanation", s.Outcome.Explanation(culture));
        json.WriteString("advice", s.Outcome.Advice(culture));
        json.WriteNumber("firstLine", s.FirstLine);
        json.WriteNumber("lastLine", s.LastLine);
        json.WriteStartArray("logins");
        foreach (var login in s.Logins)
        {
            json.WriteStartObject();
            json.WriteNumber("line", login.Line);
            WriteTime(json, "time", login.Time, times);
            json.WriteStringOrNull("user", login.User);
            json.WriteString("result", login.Succeeded ? "succeeded" : "failed");
            if (login.LimitReached)
            {
                json.WriteBoolean("limitReached", true);
            }
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("transfers");
        foreach (var t in s.Transfers)
        {
            json.WriteStartObject();
            json.WriteNumber("line", t.Line);
            WriteTime(json, "time", t.Time, times);
            json.WriteString("direction", t.Direction == TransferDirection.Upload ? "upload" : "download");
            json.WriteStringOrNull("path", t.Path);
            json.WriteNumberOrNull("bytes", t.Bytes);
            json.WriteStringOrNull("rate", t.Rate);
            json.WriteString("result", t.Incomplete ? "incomplete" : t.Succeeded ? "succeeded" : "failed");
            json.WriteNumberOrNull("replyCode", t.ReplyCode);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        if (s.Retry is { } retry)
        {
            json.WriteStartObject("retry");
            json.WriteString("of", retry.Of);
            json.WriteNumberOrNull("afterSeconds", retry.AfterSeconds);
            if (retry.Hammering is { } hammering)
            {
                json.WriteBoolean("hammering", hammering);
            }
            else
            {
                json.WriteNull("hammering");
            }

            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("retry");
        }

        json.WriteEndObject();
    }

    private static void WriteTime(Utf8JsonWriter json, string name, LogTimestamp? time, TimePlacement? times)
    {
        if (time is { } t)
        {
            json.WriteString(name, times is null ? t.ToString() : times.Text(t));
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
