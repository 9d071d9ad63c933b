using LogLens.Events;
using LogLens.Input;

namespace LogLens.Parsing.Formats.CuteFtp;

/// <summary>
/// Turns the lines of one CuteFTP transcript into events. It remembers whether the previous line
/// was a status or error message (or the open part of a multi-line reply), so that plain text
/// right after it is read as that message's wrapped continuation.
/// </summary>
internal sealed class CuteFtpLineParser(CuteFtpGrammar grammar) : LineParser
{
    private bool continuable;

    /// <summary>Whether an event could only come from a CuteFTP transcript: its prefixed lines.</summary>
    /// <param name="parsed">A recognized event.</param>
    /// <returns><see langword="true"/> for status, error and command lines; bare replies and continuations are shared.</returns>
    public static bool IsPrefixed(FtpEvent parsed) => parsed is ClientMessageEvent or CommandEvent;

    /// <inheritdoc />
    protected override FtpEvent? TryParse(LogLine line, string text)
    {
        var start = 0;
        while (start < text.Length && (char.IsWhiteSpace(text[start]) || text[start] == '\uFEFF'))
        {
            start++;
        }

        var parsed = grammar.Parse(text.AsSpan(start).TrimEnd());
        FtpEvent? result = parsed switch
        {
            CuteFtpMessageLine m => new ClientMessageEvent
            {
                Line = line.Number,
                Text = text,
                Time = m.Time,
                Severity = m.Severity,
                Kind = m.Meaning.Kind,
                Message = m.Message,
                Host = m.Meaning.Host,
                Port = m.Meaning.Port,
                Address = m.Meaning.Address,
                SocketError = m.Meaning.SocketError,
                Seconds = m.Meaning.Seconds,
            },
            CuteFtpCommandLine c => new CommandEvent
            {
                Line = line.Number,
                Text = c.Command is { Verb: "PASS", Argument: not null }
                    ? string.Concat(text.AsSpan(0, start + c.VerbOffset + 4), " ", Redaction.Mark)
                    : text,
                Time = c.Time,
                Command = c.Command.Verb,
                Argument = c.Command.Argument,
            },
            CuteFtpReplyLine r => new ReplyEvent
            {
                Line = line.Number,
                Text = text,
                Time = r.Time,
                Code = r.Reply.Code,
                IsFinal = r.Reply.IsFinal,
                Message = r.Reply.Message,
            },
            CuteFtpPlainLine p when continuable => new ContinuationLine { Line = line.Number, Text = text, Time = p.Time },
            _ => null,
        };

        continuable = result switch
        {
            ClientMessageEvent => true,
            ContinuationLine => continuable,
            ReplyEvent reply => !reply.IsFinal,
            _ => false,
        };
        return result;
    }
}
