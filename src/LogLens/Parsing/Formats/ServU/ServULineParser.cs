using LogLens.Events;
using LogLens.Input;

namespace LogLens.Parsing.Formats.ServU;

/// <summary>
/// Parses Serv-U log lines. Stateless: every line carries its own time and session id.
/// A server-level line (no session id: <c>FTP Server listening on port number 21</c>,
/// <c>Domain started</c>) is a <see cref="ServerNotice"/>. A line with a session id whose message no
/// rule knows stays an <see cref="UnrecognizedLine"/> but keeps its time and session key.
/// </summary>
internal sealed class ServULineParser : LineParser
{
    /// <inheritdoc />
    protected override FtpEvent? TryParse(LogLine line, string text)
    {
        if (!ServUGrammar.MayStart(text) || !ServUGrammar.TryParse(text, out var entry))
        {
            return new UnrecognizedLine { Line = line.Number, Text = text };
        }

        if (entry.Event is not { } parsed)
        {
            if (entry.SessionKey is null)
            {
                return new ServerNotice { Line = line.Number, Text = text, Time = entry.Time };
            }

            return new UnrecognizedLine { Line = line.Number, Text = text, Time = entry.Time, SessionKey = entry.SessionKey };
        }

        return parsed with { Line = line.Number, Text = text, Time = entry.Time, SessionKey = entry.SessionKey };
    }
}
