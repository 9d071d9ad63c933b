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
/// columns behind it, so a row is redacted by column instead, and read from its redacted columns:
/// each column goes through the shared redaction on its own (a URL's password in a path), and a PASS
/// row's argument, which the grammar delimits, becomes <c>***</c> (IIS 5/6 log an anonymous user's
/// e-mail "password" there in clear). The argument is the <c>cs-uri-stem</c> column and, when a password
/// has blanks in it, the columns it spilled into: as many as the row has beyond its declared fields,
/// or, in a row read by its shape, those before the status. Lines that are not rows keep the shared
/// redaction.</para>
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

        if (!TryRead(IisColumns.Split(raw), out var row, out var columns, out var password))
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

        // The shared redaction's text, unless the grammar marked the row's password (see IisColumns.RedactedText).
        var redacted = password >= 0 ? columns.RedactedText(password) : text;
        return parsed with { Line = line.Number, Text = redacted, Time = time, SessionKey = key.Key, Connection = key.Connection, Client = row.Client };
    }

    /// <summary>Reads a row by the declared fields, else by its shape.</summary>
    /// <param name="columns">The row as written.</param>
    /// <param name="row">What it says, read from its columns with every password masked.</param>
    /// <param name="read">The row's columns as read: a password with blanks joined into one.</param>
    /// <param name="password">The column that holds a PASS row's password, or -1.</param>
    /// <returns>Whether it is an FTP row.</returns>
    private bool TryRead(IisColumns columns, out IisRow row, out IisColumns read, out int password)
    {
        if (layout is { } declared && TryRead(columns, declared, out row, out read, out password) && IsFtpRow(row))
        {
            return true;
        }

        if (IisLayout.Infer(columns) is { } inferred && TryRead(columns, inferred, out row, out read, out password) && IsFtpRow(row))
        {
            return true;
        }

        row = null!;
        read = null!;
        password = -1;
        return false;
    }

    private static bool TryRead(IisColumns columns, IisLayout layout, out IisRow row, out IisColumns read, out int password)
    {
        var argument = PasswordColumns(columns, layout);
        if (argument is var (first, last) && last > first)
        {
            columns = columns.Join(first, last);
            layout = layout.FieldCount == 0 ? IisLayout.Infer(columns) ?? layout : layout;
        }

        read = columns;
        password = argument is null ? -1 : layout.UriStem;
        return IisRow.TryRead(columns.Redacted(password), layout, out row);
    }

    /// <summary>
    /// The columns a PASS row's argument fills: its <c>cs-uri-stem</c>, and the columns a password with
    /// blanks spilled into. With declared fields, those the row has beyond them; in a row read by its
    /// shape, those before its status (the first column after the stem that reads as a status and is
    /// followed by a number or nothing) and the <c>-</c> of an empty query ahead of it. With no status,
    /// the argument runs to the end of the row.
    /// </summary>
    /// <returns>The first and last column, or null when the row is not a PASS row.</returns>
    private static (int First, int Last)? PasswordColumns(IisColumns columns, IisLayout layout)
    {
        var first = layout.UriStem;
        if (!columns.Has(first) || !columns.Has(layout.Method)
            || !IisGrammar.TryMethod(columns.Raw(layout.Method)!, out var method) || !IisMethods.Is(method.Name, "PASS"))
        {
            return null;
        }

        if (layout.FieldCount > 0)
        {
            return (first, first + Math.Max(0, columns.Count - layout.FieldCount));
        }

        for (var status = first + 1; status < columns.Count; status++)
        {
            if (IisGrammar.TryStatus(columns.Span(status), out _) && (!columns.Has(status + 1) || IisGrammar.TryNumber(columns.Span(status + 1), out _)))
            {
                return (first, status - 1 > first && columns.Span(status - 1).SequenceEqual("-") ? status - 2 : status - 1);
            }
        }

        return (first, columns.Count - 1);
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
