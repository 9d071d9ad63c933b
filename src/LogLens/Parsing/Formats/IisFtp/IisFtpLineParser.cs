using LogLens.Events;
using LogLens.Input;

namespace LogLens.Parsing.Formats.IisFtp;

/// <summary>
/// Parses an IIS FTP log, one file at a time. It keeps the state a W3C file needs: the columns its
/// last <c>#Fields:</c> header declared, the date its last <c>#Date:</c> header gave (for rows that
/// carry only a time), and the session keys of <see cref="IisSessionKeys"/>.
/// </summary>
/// <remarks>
/// <para>Header lines (<c>#Software:</c>, <c>#Version:</c>, <c>#Date:</c>, <c>#Fields:</c>,
/// <c>#Remark:</c>, <c>#Start-Date:</c>, <c>#End-Date:</c>) are <see cref="ServerNotice"/>s; a
/// <c>#Date:</c> notice carries its time. A row is read by the names of the last <c>#Fields:</c>;
/// a row that header does not fit, or any row before a header, is read by its shape (see
/// <see cref="IisLayout.Infer"/>).</para>
/// <para>Time: a row with <c>date</c> and <c>time</c> columns has that timestamp, with no offset
/// (IIS writes UTC unless configured otherwise, and the file does not say which). A row with only
/// a time takes its date from the last <c>#Date:</c> header, moving to the next day when the time
/// of day goes back by more than twelve hours (midnight passed). With no <c>#Date:</c> header
/// either, the date is unknown: the timestamp has the stand-in date 1 January of
/// <see cref="LogTimestamp.StandInYear"/> (plus the midnights passed) and says it has neither year nor date, so
/// times of day and the intervals between rows stay right while no date is claimed.</para>
/// <para>Passwords: the shared redaction would cut a row short at <c>PASS</c>, losing the status
/// columns behind it, so a PASS row's text is redacted by column instead: its <c>cs-uri-stem</c>
/// (IIS 5/6 log an anonymous user's e-mail "password" there in clear) becomes <c>***</c>. Lines that
/// are not rows keep the shared redaction.</para>
/// <para>A row whose method is neither an FTP command nor an IIS FTP word (<c>GET</c> in an IIS web
/// log) is not recognized, unless the file has already shown it is an FTP log (an <c>x-session</c> or
/// <c>x-fullpath</c> field, or an FTP row): then it is a command a client sent, junk included.</para>
/// </remarks>
internal sealed class IisFtpLineParser : LineParser
{
    private static readonly TimeSpan HalfDay = TimeSpan.FromHours(12);

    private readonly IisSessionKeys keys = new();
    private IisLayout? layout;
    private DateTime? headerDate;
    private TimeSpan? lastTimeOfDay;
    private int daysPassed;
    private bool rowsSeen;
    private bool isFtp;

    /// <inheritdoc />
    protected override FtpEvent? TryParse(LogLine line, string text)
    {
        var raw = line.Text;
        if (raw.Length == 0)
        {
            return null;
        }

        if (raw[0] == '#')
        {
            return Directive(line, text);
        }

        // Without a header, a row starts with its date or time; with one, the columns may come in any order.
        if (layout is null && !char.IsAsciiDigit(raw[0]))
        {
            return null;
        }

        var columns = IisColumns.Split(raw);
        if (!TryRead(columns, out var row, out var used))
        {
            return null;
        }

        rowsSeen = true;
        isFtp = true;
        var time = TimeOf(row);
        var key = keys.KeyFor(row, time, IisEvents.RoleOf(row.Method));
        var isUser = IisMethods.Is(row.Method.Name, "USER");
        if (isUser)
        {
            keys.SetUser(key, row.UriStem ?? row.UserName);
        }

        var parsed = IisEvents.Map(row, keys.UserOf(key));
        if (parsed is DisconnectEvent)
        {
            keys.Forget(key);
        }

        return parsed with { Line = line.Number, Text = RedactedText(columns, used, row, raw), Time = time, SessionKey = key.Key, Connection = key.Connection, Client = row.Client };
    }

    private static string RedactedText(IisColumns columns, IisLayout used, IisRow row, string raw)
    {
        if (!IisMethods.Is(row.Method.Name, "PASS") || !columns.Has(used.UriStem))
        {
            return raw;
        }

        var stem = columns.Span(used.UriStem);
        return stem.SequenceEqual("-") || Redaction.IsAlreadyMasked(stem) ? raw : columns.Replace(used.UriStem, Redaction.Mark);
    }

    private bool TryRead(IisColumns columns, out IisRow row, out IisLayout used)
    {
        if (layout is { } declared && IisRow.TryRead(columns, declared, out row) && IsFtpRow(row))
        {
            used = declared;
            return true;
        }

        if (IisLayout.Infer(columns) is { } inferred && IisRow.TryRead(columns, inferred, out row) && IsFtpRow(row))
        {
            used = inferred;
            return true;
        }

        row = null!;
        used = null!;
        return false;
    }

    private bool IsFtpRow(IisRow row) =>
        isFtp || row.Method.ConnectionId is not null || IisMethods.IsKnown(row.Method.Name);

    private ServerNotice? Directive(LogLine line, string text)
    {
        if (!IisGrammar.TryDirective(line.Text, out var name, out var value))
        {
            return null;
        }

        LogTimestamp? time = null;
        switch (name.ToUpperInvariant())
        {
            case "FIELDS":
                layout = IisLayout.FromFields(value);
                isFtp |= layout.IsFtpOnly;
                break;
            case "DATE":
                time = IisGrammar.DateDirective(value);
                if (time is { } date)
                {
                    headerDate = date.Local.Date;
                    lastTimeOfDay = date.Local.TimeOfDay;
                    daysPassed = 0;
                }

                break;
            case "SOFTWARE" or "VERSION" or "REMARK" or "START-DATE" or "END-DATE":
                break;
            default:
                return null;
        }

        if (rowsSeen)
        {
            keys.HeaderAfterRows();
            rowsSeen = false;
        }

        return new ServerNotice { Line = line.Number, Text = text, Time = time };
    }

    private LogTimestamp? TimeOf(IisRow row)
    {
        if (row.TimeOfDay is not { } timeOfDay)
        {
            return row.Date is { } day ? new LogTimestamp(day) : null;
        }

        if (row.Date is { } date)
        {
            return new LogTimestamp(date + timeOfDay);
        }

        if (lastTimeOfDay is { } previous && timeOfDay < previous - HalfDay)
        {
            daysPassed++;
        }

        lastTimeOfDay = timeOfDay;
        return headerDate is { } header
            ? new LogTimestamp(header.AddDays(daysPassed) + timeOfDay)
            : new LogTimestamp(new DateTime(LogTimestamp.StandInYear, 1, 1).AddDays(daysPassed) + timeOfDay, null, HasYear: false) { HasDate = false };
    }
}
