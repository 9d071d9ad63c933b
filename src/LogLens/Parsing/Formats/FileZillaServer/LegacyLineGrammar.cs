using LogLens.Events;
using LogLens.Parsing.Grammar;
using Pidgin;
using static LogLens.Parsing.Grammar.Primitives;
using static Pidgin.Parser;
using static Pidgin.Parser<char>;

namespace LogLens.Parsing.Formats.FileZillaServer;

/// <summary>A FileZilla Server 0.9 line read: its prefix and its message.</summary>
/// <param name="Time">The timestamp, in the date order the file uses.</param>
/// <param name="SessionId">The session id as written (<c>000043</c>).</param>
/// <param name="User">The logged-in user the line names, or <see langword="null"/> for <c>(not logged in)</c>.</param>
/// <param name="Client">The client's address, normalized.</param>
/// <param name="Message">The text after <c>&gt; </c> (possibly empty).</param>
internal readonly record struct LegacyLine(LogTimestamp Time, string SessionId, string? User, string Client, string Message);

/// <summary>
/// The prefix of a FileZilla Server 0.9 line:
/// <c>(000043) 4/1/2009 16:20:06 PM - user (192.0.2.5)&gt; message</c>. The date is written in the
/// server's locale: <c>M/D/YYYY</c> (with or without AM/PM, and with the impossible
/// <c>16:20:06 PM</c> real logs contain: an hour past 12 is taken as written), <c>D/M/YYYY</c>,
/// <c>D.M.YYYY</c>, <c>D-M-YYYY</c> and <c>YYYY-MM-DD</c> (or <c>YYYY/MM/DD</c>).
/// </summary>
/// <remarks>
/// A slash date is month first until the file shows a first field above 12; from then on the file
/// is read day first (<see cref="DateOrder"/>). Lines before that first telling date keep the month
/// first reading: a log alone cannot say more.
/// </remarks>
internal static class LegacyLineGrammar
{
    private const string NotLoggedIn = "(not logged in)";

    private static readonly Parser<char, string> SessionId =
        Char('(').Then(Digit.AtLeastOnceString()).Before(Char(')'));

    private static readonly Parser<char, char> DateSeparator = OneOf(Char('/'), Char('.'), Char('-'));

    /// <summary>Three numbers and the separator between them, unresolved: which is the day depends on the locale.</summary>
    private static readonly Parser<char, RawDate> Date =
        Map(
            (first, separator, second, again, third) => (Date: new RawDate(first, separator, second, third), Same: separator == again),
            Digit.AtLeastOnceString().Assert(s => s.Length <= 4, "a date field"),
            DateSeparator,
            Digit.AtLeastOnceString().Assert(s => s.Length <= 2, "a date field"),
            DateSeparator,
            Digit.AtLeastOnceString().Assert(s => s.Length <= 4, "a date field"))
        .Assert(d => d.Same && d.Date.IsConsistent, "a date")
        .Select(d => d.Date);

    /// <summary>What a locale writes after the time (<c>AM</c>, <c>PM</c>, <c>下午</c>): any word but the <c>-</c> that ends the prefix.</summary>
    private static readonly Parser<char, string> DayHalf =
        Token(c => !char.IsWhiteSpace(c)).AtLeastOnceString().Assert(s => s != "-", "a day-half marker");

    private static readonly Parser<char, RawPrefix> Prefix =
        Map(
            (id, date, time, half, rest) => new RawPrefix(id, date, time, half.HasValue ? half.Value : null, rest),
            SessionId.Before(OptionalSpaces),
            Date.Before(Spaces),
            Timestamps.TimeOfDay,
            Try(Spaces.Then(DayHalf)).Optional(),
            Spaces.Then(Char('-')).Then(OptionalSpaces).Then(Rest));

    /// <summary>Whether the first characters could start a 0.9 line.</summary>
    /// <param name="text">The line.</param>
    /// <returns><see langword="false"/> when the line surely is not one.</returns>
    public static bool MayStart(string text) => text.Length >= 20 && text[0] == '(' && char.IsAsciiDigit(text[1]);

    /// <summary>Reads a line's prefix: session id, time, user, client, and the message after <c>&gt;</c>.</summary>
    /// <param name="text">The line (passwords already redacted).</param>
    /// <param name="order">The file's date order, which a telling date updates.</param>
    /// <param name="line">What was read.</param>
    /// <returns>Whether the line has a valid 0.9 prefix (a real date and a client address included).</returns>
    public static bool TryParse(string text, DateOrder order, out LegacyLine line)
    {
        line = default;
        var result = Prefix.Parse(text);
        if (!result.Success)
        {
            return false;
        }

        var prefix = result.Value;
        if (order.Resolve(prefix.Date, prefix.Time, prefix.Half) is not { } time
            || !TrySplitWho(prefix.Rest, out var user, out var client, out var message))
        {
            return false;
        }

        line = new LegacyLine(time, prefix.SessionId, user, client, message);
        return true;
    }

    /// <summary>
    /// Splits <c>user (192.0.2.5)&gt; message</c>: the client is in the parentheses before the first
    /// <c>)&gt;</c>, the user (which may hold spaces) before them, the message after.
    /// </summary>
    private static bool TrySplitWho(string rest, out string? user, out string client, out string message)
    {
        user = null;
        client = string.Empty;
        message = string.Empty;
        var close = rest.IndexOf(")>", StringComparison.Ordinal);
        var open = close < 0 ? -1 : rest.LastIndexOf('(', close);
        if (open < 0)
        {
            return false;
        }

        var address = Addresses.Ip.Before(End).Parse(rest.AsSpan(open + 1, close - open - 1).Trim().ToString());
        if (!address.Success)
        {
            return false;
        }

        client = address.Value;
        var who = rest.AsSpan(0, open).Trim();
        user = who.IsEmpty || who.Equals(NotLoggedIn, StringComparison.OrdinalIgnoreCase) ? null : who.ToString();
        var start = close + 2;
        if (start < rest.Length && rest[start] == ' ')
        {
            start++;
        }

        message = rest[start..].TrimEnd();
        return true;
    }

    private readonly record struct RawPrefix(string SessionId, RawDate Date, TimeSpan Time, string? Half, string Rest);
}
