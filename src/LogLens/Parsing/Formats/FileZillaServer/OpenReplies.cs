using LogLens.Parsing.Grammar;
using Pidgin;

namespace LogLens.Parsing.Formats.FileZillaServer;

/// <summary>
/// The multi-line replies still open, per session. FileZilla Server logs each line of a multi-line
/// reply on its own log line, and the inner lines of some (<c>211-Features:</c>, then <c>MDTM</c>,
/// <c>REST STREAM</c>, … then <c>211 End</c>) carry no code: they are read as the open reply's
/// non-final lines, not as the commands their words resemble. A coded line always reads as itself.
/// </summary>
internal sealed class OpenReplies
{
    private readonly Dictionary<string, int> open = new(StringComparer.Ordinal);

    /// <summary>Reads a server message as a reply line of the session, if it is one.</summary>
    /// <param name="session">The session's key.</param>
    /// <param name="message">The message as logged.</param>
    /// <param name="reply">The reply line: a coded line, or an inner line of the open reply.</param>
    /// <returns>Whether the message is a reply line.</returns>
    public bool TryRead(string session, string message, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ReplyLine? reply)
    {
        var parsed = ProtocolLines.Reply.Parse(message);
        if (open.TryGetValue(session, out var code))
        {
            // A coded line ends the open reply (its own code) or starts the next one; only a code-less line is inside it.
            reply = parsed.Success ? parsed.Value : new ReplyLine(code, false, message.Trim());
        }
        else if (parsed.Success)
        {
            reply = parsed.Value;
        }
        else
        {
            reply = null;
            return false;
        }

        if (reply.IsFinal)
        {
            open.Remove(session);
        }
        else
        {
            open[session] = reply.Code;
        }

        return true;
    }

    /// <summary>Whether the session has a multi-line reply open.</summary>
    /// <param name="session">The session's key.</param>
    /// <returns><see langword="true"/> when its last reply line was a leading one.</returns>
    public bool IsOpen(string session) => open.ContainsKey(session);

    /// <summary>Forgets the session's open reply (it connected anew or ended).</summary>
    /// <param name="session">The session's key.</param>
    public void Forget(string session) => open.Remove(session);
}
