using LogLens.Events;
using LogLens.Parsing.Grammar;
using Pidgin;
using static LogLens.Parsing.Grammar.Primitives;
using static Pidgin.Parser;
using static Pidgin.Parser<char>;

namespace LogLens.Parsing.Syslog;

/// <summary>A program's part of a syslog line without its timestamp and host: <c>pure-ftpd: (?@192.0.2.7) …</c>.</summary>
/// <param name="Program">The program name.</param>
/// <param name="Facility">The parenthesised facility (<c>pam_unix</c>), or null.</param>
/// <param name="Pid">The process id, or null.</param>
/// <param name="Message">The message.</param>
internal readonly record struct BareEntry(string Program, string? Facility, string? Pid, string Message);

/// <summary>
/// The pieces of syslog lines that documentation and copied logs leave behind: a line that starts
/// with the program (<c>proftpd[21141]: …</c>, the timestamp cut off or never there), and the bare
/// head of a wrapped line (<c>Nov 9 05:00:07 ensim</c>, its program and message on the next lines).
/// </summary>
internal static class LooseEnvelopes
{
    private static readonly Parser<char, string> ProgramName =
        Token(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/').AtLeastOnceString();

    private static readonly Parser<char, BareEntry> Bare =
        Map(
            (program, facility, pid, message) => new BareEntry(program, facility.HasValue ? facility.Value : null, pid.HasValue ? pid.Value : null, message),
            ProgramName,
            Char('(').Then(Token(c => c != ')').ManyString()).Before(Char(')')).Optional(),
            Char('[').Then(Digit.AtLeastOnceString()).Before(Char(']')).Optional(),
            Char(':').Then(OptionalSpaces).Then(Rest));

    private static readonly Parser<char, LogTimestamp> Head =
        Try(Timestamps.Iso).Or(Timestamps.Syslog)
            .Before(Spaces)
            .Before(Token(c => c != ' ' && c != '\t').AtLeastOnce())
            .Before(OptionalSpaces)
            .Before(End);

    /// <summary>Reads a line that starts with the program name.</summary>
    /// <param name="text">The line.</param>
    /// <param name="entry">The program's part.</param>
    /// <returns>Whether the line has that shape.</returns>
    public static bool TryBare(string text, out BareEntry entry)
    {
        entry = default;
        if (text.Length < 3 || !char.IsAsciiLetter(text[0]))
        {
            return false;
        }

        var result = Bare.Parse(text);
        if (!result.Success)
        {
            return false;
        }

        entry = result.Value;
        return true;
    }

    /// <summary>Reads the head of a wrapped syslog line: a timestamp and a host, nothing more.</summary>
    /// <param name="text">The line.</param>
    /// <param name="time">The timestamp.</param>
    /// <returns>Whether the line is only a head.</returns>
    public static bool TryHead(string text, out LogTimestamp time)
    {
        time = default;
        if (text.Length is < 10 or > 64 || !(char.IsAsciiLetterUpper(text[0]) || char.IsAsciiDigit(text[0])))
        {
            return false;
        }

        var result = Head.Parse(text);
        if (!result.Success)
        {
            return false;
        }

        time = result.Value;
        return true;
    }
}
