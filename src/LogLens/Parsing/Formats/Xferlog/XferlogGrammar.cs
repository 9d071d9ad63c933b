using LogLens.Parsing.Grammar;
using Pidgin;
using static LogLens.Parsing.Grammar.Primitives;
using static Pidgin.Parser;
using static Pidgin.Parser<char>;

namespace LogLens.Parsing.Formats.Xferlog;

/// <summary>
/// An xferlog entry, as wu-ftpd, vsftpd (<c>xferlog_std_format=YES</c>) and ProFTPD write it:
/// <c>Thu Sep  8 00:41:16 2016 1 198.51.100.7 1048576 /pub/file name with spaces.iso b _ o r alice ftp 0 * c</c>.
/// </summary>
/// <remarks>
/// The file name may hold spaces, so the fields are read from both ends: the timestamp, transfer
/// time, host and size from the start; the completion status, authenticated user id, authentication
/// method and service name from the end; then the last run of <c>type action direction mode</c>
/// before the user name splits the file name from the user.
/// </remarks>
internal static class XferlogGrammar
{
    private static readonly Parser<char, (Events.LogTimestamp Time, int Seconds, string Host, long Size, int RestAt)> Head =
        Map(
            (time, seconds, host, size, at) => (time, seconds, host, size, at),
            Timestamps.Ctime.Before(Spaces),
            Primitives.Int.Before(Spaces),
            Token(c => c != ' ' && c != '\t').AtLeastOnceString().Before(Spaces),
            Primitives.Long.Before(Char(' ').Or(End.ThenReturn(' '))),
            CurrentOffset);

    /// <summary>Whether a line may start an entry (a capitalised weekday).</summary>
    /// <param name="text">The line.</param>
    /// <returns><see langword="false"/> when it surely does not.</returns>
    public static bool MayStart(string text) => text.Length > 40 && char.IsAsciiLetterUpper(text[0]) && text[3] == ' ';

    /// <summary>Whether text starts like an entry (timestamp, transfer time, host, size), complete or not.</summary>
    /// <param name="text">The text.</param>
    /// <returns>Whether it does.</returns>
    public static bool StartsEntry(string text) => MayStart(text) && Head.Parse(text).Success;

    /// <summary>Reads a whole entry.</summary>
    /// <param name="text">The entry's text.</param>
    /// <param name="entry">Its fields.</param>
    /// <returns>Whether the text is a complete entry.</returns>
    public static bool TryParse(string text, out XferlogEntry? entry)
    {
        entry = null;
        if (!MayStart(text))
        {
            return false;
        }

        var head = Head.Parse(text);
        if (!head.Success)
        {
            return false;
        }

        var (time, seconds, host, size, at) = head.Value;
        var end = text.AsSpan().TrimEnd().Length;

        // From the end: [status] authenticated-user-id authentication-method service-name.
        char? status = null;
        if (LastToken(text, at, end, out var start) is "c" or "i")
        {
            status = text[start];
            end = start - 1;
        }

        var authUser = LastToken(text, at, end, out start);
        end = start - 1;
        var method = LastToken(text, at, end, out start);
        end = start - 1;
        var service = LastToken(text, at, end, out start);
        end = start - 1;
        if (authUser is null || method is null || service is null || !method.All(char.IsAsciiDigit) || end <= at)
        {
            return false;
        }

        // The rightmost "type action direction mode " that leaves a file name before it.
        for (var mode = text.LastIndexOf(' ', end - 1, end - at); mode > at; mode = text.LastIndexOf(' ', mode - 1, mode - at))
        {
            if (TryFlags(text, mode, out var typeAt, out var actionAt) && typeAt > at)
            {
                var userAt = mode + 3;
                entry = new XferlogEntry(
                    time, seconds, Addresses.Normalize(host), size, text[at..(typeAt - 1)],
                    text[typeAt], text[actionAt..(mode - 2)], text[mode - 1], text[mode + 1],
                    userAt <= end ? text[userAt..end] : string.Empty, userAt,
                    service, method, authUser, status);
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the space at <paramref name="space"/> is followed by an access mode and a space, and
    /// preceded by <c> t a d</c> (type, special action, direction).
    /// </summary>
    private static bool TryFlags(string text, int space, out int typeAt, out int actionAt)
    {
        typeAt = -1;
        actionAt = -1;
        if (space + 2 >= text.Length || text[space + 1] is not ('a' or 'g' or 'r') || text[space + 2] != ' ')
        {
            return false;
        }

        // direction
        if (space < 4 || text[space - 1] is not ('o' or 'i' or 'd') || text[space - 2] != ' ')
        {
            return false;
        }

        // special action: one or more of _ C U T
        var actionEnd = space - 2;
        var actionStart = actionEnd;
        while (actionStart > 0 && text[actionStart - 1] is '_' or 'C' or 'U' or 'T')
        {
            actionStart--;
        }

        if (actionStart == actionEnd || actionStart < 3 || text[actionStart - 1] != ' '
            || text[actionStart - 2] is not ('a' or 'b') || text[actionStart - 3] != ' ')
        {
            return false;
        }

        typeAt = actionStart - 2;
        actionAt = actionStart;
        return true;
    }

    /// <summary>The last space-separated token of text[from..end), and where it starts.</summary>
    private static string? LastToken(string text, int from, int end, out int start)
    {
        start = end;
        if (end <= from)
        {
            return null;
        }

        var space = text.LastIndexOf(' ', end - 1, end - from);
        start = space < from ? from : space + 1;
        return start < end ? text[start..end] : null;
    }
}
