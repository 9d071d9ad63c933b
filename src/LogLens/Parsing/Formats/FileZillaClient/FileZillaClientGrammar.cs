using LogLens.Events;
using LogLens.Parsing.Grammar;
using Pidgin;
using static LogLens.Parsing.Grammar.Primitives;
using static Pidgin.Parser;
using static Pidgin.Parser<char>;

namespace LogLens.Parsing.Formats.FileZillaClient;

/// <summary>The kind of a FileZilla client log line, by its prefix.</summary>
internal enum FileZillaLineType
{
    /// <summary><c>Status:</c> (<c>状态:</c>).</summary>
    Status,

    /// <summary><c>Error:</c> (<c>错误:</c>).</summary>
    Error,

    /// <summary><c>Command:</c> (<c>命令:</c>).</summary>
    Command,

    /// <summary><c>Response:</c> (<c>响应:</c>).</summary>
    Response,

    /// <summary><c>Trace:</c> (<c>追踪:</c>): debug output.</summary>
    Trace,

    /// <summary><c>Listing:</c> (<c>列表:</c>): a raw directory listing line.</summary>
    Listing,
}

/// <summary>A FileZilla client log line read.</summary>
/// <param name="Time">The timestamp, when the line has a date (a time alone is not a timestamp).</param>
/// <param name="Stream">
/// <c>pid/engine</c> of the log file's <c>2023-07-16 10:20:30 4120 1</c> prefix: FileZilla writes
/// every connection of every running instance into one file, one engine per connection. Null for
/// lines copied from the message log, which have no such prefix.
/// </param>
/// <param name="Type">The prefix.</param>
/// <param name="Message">The text after the prefix.</param>
internal readonly record struct FileZillaClientLine(LogTimestamp? Time, string? Stream, FileZillaLineType Type, string Message);

/// <summary>
/// The prefixes of a FileZilla client log line: the log file's
/// <c>2023-07-16 10:20:30 4120 1 Status: Connecting to 203.0.113.5:21...</c> (date, time, process id,
/// engine id), the message log's <c>10:20:30 Status: Connecting to …</c> (with timestamps shown) and
/// <c>Status: Connecting to …</c> (tab-separated); the type word in English or simplified Chinese, its colon half or
/// full width.
/// </summary>
internal static class FileZillaClientGrammar
{
    private static readonly Parser<char, FileZillaLineType> Type =
        FastParsers.Dispatch(
            ignoreCase: false,
            ("Status", String("Status").ThenReturn(FileZillaLineType.Status)),
            ("Error", String("Error").ThenReturn(FileZillaLineType.Error)),
            ("Command", String("Command").ThenReturn(FileZillaLineType.Command)),
            ("Response", String("Response").ThenReturn(FileZillaLineType.Response)),
            ("Trace", String("Trace").ThenReturn(FileZillaLineType.Trace)),
            ("Listing", String("Listing").ThenReturn(FileZillaLineType.Listing)),
            ("状态", String("状态").ThenReturn(FileZillaLineType.Status)),
            ("错误", String("错误").ThenReturn(FileZillaLineType.Error)),
            ("命令", String("命令").ThenReturn(FileZillaLineType.Command)),
            ("响应", String("响应").ThenReturn(FileZillaLineType.Response)),
            ("追踪", String("追踪").ThenReturn(FileZillaLineType.Trace)),
            ("列表", String("列表").ThenReturn(FileZillaLineType.Listing)))
        .Before(OneOf(Char(':'), Char('：')))
        .Before(Not(Char('>'))); // CuteFTP's STATUS:> is another format

    /// <summary>The prefix and the message: blanks after the colon are not part of the message.</summary>
    private static readonly Parser<char, (FileZillaLineType Type, string Message)> Body =
        Map((type, message) => (type, message.TrimEnd()), Type.Before(OptionalSpaces), Rest);

    /// <summary>The log file's <c>2023-07-16 10:20:30 4120 1 </c>: date and time, process id, engine id.</summary>
    private static readonly Parser<char, (LogTimestamp Time, string Stream)> FilePrefix =
        Map(
            (time, pid, engine) => (time, pid + "/" + engine),
            Timestamps.Iso.Before(Spaces),
            Digit.AtLeastOnceString().Before(Spaces),
            Char('-').Optional().Then(Digit.AtLeastOnceString(), (minus, digits) => minus.HasValue ? "-" + digits : digits).Before(Spaces));

    private static readonly Parser<char, FileZillaClientLine> FileLine =
        Map((prefix, body) => new FileZillaClientLine(prefix.Time, prefix.Stream, body.Type, body.Message), FilePrefix, Body);

    /// <summary>A date and time without process and engine ids (an edited copy of the log file).</summary>
    private static readonly Parser<char, FileZillaClientLine> DatedLine =
        Map((time, body) => new FileZillaClientLine(time, null, body.Type, body.Message), Timestamps.Iso.Before(Spaces), Body);

    /// <summary>The message log with timestamps shown: a time of day only, which is no timestamp.</summary>
    private static readonly Parser<char, FileZillaClientLine> TimedLine =
        Timestamps.TimeOfDay.Then(Spaces).Then(Body).Select(body => new FileZillaClientLine(null, null, body.Type, body.Message));

    private static readonly Parser<char, FileZillaClientLine> PlainLine =
        Body.Select(body => new FileZillaClientLine(null, null, body.Type, body.Message));

    /// <summary>Reads a line's prefixes and message.</summary>
    /// <param name="text">The line (passwords already redacted).</param>
    /// <param name="line">What was read.</param>
    /// <returns>Whether the line is a FileZilla client log line.</returns>
    public static bool TryParse(string text, out FileZillaClientLine line)
    {
        line = default;
        var start = 0;
        while (start < text.Length && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        if (start >= text.Length)
        {
            return false;
        }

        var rest = start == 0 ? text : text[start..];
        var parser = char.IsAsciiDigit(rest[0])
            ? rest.Length > 10 && rest[4] == '-' ? OneOf(Try(FileLine), DatedLine) : TimedLine
            : PlainLine;
        var result = parser.Parse(rest);
        if (result.Success)
        {
            line = result.Value;
        }

        return result.Success;
    }
}
