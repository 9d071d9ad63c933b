using System.Net;
using LogLens.Parsing.Grammar;

namespace LogLens.Parsing.Syslog;

/// <summary>
/// The client as syslog daemons name it: <c>host [192.0.2.7]</c> (wu-ftpd), <c>host(192.0.2.7)</c> and
/// <c>host (192.0.2.7)</c> (BSD ftpd, tcpd), <c>192.0.2.7 (host)</c>, or a bare host name or address.
/// </summary>
internal static class RemoteIdent
{
    /// <summary>The client's address in an identification, else its host name, in normal form.</summary>
    /// <param name="ident">The identification as logged.</param>
    /// <returns>The client, or null when the text is empty.</returns>
    public static string? Client(string ident)
    {
        var text = ident.Trim();
        if (text.Length == 0)
        {
            return null;
        }

        if (text[^1] is ']' or ')')
        {
            var at = text.LastIndexOf(text[^1] == ']' ? '[' : '(');
            if (at >= 0)
            {
                var inner = text[(at + 1)..^1].Trim();
                var before = text[..at].Trim();
                if (IsAddress(inner) || (inner.Length > 0 && before.Length == 0))
                {
                    return Addresses.Normalize(inner);
                }

                var last = before.LastIndexOf(' ');
                return Addresses.Normalize(last < 0 ? before : before[(last + 1)..]);
            }
        }

        var space = text.IndexOf(' ');
        return Addresses.Normalize(space < 0 ? text : text[..space]);
    }

    /// <summary>Whether text is an IPv4 or IPv6 address (not a host name, not a bare number).</summary>
    /// <param name="text">The text.</param>
    /// <returns>Whether it is an address.</returns>
    public static bool IsAddress(string? text) =>
        text is not null && (text.Contains('.') || text.Contains(':')) && IPAddress.TryParse(text, out _);
}
