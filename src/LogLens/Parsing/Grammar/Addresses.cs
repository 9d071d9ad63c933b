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
        token.Contains(':') ? (IPAddress.TryParse(token, out var ip) ? NormalForm(ip) : string.Empty)
        : IsDottedQuad(token) ? token.ToString() : string.Empty);

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
        return text.Contains(':') && IPAddress.TryParse(text, out var ip) ? NormalForm(ip) : text;
    }

    /// <summary>An IPv6 address as reported: mapped IPv4 in either spelling (<c>::ffff:192.0.2.1</c>, <c>::ffff:c000:201</c>) as the IPv4 address.</summary>
    private static string NormalForm(IPAddress ip) => ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4().ToString() : ip.ToString();

    /// <summary>
    /// IPv4 as logs write it: four decimal parts of one to three digits, each at most 255.
    /// <see cref="IPAddress.TryParse(ReadOnlySpan{char}, out IPAddress?)"/> also takes the short forms
    /// (<c>10.1</c>, <c>3.0.3</c>), which in a log are version numbers, not addresses.
    /// </summary>
    private static bool IsDottedQuad(ReadOnlySpan<char> token)
    {
        for (var part = 0; part < 4; part++)
        {
            var end = part < 3 ? token.IndexOf('.') : token.Length;
            if (end is < 1 or > 3 || !byte.TryParse(token[..end], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _))
            {
                return false;
            }

            token = part < 3 ? token[(end + 1)..] : token[end..];
        }

        return token.IsEmpty;
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
