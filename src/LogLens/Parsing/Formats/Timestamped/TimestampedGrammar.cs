using LogLens.Events;
using LogLens.Parsing.Grammar;
using Pidgin;
using static LogLens.Parsing.Grammar.Primitives;
using static Pidgin.Parser;
using static Pidgin.Parser<char>;

namespace LogLens.Parsing.Formats.Timestamped;

/// <summary>A timestamped transcript line: its time and what follows it.</summary>
/// <param name="Time">The ctime timestamp.</param>
/// <param name="Body">The text after it, trailing blanks removed (possibly empty).</param>
internal readonly record struct TimestampedLine(LogTimestamp Time, string Body);

/// <summary>
/// <c>Thu Mar 07 11:46:29 2004 USER bugdown</c>: a ctime timestamp, blanks, then a command or a reply.
/// The weekday is read and ignored (the seed's own Mar 07 2004 was a Sunday, not a Thursday).
/// </summary>
internal static class TimestampedGrammar
{
    private static readonly Parser<char, TimestampedLine> Line =
        Map(
            (time, body) => new TimestampedLine(time, body.TrimEnd()),
            Timestamps.Ctime,
            Spaces.Then(Rest).Or(End.ThenReturn(string.Empty)));

    /// <summary>Whether the first characters could start a timestamped line (a capitalised weekday).</summary>
    /// <param name="text">The line.</param>
    /// <returns><see langword="false"/> when the line surely has no ctime timestamp.</returns>
    public static bool MayStart(string text) =>
        text.Length >= 24 && char.IsAsciiLetterUpper(text[0]) && text[3] == ' ';

    /// <summary>Splits a line into its timestamp and body.</summary>
    /// <param name="text">The line (passwords already redacted).</param>
    /// <param name="line">The parts, when the line starts with a valid ctime timestamp.</param>
    /// <returns>Whether it does (a real date included).</returns>
    public static bool TryParse(string text, out TimestampedLine line)
    {
        var result = Line.Parse(text);
        line = result.Success ? result.Value : default;
        return result.Success;
    }
}
