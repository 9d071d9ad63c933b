using LogLens.Events;
using LogLens.Parsing.Grammar;
using Pidgin;
using static LogLens.Parsing.Grammar.Primitives;
using static Pidgin.Parser;
using static Pidgin.Parser<char>;

namespace LogLens.Parsing.Formats.IisFtp;

/// <summary>The method column read: IIS 5/6's connection id when it prefixes the method (<c>[62]PASS</c>), and the method.</summary>
/// <param name="ConnectionId">The digits between the brackets, or <see langword="null"/> (IIS 7 and later write none).</param>
/// <param name="Name">The method as written: an FTP verb (<c>PASS</c>) or an IIS word (<c>ControlChannelOpened</c>, <c>sent</c>).</param>
internal readonly record struct IisMethod(string? ConnectionId, string Name);

/// <summary>
/// The small grammars of an IIS FTP log: its <c>#Directive: value</c> header lines, and the tokens
/// of a row whose shape matters (a date, a time of day, the method with its optional connection id,
/// a reply status). Everything else in a row is a plain space-separated column.
/// </summary>
internal static class IisGrammar
{
    /// <summary><c>#Fields: date time …</c>: the directive's name and its value.</summary>
    private static readonly Parser<char, (string Name, string Value)> Directive =
        Char('#').Then(Map(
            (name, value) => (name, value.Trim()),
            Token(c => char.IsAsciiLetter(c) || c == '-').AtLeastOnceString().Before(Char(':')),
            OptionalSpaces.Then(Rest)));

    /// <summary>A W3C <c>date</c> column: <c>2011-05-12</c>.</summary>
    private static readonly Parser<char, DateTime> DateToken =
        Map(
            (year, month, day) => Timestamps.Make(year, month, day, TimeSpan.Zero),
            Digits(4).Before(Char('-')),
            Digits(2).Before(Char('-')),
            Digits(2))
        .Before(End)
        .Assert(t => t.HasValue, "a valid date")
        .Select(t => t!.Value.Local);

    /// <summary>A W3C <c>time</c> column: <c>04:03:19</c>.</summary>
    private static readonly Parser<char, TimeSpan> TimeToken = Timestamps.TimeOfDay.Before(End);

    /// <summary><c>[62]PASS</c>, <c>PASS</c>, <c>ControlChannelOpened</c>, <c>[63]sent</c>.</summary>
    private static readonly Parser<char, IisMethod> MethodToken =
        Map(
            (id, name) => new IisMethod(id.HasValue ? id.Value : null, name),
            Char('[').Then(Digit.AtLeastOnceString()).Before(Char(']')).Optional(),
            Token(char.IsAsciiLetter).AtLeastOnceString())
        .Before(End);

    /// <summary>The value of a <c>#Date:</c> directive: <c>2011-05-12 04:03:11</c>.</summary>
    private static readonly Parser<char, LogTimestamp> DateDirectiveValue = Timestamps.Iso.Before(OptionalSpaces).Before(End);

    /// <summary>Whether a line is a header directive, and its name and value.</summary>
    /// <param name="text">The line.</param>
    /// <param name="name">The directive's name (<c>Fields</c>).</param>
    /// <param name="value">Its value, trimmed.</param>
    /// <returns><see langword="true"/> for a <c>#Name: value</c> line.</returns>
    public static bool TryDirective(string text, out string name, out string value)
    {
        name = value = string.Empty;
        if (text.Length < 3 || text[0] != '#')
        {
            return false;
        }

        var result = Directive.Parse(text);
        if (!result.Success)
        {
            return false;
        }

        (name, value) = result.Value;
        return true;
    }

    /// <summary>The timestamp a <c>#Date:</c> directive gives, if valid.</summary>
    /// <param name="value">The directive's value.</param>
    /// <returns>The timestamp or <see langword="null"/>.</returns>
    public static LogTimestamp? DateDirective(string value)
    {
        var result = DateDirectiveValue.Parse(value);
        return result.Success ? result.Value : null;
    }

    /// <summary>Reads a <c>date</c> column.</summary>
    /// <param name="token">The column's text.</param>
    /// <param name="date">The date.</param>
    /// <returns>Whether it is a valid date.</returns>
    public static bool TryDate(string token, out DateTime date)
    {
        date = default;
        if (token.Length != 10 || token[4] != '-')
        {
            return false;
        }

        var result = DateToken.Parse(token);
        date = result.Success ? result.Value : default;
        return result.Success;
    }

    /// <summary>Reads a <c>time</c> column.</summary>
    /// <param name="token">The column's text.</param>
    /// <param name="time">The time of day.</param>
    /// <returns>Whether it is a valid time of day.</returns>
    public static bool TryTime(string token, out TimeSpan time)
    {
        time = default;
        if (token.Length is < 7 or > 16 || !char.IsAsciiDigit(token[0]))
        {
            return false;
        }

        var result = TimeToken.Parse(token);
        time = result.Success ? result.Value : default;
        return result.Success;
    }

    /// <summary>Reads a <c>cs-method</c> column.</summary>
    /// <param name="token">The column's text.</param>
    /// <param name="method">The connection id, if any, and the method.</param>
    /// <returns>Whether it is a method: letters, optionally after a bracketed connection id.</returns>
    public static bool TryMethod(string token, out IisMethod method)
    {
        method = default;
        if (token.Length == 0 || !(token[0] == '[' || char.IsAsciiLetter(token[0])))
        {
            return false;
        }

        var result = MethodToken.Parse(token);
        method = result.Success ? result.Value : default;
        return result.Success;
    }

    /// <summary>Whether a column starts with IIS 5/6's bracketed connection id (<c>[62]USER</c>).</summary>
    /// <param name="token">The column's text.</param>
    /// <returns><see langword="true"/> when it is a method with a connection id.</returns>
    public static bool HasConnectionId(string token) =>
        token.Length > 3 && token[0] == '[' && TryMethod(token, out var method) && method.ConnectionId is not null;

    /// <summary>Reads a reply status column: three digits, 100 to 599.</summary>
    /// <param name="token">The column's text.</param>
    /// <param name="status">The status.</param>
    /// <returns>Whether it is a reply status.</returns>
    public static bool TryStatus(ReadOnlySpan<char> token, out int status)
    {
        status = 0;
        return token.Length == 3
            && int.TryParse(token, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out status)
            && status is >= 100 and < 600;
    }

    /// <summary>Reads an unsigned decimal column (a byte count, a Windows error number).</summary>
    /// <param name="token">The column's text.</param>
    /// <param name="value">The number.</param>
    /// <returns>Whether it is one.</returns>
    public static bool TryNumber(ReadOnlySpan<char> token, out long value) =>
        long.TryParse(token, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out value);
}
