using LogLens.Events;
using LogLens.Input;

namespace LogLens.Parsing.Formats.ServU;

/// <summary>
/// Parses Serv-U log lines. Stateless: every line carries its own time and session id.
/// A line with a valid prefix whose message no rule knows, and a server-level line (no session
/// id: <c>Domain started</c>, <c>Event: …</c>), stays an <see cref="UnrecognizedLine"/> but keeps its
/// time and session key, so that it can still be shown with its session.
/// </summary>
internal sealed class ServULineParser : LineParser
{
    /// <inheritdoc />
    protected override FtpEvent? TryParse(LogLine line, string text)
    {
        text = ServUFields.RedactPassword(text);
        if (!ServUGrammar.MayStart(text) || !ServUGrammar.TryParse(text, out var entry))
        {
            return new UnrecognizedLine { Line = line.Number, Text = text };
        }

        if (entry.Event is not { } parsed)
        {
            return new UnrecognizedLine { Line = line.Number, Text = text, Time = entry.Time, SessionKey = entry.SessionKey };
        }

        return parsed with { Line = line.Number, Text = text, Time = entry.Time, SessionKey = entry.SessionKey };
    }
}
