using System.Text;
using LogLens.Events;
using LogLens.Input;

namespace LogLens.Parsing.Formats.Xferlog;

/// <summary>
/// Turns xferlog lines into events: a <see cref="TransferEvent"/> per entry (incomplete <c>i</c> entries
/// failed), or a DELE <see cref="CommandEvent"/> for a deletion (direction <c>d</c>).
/// </summary>
/// <remarks>
/// <para>Sessions: xferlog has no session id and no login lines, so a session is one user's transfers
/// from one client (<c>alice@198.51.100.7</c>; <c>anonymous@…</c> for anonymous logins) with less
/// than ten minutes between the end of one transfer and the start of the next (its end time minus
/// its transfer time). A longer pause starts the next session (which the session stage names <c>alice@198.51.100.7-2</c>).</para>
/// <para>An entry wrapped over several lines, as mail and ticket systems quote it
/// (<c> "Fri Mar 31 10:22:45 2006 0 192.0.2.1 88302</c> / <c> /path a _ d r</c> / <c> user ftp 0 * c"</c>),
/// is read whole: its leading lines are <see cref="ContinuationLine"/>s and its last line carries the
/// event, with the whole entry as its text.</para>
/// <para>For an anonymous login the user name field holds the identity given as password; it is
/// redacted from the text.</para>
/// </remarks>
internal sealed class XferlogLineParser : LineParser
{
    private const double SessionGapSeconds = 600;
    private const int MaxWrappedLines = 8;

    private readonly Dictionary<string, (string Key, long Connection, LogTimestamp End)> sessions = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConnectionNumbers connections = new();
    private readonly StringBuilder wrapped = new();
    private int wrappedLines;

    /// <inheritdoc />
    protected override FtpEvent? TryParse(LogLine line, string text)
    {
        var trimmed = text.Trim();
        if (wrappedLines > 0 && text.Length > 0 && char.IsWhiteSpace(text[0]))
        {
            return Continue(line, text, trimmed);
        }

        wrapped.Clear();
        wrappedLines = 0;
        var unquoted = trimmed.Length > 2 && trimmed[0] == '"' ? trimmed[1..] : trimmed;
        if (unquoted.EndsWith('"') && unquoted.Length != trimmed.Length)
        {
            unquoted = unquoted[..^1];
        }

        if (XferlogGrammar.TryParse(unquoted, out var entry))
        {
            return FromEntry(entry!, line, text, unquoted);
        }

        if (unquoted.Length != trimmed.Length && !trimmed.EndsWith('"') && XferlogGrammar.StartsEntry(unquoted))
        {
            // The head of a quoted entry that wraps onto the next lines.
            wrapped.Append(unquoted);
            wrappedLines = 1;
            return new ContinuationLine { Line = line.Number, Text = text };
        }

        return null;
    }

    private FtpEvent? Continue(LogLine line, string text, string trimmed)
    {
        var closes = trimmed.EndsWith('"');
        wrapped.Append(' ').Append(closes ? trimmed[..^1] : trimmed);
        wrappedLines++;
        if (!closes)
        {
            if (wrappedLines <= MaxWrappedLines)
            {
                return new ContinuationLine { Line = line.Number, Text = text };
            }

            wrappedLines = 0;
            return null;
        }

        var whole = wrapped.ToString();
        wrapped.Clear();
        wrappedLines = 0;
        return XferlogGrammar.TryParse(whole, out var entry) ? FromEntry(entry!, line, whole, whole) : null;
    }

    private FtpEvent FromEntry(XferlogEntry entry, LogLine line, string text, string entryText)
    {
        if (entry.IsAnonymous && entry.UserName.Length > 0)
        {
            var at = text.IndexOf(entryText, StringComparison.Ordinal) + entry.UserNameAt;
            text = string.Concat(text.AsSpan(0, at), Redaction.Mark, text.AsSpan(at + entry.UserName.Length));
        }

        var key = SessionKey(entry);
        if (entry.Direction == 'd')
        {
            return new CommandEvent
            {
                Line = line.Number, Text = text, Time = entry.Time, Client = entry.RemoteHost, SessionKey = key.Key, Connection = key.Connection,
                Command = "DELE", Argument = entry.FileName,
            };
        }

        return new TransferEvent
        {
            Line = line.Number, Text = text, Time = entry.Time, Client = entry.RemoteHost, SessionKey = key.Key, Connection = key.Connection,
            Direction = entry.Direction == 'i' ? TransferDirection.Upload : TransferDirection.Download,
            Path = entry.FileName, Bytes = entry.FileSize, Succeeded = entry.Completed,
            User = entry.IsAnonymous ? "anonymous" : entry.UserName,
        };
    }

    private (string Key, long Connection) SessionKey(XferlogEntry entry)
    {
        var user = entry.IsAnonymous ? "anonymous" : entry.UserName;
        var who = $"{user}@{entry.RemoteHost}";
        var started = entry.Time with { Local = entry.Time.Local.AddSeconds(-entry.TransferSeconds) };
        if (!sessions.TryGetValue(who, out var current) || started.SecondsSince(current.End) > SessionGapSeconds)
        {
            current = (who, connections.Next(), entry.Time);
        }

        sessions[who] = (current.Key, current.Connection, entry.Time.CompareTo(current.End) > 0 ? entry.Time : current.End);
        return (current.Key, current.Connection);
    }
}
