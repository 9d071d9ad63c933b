using LogLens.Events;

namespace LogLens.Parsing.Syslog;

/// <summary>
/// What TCP wrappers (libwrap, tcpd) write under the daemon's name: <c>connect from 192.0.2.7</c> when a
/// client is let in, <c>refused connect from host (192.0.2.7)</c> when it is turned away.
/// </summary>
internal static class TcpWrappers
{
    private const string Connect = "connect from";
    private const string Refused = "refused connect from";

    /// <summary>Reads a TCP wrappers message.</summary>
    /// <param name="message">The daemon message.</param>
    /// <param name="said">The connect (telling <c>connect</c> by the <c>wrapper</c>) or the refusal (a disconnect).</param>
    /// <param name="incomplete">Whether the message is a refusal whose client was cut off (a wrapped line).</param>
    /// <returns>Whether the message is TCP wrappers'.</returns>
    public static bool TryRead(string message, out Said said, out bool incomplete)
    {
        said = default;
        incomplete = false;
        if (message.StartsWith(Connect, StringComparison.Ordinal) && message.Length > Connect.Length && message[Connect.Length] == ' ')
        {
            var client = RemoteIdent.Client(message[Connect.Length..]);
            said = new Said(new ConnectEvent { Line = 0, Text = string.Empty, Client = client }, new Telling("connect", "wrapper"));
            return client is not null;
        }

        if (message.StartsWith(Refused, StringComparison.Ordinal))
        {
            var client = RemoteIdent.Client(message[Refused.Length..]);
            incomplete = client is null;
            said = new Said(new DisconnectEvent { Line = 0, Text = string.Empty, Client = client, Detail = message.Trim() });
            return true;
        }

        return false;
    }
}
