using LogLens.Events;
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
/// The <c>[user]</c> prefix is whatever the client sent with USER, and so is the quoted text at the end of a
/// command, a reply to it, or a path: either may hold <c>] </c>, quotes, even a whole forged message
/// naming another client. vsftpd writes the keyword and the client itself, so the line is read at every
/// <c>] </c> where a message could begin: when two readings name different clients, the line is forged
/// and left unrecognized, so that no client can put its failures on another address.
/// </remarks>
internal static class VsftpdGrammar
{
    private const string ClientMark = "Client \"";

    private static readonly (string Word, VsftpdAction Action)[] Verdicted =
    [
        ("LOGIN", VsftpdAction.Login), ("UPLOAD", VsftpdAction.Upload), ("DOWNLOAD", VsftpdAction.Download),
        ("DELETE", VsftpdAction.Delete), ("MKDIR", VsftpdAction.Mkdir), ("RMDIR", VsftpdAction.Rmdir),
        ("RENAME", VsftpdAction.Rename), ("CHMOD", VsftpdAction.Chmod),
    ];

    // The keyword and its colon, chosen by the first letters in one step: no alternative is tried and failed.
    private static readonly Parser<char, (VsftpdAction Action, bool Succeeded)> Keyword =
        FastParsers.Keywords(
        [
            ("FTP response: ", (VsftpdAction.Response, true)),
            ("FTP command: ", (VsftpdAction.Command, true)),
            ("CONNECT: ", (VsftpdAction.Connect, true)),
            ("DEBUG: ", (VsftpdAction.Debug, true)),
            .. Verdicted.Select(v => ($"OK {v.Word}: ", (v.Action, true))),
            .. Verdicted.Select(v => ($"FAIL {v.Word}: ", (v.Action, false))),
        ]);

    private static readonly Parser<char, (VsftpdAction Action, bool Succeeded, string Client)> Body =
        Map(
            (keyword, client) => (keyword.Action, keyword.Succeeded, client),
            Keyword,
            FastParsers.Enclosed(ClientMark, Addresses.Ip, "\""));

    /// <summary>A message: an optional <c>[user]</c> prefix, a keyword, the client, and the tail.</summary>
    private static readonly Parser<char, VsftpdMessage> Message = new MessageParser();

    private static readonly Parser<char, LogTimestamp> Stamp = Timestamps.Ctime.Before(Spaces);

    private static readonly Parser<char, int> Pid = FastParsers.Enclosed("[pid ", Primitives.Int, "]").Before(Spaces);

    /// <summary>
    /// A whole native line, read in one parse: its timestamp, pid, where its message starts, and the
    /// message, handed to <paramref name="read"/> (which makes the line's result of them directly, so
    /// that nothing larger than that result is made per line).
    /// </summary>
    /// <typeparam name="T">What a line becomes.</typeparam>
    /// <param name="read">Makes it.</param>
    /// <returns>The parser.</returns>
    public static Parser<char, T> Native<T>(Func<LogTimestamp, int, int, VsftpdMessage, T> read) =>
        Map(read, Stamp, Pid, CurrentOffset, Message);

    /// <summary>Whether a line may be a native vsftpd.log line (a capitalised weekday, then <c>[pid</c> soon after).</summary>
    /// <param name="text">The line.</param>
    /// <returns><see langword="false"/> when it surely is not.</returns>
    public static bool MayBeNative(string text) =>
        text.Length > 30 && char.IsAsciiLetterUpper(text[0]) && text[3] == ' '
        && text.AsSpan(20, Math.Min(text.Length - 20, 12)).IndexOf("[pid ", StringComparison.Ordinal) >= 0;

    /// <summary>Reads a vsftpd message: an optional <c>[user]</c> prefix, a keyword, the client, and the tail.</summary>
    /// <param name="message">The message.</param>
    /// <param name="parsed">What it says.</param>
    /// <returns>Whether it is a vsftpd message.</returns>
    public static bool TryParseMessage(ReadOnlySpan<char> message, out VsftpdMessage parsed)
    {
        parsed = default;
        if (message.IsEmpty || message[0] is not ('[' or 'C' or 'O' or 'F' or 'D'))
        {
            return false;
        }

        var result = Message.Parse(message);
        if (!result.Success)
        {
            return false;
        }

        parsed = result.Value;
        return true;
    }

    /// <summary>
    /// Reads the body after the keyword and the client: the tail, by the keyword's rules. Offsets
    /// (where a password lies) count from <paramref name="tailAt"/>, the tail's place in the message.
    /// </summary>
    private static bool TryParseTail(
        (VsftpdAction Action, bool Succeeded, string Client) head, ReadOnlySpan<char> tail, int tailAt, string? user, out VsftpdMessage parsed)
    {
        parsed = default;
        var (action, succeeded, client) = head;
        string? payload;
        long? bytes = null;
        string? rate = null;
        var passwordAt = -1;
        var passwordLength = 0;
        switch (action)
        {
            case VsftpdAction.Connect:
                if (!TryReason(tail, out payload))
                {
                    return false;
                }

                break;
            case VsftpdAction.Login:
                if (!TryLoginTail(tail, out payload, out passwordAt, out passwordLength))
                {
                    return false;
                }

                passwordAt = passwordAt < 0 ? -1 : tailAt + passwordAt;
                break;
            case VsftpdAction.Upload or VsftpdAction.Download:
                if (!TryTransferTail(tail, out var path, out bytes, out rate))
                {
                    return false;
                }

                payload = path.ToString();
                break;
            case VsftpdAction.Response:
                // The dialogue repeats itself from session to session: replies and commands are remembered.
                if (!TryQuoted(tail, out var reply) || ProtocolLines.ReadReply(reply) is not { } read)
                {
                    return false;
                }

                parsed = new VsftpdMessage(action, succeeded, user, client, null, null, null, Reply: read);
                return true;
            case VsftpdAction.Command:
                if (!TryQuoted(tail, out var line))
                {
                    return false;
                }

                if (ProtocolLines.ReadCommand(line) is { } command)
                {
                    // vsftpd quotes the command whole, so a password runs to the last quote, whatever it holds:
                    // hidden whole here, where redaction before parsing could only guess where it ends.
                    if (command.Verb == "PASS" && PasswordIn(line) is var (at, length) && at >= 0)
                    {
                        (passwordAt, passwordLength) = (tailAt + 3 + at, length);
                    }

                    parsed = new VsftpdMessage(action, succeeded, user, client, null, null, null, passwordAt, passwordLength, Command: command);
                    return true;
                }

                // vsftpd logs whatever the client sent, known verb or not.
                payload = line.ToString();
                break;
            default:
                // File operations, debug text: one quoted payload, taken whole (a path may itself hold quotes).
                if (!TryQuoted(tail, out var text))
                {
                    return false;
                }

                payload = text.ToString();
                break;
        }

        parsed = new VsftpdMessage(action, succeeded, user, client, payload, bytes, rate, passwordAt, passwordLength);
        return true;
    }

    /// <summary>Where a PASS command's argument lies in it (to its end), or -1 when it is already only the mark.</summary>
    private static (int At, int Length) PasswordIn(ReadOnlySpan<char> command)
    {
        var at = 4;
        while (at < command.Length && command[at] is ' ' or '\t')
        {
            at++;
        }

        return at >= command.Length || command[at..].SequenceEqual(Redaction.Mark) ? (-1, 0) : (at, command.Length - at);
    }

    /// <summary>Nothing, or <c>, "reason"</c> written by vsftpd itself (no quotes inside).</summary>
    private static bool TryReason(ReadOnlySpan<char> tail, out string? reason)
    {
        reason = null;
        if (tail.IsEmpty)
        {
            return true;
        }

        if (!TryQuoted(tail, out var quoted) || quoted.Contains('"'))
        {
            return false;
        }

        reason = StringPool.Shared.Get(quoted);
        return true;
    }

    /// <summary>Nothing, <c>, anon password "…"</c>, and/or <c>, "reason"</c>; where the password lies in the tail.</summary>
    private static bool TryLoginTail(ReadOnlySpan<char> tail, out string? reason, out int passwordAt, out int passwordLength)
    {
        reason = null;
        passwordAt = -1;
        passwordLength = 0;
        const string anon = ", anon password \"";
        if (!tail.StartsWith(anon, StringComparison.Ordinal))
        {
            // vsftpd's own words: never a client mark (else a user name forged this tail).
            return !tail.Contains(ClientMark, StringComparison.Ordinal) && TryReason(tail, out reason);
        }

        // The password is the client's own text and may hold anything, a forged message included: the
        // line still reads this way, and a forged reading elsewhere on it then makes it ambiguous.
        var rest = tail[anon.Length..];
        if (rest.IsEmpty || rest[^1] != '"')
        {
            return false;
        }

        // A reason, if any, is the last quoted part and holds no quotes; the password is what lies before.
        passwordLength = rest.Length - 1;
        var split = rest[..^1].LastIndexOf("\", \"", StringComparison.Ordinal);
        if (split >= 0 && !rest[(split + 4)..^1].Contains('"'))
        {
            reason = StringPool.Shared.Get(rest[(split + 4)..^1]);
            passwordLength = split;
        }

        passwordAt = anon.Length;
        return true;
    }

    /// <summary><c>, "path"</c>, then <c>, 1048576 bytes</c> unless nothing moved, then <c>, 85.30Kbyte/sec</c>; read from the end.</summary>
    private static bool TryTransferTail(ReadOnlySpan<char> tail, out ReadOnlySpan<char> path, out long? bytes, out string? rate)
    {
        path = default;
        rate = null;
        bytes = null;
        if (tail.EndsWith("Kbyte/sec", StringComparison.Ordinal))
        {
            var comma = tail.LastIndexOf(", ", StringComparison.Ordinal);
            if (comma < 0 || comma + 2 > tail.Length - "Kbyte/sec".Length || !IsNumber(tail[(comma + 2)..^"Kbyte/sec".Length]))
            {
                return false;
            }

            rate = tail[(comma + 2)..].ToString();
            tail = tail[..comma];
        }

        if (tail.EndsWith(" bytes", StringComparison.Ordinal))
        {
            // The count lies between the last ", " and " bytes" (", bytes" has none: no count, no line).
            var comma = tail.LastIndexOf(", ", StringComparison.Ordinal);
            var end = tail.Length - " bytes".Length;
            if (comma < 0 || comma + 2 > end || !long.TryParse(tail[(comma + 2)..end], NumberStyles.None, CultureInfo.InvariantCulture, out var count))
            {
                return false;
            }

            bytes = count;
            tail = tail[..comma];
        }

        return TryQuoted(tail, out path);
    }

    /// <summary><c>, "text"</c>: everything between the first and the last quote.</summary>
    private static bool TryQuoted(ReadOnlySpan<char> tail, out ReadOnlySpan<char> text)
    {
        text = default;
        if (tail.Length < 4 || !tail.StartsWith(", \"", StringComparison.Ordinal) || tail[^1] != '"')
        {
            return false;
        }

        text = tail[3..^1];
        return true;
    }

    private static bool IsNumber(ReadOnlySpan<char> text) =>
        double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _);

    /// <summary>
    /// The message of a line, from where the parse stands to the end of the input. The <c>[user]</c>
    /// prefix holds whatever the client sent, so it ends at the first <c>] </c> after which the body
    /// grammar matches; the body runs on the same parse state, tried at each such place in turn.
    /// </summary>
    private sealed class MessageParser : Parser<char, VsftpdMessage>
    {
        public override bool TryParse(ref ParseState<char> state, ref PooledList<Expected<char>> expecteds, out VsftpdMessage result)
        {
            result = default;
            var message = state.LookAhead(int.MaxValue);
            if (!message.IsEmpty && message[0] != '[')
            {
                if (TryBody(ref state, ref expecteds, message, 0, null, out result))
                {
                    return true;
                }
            }
            else
            {
                // Every place the user name may end; the readings must agree on the client.
                VsftpdMessage? found = null;
                for (var from = 1; from < message.Length;)
                {
                    var close = message[from..].IndexOf("] ", StringComparison.Ordinal);
                    if (close < 0)
                    {
                        break;
                    }

                    close += from;
                    var at = close + 2;
                    if (at < message.Length && message[at] is 'C' or 'O' or 'F' or 'D')
                    {
                        var bookmark = state.Bookmark();
                        state.Advance(at);
                        var read = TryBody(ref state, ref expecteds, message, at, StringPool.Shared.Get(message[1..close]), out var candidate);
                        state.Rewind(bookmark);
                        if (read && found is null)
                        {
                            found = candidate;
                        }
                        else if (read && !string.Equals(found!.Value.Client, candidate.Client, StringComparison.Ordinal))
                        {
                            found = null;
                            break;
                        }
                    }

                    from = close + 1;
                }

                if (found is { } first)
                {
                    state.Advance(message.Length);
                    result = first;
                    return true;
                }
            }

            FastParsers.Fail(ref state, ref expecteds, "a vsftpd message");
            return false;
        }

        /// <summary>The body at <paramref name="at"/> in the message, where the state stands.</summary>
        private static bool TryBody(
            ref ParseState<char> state, ref PooledList<Expected<char>> expecteds, ReadOnlySpan<char> message, int at, string? user, out VsftpdMessage result)
        {
            result = default;
            if (at >= message.Length || message[at] is not ('C' or 'O' or 'F' or 'D') || !Body.TryParse(ref state, ref expecteds, out var head))
            {
                return false;
            }

            var tail = state.LookAhead(int.MaxValue);
            if (!TryParseTail(head, tail, message.Length - tail.Length, user, out result))
            {
                return false;
            }

            state.Advance(tail.Length);
            return true;
        }
    }
}
