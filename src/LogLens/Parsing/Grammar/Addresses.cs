using System.Net;
using Pidgin;
using static Pidgin.Parser;
using static Pidgin.Parser<char>;

namespace LogLens.Parsing.Grammar;

/// <summary>Client and server addresses as logs write them, and their normal form.</summary>
internal static class Addresses
{
    private static readonly System.Buffers.SearchValues<char> TokenChars =
        System.Buffers.SearchValues.Create("0123456789abcdefABCDEF.:%");

    // The normal form of each address token, or "" for a token that is no address.
    private static readonly SpanMemo<string> Known = new(12, 64, token =>
        token.IndexOfAny('.', ':') >= 0 && IPAddress.TryParse(token, out _) ? Normalize(token.ToString()) : string.Empty);

    /// <summary>
    /// An IPv4 or IPv6 address token (digits, hex letters, dots, colons; an IPv6 zone or a mapped
    /// IPv4 tail included). Validated by <see cref="IPAddress.TryParse(string?, out IPAddress?)"/>,
    /// so any character run that is not an address fails.
    /// </summary>
    public static readonly Parser<char, string> Ip = new IpParser();

    /// <summary>
    /// The form LogLens reports an address in: an IPv4-mapped IPv6 address (<c>::ffff:192.0.2.1</c>)
    /// as its IPv4 form, IPv6 in lower case, anything else (a host name) as written.
    /// </summary>
    /// <param name="address">An address or host name as logged.</param>
    /// <returns>The normal form.</returns>
    public static string Normalize(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var text = address.Trim();
        if (text.StartsWith("::ffff:", StringComparison.OrdinalIgnoreCase) && IPAddress.TryParse(text.AsSpan(7), out var v4)
            && v4.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork)
        {
            return v4.ToString();
        }

        return text.Contains(':') && IPAddress.TryParse(text, out var ip) ? ip.ToString() : text;
    }

    /// <summary>Whether a client as reported (an address's normal form, or a host name) is an IP address.</summary>
    /// <param name="host">The client.</param>
    /// <returns><see langword="true"/> for an address.</returns>
    public static bool IsAddress(string host)
    {
        ArgumentNullException.ThrowIfNull(host);
        return host.AsSpan().IndexOfAnyExcept(TokenChars) < 0 && Known.Get(host).Length > 0;
    }

    /// <summary>
    /// Reads an address token as a span and looks it up: an address seen before costs no string and
    /// no validation (a log repeats its clients on line after line, interleaved).
    /// </summary>
    private sealed class IpParser : Parser<char, string>
    {
        public override bool TryParse(ref ParseState<char> state, ref PooledList<Expected<char>> expecteds, out string result)
        {
            var ahead = state.LookAhead(64);
            var length = ahead.IndexOfAnyExcept(TokenChars);
            if (length < 0)
            {
                length = ahead.Length;
            }

            result = length == 0 ? string.Empty : Known.Get(ahead[..length]);
            if (result.Length == 0)
            {
                state.SetError(Maybe.Nothing<char>(), false, state.Location, "an IP address");
                expecteds.Add(new Expected<char>("an IP address"));
                return false;
            }

            state.Advance(length);
            return true;
        }
    }
}
