using LogLens.Events;
using LogLens.Parsing.Grammar;
using Pidgin;
using static LogLens.Parsing.Grammar.Primitives;
using static Pidgin.Parser;
using static Pidgin.Parser<char>;

namespace LogLens.Parsing.Formats.FileZillaServer;

/// <summary>
/// What FileZilla Server 1.x writes, as events, by marker and module tag. Events come back with line
/// 0 and empty text; they carry their session key and client, which the tag (or, for a server's
/// <c>Session 2857 ended gracefully.</c>, the message) names.
/// </summary>
/// <remarks>
/// Mappings worth knowing:
/// <list type="bullet">
/// <item><c>&gt;&gt;</c> lines are commands, whatever their verb (a scanner's <c>GET / HTTP/1.1</c> too);
/// <c>&lt;&lt;</c> lines are replies, the code-less inner lines of a multi-line reply included.</item>
/// <item>The throttled authenticator's <c>Recording failed login for user root from IP 192.0.2.5.</c> is the
/// failed login; its other notes (<c>Authenticating user …</c>, <c>… has failed login too many times …</c>)
/// are notices, so that one failure is not counted twice.</item>
/// <item>The end of a session is <c>Control channel closed with error …</c> (<c>!!</c>), an SFTP session's
/// <c>Closing connection [code=0]</c>, or the server's <c>Session 2857 ended gracefully.</c> /
/// <c>… ended with error. Reason: …</c>: all disconnects of that session.</item>
/// <item>Everything else a session or the server says (TLS errors, status and debug chatter, the
/// administration server) is a <see cref="ServerNotice"/>: recognized, and about no session's outcome.</item>
/// </list>
/// </remarks>
internal static class ModernMessages
{
    private const string FromIp = " from IP ";

    /// <summary><c>Session 2857 ended gracefully.</c> or <c>Session 2857 ended with error. Reason: …</c>: the id and whether it erred.</summary>
    private static readonly Parser<char, (string Id, bool Graceful)> SessionEnded =
        Map(
            (id, graceful) => (id, graceful),
            String("Session ").Then(Digit.AtLeastOnceString()).Before(String(" ended ")),
            Try(String("gracefully")).ThenReturn(true).Or(Rest.ThenReturn(false)).Before(Rest));

    /// <summary><c>Session 0x5581f7a0 with ID 2857 created.</c> (debug level): the session began.</summary>
    private static readonly Parser<char, Unit> SessionCreated =
        String("Session ").Then(FastParsers.Until(' ')).Then(String(" with ID ")).Then(Digit.SkipAtLeastOnce())
            .Then(String(" created")).Then(Rest).IgnoreResult();

    /// <summary><c>User authentication attempt with method 'password' failed [user=root] …</c>: the method.</summary>
    private static readonly Parser<char, string> AuthenticationFailed =
        String("User authentication attempt with method '").Then(FastParsers.Until('\'')).Before(String("' failed")).Before(Rest);

    /// <summary>Reads a 1.x line as an event.</summary>
    /// <param name="line">The line's parts.</param>
    /// <param name="replies">The open multi-line replies, per session.</param>
    /// <returns>The event, or <see langword="null"/> when no rule knows the line.</returns>
    public static FtpEvent? Read(in ModernLine line, OpenReplies replies) => line.Tag switch
    {
        { Kind: ModernTagKind.Session } session => ReadSession(line, session, replies),
        { Kind: ModernTagKind.SessionMeta, SessionId: { } id } => ReadForSession(line.Message, id),
        { IsFileServer: true } => ReadServer(line.Message, replies),
        _ => Notice(null),
    };

    private static FtpEvent? ReadSession(in ModernLine line, ModernTag tag, OpenReplies replies)
    {
        var key = tag.SessionId!;
        var message = line.Message;
        switch (line.Marker)
        {
            case ModernMarker.Reply:
                return replies.TryRead(key, message, out var reply)
                    ? In(new ReplyEvent { Line = 0, Text = string.Empty, Code = reply.Code, Message = reply.Message, IsFinal = reply.IsFinal }, key, tag.Client)
                    : null;
            case ModernMarker.Command:
                return In(CommandOf(message), key, tag.Client);
            case ModernMarker.Error when message.StartsWith("Control channel closed", StringComparison.OrdinalIgnoreCase):
            case ModernMarker.Status when message.StartsWith("Closing connection", StringComparison.OrdinalIgnoreCase):
                replies.Forget(key);
                return In(new DisconnectEvent { Line = 0, Text = string.Empty, User = tag.User, Detail = message }, key, tag.Client);
            case ModernMarker.Error when AuthenticationFailed.Parse(message) is { Success: true } failed && IsLoginMethod(failed.Value):
                return In(
                    new LoginEvent
                    {
                        Line = 0,
                        Text = string.Empty,
                        User = Field(message, "user") ?? tag.User,
                        Succeeded = false,
                        Detail = Field(message, "error") ?? message,
                    },
                    key,
                    tag.Client);
            case ModernMarker.Debug when SessionCreated.Parse(message).Success:
                replies.Forget(key);
                return In(new ConnectEvent { Line = 0, Text = string.Empty }, key, tag.Client);
            default:
                return ReadForSession(message, key) is LoginEvent login ? login with { Client = login.Client ?? tag.Client } : Notice(tag.Client);
        }
    }

    /// <summary>A module's line about a session (the throttled authenticator's): the failed login it records, or a notice.</summary>
    private static FtpEvent ReadForSession(string message, string key)
    {
        const string recording = "Recording failed login for user ";
        if (message.StartsWith(recording, StringComparison.Ordinal) && message.LastIndexOf(FromIp, StringComparison.Ordinal) is var from and > 0)
        {
            // "for user  from IP" (no name) puts " from IP " inside the prefix itself.
            var user = from > recording.Length ? message[recording.Length..from].Trim() : string.Empty;
            return In(
                new LoginEvent { Line = 0, Text = string.Empty, User = user.Length == 0 ? null : user, Succeeded = false },
                key,
                AddressAfter(message, from));
        }

        return Notice(AddressAfter(message, message.LastIndexOf(FromIp, StringComparison.Ordinal)));
    }

    /// <summary>A file server's own line: a session's end, or a notice (listening, settings).</summary>
    private static FtpEvent ReadServer(string message, OpenReplies replies)
    {
        var ended = SessionEnded.Parse(message);
        if (!ended.Success)
        {
            return Notice(null);
        }

        replies.Forget(ended.Value.Id);
        return In(
            new DisconnectEvent { Line = 0, Text = string.Empty, Detail = ended.Value.Graceful ? null : message },
            ended.Value.Id,
            null);
    }

    /// <summary>A command as the client sent it: a known verb, or any first word (scanners send HTTP requests too).</summary>
    private static CommandEvent CommandOf(string message)
    {
        var known = ProtocolLines.Command.Parse(message);
        if (known.Success)
        {
            return new CommandEvent { Line = 0, Text = string.Empty, Command = known.Value.Verb, Argument = known.Value.Argument };
        }

        var space = message.IndexOf(' ');
        var verb = (space < 0 ? message : message[..space]).ToUpperInvariant();
        var argument = space < 0 ? null : message[(space + 1)..].Trim();
        return new CommandEvent
        {
            Line = 0,
            Text = string.Empty,
            Command = verb,
            Argument = verb == "PASS" ? Redaction.Mark : string.IsNullOrEmpty(argument) ? null : argument,
        };
    }

    /// <summary>Methods whose failure is a failed login; a failed <c>none</c> or <c>publickey</c> probe is not.</summary>
    private static bool IsLoginMethod(string method) =>
        method.Equals("password", StringComparison.OrdinalIgnoreCase) || method.Equals("keyboard-interactive", StringComparison.OrdinalIgnoreCase);

    /// <summary>The value of a <c>[name=value]</c> field.</summary>
    private static string? Field(string message, string name)
    {
        var at = message.IndexOf("[" + name + "=", StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var start = at + name.Length + 2;
        var end = message.IndexOf(']', start);
        var value = (end < 0 ? message[start..] : message[start..end]).Trim();
        return value.Length == 0 ? null : value;
    }

    /// <summary>The address after <c> from IP </c> at <paramref name="from"/>, normalized, or null.</summary>
    private static string? AddressAfter(string message, int from)
    {
        if (from < 0)
        {
            return null;
        }

        var rest = message.AsSpan(from + FromIp.Length);
        var end = rest.IndexOf(' ');
        var token = (end < 0 ? rest : rest[..end]).TrimEnd('.').ToString();
        var address = Addresses.Ip.Before(End).Parse(token);
        return address.Success ? address.Value : null;
    }

    private static FtpEvent In(FtpEvent e, string key, string? client) => e with { SessionKey = key, Client = client };

    private static ServerNotice Notice(string? client) => new() { Line = 0, Text = string.Empty, Client = client };
}
