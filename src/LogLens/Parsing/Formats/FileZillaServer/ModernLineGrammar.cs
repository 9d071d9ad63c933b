using LogLens.Events;
using LogLens.Parsing.Grammar;
using Pidgin;
using static LogLens.Parsing.Grammar.Primitives;
using static Pidgin.Parser;
using static Pidgin.Parser<char>;

namespace LogLens.Parsing.Formats.FileZillaServer;

/// <summary>What a FileZilla Server 1.x line is, by its two-character marker.</summary>
internal enum ModernMarker
{
    /// <summary><c>==</c>: a status message.</summary>
    Status,

    /// <summary><c>!!</c>: an error.</summary>
    Error,

    /// <summary><c>&gt;&gt;</c>: a command the client sent.</summary>
    Command,

    /// <summary><c>&lt;&lt;</c>: a reply the server sent.</summary>
    Reply,

    /// <summary><c>WW</c>: a warning.</summary>
    Warning,

    /// <summary><c>DW</c>, <c>DI</c>, <c>DV</c>, <c>DD</c>: debug output (warning, info, verbose, debug).</summary>
    Debug,

    /// <summary><c>PP</c>: a custom message type.</summary>
    Other,
}

/// <summary>A FileZilla Server 1.x line read: time, marker, the module tag in brackets, and the message.</summary>
/// <param name="Time">The timestamp (UTC, <c>Z</c>).</param>
/// <param name="Marker">The marker.</param>
/// <param name="Tag">The module tag (<c>FTP Session 2857 192.0.2.5 bob</c>), or <see langword="null"/> when the line has none.</param>
/// <param name="Message">The message after the tag.</param>
internal readonly record struct ModernLine(LogTimestamp Time, ModernMarker Marker, ModernTag? Tag, string Message);

/// <summary>
/// The prefix of a FileZilla Server 1.x line:
/// <c>2023-07-16T02:30:06.860Z &lt;&lt; [FTP Session 2857 192.0.2.5 bob] 230 Login successful.</c>,
/// and the lines without a tag (<c>2023-12-17T15:26:50.073Z == ===== FileZilla Server 1.8.0 new logging started =====</c>).
/// </summary>
internal static class ModernLineGrammar
{
    private static readonly Parser<char, ModernMarker> Marker =
        FastParsers.Dispatch(
            ignoreCase: false,
            ("==", String("==").ThenReturn(ModernMarker.Status)),
            ("!!", String("!!").ThenReturn(ModernMarker.Error)),
            (">>", String(">>").ThenReturn(ModernMarker.Command)),
            ("<<", String("<<").ThenReturn(ModernMarker.Reply)),
            ("WW", String("WW").ThenReturn(ModernMarker.Warning)),
            ("DW", String("DW").ThenReturn(ModernMarker.Debug)),
            ("DI", String("DI").ThenReturn(ModernMarker.Debug)),
            ("DV", String("DV").ThenReturn(ModernMarker.Debug)),
            ("DD", String("DD").ThenReturn(ModernMarker.Debug)),
            ("PP", String("PP").ThenReturn(ModernMarker.Other)))
        .Before(Lookahead(OneOf(Char(' '), Char('\t')).IgnoreResult().Or(End)));

    /// <summary>The text in brackets, up to the first closing bracket.</summary>
    private static readonly Parser<char, string> Tag =
        Char('[').Then(FastParsers.Until(']')).Before(Char(']'));

    private static readonly Parser<char, ModernLine> Line =
        Map(
            (time, marker, tag, message) => new ModernLine(time, marker, tag.HasValue ? ModernTag.Read(tag.Value) : null, message.Trim()),
            Timestamps.Iso.Before(Spaces),
            Marker.Before(OptionalSpaces),
            Try(Tag.Before(OptionalSpaces)).Optional(),
            Rest);

    /// <summary>Whether the first characters could start a 1.x line (an ISO date).</summary>
    /// <param name="text">The line.</param>
    /// <returns><see langword="false"/> when the line surely is not one.</returns>
    public static bool MayStart(string text) =>
        text.Length >= 24 && char.IsAsciiDigit(text[0]) && text[4] == '-' && text[7] == '-' && text[10] is 'T' or ' ';

    /// <summary>Reads a 1.x line's time, marker, tag and message.</summary>
    /// <param name="text">The line (passwords already redacted).</param>
    /// <param name="line">What was read.</param>
    /// <returns>Whether the line has a valid 1.x prefix.</returns>
    public static bool TryParse(string text, out ModernLine line)
    {
        var result = Line.Parse(text);
        line = result.Success ? result.Value : default;
        return result.Success;
    }
}
