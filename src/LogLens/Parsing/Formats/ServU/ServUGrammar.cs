using LogLens.Events;
using LogLens.Parsing.Grammar;
using Pidgin;
using static LogLens.Parsing.Grammar.Primitives;
using static Pidgin.Parser;
using static Pidgin.Parser<char>;

namespace LogLens.Parsing.Formats.ServU;

/// <summary>A Serv-U line read: its prefix, and its message as an event when the message is known.</summary>
/// <param name="Time">The line's timestamp.</param>
/// <param name="SessionKey">The session id as written (<c>000012</c>), or null for a server-level line.</param>
/// <param name="Event">
/// The message as an event with line 0 and empty text, or <see langword="null"/> for a server-level
/// line or a message no rule knows.
/// </param>
internal readonly record struct ServUEntry(LogTimestamp Time, string? SessionKey, FtpEvent? Event);

/// <summary>
/// A whole Serv-U line: the prefix every line starts with, then the message of
/// <see cref="ServUMessages"/>. The prefix comes in all the variants Serv-U writes:
/// <c>[2] Thu 07Mar02 11:44:56 - (000012) </c> (6.x, one-digit level),
/// <c>[01] Thu 26Nov15 14:30:16 - (000003) </c> (15.x, two-digit level), the level glued to the
/// weekday (<c>[01]Thu</c>), no level at all, and server-level lines without a session id.
/// </summary>
internal static class ServUGrammar
{
    /// <summary>The log level in brackets (its value is not used).</summary>
    private static readonly Parser<char, Unit> Level =
        Char('[').Then(Digit).Then(Digit.Optional()).Then(Char(']')).Then(OptionalSpaces);

    /// <summary>The session id in parentheses, kept as written.</summary>
    private static readonly Parser<char, string> SessionId =
        Char('(').Then(Digit.AtLeastOnceString()).Before(Char(')'));

    /// <summary>A session line's message as an event, or null when no rule knows it.</summary>
    private static readonly Parser<char, FtpEvent?> KnownMessage =
        Try(ServUMessages.Message.Before(End).Select(e => (FtpEvent?)e)).Or(Rest.ThenReturn((FtpEvent?)null));

    private static readonly Parser<char, (string? SessionKey, FtpEvent? Event)> Body =
        Try(SessionId.Before(OptionalSpaces))
            .Then(KnownMessage, (session, message) => ((string?)session, message))
            .Or(Rest.ThenReturn(((string?)null, (FtpEvent?)null)));

    private static readonly Parser<char, ServUEntry> Entry =
        Map(
            (time, body) => new ServUEntry(time, body.SessionKey, body.Event),
            Try(Level).Optional().Then(Timestamps.ServU),
            Spaces.Then(Char('-')).Then(OptionalSpaces).Then(Body));

    /// <summary>Whether the first characters could start a Serv-U line: a level bracket or a weekday.</summary>
    /// <param name="text">The line.</param>
    /// <returns><see langword="false"/> when the line surely is not Serv-U's.</returns>
    public static bool MayStart(string text) =>
        text.Length >= 20 && (text[0] == '[' || char.IsAsciiLetterUpper(text[0]));

    /// <summary>Reads a line: its timestamp, its session id, and its message as an event.</summary>
    /// <param name="text">The line (passwords already redacted).</param>
    /// <param name="entry">What was read, when the prefix is valid.</param>
    /// <returns>Whether the line has a valid Serv-U prefix (a real date included).</returns>
    public static bool TryParse(string text, out ServUEntry entry)
    {
        var result = Entry.Parse(text);
        entry = result.Success ? result.Value : default;
        return result.Success;
    }
}
