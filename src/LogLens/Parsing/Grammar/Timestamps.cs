using System.Globalization;
using LogLens.Events;
using Pidgin;
using static LogLens.Parsing.Grammar.Primitives;
using static Pidgin.Parser;
using static Pidgin.Parser<char>;

namespace LogLens.Parsing.Grammar;

/// <summary>
/// Timestamps as FTP software writes them, built from tiny parsers. The weekday a log writes is
/// read and ignored: logs get it wrong (the seed's own example does), the date is what counts.
/// </summary>
internal static class Timestamps
{
    private static readonly string[] MonthNames =
        ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    private static readonly string[] WeekdayNames = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

    /// <summary>A three-letter English month name, as its number 1–12.</summary>
    public static readonly Parser<char, int> MonthName = FastParsers.OneOfWords(MonthNames, "a month name").Select(i => i + 1);

    /// <summary>A three-letter English weekday name (its value is not used).</summary>
    public static readonly Parser<char, Unit> WeekdayName =
        FastParsers.OneOfWords(WeekdayNames, "a weekday name").IgnoreResult();

    /// <summary><c>HH:mm:ss</c> (one-digit hours allowed), with optional fractions <c>.fff</c>.</summary>
    public static readonly Parser<char, TimeSpan> TimeOfDay = FastParsers.TimeOfDay(".");

    /// <summary><c>HH:mm:ss</c> with an optional fraction after a dot or a comma.</summary>
    private static readonly Parser<char, TimeSpan> IsoTimeOfDay = FastParsers.TimeOfDay(".,");

    /// <summary><c>Z</c>, <c>+08:00</c>, <c>-0500</c>.</summary>
    private static readonly Parser<char, TimeSpan> IsoOffset =
        Char('Z').ThenReturn(TimeSpan.Zero)
            .Or(Map(
                (sign, h, m) => (sign == '-' ? -1 : 1) * new TimeSpan(h, m, 0),
                OneOf(Char('+'), Char('-')),
                Digits(2),
                Char(':').Optional().Then(Digits(2))));

    /// <summary>
    /// The C library's <c>ctime</c> form: <c>Thu Mar 07 11:46:29 2004</c>, also with a space-padded
    /// day (<c>Thu Sep  8 …</c>) or a one-digit one (<c>Mon Jun 8 …</c>).
    /// </summary>
    public static readonly Parser<char, LogTimestamp> Ctime = new CtimeParser();

    /// <summary>Serv-U's form: <c>Thu 07Mar02 11:44:56</c> (two-digit year, 2000–2099).</summary>
    public static readonly Parser<char, LogTimestamp> ServU =
        Map(
            (day, month, year, time) => Make(2000 + year, month, day, time),
            WeekdayName.Then(Spaces).Then(Digits(2)),
            MonthName,
            Digits(2).Before(Spaces),
            TimeOfDay)
        .Assert(t => t.HasValue, "a valid date")
        .Select(t => t!.Value);

    /// <summary>US Windows form: <c>9/8/2009 10:08:08 PM</c> (month first; 24-hour when no AM/PM).</summary>
    public static readonly Parser<char, LogTimestamp> UsDateTime =
        Map(
            (month, day, year, time, half) => Make(year, month, day, ApplyHalf(time, half)),
            UpToDigits(2).Before(Char('/')),
            UpToDigits(2).Before(Char('/')),
            Digits(4).Before(Spaces),
            TimeOfDay,
            Try(Spaces.Then(OneOf(CIString("AM"), CIString("PM")))).Optional())
        .Assert(t => t.HasValue, "a valid date")
        .Select(t => t!.Value);

    /// <summary>
    /// Classic syslog (RFC 3164): <c>Oct 11 01:06:47</c>, <c>Oct  2 15:45:44</c>. It has no year:
    /// the timestamp says so (<see cref="LogTimestamp.HasYear"/>) rather than inventing one.
    /// </summary>
    public static readonly Parser<char, LogTimestamp> Syslog =
        Map(
            (month, day, time) => Make(LogTimestamp.StandInYear, month, day, time),
            MonthName.Before(Spaces),
            UpToDigits(2).Before(Spaces),
            TimeOfDay)
        .Assert(t => t.HasValue, "a valid date")
        .Select(t => t!.Value with { HasYear = false });

    /// <summary>
    /// ISO 8601 as logs write it: <c>2025-03-04T01:06:36.645577</c>, <c>2023-07-16T02:30:06.860Z</c>,
    /// <c>2021-05-28 18:08:34,399</c> (space separator, comma fraction), with an optional offset.
    /// </summary>
    public static readonly Parser<char, LogTimestamp> Iso =
        Map(
            (year, month, day, time, offset) => Make(year, month, day, time) is { } t ? t with { Offset = offset.HasValue ? offset.Value : null } : (LogTimestamp?)null,
            Digits(4).Before(Char('-')),
            Digits(2).Before(Char('-')),
            Digits(2).Before(OneOf(Char('T'), Char(' '))),
            IsoTimeOfDay,
            IsoOffset.Optional())
        .Assert(t => t.HasValue, "a valid date")
        .Select(t => t!.Value);

    /// <summary>Builds a timestamp, or <see langword="null"/> when the fields make no date.</summary>
    /// <param name="year">Year.</param>
    /// <param name="month">Month 1–12.</param>
    /// <param name="day">Day of month.</param>
    /// <param name="time">Time of day.</param>
    /// <returns>The timestamp or null.</returns>
    public static LogTimestamp? Make(int year, int month, int day, TimeSpan time)
    {
        if (year is < 1 or > 9999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return null;
        }

        return new LogTimestamp(new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Unspecified) + time);
    }

    private static TimeSpan ApplyHalf(TimeSpan time, Maybe<string> half)
    {
        if (!half.HasValue || time.Hours is < 1 or > 12)
        {
            return time;
        }

        var pm = half.Value.Equals("PM", StringComparison.OrdinalIgnoreCase);
        return time.Hours switch
        {
            12 => pm ? time : time - TimeSpan.FromHours(12),
            _ => pm ? time + TimeSpan.FromHours(12) : time,
        };
    }

    private static long FractionTicks(string digits)
    {
        var seven = digits.Length >= 7 ? digits[..7] : digits.PadRight(7, '0');
        return long.Parse(seven, CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Reads a ctime timestamp in one pass over the span. The text of the last one read is kept: a
    /// log writes the same second on line after line, and such a line costs one comparison.
    /// </summary>
    private sealed class CtimeParser : Parser<char, LogTimestamp>
    {
        private const string Label = "a ctime timestamp";

        // Per thread: files read in parallel each repeat their own seconds.
        [ThreadStatic]
        private static Last? last;

        public override bool TryParse(ref ParseState<char> state, ref PooledList<Expected<char>> expecteds, out LogTimestamp result)
        {
            var ahead = state.LookAhead(64);
            var known = last ??= new Last();
            if (known.Length > 0 && ahead.StartsWith(known.Text.AsSpan(0, known.Length), StringComparison.Ordinal))
            {
                state.Advance(known.Length);
                result = known.Time;
                return true;
            }

            if (!TryRead(ahead, out var length, out result))
            {
                FastParsers.Fail(ref state, ref expecteds, Label);
                return false;
            }

            ahead[..length].CopyTo(known.Text);
            known.Length = length;
            known.Time = result;
            state.Advance(length);
            return true;
        }

        private static bool TryRead(ReadOnlySpan<char> s, out int length, out LogTimestamp result)
        {
            length = 0;
            result = default;
            var i = 3;
            if (s.Length < 20 || FastParsers.IndexOfWord(WeekdayNames, s[..3]) < 0 || !FastParsers.SkipBlanks(s, ref i) || i + 3 > s.Length)
            {
                return false;
            }

            var month = FastParsers.IndexOfWord(MonthNames, s.Slice(i, 3)) + 1;
            i += 3;
            if (month == 0 || !FastParsers.SkipBlanks(s, ref i) || !FastParsers.TryReadNumber(s, ref i, 1, 2, whole: true, out var day)
                || !FastParsers.SkipBlanks(s, ref i) || !FastParsers.TryReadTimeOfDay(s, ref i, ".", out var time)
                || !FastParsers.SkipBlanks(s, ref i) || !FastParsers.TryReadNumber(s, ref i, 4, 4, whole: false, out var year)
                || Make((int)year, month, (int)day, time) is not { } made)
            {
                return false;
            }

            length = i;
            result = made;
            return true;
        }

        /// <summary>The text of the last timestamp read on a thread (at most 64 characters, as looked at) and its value.</summary>
        private sealed class Last
        {
            public char[] Text { get; } = new char[64];

            public int Length { get; set; }

            public LogTimestamp Time { get; set; }
        }
    }
}
