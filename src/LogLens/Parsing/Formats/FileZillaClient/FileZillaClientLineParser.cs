using LogLens.Events;
using LogLens.Input;
using LogLens.Parsing.Grammar;
using Pidgin;

namespace LogLens.Parsing.Formats.FileZillaClient;

/// <summary>
/// Turns a FileZilla client log into events, keeping per connection (per <c>pid/engine</c> of the
/// log file; one stream for a copied message log) what the current attempt has shown. That state
/// decides what FileZilla's summary lines mean, because FileZilla says the same thing twice:
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>Resolving address of ftp.example.com</c> begins the attempt (a <see cref="ClientMessageKind.Connecting"/>
/// with the host as typed); the <c>Connecting to 203.0.113.5:21...</c> that follows is that attempt's
/// address (kind <see cref="ClientMessageKind.Other"/>, with host, port and address). Without a
/// resolve (an IP typed), <c>Connecting to</c> itself begins the attempt. <c>Connection attempt failed
/// with "…", trying next address.</c> keeps the attempt going.</item>
/// <item>The first failure of an attempt decides it: <c>Connection attempt failed with "ECONNREFUSED …"</c>
/// (socket error 10061), a refusing reply (<c>530</c>, <c>421</c>), a timeout. The
/// <c>Could not connect to server</c> / <c>Critical error: …</c> FileZilla writes after it is only
/// its summary (kind Other): as a connect failure of its own it would hide the reason. Alone, it is
/// the connect failure.</item>
/// <item><c>Connection timed out after 20 seconds of inactivity</c> before the TCP connection is up is a
/// connect failure with socket error 10060 (the connection attempt timed out); after, it is a timeout.</item>
/// <item>Likewise <c>Critical file transfer error</c> after a failing reply to RETR/STOR (550, 426, …)
/// is a summary; alone it is the transfer failure.</item>
/// <item><c>Disconnected from server</c> as a status is the client's own disconnect (Other); as an error,
/// or with a socket error, the connection was lost (<see cref="ClientMessageKind.ConnectionClosed"/>).
/// <c>Connection closed by server</c> is <see cref="ClientMessageKind.ControlConnectionClosed"/>.</item>
/// <item><c>Retrieving directory listing...</c> is Other, not <see cref="ClientMessageKind.GettingListing"/>: in
/// FileZilla it happens inside a connection, where a "getting listing" would begin a new attempt.</item>
/// <item><c>Trace:</c> and <c>Listing:</c> lines are status messages of kind Other: the client's own
/// words about the session, not the server's.</item>
/// </list>
/// </remarks>
internal sealed class FileZillaClientLineParser : LineParser
{
    private static readonly HashSet<string> DataCommands = new(StringComparer.OrdinalIgnoreCase) { "RETR", "STOR", "STOU", "APPE", "LIST", "NLST", "MLSD" };

    private readonly Dictionary<string, Attempt> attempts = new(StringComparer.Ordinal);

    /// <inheritdoc />
    protected override FtpEvent? TryParse(LogLine line, string text)
    {
        if (!FileZillaClientGrammar.TryParse(text, out var parsed))
        {
            return null;
        }

        var attempt = AttemptOf(parsed.Stream);

        FtpEvent? e = parsed.Type switch
        {
            FileZillaLineType.Command => Command(parsed.Message, attempt),
            FileZillaLineType.Response => Response(parsed.Message, attempt),
            FileZillaLineType.Status or FileZillaLineType.Error => Said(parsed.Message, parsed.Type == FileZillaLineType.Error, attempt),
            _ => Message(ClientMessageSeverity.Status, ClientMessageKind.Other, parsed.Message),
        };

        return e is null
            ? new UnrecognizedLine { Line = line.Number, Text = text, Time = parsed.Time, SessionKey = parsed.Stream }
            : e with { Line = line.Number, Text = text, Time = parsed.Time, SessionKey = parsed.Stream };
    }

    private static CommandEvent Command(string message, Attempt attempt)
    {
        if (IsSftpPassword(message))
        {
            return new CommandEvent { Line = 0, Text = string.Empty, Command = "PASS", Argument = Redaction.Mark };
        }

        var known = ProtocolLines.Command.Parse(message);
        string verb;
        string? argument;
        if (known.Success)
        {
            (verb, argument) = (known.Value.Verb, known.Value.Argument);
        }
        else
        {
            var space = message.IndexOf(' ');
            verb = (space < 0 ? message : message[..space]).ToUpperInvariant();
            argument = space < 0 ? null : message[(space + 1)..].Trim();
            argument = verb == "PASS" ? Redaction.Mark : string.IsNullOrEmpty(argument) ? null : argument;
        }

        if (DataCommands.Contains(verb))
        {
            attempt.DataCommandPending = true;
            attempt.DataFailed = false;
        }

        return new CommandEvent { Line = 0, Text = string.Empty, Command = verb, Argument = argument };
    }

    /// <summary>SFTP's password step, <c>Pass: ********</c>.</summary>
    private static bool IsSftpPassword(string message) => message.StartsWith("Pass:", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// What FileZilla's SFTP helper answers without a reply code: its start (<c>fzSftp started,
    /// protocol_version=11</c>) and the directory it stands in. Other code-less text stays unrecognized.
    /// </summary>
    private static bool IsSftpResponse(string message)
    {
        var text = message.AsSpan().TrimStart();
        return text.StartsWith("fzSftp started", StringComparison.Ordinal)
            || text.StartsWith("Current directory is: ", StringComparison.Ordinal)
            || text.StartsWith("New directory is: ", StringComparison.Ordinal);
    }

    private static FtpEvent? Response(string message, Attempt attempt)
    {
        var parsed = ProtocolLines.Reply.Parse(message);
        ReplyLine reply;
        if (attempt.OpenReply is { } open)
        {
            reply = parsed.Success ? parsed.Value : new ReplyLine(open, false, message.Trim());
        }
        else if (parsed.Success)
        {
            reply = parsed.Value;
        }
        else
        {
            return IsSftpResponse(message) ? Message(ClientMessageSeverity.Status, ClientMessageKind.Other, message) : null;
        }

        attempt.OpenReply = reply.IsFinal ? null : reply.Code;
        if (reply.IsFinal)
        {
            if (reply.Code >= 400)
            {
                attempt.Failed = true;
                attempt.DataFailed |= attempt.DataCommandPending;
            }

            if (reply.Code is 226 or 250 || reply.Code >= 400)
            {
                attempt.DataCommandPending = false;
            }
        }

        return new ReplyEvent { Line = 0, Text = string.Empty, Code = reply.Code, Message = reply.Message, IsFinal = reply.IsFinal };
    }

    private static ClientMessageEvent Said(string message, bool isError, Attempt attempt)
    {
        var severity = isError ? ClientMessageSeverity.Error : ClientMessageSeverity.Status;
        var said = FileZillaMessages.Read(message);
        switch (said.Says)
        {
            case FileZillaSays.Resolving:
                attempt.Begin(said.Host);
                attempt.AwaitingAddress = true;
                return Message(severity, ClientMessageKind.Connecting, message) with { Host = said.Host };
            case FileZillaSays.Connecting when attempt.AwaitingAddress:
                attempt.AwaitingAddress = false;
                return Message(severity, ClientMessageKind.Other, message) with { Host = attempt.Host ?? said.Host, Port = said.Port, Address = said.Host };
            case FileZillaSays.Connecting:
                attempt.Begin(said.Host);
                return Message(severity, ClientMessageKind.Connecting, message) with { Host = said.Host, Port = said.Port, Address = said.Host };
            case FileZillaSays.TryingNextAddress:
                attempt.AwaitingAddress = true;
                return Message(severity, ClientMessageKind.Other, message);
            case FileZillaSays.AttemptFailed or FileZillaSays.CouldNotConnect:
                attempt.AwaitingAddress = false;
                return attempt.Fail()
                    ? Message(severity, ClientMessageKind.ConnectFailed, message) with { SocketError = said.SocketError }
                    : Message(severity, ClientMessageKind.Other, message);
            case FileZillaSays.SocketConnected:
                attempt.Connected = true;
                return Message(severity, ClientMessageKind.SocketConnected, message);
            case FileZillaSays.LoggedIn:
                attempt.Connected = true;
                return Message(severity, ClientMessageKind.LoginSucceeded, message);
            case FileZillaSays.AuthenticationFailed:
                attempt.Fail();
                return Message(severity, ClientMessageKind.NotLoggedIn, message);
            case FileZillaSays.TimedOut:
                if (!attempt.Connected && attempt.Fail())
                {
                    return Message(severity, ClientMessageKind.ConnectFailed, message) with { SocketError = 10060 };
                }

                attempt.Fail();
                return Message(severity, ClientMessageKind.TimedOut, message);
            case FileZillaSays.Waiting:
                return Message(severity, ClientMessageKind.Waiting, message) with { Seconds = said.Seconds };
            case FileZillaSays.ClosedByServer:
                attempt.Fail();
                return Message(severity, ClientMessageKind.ControlConnectionClosed, message);
            case FileZillaSays.ConnectionLost:
                attempt.Fail();
                return Message(severity, ClientMessageKind.ConnectionClosed, message);
            case FileZillaSays.Disconnected when isError:
                attempt.Fail();
                return Message(severity, ClientMessageKind.ConnectionClosed, message);
            case FileZillaSays.TransferSucceeded:
                return Message(severity, ClientMessageKind.TransferComplete, message) with { Bytes = said.Bytes };
            case FileZillaSays.TransferFailed:
                return Message(severity, attempt.DataFailed ? ClientMessageKind.Other : ClientMessageKind.TransferFailed, message);
            default:
                return Message(severity, ClientMessageKind.Other, message);
        }
    }

    private static ClientMessageEvent Message(ClientMessageSeverity severity, ClientMessageKind kind, string message) =>
        new() { Line = 0, Text = string.Empty, Severity = severity, Kind = kind, Message = message.Trim() };

    private Attempt AttemptOf(string? stream)
    {
        var key = stream ?? string.Empty;
        if (!attempts.TryGetValue(key, out var attempt))
        {
            attempt = new Attempt();
            attempts[key] = attempt;
        }

        return attempt;
    }

    /// <summary>What one connection's current attempt has shown so far.</summary>
    private sealed class Attempt
    {
        /// <summary>The host the attempt connects to, as resolved or typed.</summary>
        public string? Host { get; private set; }

        /// <summary>Whether the next <c>Connecting to</c> is this attempt's address (after a resolve or a failed address).</summary>
        public bool AwaitingAddress { get; set; }

        /// <summary>Whether the connection is up (welcome awaited, or logged in).</summary>
        public bool Connected { get; set; }

        /// <summary>Whether a failure already decided the attempt.</summary>
        public bool Failed { get; set; }

        /// <summary>Whether a RETR/STOR/LIST awaits its final reply.</summary>
        public bool DataCommandPending { get; set; }

        /// <summary>Whether the last data command was answered with a failure.</summary>
        public bool DataFailed { get; set; }

        /// <summary>The code of a multi-line reply still open.</summary>
        public int? OpenReply { get; set; }

        /// <summary>Starts a new attempt.</summary>
        public void Begin(string? host)
        {
            Host = host;
            AwaitingAddress = false;
            Connected = false;
            Failed = false;
            DataCommandPending = false;
            DataFailed = false;
            OpenReply = null;
        }

        /// <summary>Records a failure.</summary>
        /// <returns>Whether it is the attempt's first, which decides it.</returns>
        public bool Fail()
        {
            var first = !Failed;
            Failed = true;
            return first;
        }
    }
}
