using LogLens.Events;
using LogLens.Parsing.Grammar;
using Pidgin;
using static LogLens.Parsing.Grammar.Primitives;
using static Pidgin.Parser;
using static Pidgin.Parser<char>;

namespace LogLens.Parsing.Formats.ServU;

/// <summary>
/// What Serv-U writes after a session id, as events. The events come back with an empty
/// <see cref="FtpEvent.Text"/> and line 0: the line parser fills in the line, the text, the time
/// and the session key. The one entry is <see cref="Message"/>.
/// </summary>
/// <remarks>
/// Mappings worth knowing:
/// <list type="bullet">
/// <item>Server notes of an action a client asked for (<c>File deleted:</c>, <c>Directory created:</c>,
/// <c>Directory deleted:</c>, <c>Renamed … to …</c>, 15.x <c>Sending file</c> / <c>Receiving file</c>) become
/// the <see cref="CommandEvent"/> that asked for it (DELE, MKD, RMD, RNTO, RETR, STOR) with the server's path.</item>
/// <item>Every line that ends a session (<c>Closing connection for …</c>, timeouts, <c>Disconnected</c>,
/// 15.x <c>Closed session</c> and <c>User "x" logged out</c>) is a <see cref="DisconnectEvent"/> whose
/// <see cref="DisconnectEvent.Detail"/> is the server's whole message.</item>
/// <item>Failed logins keep the server's words in <see cref="LoginEvent.Detail"/>, never a password field.</item>
/// </list>
/// </remarks>
internal static class ServUMessages
{
    private static readonly Parser<char, string> Quoted =
        Char('"').Then(AnyCharExcept('"').ManyString()).Before(Char('"'));

    /// <summary>A user name: quoted (15.x) or a bare word (6.x).</summary>
    private static readonly Parser<char, string> Name = Quoted.Or(AnyCharExcept(' ', '\t').AtLeastOnceString());

    /// <summary>An IPv4 or IPv6 address (or a host name), up to a blank, comma or parenthesis.</summary>
    private static readonly Parser<char, string> Address = AnyCharExcept(' ', '\t', ',', '(', ')').AtLeastOnceString();

    /// <summary>A path to the end of the message, quoted or not.</summary>
    private static readonly Parser<char, string> PathToEnd =
        Try(Quoted.Before(Rest)).Or(Rest.Select(p => p.Trim()));

    private static readonly Parser<char, FtpEvent> Reply =
        ProtocolLines.Reply.Select(r => AsEvent(new ReplyEvent { Line = 0, Text = string.Empty, Code = r.Code, Message = r.Message, IsFinal = r.IsFinal }));

    private static readonly Parser<char, FtpEvent> Command =
        ProtocolLines.Command.Select(c => CommandOf(c.Verb, c.Argument));

    /// <summary><c>Connected to 198.51.100.7 (Local address 192.0.2.10)</c>, also <c>(local address 192.0.2.10, port 21)</c>.</summary>
    private static readonly Parser<char, FtpEvent> Connected =
        Map(
            (client, server) => AsEvent(new ConnectEvent { Line = 0, Text = string.Empty, Client = client, Server = server.HasValue ? server.Value : null }),
            Word("Connected to").Then(Spaces).Then(Address),
            Try(Spaces.Then(Char('(')).Then(Word("local address")).Then(Spaces).Then(Address)).Optional().Before(Rest));

    /// <summary><c>User bob logged in</c> (6.x), <c>User "bob" logged in</c> (15.x).</summary>
    private static readonly Parser<char, FtpEvent> LoggedIn =
        UserThen("logged in").Before(Rest)
            .Select(user => AsEvent(new LoginEvent { Line = 0, Text = string.Empty, User = NullIfEmpty(user), Succeeded = true }));

    /// <summary><c>User "bob" logged out</c> (15.x): the session's end.</summary>
    private static readonly Parser<char, FtpEvent> LoggedOut =
        WithMessage(UserThen("logged out"), (user, message) => Disconnect(NullIfEmpty(user), null, message));

    /// <summary><c>Password wrong too many times for user "lin" - disconnecting</c>.</summary>
    private static readonly Parser<char, FtpEvent> PasswordWrongTooManyTimes =
        WithMessage(
            Word("Password wrong too many times for user").Then(Spaces).Then(Name),
            (user, message) => AsEvent(new LoginEvent { Line = 0, Text = string.Empty, User = NullIfEmpty(user), Succeeded = false, Detail = message }));

    /// <summary>
    /// <c>Invalid login credentials; user: "lin"; password: "****"</c> (15.x). The detail is the text
    /// before the first field, so that the password field never reaches it.
    /// </summary>
    private static readonly Parser<char, FtpEvent> InvalidLogin =
        Word("Invalid login").Then(Rest).MapWithInput((input, _) => InvalidLoginEvent(input.ToString()));

    /// <summary><c>Closing connection for user BOB (00:00:12 connected)</c> or <c>… for 198.51.100.7 (…)</c>.</summary>
    private static readonly Parser<char, FtpEvent> ClosingConnection =
        WithMessage(
            Word("Closing connection for").Then(Spaces).Then(
                Try(Word("user").Then(Spaces).Then(Name)).Select(user => (User: (string?)NullIfEmpty(user), Client: (string?)null))
                    .Or(Address.Select(address => (User: (string?)null, Client: (string?)address)))),
            (who, message) => Disconnect(who.User, who.Client, message));

    /// <summary>The words Serv-U starts a timeout line with; the whole message becomes the detail.</summary>
    private static readonly Parser<char, FtpEvent> TimedOut =
        WithMessage(
            OneOf(
                Word("Session timed out"),
                Word("Session timeout"),
                Word("Session idle time out"),
                Word("Session idle timeout"),
                Word("Session idle time-out"),
                Word("Session time-out"),
                Word("Connection timed out"),
                Word("Idle timeout"),
                Word("Idle time-out"),
                Word("Timed out"),
                Word("Timeout")),
            (_, message) => Disconnect(null, null, message));

    /// <summary><c>Disconnected</c>, <c>Closed session</c> (15.x), <c>Connection closed</c>.</summary>
    private static readonly Parser<char, FtpEvent> Closed =
        WithMessage(
            OneOf(Word("Disconnected"), Word("Closed session"), Word("Connection closed")),
            (_, message) => Disconnect(null, null, message));

    /// <summary><c>Sent</c> (a download) or <c>Received</c> (an upload), then <c>file</c>.</summary>
    private static readonly Parser<char, TransferDirection> Finished =
        OneOf(
            Word("Sent").ThenReturn(TransferDirection.Download),
            Word("Received").ThenReturn(TransferDirection.Upload))
        .Before(Spaces).Before(Word("file")).Before(Spaces);

    /// <summary>What may follow the outcome word: the end, the statistics, a colon, a final period.</summary>
    private static readonly Parser<char, Unit> OutcomeEnd =
        OneOf(End, Try(Spaces.Then(Char('('))).IgnoreResult(), Char(':').IgnoreResult(), Try(Char('.').Then(End)));

    /// <summary>The outcome word after the path: <c>successfully</c>, <c>failed</c> or <c>aborted</c>.</summary>
    private static readonly Parser<char, bool> Outcome =
        Try(Spaces.Then(OneOf(
                Word("successfully").ThenReturn(true),
                Word("failed").ThenReturn(false),
                Word("aborted").ThenReturn(false)))
            .Before(Lookahead(OutcomeEnd)));

    /// <summary>A quoted path (15.x) or a bare one that may hold spaces (6.x), then the outcome.</summary>
    private static readonly Parser<char, (string Path, bool Succeeded)> PathAndOutcome =
        Try(Map((path, succeeded) => (path, succeeded), Quoted, Outcome))
            .Or(Any.ManyThen(Outcome).Select(t => (string.Concat(t.Item1), t.Item2)));

    /// <summary>A byte count, with or without thousands separators (<c>1048576</c>, <c>14,022</c>).</summary>
    private static readonly Parser<char, long> ByteCount =
        Map((first, rest) => first + rest, Digit, OneOf(Digit, Char(','), Char('.')).ManyString())
            .Select(s => s.Replace(",", string.Empty, StringComparison.Ordinal).Replace(".", string.Empty, StringComparison.Ordinal))
            .Assert(s => s.Length <= 18, "a byte count")
            .Select(s => long.Parse(s, System.Globalization.CultureInfo.InvariantCulture));

    /// <summary><c>(85.3 kB/sec - 1048576 Bytes)</c>.</summary>
    private static readonly Parser<char, (string Rate, long Bytes)> Statistics =
        Map(
            (rate, bytes) => (string.Concat(rate.Item1).Trim(), bytes),
            Spaces.Then(Char('(')).Then(AnyCharExcept(')').ManyThen(Try(String(" - ")))),
            OptionalSpaces.Then(ByteCount).Before(Spaces).Before(CIString("Bytes")).Before(Char(')')));

    /// <summary><c>Sent file C:\ftp\a b.zip successfully (85.3 kB/sec - 1048576 Bytes)</c>, <c>Received file "…" failed</c>.</summary>
    private static readonly Parser<char, FtpEvent> Transfer =
        Map(
            (direction, outcome, statistics) => TransferOf(
                direction,
                outcome.Path,
                outcome.Succeeded,
                statistics.HasValue ? statistics.Value.Rate : null,
                statistics.HasValue ? statistics.Value.Bytes : null),
            Finished,
            PathAndOutcome,
            Try(Statistics).Optional().Before(Rest));

    /// <summary><c>Error sending file "…"</c> / <c>Error receiving file "…"</c> (15.x): a failed transfer.</summary>
    private static readonly Parser<char, FtpEvent> TransferError =
        Map(
            (direction, path) => TransferOf(direction, path, false, null, null),
            Word("Error").Then(Spaces).Then(OneOf(
                    Word("sending").ThenReturn(TransferDirection.Download),
                    Word("receiving").ThenReturn(TransferDirection.Upload)))
                .Before(Spaces).Before(Word("file")).Before(Spaces),
            PathToEnd);

    /// <summary>Server notes of an action, as the command that asked for it.</summary>
    private static readonly Parser<char, FtpEvent> ActionNote =
        OneOf(
            Note("File deleted:", "DELE"),
            Note("Directory created:", "MKD"),
            Note("Directory deleted:", "RMD"),
            Note("Sending file", "RETR"),
            Note("Receiving file", "STOR"),
            Try(Word("Renamed").Then(Spaces).Then(Quoted).Then(Spaces).Then(Word("to")).Then(Spaces).Then(PathToEnd))
                .Select(to => CommandOf("RNTO", to)));

    // The alternatives a message can start with, grouped by its first letter so that a line tries
    // only the few that can match. Commands come last in every group: a 6.x "User bob logged in"
    // would otherwise read as the command USER.
    private static readonly Parser<char, FtpEvent> StartsWithC =
        OneOf(Try(Connected), Try(ClosingConnection), Try(TimedOut), Try(Closed), Try(Command));

    private static readonly Parser<char, FtpEvent> StartsWithD = OneOf(Try(Closed), Try(ActionNote), Try(Command));

    private static readonly Parser<char, FtpEvent> StartsWithE = OneOf(Try(TransferError), Try(Command));

    private static readonly Parser<char, FtpEvent> StartsWithF = OneOf(Try(ActionNote), Try(Command));

    private static readonly Parser<char, FtpEvent> StartsWithI = OneOf(Try(InvalidLogin), Try(TimedOut), Try(Command));

    private static readonly Parser<char, FtpEvent> StartsWithP = OneOf(Try(PasswordWrongTooManyTimes), Try(Command));

    private static readonly Parser<char, FtpEvent> StartsWithR = OneOf(Try(Transfer), Try(ActionNote), Try(Command));

    private static readonly Parser<char, FtpEvent> StartsWithS = OneOf(Try(TimedOut), Try(Transfer), Try(ActionNote), Try(Command));

    private static readonly Parser<char, FtpEvent> StartsWithT = OneOf(Try(TimedOut), Try(Command));

    private static readonly Parser<char, FtpEvent> StartsWithU = OneOf(Try(LoggedIn), Try(LoggedOut), Try(Command));

    /// <summary>
    /// The message of a session line, to its end: a reply, a server message this class knows, or a
    /// command. The events come with line 0 and empty text, for the line parser to fill in.
    /// </summary>
    public static readonly Parser<char, FtpEvent> Message =
        Lookahead(Any).Bind(first => char.ToUpperInvariant(first) switch
        {
            >= '0' and <= '9' => Reply,
            'C' => StartsWithC,
            'D' => StartsWithD,
            'E' => StartsWithE,
            'F' => StartsWithF,
            'I' => StartsWithI,
            'P' => StartsWithP,
            'R' => StartsWithR,
            'S' => StartsWithS,
            'T' => StartsWithT,
            'U' => StartsWithU,
            _ => Command,
        });

    private static Parser<char, string> UserThen(string tail) =>
        Word("User").Then(Spaces).Then(Name).Before(Spaces).Before(Word(tail));

    private static Parser<char, FtpEvent> WithMessage<T>(Parser<char, T> head, Func<T, string, FtpEvent> make) =>
        head.Before(Rest).MapWithInput((input, value) => make(value, input.ToString().Trim()));

    private static Parser<char, FtpEvent> Note(string words, string verb) =>
        Word(words).Then(OptionalSpaces).Then(PathToEnd).Select(path => CommandOf(verb, path));

    private static FtpEvent InvalidLoginEvent(string message)
    {
        var firstField = message.IndexOf(';', StringComparison.Ordinal);
        var detail = (firstField < 0 ? message : message[..firstField]).Trim();
        return AsEvent(new LoginEvent
        {
            Line = 0,
            Text = string.Empty,
            User = ServUFields.Value(message, "user"),
            Succeeded = false,
            Detail = detail,
        });
    }

    private static FtpEvent Disconnect(string? user, string? client, string message) =>
        AsEvent(new DisconnectEvent { Line = 0, Text = string.Empty, User = user, Client = client, Detail = message });

    private static FtpEvent TransferOf(TransferDirection direction, string path, bool succeeded, string? rate, long? bytes) =>
        AsEvent(new TransferEvent
        {
            Line = 0,
            Text = string.Empty,
            Direction = direction,
            Path = path.Trim(),
            Succeeded = succeeded,
            Rate = string.IsNullOrEmpty(rate) ? null : rate,
            Bytes = bytes,
        });

    private static FtpEvent CommandOf(string verb, string? argument) =>
        AsEvent(new CommandEvent
        {
            Line = 0,
            Text = string.Empty,
            Command = verb,
            Argument = verb == "PASS" ? Redaction.Mark : NullIfEmpty(argument),
        });

    private static FtpEvent AsEvent(FtpEvent template) => template;

    private static string? NullIfEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
