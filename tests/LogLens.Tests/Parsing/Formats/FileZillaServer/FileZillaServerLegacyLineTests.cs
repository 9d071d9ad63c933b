using LogLens.Events;
using LogLens.Parsing.Formats.FileZillaServer;
using LogLens.Tests.Support;

namespace LogLens.Tests.Parsing.Formats.FileZillaServer;

/// <summary>FileZilla Server 0.9.x lines: <c>(000043) 4/1/2009 16:20:06 PM - user (ip)&gt; message</c>.</summary>
public class FileZillaServerLegacyLineTests
{
    private static readonly FileZillaServerFormat Format = new();

    [Theory]
    [InlineData("(000043) 4/1/2009 4:20:06 PM - (not logged in) (192.0.2.5)> USER bob", "2009-04-01T16:20:06")]
    [InlineData("(000043) 4/1/2009 16:20:06 PM - (not logged in) (192.0.2.5)> USER bob", "2009-04-01T16:20:06")]
    [InlineData("(000043) 4/1/2009 12:05:00 AM - (not logged in) (192.0.2.5)> USER bob", "2009-04-01T00:05:00")]
    [InlineData("(000043) 4/1/2009 12:05:00 PM - (not logged in) (192.0.2.5)> USER bob", "2009-04-01T12:05:00")]
    [InlineData("(000043) 4/1/2009 16:20:06 - (not logged in) (192.0.2.5)> USER bob", "2009-04-01T16:20:06")]
    [InlineData("(000043) 4/1/09 16:20:06 - (not logged in) (192.0.2.5)> USER bob", "2009-04-01T16:20:06")]
    [InlineData("(000043) 12/21/2021 14:07:08 PM - (not logged in) (192.0.2.5)> USER bob", "2021-12-21T14:07:08")]
    [InlineData("(007069) 19.06.2024 01:03:09 - (not logged in) (192.0.2.5)> USER bob", "2024-06-19T01:03:09")]
    [InlineData("(007069) 9.6.2024 01:03:09 - (not logged in) (192.0.2.5)> USER bob", "2024-06-09T01:03:09")]
    [InlineData("(007069) 19-06-2024 01:03:09 - (not logged in) (192.0.2.5)> USER bob", "2024-06-19T01:03:09")]
    [InlineData("(007069) 2024-06-19 01:03:09 - (not logged in) (192.0.2.5)> USER bob", "2024-06-19T01:03:09")]
    [InlineData("(007069) 2024/06/19 01:03:09 - (not logged in) (192.0.2.5)> USER bob", "2024-06-19T01:03:09")]
    [InlineData("(007069) 21/12/2021 14:07:08 - (not logged in) (192.0.2.5)> USER bob", "2021-12-21T14:07:08")]
    [InlineData("(007069) 2021/12/21 14:07:08 下午 - (not logged in) (192.0.2.5)> USER bob", "2021-12-21T14:07:08")]
    [InlineData("(007069) 2021/12/21 2:07:08 下午 - (not logged in) (192.0.2.5)> USER bob", "2021-12-21T14:07:08")]
    [InlineData("(007069)4/1/2009 4:20:06 PM - (not logged in) (192.0.2.5)> USER bob", "2009-04-01T16:20:06")]
    public void Every_date_style_gives_the_time_as_written(string line, string time)
    {
        var command = Lines.ParseAs<CommandEvent>(Format, line);

        Assert.Equal(time, command.Time.ToString());
        Assert.Null(command.Time!.Value.Offset);
    }

    [Fact]
    public void A_slash_date_with_a_day_above_12_makes_the_rest_of_the_file_day_first()
    {
        var events = Lines.Parse(
            Format,
            "(000001) 4/1/2009 10:00:00 - (not logged in) (192.0.2.5)> USER bob",
            "(000001) 21/12/2021 10:00:00 - (not logged in) (192.0.2.5)> USER bob",
            "(000001) 4/1/2022 10:00:00 - (not logged in) (192.0.2.5)> USER bob");

        Assert.Equal("2009-04-01T10:00:00", events[0].Time.ToString());
        Assert.Equal("2021-12-21T10:00:00", events[1].Time.ToString());
        Assert.Equal("2022-01-04T10:00:00", events[2].Time.ToString());
    }

    [Theory]
    [InlineData("(000043) 4/1/2009 16:20:05 PM - (not logged in) (192.0.2.5)> USER bob", null, "192.0.2.5")]
    [InlineData("(000043) 4/1/2009 16:20:05 PM - bob (192.0.2.5)> PWD", "bob", "192.0.2.5")]
    [InlineData("(000043) 4/1/2009 16:20:05 PM - Ben Sanders (192.0.2.5)> PWD", "Ben Sanders", "192.0.2.5")]
    [InlineData("(000043) 4/1/2009 16:20:05 PM - bob (::ffff:192.0.2.5)> PWD", "bob", "192.0.2.5")]
    [InlineData("(000043) 4/1/2009 16:20:05 PM - bob (2001:DB8::5)> PWD", "bob", "2001:db8::5")]
    public void The_session_id_is_the_key_and_the_client_is_the_lines_own(string line, string? user, string client)
    {
        var events = Lines.Parse(Format, line, line.Replace("> USER bob", "> disconnected.").Replace("> PWD", "> disconnected."));

        Assert.Equal("000043", events[0].SessionKey);
        Assert.Equal(client, events[0].Client);
        var disconnect = Assert.IsType<DisconnectEvent>(events[1]);
        Assert.Equal(user, disconnect.User);
        Assert.Equal(client, disconnect.Client);
    }

    [Theory]
    [InlineData("Connected, sending welcome message...", typeof(ConnectEvent))]
    [InlineData("Connected on port 21, sending welcome message...", typeof(ConnectEvent))]
    [InlineData("Connected on port 990, sending welcome message...", typeof(ConnectEvent))]
    [InlineData("disconnected.", typeof(DisconnectEvent))]
    [InlineData("could not send reply, disconnected.", typeof(DisconnectEvent))]
    [InlineData("220 Welcome to the archive", typeof(ReplyEvent))]
    [InlineData("220-FileZilla Server version 0.9.41 beta", typeof(ReplyEvent))]
    [InlineData("530 Login or password incorrect!", typeof(ReplyEvent))]
    [InlineData("150 Opening data channel for file download from server of \"/pub/a b.zip\"", typeof(ReplyEvent))]
    [InlineData("226 Successfully transferred \"/pub/a b.zip\"", typeof(ReplyEvent))]
    [InlineData("550 File not found", typeof(ReplyEvent))]
    [InlineData("553 Filename invalid", typeof(ReplyEvent))]
    [InlineData("421 Connection timed out.", typeof(ReplyEvent))]
    [InlineData("USER bob", typeof(CommandEvent))]
    [InlineData("RETR a b.zip", typeof(CommandEvent))]
    [InlineData("STOR upload/notes.txt", typeof(CommandEvent))]
    [InlineData("SSL connection established", typeof(ServerNotice))]
    [InlineData("TLS connection established", typeof(ServerNotice))]
    [InlineData("SSL connection for data connection established", typeof(ServerNotice))]
    [InlineData("Data connection TLS warning: peer did not shut down", typeof(ServerNotice))]
    [InlineData("Refusing connection. Reason: No more connections allowed from this IP. (192.0.2.5 already connected twice)", typeof(ServerNotice))]
    [InlineData("Refusing connection. Reason: Max. connection count reached.", typeof(ServerNotice))]
    [InlineData("Refusing connection, server too busy!", typeof(ServerNotice))]
    public void Each_message_becomes_its_event(string message, Type type)
    {
        var parsed = Lines.ParseOne(Format, "(000043) 4/1/2009 16:20:06 PM - bob (192.0.2.5)> " + message);

        Assert.IsType(type, parsed);
        Assert.Equal("192.0.2.5", parsed.Client);
        Assert.Equal("000043", parsed.SessionKey);
    }

    [Fact]
    public void Replies_keep_code_text_and_finality_and_commands_their_argument()
    {
        var events = Lines.Parse(
            Format,
            "(000043) 4/1/2009 16:20:06 PM - bob (192.0.2.5)> 220-FileZilla Server version 0.9.41 beta",
            "(000043) 4/1/2009 16:20:06 PM - bob (192.0.2.5)> 226 Successfully transferred \"/pub/a b.zip\"",
            "(000043) 4/1/2009 16:20:06 PM - bob (192.0.2.5)> RETR a b.zip");

        var open = Assert.IsType<ReplyEvent>(events[0]);
        Assert.Equal((220, false, "FileZilla Server version 0.9.41 beta"), (open.Code, open.IsFinal, open.Message));
        var done = Assert.IsType<ReplyEvent>(events[1]);
        Assert.Equal((226, true, "Successfully transferred \"/pub/a b.zip\""), (done.Code, done.IsFinal, done.Message));
        var command = Assert.IsType<CommandEvent>(events[2]);
        Assert.Equal(("RETR", "a b.zip"), (command.Command, command.Argument));
    }

    [Fact]
    public void The_code_less_lines_of_a_feature_list_are_reply_lines_not_commands()
    {
        var events = Lines.Parse(
            Format,
            "(000043) 4/1/2009 16:20:06 PM - bob (192.0.2.5)> FEAT",
            "(000043) 4/1/2009 16:20:06 PM - bob (192.0.2.5)> 211-Features:",
            "(000044) 4/1/2009 16:20:06 PM - carol (198.51.100.7)> SIZE notes.txt",
            "(000043) 4/1/2009 16:20:06 PM - bob (192.0.2.5)> MDTM",
            "(000043) 4/1/2009 16:20:06 PM - bob (192.0.2.5)> REST STREAM",
            "(000043) 4/1/2009 16:20:06 PM - bob (192.0.2.5)> 211 End",
            "(000043) 4/1/2009 16:20:07 PM - bob (192.0.2.5)> MDTM notes.txt");

        Assert.IsType<CommandEvent>(events[0]);
        Assert.IsType<CommandEvent>(events[2]);
        Assert.All([events[3], events[4]], e => Assert.Equal((211, false), (((ReplyEvent)e).Code, ((ReplyEvent)e).IsFinal)));
        Assert.Equal("REST STREAM", ((ReplyEvent)events[4]).Message);
        Assert.True(Assert.IsType<ReplyEvent>(events[5]).IsFinal);
        Assert.Equal("MDTM", Assert.IsType<CommandEvent>(events[6]).Command);
    }

    [Theory]
    [InlineData("(000175) 1/5/2022 19:04:11 PM - (not logged in) (192.0.2.5)> PASS hunter2")]
    [InlineData("(000175) 1/5/2022 19:04:11 PM - (not logged in) (192.0.2.5)> PASS  s3cret with spaces ")]
    [InlineData("(000175) 1/5/2022 19:04:11 PM - (not logged in) (192.0.2.5)> pass hunter2")]
    public void A_password_never_reaches_an_event(string line)
    {
        var command = Lines.ParseAs<CommandEvent>(Format, line);

        Assert.Equal("PASS", command.Command);
        Assert.Equal("***", command.Argument);
        Assert.DoesNotContain("hunter2", command.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", command.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_message_after_a_valid_prefix_stays_unrecognized_but_keeps_time_session_and_client()
    {
        var line = Lines.ParseAs<UnrecognizedLine>(Format, "(000043) 4/1/2009 16:20:06 PM - bob (192.0.2.5)> something the server never says");

        Assert.Equal("2009-04-01T16:20:06", line.Time.ToString());
        Assert.Equal("000043", line.SessionKey);
        Assert.Equal("192.0.2.5", line.Client);
    }

    [Theory]
    [InlineData("(000043) 4/31/2009 16:20:06 PM - bob (192.0.2.5)> PWD")]
    [InlineData("(000043) 13/13/2009 16:20:06 PM - bob (192.0.2.5)> PWD")]
    [InlineData("(000043) 4/1/2009 25:20:06 PM - bob (192.0.2.5)> PWD")]
    [InlineData("(000043) 4/1/2009 16:20:06 PM - bob (not an address)> PWD")]
    [InlineData("(000043) 4/1/2009 16:20:06 PM - bob 192.0.2.5 PWD")]
    [InlineData("(000043) 4/1/09/1 16:20:06 PM - bob (192.0.2.5)> PWD")]
    [InlineData("(000043) 4/1-2009 16:20:06 PM - bob (192.0.2.5)> PWD")]
    [InlineData("(000043) 4/1/200 16:20:06 PM - bob (192.0.2.5)> PWD")]
    [InlineData("(abc) 4/1/2009 16:20:06 PM - bob (192.0.2.5)> PWD")]
    [InlineData("000043 4/1/2009 16:20:06 PM - bob (192.0.2.5)> PWD")]
    public void Lines_without_a_valid_prefix_are_unrecognized_and_untimed(string line)
    {
        var parsed = Lines.ParseAs<UnrecognizedLine>(Format, line);

        Assert.Null(parsed.Time);
        Assert.Null(parsed.SessionKey);
    }
}
