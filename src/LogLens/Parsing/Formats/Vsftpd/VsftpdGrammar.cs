using System.Globalization;
using LogLens.Parsing.Grammar;
using Pidgin;
using static LogLens.Parsing.Grammar.Primitives;
using static Pidgin.Parser;
using static Pidgin.Parser<char>;

namespace LogLens.Parsing.Formats.Vsftpd;

/// <summary>
/// vsftpd's own log lines (<c>vsftpd_log_file</c>, <c>xferlog_std_format=NO</c>):
/// <c>Thu Sep  8 00:39:49 2016 [pid 15019] [guest] FAIL LOGIN: Client "::ffff:192.0.2.1", "reason"</c>,
/// and the same message without timestamp and pid inside a syslog envelope.
/// </summary>
/// <remarks>
/// The <c>[user]</c> prefix is whatever the client sent with USER, so it may hold <c>] </c>, quotes, even
/// a whole forged message. A user name never holds <c>Client "</c> here, and a login or connect line's
/// own tail never does either (vsftpd writes those tails itself), so a forged message in a user name
/// cannot pass for the real one: the client reported is always the one vsftpd wrote.
/// </remarks>
internal static class VsftpdGrammar
{
    private const string ClientMark = "Client \"";

    private static readonly Parser<char, VsftpdHeader> Header =
        Map(
            (time, pid, at) => new VsftpdHeader(time, pid, at),
            Timestamps.Ctime.Before(Spaces),
            String("[pid ").Then(Primitives.Int).Before(Char(']')).Before(Spaces),
            CurrentOffset);

    // Chosen by their first letters, so that no alternative is tried and failed on every line.
    private static readonly Parser<char, VsftpdAction> Verdicted =
        FastParsers.Dispatch(
            false,
            ("LOGIN", String("LOGIN").ThenReturn(VsftpdAction.Login)),
            ("UPLOAD", String("UPLOAD").ThenReturn(VsftpdAction.Upload)),
            ("DOWNLOAD", String("DOWNLOAD").ThenReturn(VsftpdAction.Download)),
            ("DELETE", String("DELETE").ThenReturn(VsftpdAction.Delete)),
            ("MKDIR", String("MKDIR").ThenReturn(VsftpdAction.Mkdir)),
            ("RMDIR", String("RMDIR").ThenReturn(VsftpdAction.Rmdir)),
            ("RENAME", String("RENAME").ThenReturn(VsftpdAction.Rename)),
            ("CHMOD", String("CHMOD").ThenReturn(VsftpdAction.Chmod)));

    private static readonly Parser<char, (VsftpdAction Action, bool Succeeded)> Keyword =
        FastParsers.Dispatch(
            false,
            ("FTP response", String("FTP response").ThenReturn((VsftpdAction.Response, true))),
            ("FTP command", String("FTP command").ThenReturn((VsftpdAction.Command, true))),
            ("CONNECT", String("CONNECT").ThenReturn((VsftpdAction.Connect, true))),
            ("DEBUG", String("DEBUG").ThenReturn((VsftpdAction.Debug, true))),
            ("OK ", String("OK ").Then(Verdicted).Select(a => (a, true))),
            ("FAIL ", String("FAIL ").Then(Verdicted).Select(a => (a, false))));

    private static readonly Parser<char, (VsftpdAction Action, bool Succeeded, string Client, int TailAt)> Body =
        Map(
            (keyword, client, tailAt) => (keyword.Action, keyword.Succeeded, client, tailAt),
            Keyword.Before(String(": ")),
            String(ClientMark).Then(Addresses.Ip).Before(Char('"')),
            CurrentOffset);

    /// <summary>Whether a line may be a native vsftpd.log line (a capitalised weekday, then <c>[pid</c> soon after).</summary>
    /// <param name="text">The line.</param>
    /// <returns><see langword="false"/> when it surely is not.</returns>
    public static bool MayBeNative(string text) =>
        text.Length > 30 && char.IsAsciiLetterUpper(text[0]) && text[3] == ' '
        && text.AsSpan(20, Math.Min(text.Length - 20, 12)).IndexOf("[pid ", StringComparison.Ordinal) >= 0;

    /// <summary>Reads the timestamp and pid of a native vsftpd.log line.</summary>
    /// <param name="text">The line (or a syslog message holding a whole native line).</param>
    /// <param name="header">Its time, pid and where its message starts.</param>
    /// <returns>Whether the line starts like vsftpd's own log.</returns>
    public static bool TryParseHeader(string text, out VsftpdHeader header)
    {
        header = default;
        if (!MayBeNative(text))
        {
            return false;
        }

        var result = Header.Parse(text);
        if (!result.Success)
        {
            return false;
        }

        header = result.Value;
        return true;
    }

    /// <summary>Reads a vsftpd message: an optional <c>[user]</c> prefix, a keyword, the client, and the tail.</summary>
    /// <param name="message">The message.</param>
    /// <param name="parsed">What it says.</param>
    /// <returns>Whether it is a vsftpd message.</returns>
    public static bool TryParseMessage(ReadOnlySpan<char> message, out VsftpdMessage parsed)
    {
        parsed = default;
        if (message.IsEmpty)
        {
            return false;
        }

        if (message[0] != '[')
        {
            return TryParseBody(message, 0, null, out parsed);
        }

        // The user name ends at the first "] " after which a message follows.
        for (var from = 1; from < message.Length;)
        {
            var close = message[from..].IndexOf("] ", StringComparison.Ordinal);
            if (close < 0)
            {
                return false;
            }

            close += from;
            var user = message[1..close];
            if (user.Contains(ClientMark, StringComparison.Ordinal))
            {
                return false;
            }

            var at = close + 2;
            if (at < message.Length && message[at] is 'C' or 'O' or 'F' or 'D'
                && TryParseBody(message[at..], at, user.ToString(), out parsed))
            {
                return true;
            }

            from = close + 1;
        }

        return false;
    }

    private static bool TryParseBody(ReadOnlySpan<char> body, int bodyAt, string? user, out VsftpdMessage parsed)
    {
        parsed = default;
        var result = Body.Parse(body);
        if (!result.Success)
        {
            return false;
        }

        var (action, succeeded, client, tailAt) = result.Value;
        var tail = body[tailAt..];
        var message = new VsftpdMessage(action, succeeded, user, client, null, null, null);
        switch (action)
        {
            case VsftpdAction.Connect:
                return TryReason(tail, message, out parsed);
            case VsftpdAction.Login:
                return TryLoginTail(tail, bodyAt + tailAt, message, out parsed);
            case VsftpdAction.Upload or VsftpdAction.Download:
                return TryTransferTail(tail, message, out parsed);
            default:
                // Commands, responses, file operations, debug text: one quoted payload, taken whole
                // (a path or a command may itself hold quotes).
                if (!TryQuoted(tail, out var payload))
                {
                    return false;
                }

                parsed = message with { Payload = payload };
                return true;
        }
    }

    /// <summary>Nothing, or <c>, "reason"</c> written by vsftpd itself (no quotes inside).</summary>
    private static bool TryReason(ReadOnlySpan<char> tail, VsftpdMessage message, out VsftpdMessage parsed)
    {
        parsed = message;
        if (tail.IsEmpty)
        {
            return true;
        }

        if (!TryQuoted(tail, out var reason) || reason.Contains('"'))
        {
            return false;
        }

        parsed = message with { Payload = reason };
        return true;
    }

    /// <summary>Nothing, <c>, anon password "…"</c>, and/or <c>, "reason"</c>.</summary>
    private static bool TryLoginTail(ReadOnlySpan<char> tail, int tailAt, VsftpdMessage message, out VsftpdMessage parsed)
    {
        parsed = message;
        if (tail.Contains(ClientMark, StringComparison.Ordinal))
        {
            return false;
        }

        const string anon = ", anon password \"";
        if (!tail.StartsWith(anon, StringComparison.Ordinal))
        {
            return TryReason(tail, message, out parsed);
        }

        var rest = tail[anon.Length..];
        if (rest.IsEmpty || rest[^1] != '"')
        {
            return false;
        }

        // A reason, if any, is the last quoted part and holds no quotes; the password is what lies before.
        var length = rest.Length - 1;
        string? reason = null;
        var split = rest[..^1].LastIndexOf("\", \"", StringComparison.Ordinal);
        if (split >= 0 && !rest[(split + 4)..^1].Contains('"'))
        {
            reason = rest[(split + 4)..^1].ToString();
            length = split;
        }

        parsed = message with { Payload = reason, AnonPasswordAt = tailAt + anon.Length, AnonPasswordLength = length };
        return true;
    }

    /// <summary><c>, "path"</c>, then <c>, 1048576 bytes</c> unless nothing moved, then <c>, 85.30Kbyte/sec</c>; read from the end.</summary>
    private static bool TryTransferTail(ReadOnlySpan<char> tail, VsftpdMessage message, out VsftpdMessage parsed)
    {
        parsed = message;
        string? rate = null;
        long? bytes = null;
        if (tail.EndsWith("Kbyte/sec", StringComparison.Ordinal))
        {
            var comma = tail.LastIndexOf(", ", StringComparison.Ordinal);
            if (comma < 0 || !IsNumber(tail[(comma + 2)..^"Kbyte/sec".Length]))
            {
                return false;
            }

            rate = tail[(comma + 2)..].ToString();
            tail = tail[..comma];
        }

        if (tail.EndsWith(" bytes", StringComparison.Ordinal))
        {
            var comma = tail.LastIndexOf(", ", StringComparison.Ordinal);
            if (comma < 0 || !long.TryParse(tail[(comma + 2)..^" bytes".Length], NumberStyles.None, CultureInfo.InvariantCulture, out var count))
            {
                return false;
            }

            bytes = count;
            tail = tail[..comma];
        }

        if (!TryQuoted(tail, out var path))
        {
            return false;
        }

        parsed = message with { Payload = path, Bytes = bytes, Rate = rate };
        return true;
    }

    /// <summary><c>, "text"</c>: everything between the first and the last quote.</summary>
    private static bool TryQuoted(ReadOnlySpan<char> tail, out string text)
    {
        text = string.Empty;
        if (tail.Length < 4 || !tail.StartsWith(", \"", StringComparison.Ordinal) || tail[^1] != '"')
        {
            return false;
        }

        text = tail[3..^1].ToString();
        return true;
    }

    private static bool IsNumber(ReadOnlySpan<char> text) =>
        double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _);
}
