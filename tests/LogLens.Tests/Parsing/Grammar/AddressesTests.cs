using LogLens.Parsing.Grammar;
using Pidgin;

namespace LogLens.Tests.Parsing.Grammar;

public class AddressesTests
{
    [Theory]
    [InlineData("192.0.2.1", "192.0.2.1")]
    [InlineData("::ffff:192.0.2.1", "192.0.2.1")]
    [InlineData("::ffff:c000:201", "192.0.2.1")]
    [InlineData("0:0:0:0:0:ffff:192.0.2.1", "192.0.2.1")]
    [InlineData("0.0.0.0", "0.0.0.0")]
    [InlineData("255.255.255.255", "255.255.255.255")]
    [InlineData("::FFFF:198.51.100.7", "198.51.100.7")]
    [InlineData("2001:DB8::1", "2001:db8::1")]
    [InlineData("2001:0db8:0000:0000:0000:0000:0000:0001", "2001:db8::1")]
    [InlineData("FE80::BAAC:6FFF:FE7D:D2E0", "fe80::baac:6fff:fe7d:d2e0")]
    [InlineData("::1", "::1")]
    public void An_address_reads_as_its_normal_form(string text, string normal)
    {
        // The first reading makes the normal form, later ones find it remembered: all must agree.
        for (var read = 0; read < 3; read++)
        {
            var result = Addresses.Ip.Parse(text);

            Assert.True(result.Success, $"'{text}' should parse");
            Assert.Equal(normal, result.Value);
        }
    }

    [Theory]
    [InlineData("999.1.1.1")]
    [InlineData("256.0.0.1")]
    [InlineData("1.2.3.4.5")]
    [InlineData("10.1")]
    [InlineData("3.0.3")]
    [InlineData("127.1")]
    [InlineData("1.2.3.")]
    [InlineData("1..2.3")]
    [InlineData("1.2.3.1000")]
    [InlineData("1.2.3.4.")]
    [InlineData("abc")]
    [InlineData("face")]
    [InlineData("ftp.example.com")]
    [InlineData("2001:db8:::1")]
    [InlineData(":")]
    [InlineData("")]
    [InlineData("\"192.0.2.1\"")]
    public void Text_that_is_no_address_fails(string text)
    {
        for (var read = 0; read < 2; read++)
        {
            Assert.False(Addresses.Ip.Parse(text).Success, $"'{text}' should not parse");
        }
    }

    [Theory]
    [InlineData("192.0.2.1\", \"PWD\"", "192.0.2.1", ", \"PWD\"")]
    [InlineData("::ffff:192.0.2.1\"", "192.0.2.1", "")]
    [InlineData("2001:db8::1 port 21", "2001:db8::1", " port 21")]
    public void The_address_ends_where_its_characters_end(string text, string normal, string rest)
    {
        var parser = Parser.Map((ip, r) => (Ip: ip, After: r), Addresses.Ip.Before(Parser.Char('"').Optional()), FastParsers.RestOfLine);

        var result = parser.Parse(text);

        Assert.True(result.Success);
        Assert.Equal(normal, result.Value.Ip);
        Assert.Equal(rest, result.Value.After);
    }

    [Fact]
    public void The_same_address_read_twice_reads_the_same()
    {
        var first = Addresses.Ip.Parse("2001:DB8:0:0:0:0:0:25").Value;
        var second = Addresses.Ip.Parse("2001:DB8:0:0:0:0:0:25").Value;

        Assert.Equal(first, second);
        Assert.Equal("2001:db8::25", second);
    }

    [Theory]
    [InlineData("192.0.2.1", true)]
    [InlineData("2001:db8::1", true)]
    [InlineData("::1", true)]
    [InlineData("0.0.0.0", true)]
    [InlineData("ftp.example.com", false)]
    [InlineData("face", false)]
    [InlineData("beef:cafe", false)]
    [InlineData("999.1.1.1", false)]
    [InlineData("192.0.2.1 ", false)]
    [InlineData("host-192.0.2.1", false)]
    [InlineData("", false)]
    public void IsAddress_tells_an_address_from_a_host_name(string host, bool expected)
    {
        for (var ask = 0; ask < 3; ask++)
        {
            Assert.Equal(expected, Addresses.IsAddress(host));
        }
    }
}
