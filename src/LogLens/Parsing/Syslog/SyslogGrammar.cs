using LogLens.Events;
using LogLens.Parsing.Grammar;
using Pidgin;
using static LogLens.Parsing.Grammar.Primitives;
using static Pidgin.Parser;
using static Pidgin.Parser<char>;

namespace LogLens.Parsing.Syslog;

/// <summary>
/// The envelope FTP daemons' lines travel in: classic syslog (<c>Oct 11 01:06:47 host prog[pid]: msg</c>),
/// the journal's short-iso form (<c>2025-03-04T01:06:36.645577 host prog[pid]: msg</c>), and ProFTPD's own
/// log (<c>2013-11-16 21:59:30,121 host proftpd[25891] msg</c>, no colon).
/// </summary>
internal static class SyslogGrammar
{
    private static readonly Parser<char, string> Token = FastParsers.UntilAny(" \t");

    private static readonly Parser<char, string> ProgramName = FastParsers.UntilAny("[:( \t");

    private static readonly Parser<char, string> Facility =
        Char('(').Then(FastParsers.UntilAny(")", min: 0)).Before(Char(')'));

    private static readonly Parser<char, string> Pid =
        Char('[').Then(FastParsers.UntilAny("]", min: 0)).Before(Char(']'));

    /// <summary>An ISO timestamp when the line starts with a digit, a classic syslog one when with a letter.</summary>
    private static readonly Parser<char, LogTimestamp> Stamp =
        FastParsers.Dispatch(
            false,
            ("0", Timestamps.Iso), ("1", Timestamps.Iso), ("2", Timestamps.Iso), ("3", Timestamps.Iso), ("4", Timestamps.Iso),
            ("5", Timestamps.Iso), ("6", Timestamps.Iso), ("7", Timestamps.Iso), ("8", Timestamps.Iso), ("9", Timestamps.Iso),
            ("J", Timestamps.Syslog), ("F", Timestamps.Syslog), ("M", Timestamps.Syslog), ("A", Timestamps.Syslog),
            ("S", Timestamps.Syslog), ("O", Timestamps.Syslog), ("N", Timestamps.Syslog), ("D", Timestamps.Syslog));

    private static readonly Parser<char, SyslogEntry> Envelope =
        Map(
            (time, host, program, facility, pid, message) => new SyslogEntry(
                time, host, program, facility.HasValue ? facility.Value : null, pid.HasValue ? pid.Value : null, message),
            Stamp.Before(Spaces),
            Token.Before(Spaces),
            ProgramName,
            Facility.Optional(),
            Pid.Optional(),
            Char(':').Optional().Then(OptionalSpaces).Then(Rest));

    private static readonly string[] Months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    /// <summary>
    /// Whether a line can start with an envelope's timestamp: four digits and a dash (ISO), or a
    /// month name and a space. Checked before the grammar runs, because a failed parse is what costs
    /// most, and most lines of a daemon's own log (a weekday first) fail here.
    /// </summary>
    private static bool MayStart(string text)
    {
        if (char.IsAsciiDigit(text[0]))
        {
            return char.IsAsciiDigit(text[1]) && char.IsAsciiDigit(text[2]) && char.IsAsciiDigit(text[3]) && text[4] == '-';
        }

        // The month names' first letters: most daemons' own lines start with a weekday and stop here.
        if (text[3] != ' ' || char.ToUpperInvariant(text[0]) is not ('J' or 'F' or 'M' or 'A' or 'S' or 'O' or 'N' or 'D'))
        {
            return false;
        }

        var head = text.AsSpan(0, 3);
        foreach (var month in Months)
        {
            if (head.Equals(month, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Reads the envelope of a line.</summary>
    /// <param name="text">The line.</param>
    /// <param name="entry">The envelope, when there is one.</param>
    /// <returns>Whether the line has a syslog envelope.</returns>
    public static bool TryParse(string text, out SyslogEntry entry)
    {
        entry = default;
        if (text.Length < 16 || !MayStart(text))
        {
            return false;
        }

        var result = Envelope.Parse(text);
        if (!result.Success)
        {
            return false;
        }

        entry = result.Value;
        return true;
    }
}
