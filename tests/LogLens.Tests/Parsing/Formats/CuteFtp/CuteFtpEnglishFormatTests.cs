using LogLens.Events;
using LogLens.Parsing.Formats.CuteFtp;
using LogLens.Tests.Support;

namespace LogLens.Tests.Parsing.Formats.CuteFtp;

public class CuteFtpEnglishFormatTests
{
    private static readonly CuteFtpEnglishFormat Format = new();

    [Theory]
    [InlineData("STATUS:> Getting listing \"\"...", ClientMessageSeverity.Status, ClientMessageKind.GettingListing)]
    [InlineData("STATUS:> Getting listing \"/pub\"...", ClientMessageSeverity.Status, ClientMessageKind.GettingListing)]
    [InlineData("STATUS:> Connecting to FTP server ftp.example.com:21 (ip = 203.0.113.5)...", ClientMessageSeverity.Status, ClientMessageKind.Connecting)]
    [InlineData("STATUS:> Socket connected. Waiting for welcome message...", ClientMessageSeverity.Status, ClientMessageKind.SocketConnected)]
    [InlineData("STATUS:> Connected. Authenticating...", ClientMessageSeverity.Status, ClientMessageKind.Authenticating)]
    [InlineData("STATUS:> Login successful.", ClientMessageSeverity.Status, ClientMessageKind.LoginSucceeded)]
    [InlineData("ERROR:> Can't connect to remote server. Socket error = #10060.", ClientMessageSeverity.Error, ClientMessageKind.ConnectFailed)]
    [InlineData("ERROR:> Can’t connect to remote server. Socket error = #10061.", ClientMessageSeverity.Error, ClientMessageKind.ConnectFailed)]
    [InlineData("STATUS:> Waiting 30 seconds...", ClientMessageSeverity.Status, ClientMessageKind.Waiting)]
    [InlineData("ERROR:> Not logged in.", ClientMessageSeverity.Error, ClientMessageKind.NotLoggedIn)]
    [InlineData("STATUS:> Connection closed.", ClientMessageSeverity.Status, ClientMessageKind.ConnectionClosed)]
    [InlineData("ERROR:> Control connection closed.", ClientMessageSeverity.Error, ClientMessageKind.ControlConnectionClosed)]
    [InlineData("ERROR:> Timed out", ClientMessageSeverity.Error, ClientMessageKind.TimedOut)]
    [InlineData("ERROR:> Connection timed out", ClientMessageSeverity.Error, ClientMessageKind.TimedOut)]
    [InlineData("STATUS:> Transfer complete.", ClientMessageSeverity.Status, ClientMessageKind.TransferComplete)]
    [InlineData("STATUS:> Transfer completed", ClientMessageSeverity.Status, ClientMessageKind.TransferComplete)]
    [InlineData("ERROR:> Transfer failed.", ClientMessageSeverity.Error, ClientMessageKind.TransferFailed)]
    [InlineData("STATUS:> Resolving host name ftp.example.com...", ClientMessageSeverity.Status, ClientMessageKind.Other)]
    [InlineData("status:> connection CLOSED.", ClientMessageSeverity.Status, ClientMessageKind.ConnectionClosed)]
    [InlineData("   STATUS:>\tLogin successful.   ", ClientMessageSeverity.Status, ClientMessageKind.LoginSucceeded)]
    [InlineData("　STATUS:> Login successful.", ClientMessageSeverity.Status, ClientMessageKind.LoginSucceeded)]
    public void Reads_what_each_status_and_error_message_means(string line, ClientMessageSeverity severity, ClientMessageKind kind)
    {
        var message = Lines.ParseAs<ClientMessageEvent>(Format, line);

        Assert.Equal(severity, message.Severity);
        Assert.Equal(kind, message.Kind);
        Assert.Equal(line, message.Text);
    }

    [Fact]
    public void Keeps_the_text_of_a_message_it_does_not_know()
    {
        var message = Lines.ParseAs<ClientMessageEvent>(Format, "STATUS:>   [9/8/2009 10:08:08 PM] Opening data connection to 203.0.113.5 Port: 50000  ");

        Assert.Equal(ClientMessageKind.Other, message.Kind);
        Assert.Equal("Opening data connection to 203.0.113.5 Port: 50000", message.Message);
    }

    [Fact]
    public void Waiting_for_the_welcome_message_is_not_a_wait_before_retrying()
    {
        var message = Lines.ParseAs<ClientMessageEvent>(Format, "STATUS:> Waiting for welcome message...");

        Assert.Equal(ClientMessageKind.Other, message.Kind);
        Assert.Null(message.Seconds);
    }

    [Theory]
    [InlineData("COMMAND:> USER software", "USER", "software")]
    [InlineData("COMMAND:> PASS *****", "PASS", "***")]
    [InlineData("COMMAND:> PWD", "PWD", null)]
    [InlineData("COMMAND:> TYPE I", "TYPE", "I")]
    [InlineData("COMMAND:> PASV", "PASV", null)]
    [InlineData("COMMAND:> LIST", "LIST", null)]
    [InlineData("COMMAND:> RETR name with spaces.zip", "RETR", "name with spaces.zip")]
    [InlineData("COMMAND:>   [9/8/2009 10:08:08 PM] TYPE I", "TYPE", "I")]
    [InlineData("COMMAND:> noop", "NOOP", null)]
    [InlineData("COMMAND:> XDUPE 3", "XDUPE", "3")]
    public void Reads_commands(string line, string verb, string? argument)
    {
        var command = Lines.ParseAs<CommandEvent>(Format, line);

        Assert.Equal(verb, command.Command);
        Assert.Equal(argument, command.Argument);
    }

    [Theory]
    [InlineData("220 ProFTPD Server (Example FTP) [203.0.113.5]", 220, true, "ProFTPD Server (Example FTP) [203.0.113.5]")]
    [InlineData("331 User name okay, need password.", 331, true, "User name okay, need password.")]
    [InlineData("230-Welcome", 230, false, "Welcome")]
    [InlineData("230 User logged in, proceed.", 230, true, "User logged in, proceed.")]
    [InlineData("530 Not logged in, unauthorized IP address.", 530, true, "Not logged in, unauthorized IP address.")]
    [InlineData("        [9/8/2009 10:08:08 PM] 200 Type set to I.", 200, true, "Type set to I.")]
    public void Reads_bare_server_replies(string line, int code, bool isFinal, string text)
    {
        var reply = Lines.ParseAs<ReplyEvent>(Format, line);

        Assert.Equal(code, reply.Code);
        Assert.Equal(isFinal, reply.IsFinal);
        Assert.Equal(text, reply.Message);
    }

    [Theory]
    [InlineData("STATUS:>   [9/8/2009 10:08:07 PM] Connecting to FTP server ftp.example.com:21 (ip = 203.0.113.5)...", "2009-09-08T22:08:07")]
    [InlineData("COMMAND:>   [9/8/2009 10:08:08 PM] TYPE I", "2009-09-08T22:08:08")]
    [InlineData("        [9/8/2009 10:08:08 PM] 200 Type set to I.", "2009-09-08T22:08:08")]
    [InlineData("ERROR:>   [9/8/2009 10:08:40 AM] Control connection closed.", "2009-09-08T10:08:40")]
    [InlineData("STATUS:>\t[12/31/2009 12:05:00 AM] Login successful.", "2009-12-31T00:05:00")]
    [InlineData("STATUS:>\t[12/31/2009 12:05:00 PM] Login successful.", "2009-12-31T12:05:00")]
    [InlineData("\t[1/2/2010 9:15:02 am] 226 Transfer complete.", "2010-01-02T09:15:02")]
    [InlineData("STATUS:> [1/2/2010 17:15:02] Login successful.", "2010-01-02T17:15:02")]
    public void Reads_the_timestamp_of_the_later_variant(string line, string expected)
    {
        var parsed = Lines.ParseOne(Format, line);

        Assert.IsNotType<UnrecognizedLine>(parsed);
        Assert.Equal(expected, parsed.Time?.ToString());
    }

    [Fact]
    public void A_timestamped_line_means_the_same_as_a_plain_one()
    {
        var plain = Lines.ParseAs<ClientMessageEvent>(Format, "STATUS:> Connecting to FTP server ftp.example.com:21 (ip = 203.0.113.5)...");
        var stamped = Lines.ParseAs<ClientMessageEvent>(Format, "STATUS:>   [9/8/2009 10:08:07 PM] Connecting to FTP server ftp.example.com:21 (ip = 203.0.113.5)...");

        Assert.Equal(plain with { Text = stamped.Text, Time = stamped.Time }, stamped);
    }

    [Fact]
    public void A_timestamp_that_makes_no_date_is_part_of_the_message()
    {
        var message = Lines.ParseAs<ClientMessageEvent>(Format, "STATUS:> [2/30/2009 10:08:07 PM] Login successful.");

        Assert.Null(message.Time);
        Assert.Equal(ClientMessageKind.Other, message.Kind);
        Assert.StartsWith("[2/30/2009", message.Message, StringComparison.Ordinal);
    }
}
