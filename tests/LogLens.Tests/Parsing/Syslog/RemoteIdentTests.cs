using LogLens.Parsing.Syslog;

namespace LogLens.Tests.Parsing.Syslog;

public class RemoteIdentTests
{
    [Theory]
    [InlineData("client.example.net [192.0.2.7]", "192.0.2.7")]
    [InlineData("client.example.net(192.0.2.7)", "192.0.2.7")]
    [InlineData("client.example.net (192.0.2.7)", "192.0.2.7")]
    [InlineData("192.0.2.7 (client.example.net)", "192.0.2.7")]
    [InlineData("client.example.net", "client.example.net")]
    [InlineData("::ffff:192.0.2.7", "192.0.2.7")]
    [InlineData("[U2FsdGVkX18=] @ 192.0.2.7 [192.0.2.7]", "192.0.2.7")]
    [InlineData("host.example.net [2001:DB8::7]", "2001:db8::7")]
    [InlineData("  ", null)]
    public void The_client_is_the_address_when_one_is_given(string ident, string? client) =>
        Assert.Equal(client, RemoteIdent.Client(ident));
}
