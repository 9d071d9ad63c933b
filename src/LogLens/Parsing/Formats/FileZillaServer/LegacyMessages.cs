using LogLens.Events;
using LogLens.Parsing.Grammar;
using Pidgin;
using static LogLens.Parsing.Grammar.Primitives;
using static Pidgin.Parser;
using static Pidgin.Parser<char>;

namespace LogLens.Parsing.Formats.FileZillaServer;

/// <summary>
/// What FileZilla Server 0.9 writes after <c>&gt; </c>, as events: the replies it sent, the commands
/// it received, and its own few words (<c>Connected, sending welcome message...</c>,
/// <c>disconnected.</c>, TLS notes). Events come back with line 0 and empty text, for the line
/// parser to fill in with the line, its text, time, session key and client.
/// </summary>
internal static class LegacyMessages
{
    /// <summary>The server's own words, by their opening; longer openings first.</summary>
    private static readonly Parser<char, Said> Own =
        FastParsers.Dispatch(
            ignoreCase: true,
            ("Connected on port", Rest.ThenReturn(Said.Connect)),
            ("Connected, sending welcome message", Rest.ThenReturn(Said.Connect)),
            ("could not send reply", Rest.ThenReturn(Said.DisconnectWithReason)),
            ("Refusing connection", Rest.ThenReturn(Said.Notice)),
            ("disconnected", Try(CIString("disconnected").Then(Char('.').Optional()).Then(OptionalSpaces).Then(End)).ThenReturn(Said.Disconnect)),
            ("SSL ", Rest.ThenReturn(Said.Notice)),
            ("TLS ", Rest.ThenReturn(Said.Notice)),
            ("Data connection ", Rest.ThenReturn(Said.Notice)));

    private enum Said
    {
        Connect,
        Disconnect,
        DisconnectWithReason,
        Notice,
    }

    /// <summary>Reads a 0.9 message as an event.</summary>
    /// <param name="line">The line's prefix and message.</param>
    /// <param name="replies">The session's open multi-line replies.</param>
    /// <returns>The event, or <see langword="null"/> when no rule knows the message.</returns>
    public static FtpEvent? Read(in LegacyLine line, OpenReplies replies)
    {
        var message = line.Message;
        var own = Own.Parse(message);
        if (own.Success)
        {
            switch (own.Value)
            {
                case Said.Connect:
                    replies.Forget(line.SessionId);
                    return new ConnectEvent { Line = 0, Text = string.Empty };
                case Said.Disconnect:
                    replies.Forget(line.SessionId);
                    return new DisconnectEvent { Line = 0, Text = string.Empty, User = line.User };
                case Said.DisconnectWithReason:
                    replies.Forget(line.SessionId);
                    return new DisconnectEvent { Line = 0, Text = string.Empty, User = line.User, Detail = message.Trim() };
                default:
                    return new ServerNotice { Line = 0, Text = string.Empty };
            }
        }

        if (replies.TryRead(line.SessionId, message, out var reply))
        {
            return new ReplyEvent { Line = 0, Text = string.Empty, Code = reply.Code, Message = reply.Message, IsFinal = reply.IsFinal };
        }

        var command = ProtocolLines.Command.Parse(message);
        return command.Success
            ? new CommandEvent { Line = 0, Text = string.Empty, Command = command.Value.Verb, Argument = command.Value.Argument }
            : null;
    }
}
