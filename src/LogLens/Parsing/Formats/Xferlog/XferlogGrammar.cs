using System.Buffers;
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
/// before the user name splits the file name from the user. Fields are separated by runs of
/// blanks, as some servers pad the size, transfer time or host; blanks inside the file name are kept,
/// those around it are not.
/// </remarks>
internal static class XferlogGrammar
{
    private static readonly Parser<char, (Events.LogTimestamp Time, int Seconds, string Host, long Size, int RestAt)> Head =
        Map(
            (time, seconds, host, size, at) => (time, seconds, host, size, at),
            Timestamps.Ctime.Before(Spaces),
            Primitives.Int.Before(Spaces),
            Token(c => c != ' ' && c != '\t').AtLeastOnceString().Before(Spaces),
            Primitives.Long.Before(Spaces.Or(End)),
            CurrentOffset);

    /// <summary>The special-action flags: <c>_</c> none, <c>C</c> compressed, <c>U</c> uncompressed, <c>T</c> tar'ed.</summary>
    private static readonly SearchValues<char> ActionFlags = SearchValues.Create("_CUT");

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

        // From the end: [status] authenticated-user-id authentication-method service-name.
        var end = text.Length;
        if (!TokenBefore(text, at, end, out var start, out var tokenEnd))
        {
            return false;
        }

        char? status = null;
        if (tokenEnd - start == 1 && text[start] is 'c' or 'i')
        {
            status = text[start];
            end = start;
        }

        var authUser = TokenBefore(text, at, end, out start, out tokenEnd) ? text[start..tokenEnd] : null;
        end = start;
        var method = TokenBefore(text, at, end, out start, out tokenEnd) ? text[start..tokenEnd] : null;
        end = start;
        var service = TokenBefore(text, at, end, out start, out tokenEnd) ? text[start..tokenEnd] : null;
        end = start;
        if (authUser is null || method is null || service is null || !method.All(char.IsAsciiDigit))
        {
            return false;
        }

        // The rightmost "type action direction mode" that leaves a file name before it; the user
        // name is whatever stands between the mode and the service name (possibly nothing).
        for (var before = end; TokenBefore(text, at, before, out var mode, out var modeEnd); before = mode)
        {
            if (!TryFlags(text, at, mode, modeEnd, out var typeAt, out var actionAt, out var actionEnd, out var directionAt))
            {
                continue;
            }

            var nameEnd = SkipBlanksBack(text, at, typeAt);
            if (nameEnd == at)
            {
                return false;
            }

            var userEnd = SkipBlanksBack(text, modeEnd, end);
            var userAt = Math.Min(SkipBlanks(text, modeEnd, userEnd), userEnd);
            entry = new XferlogEntry(
                time, seconds, Addresses.Normalize(host), size, text[at..nameEnd],
                text[typeAt], text[actionAt..actionEnd], text[directionAt], text[mode],
                text[userAt..userEnd], userAt,
                service, method, authUser, status);
            return true;
        }

        return false;
    }

    /// <summary>
    /// Whether text[mode..modeEnd) is an access mode preceded, token by token, by a direction, a
    /// special action and a transfer type (<c>t a d m</c>, any run of blanks between them).
    /// </summary>
    private static bool TryFlags(string text, int from, int mode, int modeEnd, out int typeAt, out int actionAt, out int actionEnd, out int directionAt)
    {
        typeAt = actionAt = actionEnd = directionAt = -1;
        if (modeEnd - mode != 1 || text[mode] is not ('a' or 'g' or 'r'))
        {
            return false;
        }

        if (!TokenBefore(text, from, mode, out directionAt, out var directionEnd)
            || directionEnd - directionAt != 1 || text[directionAt] is not ('o' or 'i' or 'd'))
        {
            return false;
        }

        // special action: one or more of _ C U T
        if (!TokenBefore(text, from, directionAt, out actionAt, out actionEnd)
            || text.AsSpan(actionAt, actionEnd - actionAt).ContainsAnyExcept(ActionFlags))
        {
            return false;
        }

        return TokenBefore(text, from, actionAt, out typeAt, out var typeEnd)
            && typeEnd - typeAt == 1 && text[typeAt] is 'a' or 'b';
    }

    /// <summary>
    /// The last blank-separated token of text[from..end), blanks (any run of spaces or tabs) after it
    /// skipped: where it starts and ends.
    /// </summary>
    private static bool TokenBefore(string text, int from, int end, out int start, out int tokenEnd)
    {
        tokenEnd = SkipBlanksBack(text, from, end);
        start = tokenEnd;
        while (start > from && !IsBlank(text[start - 1]))
        {
            start--;
        }

        return start < tokenEnd;
    }

    /// <summary>Where the run of blanks that ends at <paramref name="end"/> starts (not before <paramref name="from"/>).</summary>
    private static int SkipBlanksBack(string text, int from, int end)
    {
        while (end > from && IsBlank(text[end - 1]))
        {
            end--;
        }

        return end;
    }

    /// <summary>Where the run of blanks that starts at <paramref name="at"/> ends (not after <paramref name="end"/>).</summary>
    private static int SkipBlanks(string text, int at, int end)
    {
        while (at < end && IsBlank(text[at]))
        {
            at++;
        }

        return at;
    }

    private static bool IsBlank(char c) => c is ' ' or '\t';
}
