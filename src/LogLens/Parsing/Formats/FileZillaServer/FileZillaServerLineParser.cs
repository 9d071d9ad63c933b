using LogLens.Events;
using LogLens.Input;

namespace LogLens.Parsing.Formats.FileZillaServer;

/// <summary>
/// Parses FileZilla Server logs, 0.9 and 1.x lines alike (a line's first character tells which).
/// It remembers, per file, the date order of 0.9 slash dates and each session's open multi-line
/// reply. The session key is FileZilla's session id as written; the client is the line's own.
/// </summary>
/// <remarks>
/// A 0.9 line with a valid prefix whose message no rule knows stays an <see cref="UnrecognizedLine"/>,
/// but keeps its time, session key and client. A 1.x line with a valid prefix is always recognized:
/// status, error and debug chatter that decides nothing is a <see cref="ServerNotice"/>.
/// </remarks>
internal sealed class FileZillaServerLineParser : LineParser
{
    private readonly DateOrder dateOrder = new();
    private readonly OpenReplies replies = new();

    /// <inheritdoc />
    protected override FtpEvent? TryParse(LogLine line, string text)
    {
        if (LegacyLineGrammar.MayStart(text))
        {
            return ParseLegacy(line, text);
        }

        if (ModernLineGrammar.MayStart(text) && ModernLineGrammar.TryParse(text, out var modern))
        {
            var e = ModernMessages.Read(modern, replies);
            return e is null
                ? new UnrecognizedLine { Line = line.Number, Text = text, Time = modern.Time, SessionKey = modern.Tag?.SessionId, Client = modern.Tag?.Client }
                : e with { Line = line.Number, Text = text, Time = modern.Time };
        }

        return null;
    }

    private FtpEvent? ParseLegacy(LogLine line, string text)
    {
        if (!LegacyLineGrammar.TryParse(text, dateOrder, out var legacy))
        {
            return null;
        }

        // A notice carries its connection's number too: it opens no session, but the one it is about may cite it.
        var e = LegacyMessages.Read(legacy, replies);
        return (e ?? new UnrecognizedLine { Line = 0, Text = string.Empty })
            with { Line = line.Number, Text = text, Time = legacy.Time, SessionKey = legacy.SessionId, Client = legacy.Client };
    }
}
