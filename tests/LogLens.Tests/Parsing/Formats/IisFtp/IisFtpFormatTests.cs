using LogLens.Events;
using LogLens.Parsing;
using LogLens.Parsing.Formats.IisFtp;
using LogLens.Tests.Support;

namespace LogLens.Tests.Parsing.Formats.IisFtp;

public class IisFtpFormatTests
{
    private const string Iis7Fields =
        "#Fields: date time c-ip cs-username s-ip s-port cs-method cs-uri-stem sc-status sc-win32-status sc-substatus x-session x-fullpath";

    private const string Session = "5d3f0a6e-9c1b-4f2a-8e47-0b6c2d9e1a34";

    private static readonly IisFtpFormat Format = new();

    /// <summary>An IIS 7+ row with the default fields: method, stem, status, win32 and substatus given, the rest fixed.</summary>
    private static string Row(string method, string stem, string status, string win32 = "0", string sub = "0", string fullPath = "-", string user = "-") =>
        $"2011-05-12 04:03:12 198.51.100.7 {user} 192.0.2.10 21 {method} {stem} {status} {win32} {sub} {Session} {fullPath}";

    /// <summary>Parses lines with one parser and returns the last event.</summary>
    private static FtpEvent Last(params string[] lines) => Lines.Parse(Format, lines)[^1];

    [Theory]
    [InlineData("#Software: Microsoft Internet Information Services 7.5")]
    [InlineData("#Software: Microsoft Internet Information Services 6.0")]
    [InlineData("#Version: 1.0")]
    [InlineData(Iis7Fields)]
    [InlineData("#Fields: time c-ip cs-method cs-uri-stem sc-status sc-win32-status")]
    [InlineData("#Remark: rotated by the service")]
    public void A_header_line_is_a_server_notice(string line)
    {
        var notice = Lines.ParseAs<ServerNotice>(Format, line);

        Assert.Equal(line, notice.Text);
        Assert.Null(notice.SessionKey);
    }

    [Fact]
    public void A_date_header_is_a_server_notice_with_its_time()
    {
        var notice = Lines.ParseAs<ServerNotice>(Format, "#Date: 2011-05-12 04:03:11");

        Assert.Equal("2011-05-12T04:03:11", notice.Time.ToString());
    }

    [Theory]
    [InlineData("#Comment: not a W3C directive")]
    [InlineData("# Fields: date time")]
    [InlineData("#")]
    public void An_unknown_directive_is_unrecognized(string line)
    {
        Lines.ParseAs<UnrecognizedLine>(Format, line);
    }

    // The same failed login, written under headers that order and choose the fields differently.
    [Theory]
    [InlineData(Iis7Fields, "2011-05-12 04:03:12 198.51.100.7 - 192.0.2.10 21 PASS *** 530 1326 41 " + Session + " -", Session, "2011-05-12T04:03:12")]
    [InlineData(
        "#Fields: x-session cs-method sc-status c-ip time date cs-uri-stem sc-win32-status",
        Session + " PASS 530 198.51.100.7 04:03:12 2011-05-12 *** 1326",
        Session,
        "2011-05-12T04:03:12")]
    [InlineData(
        "#Fields: date time c-ip cs-method cs-uri-stem sc-status sc-win32-status",
        "2011-05-12 04:03:12 198.51.100.7 PASS *** 530 1326",
        "198.51.100.7",
        "2011-05-12T04:03:12")]
    [InlineData(
        "#Fields: date time s-ip cs-method cs-uri-stem sc-status sc-win32-status c-ip sc-bytes cs-bytes time-taken",
        "2011-05-12 04:03:12 192.0.2.10 PASS *** 530 1326 198.51.100.7 21 14 31",
        "198.51.100.7",
        "2011-05-12T04:03:12")]
    [InlineData(
        "#Fields: date time c-ip cs-username s-sitename s-computername s-ip s-port cs-method cs-uri-stem cs-uri-query sc-status sc-win32-status sc-bytes cs-bytes time-taken cs-version",
        "2011-05-12 04:03:12 198.51.100.7 - MSFTPSVC1 WEB01 192.0.2.10 21 [62]PASS - - 530 1326 0 0 0 FTP",
        "62",
        "2011-05-12T04:03:12")]
    [InlineData(
        "#Fields: time c-ip cs-method cs-uri-stem sc-status sc-win32-status",
        "04:03:12 198.51.100.7 [62]PASS - 530 1326",
        "62",
        "T04:03:12")]
    [InlineData(
        "#Fields: time c-ip cs-username s-port cs-method cs-uri-stem sc-status",
        "04:03:12 198.51.100.7 - 21 [62]PASS - 530",
        "62",
        "T04:03:12")]
    public void A_row_is_read_by_its_field_names_in_any_order(string fields, string row, string key, string time)
    {
        var login = Assert.IsType<LoginEvent>(Last(fields, row));

        Assert.False(login.Succeeded);
        Assert.Equal("198.51.100.7", login.Client);
        Assert.Equal(key, login.SessionKey);
        Assert.Equal(time, login.Time.ToString());
        Assert.StartsWith("530", login.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_new_fields_header_mid_file_changes_the_columns()
    {
        var events = Lines.Parse(
            Format,
            "#Fields: date time c-ip cs-method cs-uri-stem sc-status",
            "2011-05-12 04:03:12 198.51.100.7 RETR a.txt 226",
            "#Fields: date time cs-method cs-uri-stem sc-status c-ip sc-bytes",
            "2011-05-12 04:03:14 RETR b.txt 226 198.51.100.9 4096");

        var first = Assert.IsType<TransferEvent>(events[1]);
        var second = Assert.IsType<TransferEvent>(events[3]);
        Assert.Equal(("a.txt", "198.51.100.7", (long?)null), (first.Path, first.Client, first.Bytes));
        Assert.Equal(("b.txt", "198.51.100.9", (long?)4096), (second.Path, second.Client, second.Bytes));
    }

    [Theory]
    [InlineData("2011-05-12 04:03:12 198.51.100.7 - 192.0.2.10 21 PASS *** 530 1326 41 " + Session + " -", Session)]
    [InlineData("14:03:19 198.51.100.7 [62]PASS - 530 1326", "62")]
    [InlineData("2006-03-14 09:12:05 198.51.100.7 - MSFTPSVC1 WEB01 192.0.2.10 21 [31]PASS - - 530 1326 FTP - - - -", "31")]
    [InlineData("10:41:07 198.51.100.7 bob MSFTPSVC1 WEB01 192.0.2.10 21 [207]PASS - - 530 1326 0 0 16 FTP - - - -", "207")]
    [InlineData("09:15:33 198.51.100.7 - MSFTPSVC1 WEB01 192.0.2.10 21 [48]PASS - - 530 ", "48")]
    public void A_row_without_a_header_is_read_by_its_shape(string row, string key)
    {
        var login = Lines.ParseAs<LoginEvent>(Format, row);

        Assert.False(login.Succeeded);
        Assert.Equal("198.51.100.7", login.Client);
        Assert.Equal(key, login.SessionKey);
    }

    [Fact]
    public void A_control_channel_opening_is_a_connect_with_the_server_address()
    {
        var connect = Lines.ParseAs<ConnectEvent>(Format, Row("ControlChannelOpened", "-", "-"));

        Assert.Equal("192.0.2.10", connect.Server);
        Assert.Equal("198.51.100.7", connect.Client);
        Assert.Equal(Session, connect.SessionKey);
    }

    [Theory]
    [InlineData("USER", "bob", "331", "USER", "bob")]
    [InlineData("user", "bob", "331", "USER", "bob")]
    [InlineData("CWD", "/reports", "550", "CWD", "/reports")]
    [InlineData("PASV", "-", "227", "PASV", null)]
    [InlineData("TYPE", "I", "200", "TYPE", "I")]
    [InlineData("DataChannelOpened", "-", "-", "DataChannelOpened", null)]
    [InlineData("DataChannelClosed", "-", "-", "DataChannelClosed", null)]
    [InlineData("PASS", "***", "-", "PASS", "***")]
    [InlineData("RETR", "a.zip", "-", "RETR", "a.zip")]
    public void Other_rows_are_the_commands_they_name(string method, string stem, string status, string command, string? argument)
    {
        var parsed = Lines.ParseAs<CommandEvent>(Format, Row(method, stem, status));

        Assert.Equal(command, parsed.Command);
        Assert.Equal(argument, parsed.Argument);
        Assert.Equal(Session, parsed.SessionKey);
    }

    [Theory]
    [InlineData("230", "0", "0", true, null)]
    [InlineData("530", "1326", "41", false, "530 (substatus 41), win32 1326: Logon failure: unknown user name or bad password.")]
    [InlineData("530", "1331", "0", false, "530, win32 1331: Logon failure: account currently disabled.")]
    [InlineData("530", "1909", "0", false, "530, win32 1909: The referenced account is currently locked out and may not be logged on to.")]
    [InlineData("530", "5", "0", false, "530, win32 5: Access is denied.")]
    [InlineData("530", "0", "0", false, "530")]
    [InlineData("530", "4242", "0", false, "530, win32 4242")]
    public void A_pass_row_is_the_login_verdict_with_windows_words(string status, string win32, string sub, bool succeeded, string? detail)
    {
        var login = Assert.IsType<LoginEvent>(Last(Row("USER", "bob", "331"), Row("PASS", "***", status, win32, sub)));

        Assert.Equal(succeeded, login.Succeeded);
        Assert.Equal("bob", login.User);
        Assert.Equal(detail, login.Detail);
    }

    [Fact]
    public void A_pass_row_takes_the_logged_user_name_when_no_user_row_came_before()
    {
        var login = Lines.ParseAs<LoginEvent>(Format, Row("PASS", "***", "230", user: "WEB01\\carol"));

        Assert.Equal("WEB01\\carol", login.User);
    }

    [Theory]
    [InlineData("530", false)]
    [InlineData("230", true)]
    public void A_user_row_with_a_verdict_is_a_login(string status, bool succeeded)
    {
        var login = Lines.ParseAs<LoginEvent>(Format, Row("USER", "guest", status));

        Assert.Equal(succeeded, login.Succeeded);
        Assert.Equal("guest", login.User);
    }

    [Theory]
    [InlineData("RETR", "reports/q1.pdf", "226", "/reports/q1.pdf", TransferDirection.Download, true)]
    [InlineData("RETR", "reports/q9.pdf", "550", "/reports/q9.pdf", TransferDirection.Download, false)]
    [InlineData("RETR", "big.iso", "426", "-", TransferDirection.Download, false)]
    [InlineData("STOR", "upload/notes.txt", "226", "/upload/notes.txt", TransferDirection.Upload, true)]
    [InlineData("STOU", "upload/x.bin", "226", "/upload/x.bin", TransferDirection.Upload, true)]
    [InlineData("APPE", "upload/log.txt", "452", "/upload/log.txt", TransferDirection.Upload, false)]
    public void A_transfer_row_with_a_status_is_a_finished_transfer(string method, string stem, string status, string fullPath, TransferDirection direction, bool succeeded)
    {
        var transfer = Lines.ParseAs<TransferEvent>(Format, Row(method, stem, status, fullPath: fullPath));

        Assert.Equal(direction, transfer.Direction);
        Assert.Equal(succeeded, transfer.Succeeded);
        Assert.Equal(fullPath == "-" ? stem : fullPath, transfer.Path);
    }

    [Theory]
    [InlineData("RETR a.zip 226 0 0 1048576 24", 1048576L)]
    [InlineData("STOR b.txt 226 0 0 24 20480", 20480L)]
    [InlineData("RETR missing.zip 550 2 0 52 23", null)]
    public void Bytes_come_from_sc_bytes_for_downloads_and_cs_bytes_for_uploads_of_completed_transfers(string columns, long? bytes)
    {
        var transfer = Assert.IsType<TransferEvent>(Last(
            "#Fields: date time c-ip cs-method cs-uri-stem sc-status sc-win32-status sc-substatus sc-bytes cs-bytes",
            "2011-05-12 04:10:09 203.0.113.25 " + columns));

        Assert.Equal(bytes, transfer.Bytes);
    }

    [Theory]
    [InlineData("QUIT", "-", "221", "0", null)]
    [InlineData("ControlChannelClosed", "-", "-", "0", null)]
    [InlineData("ControlChannelClosed", "-", "-", "64", "win32 64: The specified network name is no longer available.")]
    [InlineData("ControlChannelClosed", "-", "-", "121", "win32 121: The semaphore timeout period has expired.")]
    [InlineData("ControlChannelClosed", "-", "-", "10054", "win32 10054: An existing connection was forcibly closed by the remote host.")]
    public void Quit_and_closed_control_channels_are_disconnects_whose_detail_says_what_went_wrong(string method, string stem, string status, string win32, string? detail)
    {
        var disconnect = Lines.ParseAs<DisconnectEvent>(Format, Row(method, stem, status, win32));

        Assert.Equal(detail, disconnect.Detail);
        Assert.Equal(Session, disconnect.SessionKey);
    }

    [Fact]
    public void Any_command_answered_421_is_the_server_closing_the_connection()
    {
        var reply = Lines.ParseAs<ReplyEvent>(Format, Row("LIST", "-", "421", "121"));

        Assert.Equal(421, reply.Code);
        Assert.Contains("timeout", reply.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("14:03:19 198.51.100.7 [62]USER bob 331 0", typeof(CommandEvent))]
    [InlineData("14:03:19 198.51.100.7 [62]PASS - 530 1326", typeof(LoginEvent))]
    [InlineData("14:03:19 198.51.100.7 [62]PASS - 230 0", typeof(LoginEvent))]
    [InlineData("14:03:19 198.51.100.7 [62]created /file.txt 226 0", typeof(TransferEvent))]
    [InlineData("14:03:19 198.51.100.7 [62]sent /file.zip 226 0", typeof(TransferEvent))]
    [InlineData("14:03:19 198.51.100.7 [62]closed - 426 1236", typeof(DisconnectEvent))]
    [InlineData("14:03:19 198.51.100.7 [62]QUIT - 226 0", typeof(DisconnectEvent))]
    [InlineData("14:03:19 198.51.100.7 [62]MKD 20110512 257 0", typeof(CommandEvent))]
    [InlineData("14:03:19 x.x.113.9 [62]USER bob 331 0", typeof(CommandEvent))]
    public void A_short_form_row_keys_by_its_connection_id(string line, Type type)
    {
        var parsed = Lines.ParseOne(Format, line);

        Assert.IsType(type, parsed);
        Assert.Equal("62", parsed.SessionKey);
        Assert.Equal(line, parsed.Text);
    }

    [Theory]
    [InlineData("14:03:19 198.51.100.7 [62]created /incoming/notes.txt 226 0", TransferDirection.Upload, "/incoming/notes.txt")]
    [InlineData("14:03:19 198.51.100.7 [62]sent /pub/manual.pdf 226 0", TransferDirection.Download, "/pub/manual.pdf")]
    public void Iis6_sent_and_created_are_downloads_and_uploads(string line, TransferDirection direction, string path)
    {
        var transfer = Lines.ParseAs<TransferEvent>(Format, line);

        Assert.Equal((direction, path, true), (transfer.Direction, transfer.Path, transfer.Succeeded));
    }

    [Fact]
    public void Iis6_closed_keeps_the_windows_reason_in_its_detail()
    {
        var disconnect = Lines.ParseAs<DisconnectEvent>(Format, "14:03:19 198.51.100.7 [62]closed - 426 1236");

        Assert.Equal("426, win32 1236: The network connection was aborted by the local system.", disconnect.Detail);
    }

    [Fact]
    public void A_time_only_row_takes_its_date_from_the_date_header_and_passes_midnight()
    {
        var events = Lines.Parse(
            Format,
            "#Date: 2011-05-12 23:58:00",
            "23:59:58 198.51.100.7 [62]USER bob 331 0",
            "00:00:03 198.51.100.7 [62]PASS - 230 0",
            "#Date: 2011-05-14 08:00:00",
            "08:00:01 198.51.100.7 [63]USER bob 331 0");

        Assert.Equal(
            ["2011-05-12T23:59:58", "2011-05-13T00:00:03", "2011-05-14T08:00:01"],
            new[] { events[1], events[2], events[4] }.Select(e => e.Time.ToString()));
    }

    [Fact]
    public void A_time_only_row_without_a_date_header_claims_no_date()
    {
        var events = Lines.Parse(Format, "23:59:58 198.51.100.7 [62]USER bob 331 0", "00:00:03 198.51.100.7 [62]PASS - 230 0");

        Assert.All(events, e => Assert.False(e.Time!.Value.HasYear));
        Assert.All(events, e => Assert.False(e.Time!.Value.HasDate));
        Assert.Equal(["T23:59:58", "T00:00:03"], events.Select(e => e.Time.ToString()));
        Assert.Equal(5, events[1].Time!.Value.SecondsSince(events[0].Time!.Value));
    }

    [Theory]
    [InlineData("2011-02-30 04:03:12 198.51.100.7 - 192.0.2.10 21 USER bob 331 0 0 " + Session + " -")]
    [InlineData("2011-05-12 24:03:12 198.51.100.7 - 192.0.2.10 21 USER bob 331 0 0 " + Session + " -")]
    [InlineData("2011-05-12 04:03:12 198.51.100.7 - 192.0.2.10 21 USER bob 33x 0 0 " + Session + " -")]
    [InlineData("2011-05-12 04:03:12 198.51.100.7 - 192.0.2.10 21 GET /index.html 200 0 0 " + Session + " -")]
    [InlineData("14:03:19 198.51.100.7 62]PASS - 530 1326")]
    [InlineData("14:03:19")]
    [InlineData("2013-11-16 21:59:30,121 host proftpd[25891] 198.51.100.7 (198.51.100.7[198.51.100.7]) - USER bob: no such user found")]
    [InlineData("[2] Thu 07Mar02 11:44:56 - (000012) USER bob")]
    [InlineData("\u0000\u0001garbage\uFFFD")]
    public void Invalid_dates_other_logs_and_garbage_are_unrecognized(string line)
    {
        Lines.ParseAs<UnrecognizedLine>(Format, line);
    }

    [Fact]
    public void A_web_log_under_an_iis_header_is_not_taken_for_ftp()
    {
        var events = Lines.Parse(
            Format,
            "#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) sc-status sc-substatus sc-win32-status time-taken",
            "2011-05-12 04:03:12 192.0.2.10 GET /index.html - 80 - 198.51.100.7 Mozilla/5.0 200 0 0 15");

        Assert.IsType<UnrecognizedLine>(events[1]);
    }

    [Fact]
    public void An_unknown_command_in_a_log_known_to_be_ftp_is_a_command()
    {
        var command = Assert.IsType<CommandEvent>(Last(Iis7Fields, Row("GET", "/", "500", "0")));

        Assert.Equal("GET", command.Command);
    }

    [Theory]
    [InlineData("14:03:19 198.51.100.7 [62]PASS hunter2 530 1326", "14:03:19 198.51.100.7 [62]PASS *** 530 1326")]
    [InlineData("14:03:19 198.51.100.7 [62]pass hunter2 230 0", "14:03:19 198.51.100.7 [62]pass *** 230 0")]
    [InlineData(
        "2006-03-14 09:12:05 198.51.100.7 - MSFTPSVC1 WEB01 192.0.2.10 21 [31]PASS hunter2 - 530 1326 FTP - - ",
        "2006-03-14 09:12:05 198.51.100.7 - MSFTPSVC1 WEB01 192.0.2.10 21 [31]PASS *** - 530 1326 FTP - - ")]
    [InlineData(
        "2011-05-12 04:03:12 198.51.100.7 - 192.0.2.10 21 PASS hunter2 530 1326 41 " + Session + " -",
        "2011-05-12 04:03:12 198.51.100.7 - 192.0.2.10 21 PASS *** 530 1326 41 " + Session + " -")]
    public void A_password_column_is_masked_and_the_status_columns_behind_it_kept(string line, string text)
    {
        var parsed = Lines.ParseOne(Format, line);

        Assert.Equal(text, parsed.Text);
        Assert.DoesNotContain("hunter2", parsed.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "14:03:19 198.51.100.7 [62]PASS my hunter2 530 1326", "14:03:19 198.51.100.7 [62]PASS *** 530 1326", false)]
    [InlineData(null, "14:03:19 198.51.100.7 [62]PASS my 530 hunter2 230 0", "14:03:19 198.51.100.7 [62]PASS *** 230 0", true)]
    [InlineData(null, "14:03:19 198.51.100.7 [62]PASS a b hunter2 230 0", "14:03:19 198.51.100.7 [62]PASS *** 230 0", true)]
    [InlineData(
        null,
        "2006-03-14 09:12:05 198.51.100.7 - MSFTPSVC1 WEB01 192.0.2.10 21 [31]PASS my hunter2 - 530 1326 FTP - - ",
        "2006-03-14 09:12:05 198.51.100.7 - MSFTPSVC1 WEB01 192.0.2.10 21 [31]PASS *** - 530 1326 FTP - - ",
        false)]
    [InlineData(
        null,
        "2011-05-12 04:03:12 198.51.100.7 - 192.0.2.10 21 PASS my hunter2 530 1326 41 " + Session + " -",
        "2011-05-12 04:03:12 198.51.100.7 - 192.0.2.10 21 PASS *** 530 1326 41 " + Session + " -",
        false)]
    [InlineData(
        Iis7Fields,
        "2011-05-12 04:03:12 198.51.100.7 - 192.0.2.10 21 PASS my 230 hunter2 530 1326 41 " + Session + " -",
        "2011-05-12 04:03:12 198.51.100.7 - 192.0.2.10 21 PASS *** 530 1326 41 " + Session + " -",
        false)]
    [InlineData(
        "#Fields: time c-ip cs-method cs-uri-stem sc-status sc-win32-status",
        "14:03:19 198.51.100.7 PASS correct horse hunter2 230 0",
        "14:03:19 198.51.100.7 PASS *** 230 0",
        true)]
    public void A_password_with_blanks_is_one_column_masked_whole_and_the_status_behind_it_decides_the_login(
        string? fields, string line, string text, bool succeeded)
    {
        var login = Assert.IsType<LoginEvent>(fields is null ? Lines.ParseOne(Format, line) : Last(fields, line));

        Assert.Equal(text, login.Text);
        Assert.Equal(succeeded, login.Succeeded);
        Assert.DoesNotContain("hunter2", login.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(
        "2011-05-12 04:03:13 198.51.100.7 bob 192.0.2.10 21 RETR ftp://bob:hunter2@ftp.example.com/x 550 2 0 " + Session + " ftp://bob:hunter2@ftp.example.com/x",
        "2011-05-12 04:03:13 198.51.100.7 bob 192.0.2.10 21 RETR ftp://bob:***@ftp.example.com/x 550 2 0 " + Session + " ftp://bob:***@ftp.example.com/x")]
    [InlineData(
        "14:03:20 198.51.100.7 [62]RETR ftp://bob:hunter2@ftp.example.com/x 550 2",
        "14:03:20 198.51.100.7 [62]RETR ftp://bob:***@ftp.example.com/x 550 2")]
    public void A_url_password_in_any_column_is_masked_in_the_text_and_in_every_field_read_from_it(string line, string text)
    {
        var transfer = Assert.IsType<TransferEvent>(Last(Iis7Fields, line));

        Assert.Equal(text, transfer.Text);
        Assert.Equal("ftp://bob:***@ftp.example.com/x", transfer.Path);
        Assert.DoesNotContain("hunter2", transfer.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_password_in_a_column_of_another_command_is_hidden_to_the_end_of_the_text_and_the_row_still_read()
    {
        var command = Assert.IsType<CommandEvent>(Lines.ParseOne(Format, "14:03:20 198.51.100.7 [62]SITE PASS:hunter2 500 2"));

        Assert.Equal("14:03:20 198.51.100.7 [62]SITE PASS:***", command.Text);
        Assert.Equal(("SITE", "PASS:***"), (command.Command, command.Argument));
    }

    [Theory]
    [InlineData("14:03:19 198.51.100.7 [62]PASS hunter2")]
    [InlineData("14:03:19 198.51.100.7 [62]PASS hunter2 5x0 1326")]
    [InlineData("2011-05-12 04:03:12 198.51.100.7 - 192.0.2.10 21 PASS hunter2 530 1326 41 " + Session + " -")]
    [InlineData("#Remark: PASS hunter2")]
    [InlineData("PASS hunter2")]
    [InlineData("2011-05-12 04:03:12 198.51.100.7 - 192.0.2.10 21 PASS my hunter2 530 1326 41 " + Session + " -")]
    [InlineData("2011-05-12 04:03:12 198.51.100.7 - 192.0.2.10 21 PASS my hunter2")]
    [InlineData("14:03:19 198.51.100.7 [62]PASS my hunter2 5x0 1326")]
    [InlineData("2011-05-12 04:03:13 198.51.100.7 - 192.0.2.10 21 RETR ftp://bob:hunter2@h/x 550 2 0 " + Session + " /x")]
    [InlineData("14:03:20 198.51.100.7 [62]STOR sftp://bob:hunter2@h/x 226 0")]
    public void A_password_reaches_no_field_and_no_text(string line)
    {
        var events = Lines.Parse(Format, Iis7Fields, line);

        Assert.All(events, e => Assert.DoesNotContain("hunter2", e.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public void Every_sample_line_parses_to_a_recognized_event()
    {
        var events = Lines.Parse(Format, [.. Format.SampleLines]);

        Assert.All(events, e => Assert.IsNotType<UnrecognizedLine>(e));
        Assert.All(events.Where(e => e is not ServerNotice), e => Assert.NotNull(e.SessionKey));
        Assert.All(events.Where(e => e is not ServerNotice), e => Assert.NotNull(e.Time));
    }

    [Theory]
    [InlineData("iis-ftp-w3c.log")]
    [InlineData("iis-ftp-short.log")]
    public void The_sample_logs_parse_with_every_line_recognized_and_are_detected(string file)
    {
        var sample = SampleLogs.Read(file);
        var parser = Format.CreateParser();

        Assert.All(sample.Select(parser.Parse), e => Assert.IsNotType<UnrecognizedLine>(e));
        Assert.IsType<IisFtpFormat>(FormatRegistry.Detect(sample).Format);
    }

    [Theory]
    [InlineData("servu.log")]
    [InlineData("timestamped-transcript.log")]
    public void A_sample_of_another_format_scores_zero(string file)
    {
        Assert.Equal(0, Format.Score(SampleLogs.Read(file)));
    }

    [Fact]
    public void The_format_is_registered_by_name()
    {
        Assert.IsType<IisFtpFormat>(FormatRegistry.Find("iis-ftp"));
    }
}
