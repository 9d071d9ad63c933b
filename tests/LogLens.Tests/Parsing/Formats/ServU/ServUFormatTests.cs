using LogLens.Events;
using LogLens.Parsing;
using LogLens.Parsing.Formats.ServU;
using LogLens.Parsing.Formats.Timestamped;
using LogLens.Tests.Support;

namespace LogLens.Tests.Parsing.Formats.ServU;

public class ServUFormatTests
{
    private static readonly ServUFormat Format = new();

    [Theory]
    [InlineData("[2] Thu 07Mar02 11:44:56 - (000012) USER bob", "2002-03-07T11:44:56", "000012")]
    [InlineData("[02] Thu 26Nov15 14:30:16 - (000003) USER bob", "2015-11-26T14:30:16", "000003")]
    [InlineData("[01]Thu 26Nov15 14:30:16 - (000003) USER bob", "2015-11-26T14:30:16", "000003")]
    [InlineData("[11] Thu 26Nov15 14:30:16 - (000003) USER bob", "2015-11-26T14:30:16", "000003")]
    [InlineData("Thu 07Mar02 11:44:56 - (000012) USER bob", "2002-03-07T11:44:56", "000012")]
    [InlineData("[5] Sun 07Mar04 11:44:56 - (123456) USER bob", "2004-03-07T11:44:56", "123456")]
    public void Every_prefix_variant_gives_the_time_and_the_session_id(string line, string time, string session)
    {
        var parsed = Lines.ParseAs<CommandEvent>(Format, line);

        Assert.Equal(time, parsed.Time.ToString());
        Assert.Equal(session, parsed.SessionKey);
        Assert.Equal(line, parsed.Text);
    }

    [Fact]
    public void The_weekday_is_ignored_when_it_disagrees_with_the_date()
    {
        // 7 March 2004 was a Sunday.
        var parsed = Lines.ParseAs<CommandEvent>(Format, "[5] Thu 07Mar04 11:46:29 - (000012) USER bob");

        Assert.Equal("2004-03-07T11:46:29", parsed.Time.ToString());
    }

    [Theory]
    [InlineData("[2] Thu 07Mar02 11:44:56 - (000012) Connected to 198.51.100.7 (Local address 192.0.2.10)", "198.51.100.7", "192.0.2.10")]
    [InlineData("[02] Thu 26Nov15 14:30:16 - (000003) Connected to 198.51.100.7 (local address 192.0.2.10, port 21)", "198.51.100.7", "192.0.2.10")]
    [InlineData("[02] Thu 26Nov15 14:30:16 - (000003) Connected to 2001:db8::7 (local address 2001:db8::10, port 990)", "2001:db8::7", "2001:db8::10")]
    [InlineData("[2] Thu 07Mar02 11:44:56 - (000012) Connected to 198.51.100.7", "198.51.100.7", null)]
    public void A_connect_line_is_a_connect_event_with_client_and_server(string line, string client, string? server)
    {
        var connect = Lines.ParseAs<ConnectEvent>(Format, line);

        Assert.Equal(client, connect.Client);
        Assert.Equal(server, connect.Server);
        Assert.NotNull(connect.SessionKey);
    }

    [Theory]
    [InlineData("[6] Thu 07Mar02 11:44:56 - (000012) 220 Serv-U FTP Server v6.0 ready...", 220, "Serv-U FTP Server v6.0 ready...", true)]
    [InlineData("[6] Thu 07Mar02 11:44:57 - (000012) 530 Not logged in.", 530, "Not logged in.", true)]
    [InlineData("[6] Thu 07Mar02 11:44:57 - (000012) 530 Sorry, no ANONYMOUS access allowed.", 530, "Sorry, no ANONYMOUS access allowed.", true)]
    [InlineData("[6] Thu 07Mar02 11:44:57 - (000012) 530 Not logged in, only one session from same IP allowed at a time.", 530, "Not logged in, only one session from same IP allowed at a time.", true)]
    [InlineData("[6] Thu 07Mar02 11:44:57 - (000012) 421 Too many users - please try again later.", 421, "Too many users - please try again later.", true)]
    [InlineData("[6] Thu 07Mar02 11:44:57 - (000012) 230-Welcome to the archive.", 230, "Welcome to the archive.", false)]
    public void A_logged_reply_is_a_reply_event(string line, int code, string message, bool isFinal)
    {
        var reply = Lines.ParseAs<ReplyEvent>(Format, line);

        Assert.Equal(code, reply.Code);
        Assert.Equal(message, reply.Message);
        Assert.Equal(isFinal, reply.IsFinal);
        Assert.Equal("000012", reply.SessionKey);
    }

    [Theory]
    [InlineData("[5] Thu 07Mar02 11:44:57 - (000012) USER bob", "USER", "bob")]
    [InlineData("[5] Thu 07Mar02 11:44:57 - (000012) PASS ****", "PASS", "***")]
    [InlineData("[5] Thu 07Mar02 11:44:57 - (000012) PASS hunter2", "PASS", "***")]
    [InlineData("[5] Thu 07Mar02 11:44:57 - (000012) RETR report 2002.zip", "RETR", "report 2002.zip")]
    [InlineData("[5] Thu 07Mar02 11:44:57 - (000012) quit", "QUIT", null)]
    public void A_logged_command_is_a_command_event(string line, string verb, string? argument)
    {
        var command = Lines.ParseAs<CommandEvent>(Format, line);

        Assert.Equal(verb, command.Command);
        Assert.Equal(argument, command.Argument);
    }

    [Theory]
    [InlineData("[2] Thu 07Mar02 11:44:57 - (000012) User bob logged in", "bob")]
    [InlineData("[02] Thu 26Nov15 14:30:25 - (000003) User \"bob\" logged in", "bob")]
    [InlineData("[02] Thu 26Nov15 14:30:25 - (000003) User \"Bob Smith\" logged in", "Bob Smith")]
    [InlineData("[2] Thu 07Mar02 11:44:57 - (000012) User ANONYMOUS logged in, password: guest@example.com", "ANONYMOUS")]
    public void A_logged_in_line_is_a_successful_login(string line, string user)
    {
        var login = Lines.ParseAs<LoginEvent>(Format, line);

        Assert.True(login.Succeeded);
        Assert.Equal(user, login.User);
        Assert.Null(login.Detail);
    }

    [Theory]
    [InlineData(
        "[2] Thu 07Mar02 11:50:15 - (000013) Password wrong too many times for user \"lin\" - disconnecting",
        "lin",
        "Password wrong too many times for user \"lin\" - disconnecting")]
    [InlineData(
        "[2] Thu 07Mar02 11:50:15 - (000013) Password wrong too many times for user dave - disconnecting",
        "dave",
        "Password wrong too many times for user dave - disconnecting")]
    [InlineData(
        "[02] Thu 26Nov15 14:30:18 - (000003) Invalid login credentials; user: \"erin\"; password: \"**********\"",
        "erin",
        "Invalid login credentials")]
    [InlineData(
        "[02] Thu 26Nov15 14:30:18 - (000003) Invalid login credentials; user: \"erin\"; password: \"Winter2015\"",
        "erin",
        "Invalid login credentials")]
    public void A_failed_login_line_is_a_failed_login_with_the_servers_words(string line, string user, string detail)
    {
        var login = Lines.ParseAs<LoginEvent>(Format, line);

        Assert.False(login.Succeeded);
        Assert.Equal(user, login.User);
        Assert.Equal(detail, login.Detail);
    }

    [Theory]
    [InlineData(
        "[2] Thu 07Mar02 11:46:02 - (000012) Closing connection for user BOB (00:00:12 connected)",
        "BOB", null, "Closing connection for user BOB (00:00:12 connected)")]
    [InlineData(
        "[2] Thu 07Mar02 11:46:02 - (000012) Closing connection for 198.51.100.7 (00:00:12 connected)",
        null, "198.51.100.7", "Closing connection for 198.51.100.7 (00:00:12 connected)")]
    [InlineData(
        "[2] Thu 07Mar02 11:52:40 - (000014) Session timed out, closing connection",
        null, null, "Session timed out, closing connection")]
    [InlineData(
        "[2] Thu 07Mar02 11:52:40 - (000014) Session timeout (600 seconds), disconnecting",
        null, null, "Session timeout (600 seconds), disconnecting")]
    [InlineData(
        "[2] Thu 07Mar02 11:52:40 - (000014) Session idle time out (600 seconds)",
        null, null, "Session idle time out (600 seconds)")]
    [InlineData("[2] Thu 07Mar02 11:52:41 - (000016) Disconnected", null, null, "Disconnected")]
    [InlineData("[01] Thu 26Nov15 14:31:02 - (000003) Closed session", null, null, "Closed session")]
    [InlineData("[02] Thu 26Nov15 14:31:02 - (000003) User \"erin\" logged out", "erin", null, "User \"erin\" logged out")]
    public void A_closing_line_is_a_disconnect_whose_detail_is_the_servers_words(string line, string? user, string? client, string detail)
    {
        var disconnect = Lines.ParseAs<DisconnectEvent>(Format, line);

        Assert.Equal(user, disconnect.User);
        Assert.Equal(client, disconnect.Client);
        Assert.Equal(detail, disconnect.Detail);
    }

    [Theory]
    [InlineData("Session timed out, closing connection")]
    [InlineData("Session idle time out (600 seconds)")]
    public void A_session_the_server_timed_out_is_timed_out(string words)
    {
        var result = Transcript.AnalyzeText(
            string.Join(
                "\n",
                "[2] Thu 07Mar02 11:42:40 - (000014) Connected to 198.51.100.7 (Local address 192.0.2.10)",
                "[5] Thu 07Mar02 11:42:41 - (000014) USER bob",
                "[6] Thu 07Mar02 11:42:41 - (000014) 331 User name okay, need password.",
                $"[2] Thu 07Mar02 11:52:41 - (000014) {words}"),
            "servu");

        Assert.Equal("timed-out", Assert.Single(result.Sessions).Outcome.Id);
    }

    [Fact]
    public void A_timeout_keeps_timed_out_in_its_detail()
    {
        var disconnect = Lines.ParseAs<DisconnectEvent>(Format, "[2] Thu 07Mar02 11:52:40 - (000014) Session timed out, closing connection");

        Assert.Contains("timed out", disconnect.Detail, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData(
        "[3] Thu 07Mar02 11:45:09 - (000012) Sent file C:\\ftp\\pub\\report 2002.zip successfully (85.3 kB/sec - 1048576 Bytes)",
        TransferDirection.Download, "C:\\ftp\\pub\\report 2002.zip", true, "85.3 kB/sec", 1048576L)]
    [InlineData(
        "[3] Thu 07Mar02 11:45:30 - (000012) Received file C:\\ftp\\incoming\\minutes.txt successfully (20.0 kB/sec - 20480 Bytes)",
        TransferDirection.Upload, "C:\\ftp\\incoming\\minutes.txt", true, "20.0 kB/sec", 20480L)]
    [InlineData(
        "[3] Thu 07Mar02 11:45:41 - (000012) Received file C:\\ftp\\incoming\\big.iso aborted (40.1 kB/sec - 52428800 Bytes)",
        TransferDirection.Upload, "C:\\ftp\\incoming\\big.iso", false, "40.1 kB/sec", 52428800L)]
    [InlineData(
        "[3] Thu 07Mar02 11:45:41 - (000012) Sent file C:\\ftp\\failed uploads\\x.bin failed",
        TransferDirection.Download, "C:\\ftp\\failed uploads\\x.bin", false, null, null)]
    [InlineData(
        "[10] Thu 26Nov15 14:30:31 - (000003) Sent file \"E:\\share\\plan.xlsx\" successfully (310.42 KB/sec - 48,211 Bytes)",
        TransferDirection.Download, "E:\\share\\plan.xlsx", true, "310.42 KB/sec", 48211L)]
    [InlineData(
        "[11] Thu 26Nov15 14:30:31 - (000003) Received file \"E:\\share\\in\\a successfully b.txt\" successfully (12.00 KB/sec - 1,024 Bytes)",
        TransferDirection.Upload, "E:\\share\\in\\a successfully b.txt", true, "12.00 KB/sec", 1024L)]
    [InlineData(
        "[11] Thu 26Nov15 14:30:40 - (000003) Error receiving file \"E:\\share\\upload\\draft.docx\"",
        TransferDirection.Upload, "E:\\share\\upload\\draft.docx", false, null, null)]
    [InlineData(
        "[10] Thu 26Nov15 14:30:40 - (000003) Error sending file \"E:\\share\\plan.xlsx\"",
        TransferDirection.Download, "E:\\share\\plan.xlsx", false, null, null)]
    public void A_transfer_line_is_a_transfer_event(string line, TransferDirection direction, string path, bool succeeded, string? rate, long? bytes)
    {
        var transfer = Lines.ParseAs<TransferEvent>(Format, line);

        Assert.Equal(direction, transfer.Direction);
        Assert.Equal(path, transfer.Path);
        Assert.Equal(succeeded, transfer.Succeeded);
        Assert.Equal(rate, transfer.Rate);
        Assert.Equal(bytes, transfer.Bytes);
    }

    [Theory]
    [InlineData("[12] Thu 26Nov15 14:30:44 - (000003) File deleted: \"E:\\share\\old.txt\"", "DELE", "E:\\share\\old.txt")]
    [InlineData("[14] Thu 26Nov15 14:30:44 - (000003) Directory created: \"E:\\share\\2015\"", "MKD", "E:\\share\\2015")]
    [InlineData("[15] Thu 26Nov15 14:30:44 - (000003) Directory deleted: \"E:\\share\\2014\"", "RMD", "E:\\share\\2014")]
    [InlineData("[13] Thu 26Nov15 14:30:44 - (000003) Renamed \"E:\\share\\a.txt\" to \"E:\\share\\b.txt\"", "RNTO", "E:\\share\\b.txt")]
    [InlineData("[02] Thu 26Nov15 14:30:44 - (000003) Sending file \"E:\\share\\plan.xlsx\"", "RETR", "E:\\share\\plan.xlsx")]
    [InlineData("[02] Thu 26Nov15 14:30:44 - (000003) Receiving file \"E:\\share\\in\\c.txt\"", "STOR", "E:\\share\\in\\c.txt")]
    public void A_server_note_of_an_action_is_the_command_that_asked_for_it(string line, string verb, string argument)
    {
        // Decision: Serv-U notes what a client's command did. There is no event for a server
        // note, so the note is read as that command, with the server's own path.
        var command = Lines.ParseAs<CommandEvent>(Format, line);

        Assert.Equal(verb, command.Command);
        Assert.Equal(argument, command.Argument);
        Assert.Equal("000003", command.SessionKey);
    }

    [Theory]
    [InlineData("[1] Thu 07Mar02 08:59:58 - FTP Server listening on port number 21, IP 192.0.2.10")]
    [InlineData("[01] Thu 26Nov15 14:30:00 - Domain started")]
    [InlineData("[06] Thu 26Nov15 14:30:00 - Event: FILE_UPLOAD (Event 07); Type: EMAIL; To: ops@example.com")]
    public void A_server_level_line_without_a_session_id_is_a_server_notice_with_its_time(string line)
    {
        var notice = Lines.ParseAs<ServerNotice>(Format, line);

        Assert.NotNull(notice.Time);
        Assert.Null(notice.SessionKey);
    }

    [Theory]
    [InlineData("[02] Thu 26Nov15 14:30:44 - (000003) Something Serv-U says that nobody has described")]
    [InlineData("[02] Thu 26Nov15 14:30:44 - (000003)")]
    [InlineData("[02] Thu 26Nov15 14:30:44 - (000003) ")]
    public void Unknown_text_in_a_session_is_unrecognized_but_keeps_time_and_session(string line)
    {
        // Unknown session text is not guessed at; it keeps its time and session for the report.
        var unrecognized = Lines.ParseAs<UnrecognizedLine>(Format, line);

        Assert.NotNull(unrecognized.Time);
        Assert.Equal("000003", unrecognized.SessionKey);
    }

    [Theory]
    [InlineData("[2] Thu 31Feb02 11:44:56 - (000012) USER bob")]
    [InlineData("[2] Thu 29Feb03 11:44:56 - (000012) USER bob")]
    [InlineData("[2] Thu 07Foo02 11:44:56 - (000012) USER bob")]
    [InlineData("[2] Thu 07Mar02 24:44:56 - (000012) USER bob")]
    [InlineData("[2] Thu 07Mar02 11:61:56 - (000012) USER bob")]
    [InlineData("[2] Thu 7Mar02 11:44:56 - (000012) USER bob")]
    [InlineData("[2] Thu 07Mar02 11:44:56 (000012) USER bob")]
    [InlineData("[2] Thu 07Mar02 11:4")]
    [InlineData("[2] Thu 07Mar02")]
    [InlineData("[2]")]
    [InlineData("[123] Thu 07Mar02 11:44:56 - (000012) USER bob")]
    [InlineData("Thu Mar 07 11:46:29 2004 USER bugdown")]
    [InlineData("(000012) USER bob")]
    [InlineData("\u0000\u0001garbage\uFFFD")]
    [InlineData("命令:> PASS *****")]
    public void Invalid_dates_garbage_and_truncated_lines_are_unrecognized_without_a_time(string line)
    {
        var unrecognized = Lines.ParseAs<UnrecognizedLine>(Format, line);

        Assert.Null(unrecognized.Time);
    }

    [Theory]
    [InlineData("[5] Thu 07Mar02 11:44:57 - (000012) PASS hunter2")]
    [InlineData("[5] Thu 07Mar02 11:44:57 - (000012) pass hunter2")]
    [InlineData("[02] Thu 26Nov15 14:30:18 - (000003) Invalid login credentials; user: \"erin\"; password: \"hunter2\"")]
    [InlineData("[02] Thu 26Nov15 14:30:18 - (000003) Invalid login credentials; user: \"erin\"; Password: hunter2")]
    [InlineData("[2] Thu 07Mar02 11:44:57 - (000012) User ANONYMOUS logged in, password: hunter2")]
    [InlineData("[2] Thu 31Feb02 11:44:57 - (000012) PASS hunter2")]
    [InlineData("[2] Thu 31Feb02 11:44:57 - (000012) Invalid login credentials; password: \"hunter2\"")]
    [InlineData("[02] Thu 26Nov15 14:30:18 - (000003) Something new; password: \"hunter2\"")]
    public void A_password_reaches_no_field_and_no_text(string line)
    {
        var parsed = Lines.ParseOne(Format, line);

        Assert.DoesNotContain("hunter2", parsed.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", parsed.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_sample_line_parses_to_a_recognized_event_with_a_session()
    {
        Assert.NotEmpty(Format.SampleLines);
        var events = Lines.Parse(Format, [.. Format.SampleLines]);

        Assert.All(events, e => Assert.IsNotType<UnrecognizedLine>(e));
        Assert.All(events, e => Assert.NotNull(e.Time));
        Assert.All(events, e => Assert.NotNull(e.SessionKey));
    }

    [Fact]
    public void The_sample_log_parses_with_only_server_level_lines_left_unrecognized()
    {
        var parser = Format.CreateParser();
        var events = SampleLogs.Read("servu.log").Select(parser.Parse).ToArray();

        Assert.All(events, e => Assert.NotNull(e.Time));
        Assert.All(events.OfType<UnrecognizedLine>(), e => Assert.Null(e.SessionKey));
        Assert.Equal(4, events.OfType<ConnectEvent>().Count());
        Assert.Contains(events, e => e is LoginEvent { Succeeded: true, User: "alice" });
        Assert.Contains(events, e => e is LoginEvent { Succeeded: false, User: "bob" });
        Assert.Contains(events, e => e is TransferEvent { Direction: TransferDirection.Download, Succeeded: true, SessionKey: "000021" });
        Assert.Contains(events, e => e is TransferEvent { Direction: TransferDirection.Upload, Succeeded: true, SessionKey: "000021" });
        Assert.Contains(events, e => e is DisconnectEvent { SessionKey: "000023" } d && d.Detail!.Contains("timed out", StringComparison.Ordinal));
        Assert.DoesNotContain(events, e => e is LoginEvent { SessionKey: "000024" });
    }

    [Fact]
    public void Detection_picks_this_format_for_a_servu_log()
    {
        var sample = SampleLogs.Read("servu.log");

        Assert.Same(typeof(ServUFormat), FormatRegistry.Detect(sample).Format?.GetType());
        Assert.IsType<ServUFormat>(FormatRegistry.Detect(sample, [new TimestampedTranscriptFormat(), Format]).Format);
    }

    [Fact]
    public void A_sample_of_another_format_scores_zero()
    {
        Assert.Equal(0, Format.Score(SampleLogs.Read("timestamped-transcript.log")));
    }

    [Fact]
    public void The_format_is_registered_by_name()
    {
        Assert.IsType<ServUFormat>(FormatRegistry.Find("servu"));
    }
}
