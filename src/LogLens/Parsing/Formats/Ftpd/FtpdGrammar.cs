using System.Globalization;
using LogLens.Events;
using LogLens.Parsing.Grammar;
using LogLens.Parsing.Syslog;
using Pidgin;
using static LogLens.Parsing.Grammar.Primitives;
using static Pidgin.Parser;
using static Pidgin.Parser<char>;

namespace LogLens.Parsing.Formats.Ftpd;

/// <summary>A message of wu-ftpd or a BSD/Solaris ftpd, read.</summary>
/// <param name="Said">What it says (the event template names its client).</param>
/// <param name="Secret">An anonymous login's password (by custom an e-mail address) to mask in the line, or null.</param>
/// <param name="SecretAt">Where the secret starts in the message, or -1.</param>
internal readonly record struct FtpdReading(Said Said, string? Secret = null, int SecretAt = -1);

/// <summary>
/// The messages of wu-ftpd and the BSD, Solaris, HP-UX, AIX and macOS ftpd family, which name the
/// client in their own ways (<c>host [192.0.2.7]</c>, <c>host(192.0.2.7)</c>, <c>192.0.2.7 (host)</c>, a bare
/// host): <c>connection from …</c>, <c>FTP LOGIN FROM …, bob</c>, <c>ANONYMOUS FTP LOGIN FROM …, guest@</c>,
/// <c>failed login from …</c>, <c>FTP LOGIN FAILED FROM …, bob</c>, <c>repeated login failures from …</c>,
/// <c>User bob timed out after 900 seconds</c>, <c>ACCESS DENIED (user limit 10; class remote) TO …</c>, <c>FTP session closed</c>, <c>FTPD: IMPORT file local …, remote …</c>,
/// wu-ftpd's <c>xferlog (send): …</c> and its logged commands.
/// </summary>
internal static class FtpdGrammar
{
    /// <summary>Solaris' message id: <c>[ID 484914 daemon.notice] </c>.</summary>
    private static readonly Parser<char, string> SolarisId =
        String("[ID ").Then(Digit.AtLeastOnce()).Then(Spaces).Then(Token(c => c != ']').SkipMany()).Then(Char(']')).Then(OptionalSpaces).Then(Rest);

    /// <summary><c>FTPD: IMPORT file local /home/bob/a.tgz, remote </c> (upload), <c>EXPORT</c> (download).</summary>
    private static readonly Parser<char, Said> ImportExport =
        Map(
            (direction, local, remote) => Say(new TransferEvent
            {
                Line = 0,
                Text = string.Empty,
                Direction = direction,
                Path = local.Trim().Length > 0 ? local.Trim() : remote.Trim(),
                Succeeded = true,
            }),
            String("FTPD:").Then(Spaces).Then(
                String("IMPORT").ThenReturn(TransferDirection.Upload).Or(String("EXPORT").ThenReturn(TransferDirection.Download))),
            Spaces.Then(String("file")).Then(Spaces).Then(String("local")).Then(Char(' ')).Then(AnyCharExcept(',').ManyString()),
            Char(',').Then(OptionalSpaces).Then(String("remote")).Then(Rest))
        .Before(End);

    private static readonly Parser<char, Said> Command =
        ProtocolLines.Command.Select(c => Say(new CommandEvent { Line = 0, Text = string.Empty, Command = c.Verb, Argument = c.Argument })).Before(End);

    private static readonly string[] Weekdays = [" at Mon ", " at Tue ", " at Wed ", " at Thu ", " at Fri ", " at Sat ", " at Sun "];

    /// <summary>Removes Solaris' message id in front of a message.</summary>
    /// <param name="message">The message.</param>
    /// <returns>The message without it.</returns>
    public static string WithoutMessageId(string message)
    {
        if (!message.StartsWith("[ID ", StringComparison.Ordinal))
        {
            return message;
        }

        var result = SolarisId.Parse(message);
        return result.Success ? result.Value : message;
    }

    /// <summary>Reads a message.</summary>
    /// <param name="message">The message (without a Solaris id).</param>
    /// <param name="reading">What it says.</param>
    /// <param name="incomplete">Whether the message was cut short (a wrapped line).</param>
    /// <returns>Whether a rule knows the message.</returns>
    public static bool TryRead(string message, out FtpdReading reading, out bool incomplete)
    {
        reading = default;
        incomplete = false;
        var text = message.Trim();
        if (text.Length == 0)
        {
            return false;
        }

        var lead = message.Length - message.TrimStart().Length;
        if (Starts(text, "ANONYMOUS FTP LOGIN FROM ") || Starts(text, "ANONYMOUS FTP login from "))
        {
            return Anonymous(text["ANONYMOUS FTP LOGIN FROM ".Length..], lead + "ANONYMOUS FTP LOGIN FROM ".Length, out reading, out incomplete);
        }

        if (After(text, "FTP LOGIN FROM ", "GUEST FTP LOGIN FROM ") is { } loggedIn)
        {
            var (client, user) = IdentAndUser(loggedIn);
            reading = new(Say(new LoginEvent { Line = 0, Text = string.Empty, User = user, Succeeded = true, Client = client }));
            incomplete = user is null;
            return user is not null;
        }

        if (text.Contains("LOGIN REFUSED", StringComparison.Ordinal))
        {
            return Refused(text, lead, out reading);
        }

        if (After(text, "FTP LOGIN FAILED FROM ") is { } failedFrom)
        {
            var (client, user) = IdentAndUser(failedFrom);
            reading = new(Say(Failed(user, client, "FTP LOGIN FAILED"), new Telling("fail", user is null ? "daemon" : "daemon-with-user", user)));
            return true;
        }

        if (After(text, "failed login from ") is { } failed)
        {
            var (client, user) = IdentAndUser(failed);
            reading = new(Say(Failed(user, client, "failed login"), new Telling("fail", "daemon", user)));
            return true;
        }

        if (After(text, "repeated login failures from ") is { } repeated)
        {
            reading = new(Say(Failed(null, RemoteIdent.Client(repeated), "repeated login failures"), new Telling("too-many", "daemon")));
            return true;
        }

        if (After(text, "Failed authentication from:") is { } macFailed)
        {
            reading = new(Say(Failed(null, RemoteIdent.Client(macFailed), "Failed authentication"), new Telling("fail", "daemon")));
            return true;
        }

        if (After(text, "PAM_ERROR_MSG:") is { } pamError)
        {
            reading = new(Say(Failed(null, null, pamError.Trim()), new Telling("fail", "pam-conversation")));
            return true;
        }

        if (After(text, "connection from ") is { } connection)
        {
            var client = RemoteIdent.Client(WithoutDate(connection));
            reading = new(Say(new ConnectEvent { Line = 0, Text = string.Empty, Client = client }, new Telling("connect", "daemon")));
            incomplete = client is null;
            return client is not null;
        }

        if (Starts(text, "ACCESS DENIED (") && text.LastIndexOf(" TO ", StringComparison.Ordinal) is > 0 and var to)
        {
            // wu-ftpd's class limit (LOG_TOOMANY): "ACCESS DENIED (user limit 10; class remote) TO host [ip]"; it hangs up.
            reading = new(Say(new DisconnectEvent { Line = 0, Text = string.Empty, Client = RemoteIdent.Client(text[(to + " TO ".Length)..]), Detail = text }));
            return true;
        }

        if (After(text, "lost connection to ") is { } lost)
        {
            reading = new(Say(new DisconnectEvent { Line = 0, Text = string.Empty, Client = RemoteIdent.Client(lost), Detail = text }));
            return true;
        }

        if (text.StartsWith("FTP session closed", StringComparison.Ordinal))
        {
            reading = new(Say(new DisconnectEvent { Line = 0, Text = string.Empty }));
            return true;
        }

        if (text.Contains("timed out", StringComparison.OrdinalIgnoreCase))
        {
            var user = Starts(text, "User ") && text.IndexOf(' ', 5) is > 5 and var end ? text[5..end] : null;
            reading = new(Say(new DisconnectEvent { Line = 0, Text = string.Empty, User = user, Detail = text }));
            return true;
        }

        if (TryLoginFromFailed(text, out reading) || TryParse(ImportExport, text, out reading) || TryXferlog(text, lead, out reading))
        {
            return true;
        }

        if (IsChatter(text))
        {
            reading = new(Say(new ServerNotice { Line = 0, Text = string.Empty }));
            return true;
        }

        return TryParse(Command, text, out reading);
    }

    /// <summary><c>ANONYMOUS FTP LOGIN FROM host [192.0.2.7], guest@</c>; <c>… login from host with ID guest@</c>.</summary>
    private static bool Anonymous(string rest, int offset, out FtpdReading reading, out bool incomplete)
    {
        var withId = rest.IndexOf(" with ID ", StringComparison.Ordinal);
        var comma = rest.IndexOf(',');
        var cut = withId >= 0 ? withId : comma;
        if (cut < 0)
        {
            reading = default;
            incomplete = true;
            return false;
        }

        var start = cut + (withId >= 0 ? " with ID ".Length : 1);
        while (start < rest.Length && rest[start] == ' ')
        {
            start++;
        }

        var login = new LoginEvent { Line = 0, Text = string.Empty, User = "anonymous", Succeeded = true, Client = RemoteIdent.Client(rest[..cut]) };
        reading = new(Say(login), rest[start..].TrimEnd(), offset + start);
        incomplete = false;
        return true;
    }

    /// <summary><c>FTP LOGIN REFUSED (username in ftpusers) FROM host [ip], bob</c>, also <c>ANONYMOUS …</c> and without a reason.</summary>
    private static bool Refused(string text, int offset, out FtpdReading reading)
    {
        var from = text.LastIndexOf(" FROM ", StringComparison.Ordinal);
        if (from < 0)
        {
            reading = default;
            return false;
        }

        var open = text.IndexOf('(');
        var close = open < 0 || open > from ? -1 : text.LastIndexOf(')', from);
        var reason = close > open ? text[(open + 1)..close].Trim() : "LOGIN REFUSED";
        var anonymous = text.StartsWith("ANONYMOUS", StringComparison.Ordinal);
        var (client, named) = IdentAndUser(text[(from + " FROM ".Length)..]);
        var user = anonymous ? "anonymous" : named;
        var said = Say(Failed(user, client, reason), new Telling("fail", "daemon", user));

        // An anonymous refusal names the guest password where others name the user.
        reading = anonymous && named is not null ? new(said, named, offset + text.LastIndexOf(named, StringComparison.Ordinal)) : new(said);
        return true;
    }

    /// <summary>Tru64's <c>login bob from client.example.net failed.</c>.</summary>
    private static bool TryLoginFromFailed(string text, out FtpdReading reading)
    {
        reading = default;
        if (!Starts(text, "login ") || !text.EndsWith(" failed.", StringComparison.Ordinal))
        {
            return false;
        }

        var from = text.IndexOf(" from ", StringComparison.Ordinal);
        if (from < 0)
        {
            return false;
        }

        var user = text["login ".Length..from];
        var client = RemoteIdent.Client(text[(from + " from ".Length)..^" failed.".Length]);
        reading = new(Say(Failed(user, client, "login failed"), new Telling("fail", "daemon", user)));
        return true;
    }

    /// <summary>
    /// wu-ftpd's transfer log sent to syslog: <c>xferlog (send): 2 192.0.2.7 1048576 /pub/a b.iso b _ o r bob ftp 0 * c</c>
    /// (time, host, size, file name, then nine fixed fields; the file name may hold spaces).
    /// </summary>
    private static bool TryXferlog(string text, int offset, out FtpdReading reading)
    {
        reading = default;
        if (!Starts(text, "xferlog (send): ") && !Starts(text, "xferlog (recv): "))
        {
            return false;
        }

        var starts = new List<int>();
        for (var i = "xferlog (send): ".Length; i < text.Length; i++)
        {
            if (text[i] != ' ' && text[i - 1] == ' ')
            {
                starts.Add(i);
            }
        }

        var fields = text["xferlog (send): ".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length < 13 || fields.Length != starts.Count || !long.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out var bytes))
        {
            return false;
        }

        var tail = fields.Length - 9;
        var direction = fields[tail + 2] == "i" ? TransferDirection.Upload : TransferDirection.Download;
        var anonymous = fields[tail + 3] == "a";
        var transfer = new TransferEvent
        {
            Line = 0,
            Text = string.Empty,
            Client = Addresses.Normalize(fields[1]),
            Direction = direction,
            Path = string.Join(' ', fields[3..tail]),
            Bytes = bytes,
            Succeeded = fields[^1] != "i",
        };

        // For an anonymous transfer the user field holds the guest password.
        reading = anonymous ? new(Say(transfer), fields[tail + 4], offset + starts[tail + 4]) : new(Say(transfer));
        return true;
    }

    private static bool IsChatter(string text) =>
        Starts(text, "gethostbyaddr") || Starts(text, "gethostbyname") || Starts(text, "getpeername") || Starts(text, "warning:")
        || Starts(text, "exiting on signal") || text.Contains(" tried to ", StringComparison.Ordinal);

    /// <summary>Runs a parser that reads to the end of the text.</summary>
    private static bool TryParse(Parser<char, Said> parser, string text, out FtpdReading reading)
    {
        var result = parser.Parse(text);
        reading = result.Success ? new FtpdReading(result.Value) : default;
        return result.Success;
    }

    /// <summary><c>host [192.0.2.7], bob</c> or <c>host, bob</c> or <c>host as bob (class: real, type: REAL)</c>.</summary>
    private static (string? Client, string? User) IdentAndUser(string text)
    {
        var asAt = text.IndexOf(" as ", StringComparison.Ordinal);
        var comma = text.IndexOf(", ", StringComparison.Ordinal);
        if (asAt > 0 && (comma < 0 || asAt < comma))
        {
            var user = text[(asAt + 4)..];
            var paren = user.IndexOf(" (", StringComparison.Ordinal);
            return (RemoteIdent.Client(text[..asAt]), (paren < 0 ? user : user[..paren]).Trim());
        }

        if (comma < 0)
        {
            return (RemoteIdent.Client(text.TrimEnd(',')), null);
        }

        var name = text[(comma + 2)..].Trim();
        return (RemoteIdent.Client(text[..comma]), name.Length == 0 ? null : name);
    }

    private static string WithoutDate(string text)
    {
        foreach (var weekday in Weekdays)
        {
            var at = text.IndexOf(weekday, StringComparison.Ordinal);
            if (at >= 0)
            {
                return text[..at];
            }
        }

        return text;
    }

    private static string? After(string text, params string[] prefixes)
    {
        foreach (var prefix in prefixes)
        {
            if (text.StartsWith(prefix, StringComparison.Ordinal))
            {
                return text[prefix.Length..];
            }
        }

        return null;
    }

    private static bool Starts(string text, string prefix) => text.StartsWith(prefix, StringComparison.Ordinal);

    private static LoginEvent Failed(string? user, string? client, string detail) =>
        new() { Line = 0, Text = string.Empty, User = user, Succeeded = false, Client = client, Detail = detail };

    private static Said Say(FtpEvent e, Telling? telling = null) => new(e, telling);
}
