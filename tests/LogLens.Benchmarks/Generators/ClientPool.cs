using System.Globalization;

namespace LogLens.Benchmarks.Generators;

/// <summary>How a server writes its clients' addresses.</summary>
internal enum AddressStyle
{
    /// <summary>IPv4 only (<c>198.51.100.7</c>).</summary>
    Ipv4,

    /// <summary>IPv4 and IPv6 (<c>2001:db8::7</c>).</summary>
    DualStack,

    /// <summary>An IPv6 socket: IPv4 clients as mapped addresses (<c>::ffff:198.51.100.7</c>), IPv6 ones as they are (vsftpd with <c>listen_ipv6</c>).</summary>
    DualStackMapped,
}

/// <summary>One arrival: a client address and how many connections it opens at once.</summary>
/// <param name="Address">The address as the server writes it.</param>
/// <param name="Connections">1, or more for a client that opens parallel connections.</param>
internal readonly record struct Arrival(string Address, int Connections);

/// <summary>
/// Where connections come from: a few addresses that many clients share (office NATs), clients that
/// open several connections at once (parallel transfers, mirror scripts), returning clients and
/// new ones.
/// </summary>
internal sealed class ClientPool
{
    private readonly Random random;
    private readonly AddressStyle style;
    private readonly string[] shared;
    private readonly string[] regulars;
    private int fresh;

    /// <summary>Creates the pool.</summary>
    /// <param name="random">The generator's random source.</param>
    /// <param name="style">How the server writes addresses.</param>
    public ClientPool(Random random, AddressStyle style)
    {
        this.random = random;
        this.style = style;
        shared = Enumerable.Range(0, 5).Select(_ => NewAddress()).ToArray();
        regulars = Enumerable.Range(0, 400).Select(_ => NewAddress()).ToArray();
    }

    /// <summary>The next arrival.</summary>
    /// <returns>Its address and how many connections it opens together.</returns>
    public Arrival Next()
    {
        var roll = random.Next(100);
        if (roll < 20)
        {
            return new Arrival(shared[random.Next(shared.Length)], 1);
        }

        var address = roll < 70 ? regulars[random.Next(regulars.Length)] : NewAddress();
        return new Arrival(address, roll % 8 == 0 ? random.Next(2, 7) : 1);
    }

    private string NewAddress()
    {
        fresh++;
        if (style != AddressStyle.Ipv4 && random.Next(10) == 0)
        {
            return string.Create(CultureInfo.InvariantCulture, $"2001:db8:{random.Next(1, 0xffff):x}::{random.Next(1, 0xffff):x}");
        }

        // Mostly documentation ranges; the rest spread over more of the space, so that a big log
        // has more distinct clients than three /24s hold.
        var ipv4 = random.Next(3) switch
        {
            0 => string.Create(CultureInfo.InvariantCulture, $"198.51.100.{random.Next(1, 255)}"),
            1 => string.Create(CultureInfo.InvariantCulture, $"203.0.113.{random.Next(1, 255)}"),
            _ => string.Create(CultureInfo.InvariantCulture, $"198.{18 + random.Next(2)}.{fresh % 256}.{random.Next(1, 255)}"),
        };
        return style == AddressStyle.DualStackMapped ? "::ffff:" + ipv4 : ipv4;
    }
}
