using LogLens.Events;
using LogLens.Parsing.Grammar;
using LogLens.Parsing.Syslog;
using Pidgin;
using static LogLens.Parsing.Grammar.Primitives;
using static Pidgin.Parser;
using static Pidgin.Parser<char>;

namespace LogLens.Parsing.Formats.ProFtpd;

/// <summary>The shape of a ProFTPD message.</summary>
internal enum ProFtpdShape
{
    /// <summary><c>server (host[address]): message</c> or <c>server (host[address]) - message</c>: a session's line.</summary>
    Session,

    /// <summary><c>server: message</c> or <c>server - message</c>: the server's own line.</summary>
    Server,

    /// <summary>A message without a server name (TCP wrappers, PAM).</summary>
    Plain,

    /// <summary>A server name and nothing more, or a client part never closed: a wrapped line's start.</summary>
    Incomplete,
}

/// <summary>A ProFTPD message taken apart.</summary>
/// <param name="Shape">Its shape.</param>
/// <param name="Server">The server name, when given.</param>
/// <param name="Client">For a session line, the client: the address in brackets, else the host name.</param>
/// <param name="Body">The message after the prefix.</param>
internal readonly record struct ProFtpdParts(ProFtpdShape Shape, string? Server, string? Client, string Body);

/// <summary>
/// ProFTPD's messages. The prefix names the virtual server and the client,
/// <c>ftp.example.com (client.example.net[192.0.2.7])</c>, followed by <c>: </c> (ProFTPD's own log and
/// syslog without the colon after the pid) or <c> - </c> (syslog); the client is always read from this
/// prefix, never from the message, which may hold a user name the client chose (a user name can carry a
/// whole forged line: <c>USER host proftpd[1] host (forged[203.0.113.66]): no such user found</c>).
/// </summary>
internal static class ProFtpdGrammar
{
    private static readonly Parser<char, string> ServerName = Token(c => c != ' ' && c != '\t' && c != '(').AtLeastOnceString();

    /// <summary><c>(host[address])</c>: the address, or the host when the brackets are empty.</summary>
    private static readonly Parser<char, string> ClientPart =
        Map(
            (host, address) => address.Trim().Length > 0 ? address.Trim() : host,
            Char('(').Then(Token(c => c != '[' && c != ')' && c != ' ').ManyString()),
            Char('[').Then(Token(c => c != ']').ManyString()).Before(Char(']')).Before(Char(')')));

    private static readonly Parser<char, Unit> Separator =
        Char(':').IgnoreResult().Or(Try(Spaces.Then(Char('-'))).IgnoreResult());

    private static readonly Parser<char, ProFtpdParts> SessionLine =
        Map(
            (server, client, body) => new ProFtpdParts(ProFtpdShape.Session, server, Addresses.Normalize(client), body.Trim()),
            ServerName.Before(Spaces),
            ClientPart.Before(Separator).Before(OptionalSpaces),
            Rest);

    private static readonly Parser<char, ProFtpdParts> ServerLine =
        Map(
            (server, body) => new ProFtpdParts(ProFtpdShape.Server, server, null, body.Trim()),
            Try(Token(c => c != ' ' && c != '\t').AtLeastOnceString().Assert(s => s.Length > 1 && s[^1] == ':').Select(s => s[..^1]).Before(Spaces))
                .Or(Try(ServerName.Before(Spaces).Before(Char('-')).Before(Spaces))),
            Rest);

    private static readonly Parser<char, ProFtpdParts> Cut =
        Map(
            (server, _) => new ProFtpdParts(ProFtpdShape.Incomplete, server, null, string.Empty),
            ServerName,
            OptionalSpaces.Then(End).Or(Try(Spaces.Then(Char('(')).Then(Token(c => c != ')').SkipMany()).Then(End))));

    private static readonly Parser<char, ProFtpdParts> Parts =
        OneOf(Try(SessionLine), Try(ServerLine), Try(Cut));

    /// <summary>Session-ending lines: <c>FTP session closed.</c> and the server's reasons for closing one.</summary>
    private static readonly Parser<char, Said> Closed =
        Phrase("FTP session closed").Select(_ => Say(new DisconnectEvent { Line = 0, Text = string.Empty }));

    private static readonly Parser<char, Said> Opened =
        Phrase("FTP session opened").Select(_ => Say(new ConnectEvent { Line = 0, Text = string.Empty }, new Telling("connect", "daemon")));

    /// <summary><c>USER bob: Login successful.</c>, <c>USER bob (Login failed): Incorrect password</c>, <c>ANON anonymous: …</c>.</summary>
    private static readonly Parser<char, Said> UserVerdict =
        Try(String("USER ")).Or(Try(String("ANON "))).Then(Rest).Select(UserSaid)
        .Assert(s => s.HasValue, "a login verdict")
        .Select(s => s!.Value);

    /// <summary><c>no such user 'bob'</c>: the lookup that precedes <c>USER bob: no such user found</c> in older versions.</summary>
    private static readonly Parser<char, Said> NoSuchUser =
        Word("no such user").Then(Spaces).Then(Char('\'')).Then(Rest)
            .Select(rest => rest.TrimEnd().TrimEnd('\''))
            .Select(user => Say(Failed(user, "no such user"), new Telling("fail", "lookup", user)));

    /// <summary><c>SECURITY VIOLATION: root login attempted.</c> (mod_sftp writes <c>Root</c>, without the dot).</summary>
    private static readonly Parser<char, Said> SecurityViolation =
        Word("SECURITY VIOLATION:").Then(OptionalSpaces).Then(Rest).MapWithInput((input, rest) =>
        {
            var at = rest.IndexOf(" login attempted", StringComparison.OrdinalIgnoreCase);
            var user = at > 0 ? rest[..at] : null;
            return Say(Failed(user, input.ToString().Trim()), new Telling("fail", "violation", user));
        });

    /// <summary><c>Maximum login attempts (3) exceeded</c>: the server gives up on the client.</summary>
    private static readonly Parser<char, Said> MaximumAttempts =
        WholeMessage(Word("Maximum login attempts"), message => Say(Failed(null, message), new Telling("too-many", "daemon")));

    /// <summary><c>Refused PORT 192,168,1,33,4,83 (address mismatch)</c>: the client's PORT, refused.</summary>
    private static readonly Parser<char, Said> RefusedPort =
        Map(
            (verb, argument) => Say(new CommandEvent { Line = 0, Text = string.Empty, Command = verb, Argument = argument }),
            Word("Refused").Then(Spaces).Then(OneOf(Word("PORT"), Word("EPRT"))).Select(v => v.ToUpperInvariant()),
            Spaces.Then(Token(c => c != ' ' && c != '\t').AtLeastOnceString()).Before(Rest));

    /// <summary><c>Connection from host [192.0.2.7] denied.</c>: refused by the configuration.</summary>
    private static readonly Parser<char, Said> ConnectionDenied =
        WholeMessage(Word("Connection from"), message => Say(new DisconnectEvent { Line = 0, Text = string.Empty, Detail = message }))
            .Assert(s => ((DisconnectEvent)s.Event).Detail!.TrimEnd('.').EndsWith("denied", StringComparison.OrdinalIgnoreCase), "a denied connection");

    /// <summary>
    /// <c>Connection refused (MaxClientsPerHost 3)</c>, <c>Connection refused (MaxConnectionsPerHost 2)</c>,
    /// <c>Connection refused (MaxClients 20)</c>: a limit reached, named by its directive; the session ends.
    /// </summary>
    private static readonly Parser<char, Said> ConnectionRefused =
        WholeMessage(Word("Connection refused"), message => Say(new DisconnectEvent { Line = 0, Text = string.Empty, Detail = message }));

    /// <summary><c>ProFTPD terminating (signal 11)</c>, <c>ProFTPD killed (signal 15)</c> in a session's process.</summary>
    private static readonly Parser<char, Said> Terminated =
        WholeMessage(Try(Word("ProFTPD terminating")).Or(Word("ProFTPD killed")), message => Say(new DisconnectEvent { Line = 0, Text = string.Empty, Detail = message }));

    /// <summary>A session's timeout: <c>FTP login timed out, disconnected</c>, <c>Data transfer stall timeout: 3600 seconds</c>.</summary>
    private static readonly Parser<char, Said> TimedOut =
        Rest.Assert(m => m.Contains("timed out", StringComparison.OrdinalIgnoreCase) || m.Contains("timeout", StringComparison.OrdinalIgnoreCase), "a timeout")
            .Select(m => Say(new DisconnectEvent { Line = 0, Text = string.Empty, Detail = m.Trim() }));

    /// <summary>Lines about a session that decide nothing: module chatter, passive-port and directory-buffer notes.</summary>
    private static readonly Parser<char, Said> Chatter =
        OneOf(
                Word("mod_"),
                Word("unable to find open port in PassivePorts range"),
                Word("Reallocating sreaddir buffer"),
                Word("listen() failed"),
                Word("Preparing to chroot"),
                Word("notice:"),
                Word("warning:"),
                Word("error:"))
            .Then(Rest)
            .Select(_ => Say(new ServerNotice { Line = 0, Text = string.Empty }));

    /// <summary>The message of a session line, to its end.</summary>
    private static readonly Parser<char, Said> SessionBody =
        Lookahead(Any).Bind(first => first switch
        {
            'F' => OneOf(Try(Opened), Try(Closed), TimedOut),
            'U' or 'A' => OneOf(Try(UserVerdict), Try(Chatter)),
            'n' => OneOf(Try(NoSuchUser), Try(Chatter)),
            'S' => SecurityViolation,
            'M' => MaximumAttempts,
            'R' => OneOf(Try(RefusedPort), Chatter),
            'C' => OneOf(Try(ConnectionDenied), Try(ConnectionRefused), TimedOut),
            'P' => OneOf(Try(Terminated), Chatter),
            'u' or 'l' or 'm' or 'w' or 'e' => Chatter,
            _ => TimedOut,
        });

    private static readonly Parser<char, Said> WholeSessionBody = SessionBody.Before(End);

    /// <summary>Takes a message apart: its shape, server, client and body.</summary>
    /// <param name="message">The message after the envelope.</param>
    /// <returns>The parts.</returns>
    public static ProFtpdParts Split(string message)
    {
        var parts = Parts.Parse(message);
        return parts.Success ? parts.Value : new ProFtpdParts(ProFtpdShape.Plain, null, null, message.Trim());
    }

    /// <summary>Reads a session line's body.</summary>
    /// <param name="body">The body.</param>
    /// <param name="said">What it says, as an event template with no client.</param>
    /// <returns>Whether a rule knows the body.</returns>
    public static bool TryReadSessionBody(string body, out Said said)
    {
        said = default;
        if (body.Length == 0)
        {
            return false;
        }

        var result = WholeSessionBody.Parse(body);
        if (!result.Success)
        {
            return false;
        }

        said = result.Value;
        return true;
    }

    private static Parser<char, Unit> Phrase(string words) =>
        Word(words).Then(Char('.').Optional()).Then(OptionalSpaces).Then(End);

    private static Parser<char, Said> WholeMessage<T>(Parser<char, T> head, Func<string, Said> make) =>
        head.Then(Rest).MapWithInput((input, _) => make(input.ToString().Trim()));

    private static Said Say(FtpEvent e, Telling? telling = null) => new(e, telling);

    private static LoginEvent Failed(string? user, string detail) =>
        new() { Line = 0, Text = string.Empty, User = string.IsNullOrWhiteSpace(user) ? null : user, Succeeded = false, Detail = detail };

    /// <summary>
    /// The verdict after <c>USER </c> or <c>ANON </c>. The user name runs up to the verdict's fixed words,
    /// looked for from the end: the name is the client's to choose and may hold anything, the words
    /// after it are the server's.
    /// </summary>
    private static Said? UserSaid(string rest)
    {
        const string Success = ": Login successful";
        const string LoginFailed = " (Login failed)";
        const string NoSuchUserFound = ": no such user found";

        var trimmed = rest.TrimEnd().TrimEnd('.');
        var ok = trimmed.EndsWith(Success, StringComparison.Ordinal) ? trimmed.Length - Success.Length : -1;
        var failed = rest.LastIndexOf(LoginFailed, StringComparison.Ordinal);
        var unknown = rest.LastIndexOf(NoSuchUserFound, StringComparison.Ordinal);
        var at = Math.Max(ok, Math.Max(failed, unknown));
        if (at <= 0)
        {
            return null;
        }

        var user = rest[..at];
        if (at == ok)
        {
            return Say(new LoginEvent { Line = 0, Text = string.Empty, User = user, Succeeded = true });
        }

        if (at == failed)
        {
            var reason = rest[(at + LoginFailed.Length)..].TrimStart(':', ' ').TrimEnd();
            return Say(Failed(user, reason.Length > 0 ? reason : "Login failed"), new Telling("fail", "daemon", user));
        }

        return Say(Failed(user, "no such user found"), new Telling("fail", "daemon", user));
    }
}
