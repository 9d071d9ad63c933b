using System.Globalization;
using System.Text;
using CsvHelper;
using LogLens.Analysis;
using LogLens.Reporting;
using LogLens.Tests.Support;

namespace LogLens.Tests.Reporting;

/// <summary>The CSV report: issue 4's columns in order, UTF-8 with a BOM, formulas escaped, Chinese intact.</summary>
public class CsvReportWriterTests
{
    private static readonly string[] DocumentedColumns =
    [
        "file", "session", "format", "client", "server", "user", "start", "end", "duration_s", "outcome", "reason", "reply_code",
        "logins_failed", "logins_succeeded", "uploads", "downloads", "transfers_failed", "bytes_up", "bytes_down", "first_line", "last_line",
    ];

    [Fact]
    public void The_header_has_the_documented_columns_in_order()
    {
        var rows = ReadBack(Write([]));

        Assert.Equal(DocumentedColumns, rows[0]);
        Assert.Equal(DocumentedColumns, CsvReportWriter.Columns);
        Assert.Single(rows);
    }

    [Fact]
    public void The_document_starts_with_a_utf8_byte_order_mark_so_spreadsheets_read_chinese()
    {
        var bytes = Write([]);

        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        Assert.StartsWith("file,session,format,", Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3), StringComparison.Ordinal);
    }

    [Fact]
    public void A_row_carries_the_session_as_analysed()
    {
        var t = Transcript.In(TranscriptStyle.Timestamped)
            .Open().Login("bugdown", "530 Not logged in.").Login("bugdown", "230 User logged in, proceed.")
            .Command("RETR pub/setup.zip").Reply("150 Opening BINARY mode data connection for pub/setup.zip (2048 bytes).").Reply("226 Transfer complete.")
            .Command("STOR incoming/notes.txt").Reply("150 Opening BINARY mode data connection for incoming/notes.txt.").After(12).Reply("452 Insufficient storage space on server.");
        var session = Assert.Single(t.Analyze().Sessions);

        var rows = ReadBack(Write([session]));

        Assert.Equal(
            [
                "transcript.log", "1", "timestamped", "", "", "bugdown", "2004-03-07T11:46:28", "2004-03-07T11:46:40", "12",
                "transfer-failed", "insufficient-storage", "452", "1", "1", "1", "1", "1", "0", "2048", "1", t.Last.ToString(CultureInfo.InvariantCulture),
            ],
            rows[1]);
    }

    [Fact]
    public void A_refused_iis_login_row_puts_its_status_in_the_reply_code_cell()
    {
        var analysis = Transcript.AnalyzeText(
            string.Join(
                "\n",
                "#Fields: date time c-ip cs-username s-ip s-port cs-method cs-uri-stem sc-status sc-win32-status sc-substatus x-session",
                "2019-02-21 09:15:00 203.0.113.44 - 192.0.2.20 21 ControlChannelOpened - - 0 0 k7",
                "2019-02-21 09:15:01 203.0.113.44 - 192.0.2.20 21 USER bob 331 0 0 k7",
                "2019-02-21 09:15:02 203.0.113.44 - 192.0.2.20 21 PASS *** 530 1326 41 k7",
                "2019-02-21 09:15:03 203.0.113.44 - 192.0.2.20 21 ControlChannelClosed - - 0 0 k7"),
            "iis-ftp");

        var row = ReadBack(Write(analysis.Sessions))[1];

        Assert.Equal(("login-failed", "bad-credentials", "530"), (row[9], row[10], row[11]));
    }

    [Fact]
    public void Unknown_values_are_empty_cells()
    {
        var session = Assert.Single(Transcript.In(TranscriptStyle.English).Connecting().ConnectFailed(10060).Analyze().Sessions);

        var row = ReadBack(Write([session]))[1];
        var cell = DocumentedColumns.Select((name, i) => (name, i)).ToDictionary(c => c.name, c => row[c.i]);

        Assert.Equal(("", "", "", "", ""), (cell["client"], cell["user"], cell["start"], cell["duration_s"], cell["reply_code"]));
        Assert.Equal(("connect-failed", "socket-10060", "ftp.example.com:21"), (cell["outcome"], cell["reason"], cell["server"]));
    }

    public static TheoryData<TranscriptStyle, string> FormulaUsers()
    {
        var data = new TheoryData<TranscriptStyle, string>();
        foreach (var style in Enum.GetValues<TranscriptStyle>())
        {
            foreach (var user in new[] { "=HYPERLINK(\"http://example.com\")", "+1+2", "-2+3", "@SUM(A1:A2)" })
            {
                data.Add(style, user);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(FormulaUsers))]
    public void A_user_name_that_would_start_a_formula_is_escaped(TranscriptStyle style, string user)
    {
        var session = Assert.Single(Transcript.In(style).Open().Login(user, "530 Not logged in.").Analyze().Sessions);
        Assert.Equal(user, session.User);

        var cell = ReadBack(Write([session]))[1][Array.IndexOf(DocumentedColumns, "user")];

        Assert.DoesNotContain(cell[0], "=+-@");
        Assert.EndsWith(user, cell, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_name_that_would_start_a_formula_is_escaped_too()
    {
        var analysis = Transcript.AnalyzeText(Transcript.In(TranscriptStyle.Chinese).Connecting().ConnectFailed(10060).Text, "cuteftp-zh", name: "=cmd|' /C calc'!A0");

        var cell = ReadBack(Write(analysis.Sessions))[1][0];

        Assert.NotEqual('=', cell[0]);
    }

    [Fact]
    public void A_syslog_time_without_a_year_is_a_plain_cell_not_an_escaped_formula()
    {
        var analysis = Transcript.AnalyzeText(
            "Oct 11 01:06:47 files proftpd[4711]: files.example.com (client.example.net[192.0.2.7]) - USER bob: Login successful.\n"
            + "Oct 11 01:07:02 files proftpd[4711]: files.example.com (client.example.net[192.0.2.7]) - FTP session closed.\n",
            "proftpd");

        var row = ReadBack(Write(analysis.Sessions))[1];

        Assert.Equal(("10-11T01:06:47", "10-11T01:07:02", "15"), (row[6], row[7], row[8]));
    }

    [Fact]
    public void Chinese_text_round_trips()
    {
        var analysis = Transcript.AnalyzeText(
            Transcript.In(TranscriptStyle.Chinese).Open("文件服务器.example.com", 2121, "192.0.2.45").Login("张三", "530 Not logged in.").Refused().Text,
            "cuteftp-zh",
            name: "日志/登录错误.log");

        var row = ReadBack(Write(analysis.Sessions))[1];

        Assert.Equal(("日志/登录错误.log", "文件服务器.example.com:2121", "张三"), (row[0], row[4], row[5]));
    }

    [Fact]
    public void Rows_come_in_the_order_written_one_per_session()
    {
        var t = Transcript.In(TranscriptStyle.English);
        for (var i = 0; i < 3; i++)
        {
            t.Connecting().ConnectFailed(10060).Waiting(30);
        }

        var sessions = t.Analyze().Sessions;

        var rows = ReadBack(Write(sessions));

        Assert.Equal(["1", "2", "3"], rows.Skip(1).Select(r => r[1]));
    }

    [Fact]
    public void The_writer_leaves_the_stream_open()
    {
        using var stream = new MemoryStream();

        using (var writer = new CsvReportWriter(stream))
        {
            writer.Flush();
        }

        Assert.True(stream.CanWrite);
    }

    private static byte[] Write(IEnumerable<FtpSession> sessions)
    {
        using var stream = new MemoryStream();
        using (var writer = new CsvReportWriter(stream))
        {
            foreach (var session in sessions)
            {
                writer.WriteSession(session);
            }
        }

        return stream.ToArray();
    }

    private static List<string[]> ReadBack(byte[] bytes)
    {
        using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        using var csv = new CsvParser(reader, CultureInfo.InvariantCulture);
        var rows = new List<string[]>();
        while (csv.Read())
        {
            rows.Add(csv.Record!);
        }

        return rows;
    }
}
