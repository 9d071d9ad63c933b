using LogLens.Events;
using LogLens.Input;
using LogLens.Parsing.Grammar;
using Pidgin;

namespace LogLens.Parsing.Formats.Timestamped;

/// <summary>
/// Parses a timestamped transcript. It remembers one thing between lines: whether a multi-line
/// reply (<c>230-</c>) is still open, so that its timestamped inner text lines become non-final
/// replies of the same code.
/// </summary>
/// <remarks>
/// After a valid timestamp, text that is neither a command nor a reply (and not inside an open
/// multi-line reply) is an <see cref="UnrecognizedLine"/> that keeps its time. It is not taken for
/// a client status message: nothing in this style shows the client writing its own words, and
/// guessing would give an unknown line a meaning it may not have.
/// </remarks>
internal sealed class TimestampedLineParser : LineParser
{
    private int? openReply;

    /// <inheritdoc />
    protected override FtpEvent? TryParse(LogLine line, string text)
    {
        if (!TimestampedGrammar.MayStart(text) || !TimestampedGrammar.TryParse(text, out var parsed))
        {
            return null;
        }

        var body = parsed.Body;
        var reply = ProtocolLines.Reply.Parse(body);
        if (reply.Success)
        {
            var r = reply.Value;
            openReply = r.IsFinal ? null : r.Code;
            return new ReplyEvent { Line = line.Number, Text = text, Time = parsed.Time, Code = r.Code, Message = r.Message, IsFinal = r.IsFinal };
        }

        var command = ProtocolLines.Command.Parse(body);
        if (command.Success)
        {
            openReply = null;
            var c = command.Value;
            return new CommandEvent { Line = line.Number, Text = text, Time = parsed.Time, Command = c.Verb, Argument = c.Argument };
        }

        if (openReply is { } open && body.Length > 0)
        {
            return new ReplyEvent { Line = line.Number, Text = text, Time = parsed.Time, Code = open, Message = body.Trim(), IsFinal = false };
        }

        return new UnrecognizedLine { Line = line.Number, Text = text, Time = parsed.Time };
    }
}
