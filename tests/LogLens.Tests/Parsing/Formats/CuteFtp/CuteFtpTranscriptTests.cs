using LogLens.Events;
using LogLens.Input;
using LogLens.Parsing;
using LogLens.Parsing.Formats.CuteFtp;
using LogLens.Tests.Support;

namespace LogLens.Tests.Parsing.Formats.CuteFtp;

/// <summary>What both language editions share: samples, wrapped messages, passwords, detection.</summary>
public class CuteFtpTranscriptTests
{
    private static readonly ILogFormat Chinese = new CuteFtpChineseFormat();
    private static readonly ILogFormat English = new CuteFtpEnglishFormat();

    private static readonly string[] ChineseTranscript =
    [
        "　　状态:> 正在获取列表“”... ",
        "　　状态:> 正在连接到 ftp 服务器 192.0.2.8:21 (ip = 192.0.2.8:21)... ",
        "　　错误:> 无法连接到远程服务器。Socket 错误 = #10060。 ",
        "　　状态:> 正在等候 30 秒... ",
        "　　状态:> 正在连接到 ftp 服务器 192.0.2.8:21 (ip = 192.0.2.8:21)... ",
        "　　状态:> Socket 已连接。正在等候欢迎消息... ",
        "　　220 FTP服务器已启动 ",
        "　　状态:> 已连接。正在验证... ",
        "　　命令:> USER software ",
        "　　331 User name okay, need password. ",
        "　　命令:> PASS ***** ",
        "　　530 Not logged in, unauthorized IP address. ",
        "　　错误:> 未登录。 ",
        "　　状态:> 连接已关闭。 ",
    ];

    private static readonly string[] EnglishTranscript =
    [
        "STATUS:> Getting listing \"\"...",
        "STATUS:> Connecting to FTP server ftp.example.com:21 (ip = 203.0.113.5)...",
        "STATUS:> Socket connected. Waiting for welcome message...",
        "220 Serv-U FTP Server v6.4 for WinSock ready...",
        "STATUS:> Connected. Authenticating...",
        "COMMAND:> USER software",
        "331 User name okay, need password.",
        "COMMAND:> PASS *****",
        "230 User logged in, proceed.",
        "STATUS:> Login successful.",
        "COMMAND:> PWD",
        "257 \"/\" is current directory.",
    ];

    public static TheoryData<string> FormatNames => ["cuteftp-zh", "cuteftp-en"];

    [Theory]
    [MemberData(nameof(FormatNames))]
    public void Every_sample_line_parses_to_a_recognized_event(string name)
    {
        var format = FormatNamed(name);

        var events = Lines.Parse(format, [.. format.SampleLines]);

        Assert.All(events, e => Assert.IsNotType<UnrecognizedLine>(e));
    }

    [Theory]
    [InlineData("cuteftp-zh", "TransferComplete,TransferFailed")]
    [InlineData("cuteftp-en", "")]
    public void The_samples_show_every_kind_of_message_the_format_knows(string name, string kindsWithoutPhrases)
    {
        var format = FormatNamed(name);
        var untranslated = kindsWithoutPhrases.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<ClientMessageKind>);

        var shown = Lines.Parse(format, [.. format.SampleLines]).OfType<ClientMessageEvent>().Select(m => m.Kind).ToHashSet();

        Assert.Empty(Enum.GetValues<ClientMessageKind>().Except(untranslated).Except(shown));
    }

    [Theory]
    [MemberData(nameof(FormatNames))]
    public void The_samples_show_commands_replies_timestamps_and_multi_line_replies(string name)
    {
        var events = Lines.Parse(FormatNamed(name), [.. FormatNamed(name).SampleLines]);

        Assert.Contains(events, e => e is CommandEvent);
        Assert.Contains(events, e => e is ReplyEvent { IsFinal: false });
        Assert.Contains(events, e => e is ReplyEvent { Time: not null });
        Assert.Contains(events, e => e is ClientMessageEvent { Time: not null });
    }

    [Theory]
    [InlineData("cuteftp-en", new[] { "ERROR:>   [9/8/2009 10:08:40 PM] Can't open data connection. The server may be behind a firewall that", "        blocks incoming data connections; try passive mode." }, "ClientMessageEvent,ContinuationLine")]
    [InlineData("cuteftp-en", new[] { "STATUS:> Transfer complete. 1,048,576 bytes transferred; the file was", "saved as", "C:\\Downloads\\setup 2.1.zip." }, "ClientMessageEvent,ContinuationLine,ContinuationLine")]
    [InlineData("cuteftp-en", new[] { "ERROR:> Not logged in.", "\t[9/8/2009 10:08:41 PM] please check the account" }, "ClientMessageEvent,ContinuationLine")]
    [InlineData("cuteftp-en", new[] { "blocks incoming data connections; try passive mode." }, "UnrecognizedLine")]
    [InlineData("cuteftp-en", new[] { "COMMAND:> PWD", "blocks incoming data connections." }, "CommandEvent,UnrecognizedLine")]
    [InlineData("cuteftp-en", new[] { "257 \"/\" is current directory.", "and more text" }, "ReplyEvent,UnrecognizedLine")]
    [InlineData("cuteftp-en", new[] { "STATUS:> Login successful.", "COMMAND:>", "wrapped?" }, "ClientMessageEvent,UnrecognizedLine,UnrecognizedLine")]
    [InlineData("cuteftp-en", new[] { "STATUS:> Login successful.", "wrapped", "COMMAND:> PWD", "not wrapped" }, "ClientMessageEvent,ContinuationLine,CommandEvent,UnrecognizedLine")]
    [InlineData("cuteftp-en", new[] { "230-Welcome to the archive", " mirrors are listed in /pub/MIRRORS", "230 User logged in.", "stray text" }, "ReplyEvent,ContinuationLine,ReplyEvent,UnrecognizedLine")]
    [InlineData("cuteftp-zh", new[] { "　　错误:> 无法连接到远程服务器。请检查", "　　防火墙设置。" }, "ClientMessageEvent,ContinuationLine")]
    [InlineData("cuteftp-zh", new[] { "　　该帐号只允许单线程登陆" }, "UnrecognizedLine")]
    [InlineData("cuteftp-zh", new[] { "　　命令:> PASS *****", "　　该帐号只允许单线程登陆" }, "CommandEvent,UnrecognizedLine")]
    public void Plain_text_continues_a_message_only_right_after_one(string name, string[] lines, string expected)
    {
        var events = Lines.Parse(FormatNamed(name), lines);

        Assert.Equal(expected, string.Join(",", events.Select(e => e.GetType().Name)));
    }

    [Fact]
    public void A_continuation_keeps_its_timestamp_and_text()
    {
        var events = Lines.Parse(English, "ERROR:> Not logged in.", "\t[9/8/2009 10:08:41 PM] please check the account");

        var continuation = Assert.IsType<ContinuationLine>(events[1]);
        Assert.Equal("2009-09-08T22:08:41", continuation.Time?.ToString());
        Assert.Equal("\t[9/8/2009 10:08:41 PM] please check the account", continuation.Text);
    }

    [Theory]
    [InlineData("cuteftp-en", "COMMAND:> PASS hunter2")]
    [InlineData("cuteftp-en", "COMMAND:> pass hunter2")]
    [InlineData("cuteftp-en", "COMMAND:> PASS hunter2   ")]
    [InlineData("cuteftp-en", "COMMAND:> PASS hunter2 with spaces")]
    [InlineData("cuteftp-en", "COMMAND:>   [9/8/2009 10:08:08 PM] PASS hunter2")]
    [InlineData("cuteftp-en", "COMMAND:> PASS\thunter2")]
    [InlineData("cuteftp-en", "COMMAND:> PASS　hunter2")]
    [InlineData("cuteftp-en", "STATUS:> Sending PASS hunter2")]
    [InlineData("cuteftp-zh", "命令:> PASS hunter2")]
    [InlineData("cuteftp-zh", "　　命令:> PASS　hunter2　")]
    [InlineData("cuteftp-zh", "命令:> [2009/9/8 22:08:07] PASS hunter2")]
    public void A_password_appears_in_no_field_and_not_in_the_text(string name, string line)
    {
        var parsed = Lines.ParseOne(FormatNamed(name), line);

        Assert.IsNotType<UnrecognizedLine>(parsed);
        Assert.DoesNotContain("hunter2", parsed.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", parsed.Text, StringComparison.Ordinal);
        if (parsed is CommandEvent command)
        {
            Assert.Equal("PASS", command.Command);
            Assert.Equal(Redaction.Mark, command.Argument);
            Assert.EndsWith("PASS ***", command.Text, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Theory]
    [InlineData("cuteftp-en", "")]
    [InlineData("cuteftp-en", "   ")]
    [InlineData("cuteftp-en", "hello world")]
    [InlineData("cuteftp-en", "1234 is not a reply")]
    [InlineData("cuteftp-en", "99 bottles")]
    [InlineData("cuteftp-en", "600 out of range")]
    [InlineData("cuteftp-en", "COMMAND:>")]
    [InlineData("cuteftp-en", "COMMAND:> 123")]
    [InlineData("cuteftp-en", "COMMAND:> ???")]
    [InlineData("cuteftp-en", "STATUS: no arrow")]
    [InlineData("cuteftp-en", "[9/8/2009 10:08:08 PM] no reply here")]
    [InlineData("cuteftp-en", "[not a timestamp] 200 OK")]
    [InlineData("cuteftp-en", "状态:> 登录成功。")]
    [InlineData("cuteftp-en", "Thu Mar 07 11:44:56 2002 530 Sorry, no ANONYMOUS access allowed")]
    [InlineData("cuteftp-zh", "　　")]
    [InlineData("cuteftp-zh", "　　常见错误分析 ")]
    [InlineData("cuteftp-zh", "命令:> 打开文件")]
    [InlineData("cuteftp-zh", "命令:>")]
    [InlineData("cuteftp-zh", "STATUS:> Login successful.")]
    [InlineData("cuteftp-zh", "　　Thu Mar 07 11:46:30 2004 530 Not logged in. ")]
    [InlineData("cuteftp-zh", "\u0000\u0001\uFFFF")]
    public void Garbage_is_an_unrecognized_line(string name, string line)
    {
        var parsed = Lines.ParseOne(FormatNamed(name), line);

        Assert.IsType<UnrecognizedLine>(parsed);
        Assert.Equal(line, parsed.Text);
    }

    [Fact]
    public void A_chinese_transcript_is_detected_as_the_chinese_edition()
    {
        var sample = ToLogLines(ChineseTranscript);

        Assert.True(Chinese.Score(sample) > English.Score(sample));
        Assert.Same(Chinese, FormatRegistry.Detect(sample, [English, Chinese]).Format);
        Assert.Equal("cuteftp-zh", FormatRegistry.Detect(sample).Format?.Name);
    }

    [Fact]
    public void An_english_transcript_is_detected_as_the_english_edition()
    {
        var sample = ToLogLines(EnglishTranscript);

        Assert.True(English.Score(sample) > Chinese.Score(sample));
        Assert.Same(English, FormatRegistry.Detect(sample, [Chinese, English]).Format);
        Assert.Equal("cuteftp-en", FormatRegistry.Detect(sample).Format?.Name);
    }

    [Fact]
    public void Bare_replies_alone_count_for_half_in_either_language()
    {
        var sample = ToLogLines(["220 FTP服务器已启动", "331 User name okay, need password.", "230 User logged in, proceed."]);

        Assert.Equal(0.5, Chinese.Score(sample));
        Assert.Equal(0.5, English.Score(sample));
    }

    [Fact]
    public void Both_editions_are_registered_by_name()
    {
        Assert.IsType<CuteFtpChineseFormat>(FormatRegistry.Find("cuteftp-zh"));
        Assert.IsType<CuteFtpEnglishFormat>(FormatRegistry.Find("CuteFTP-EN"));
    }

    [Theory]
    [InlineData("cuteftp-zh", "　　状态:> 正在连接到 ftp 服务器 211.*.*.*:* (ip = 211.*.*.*:*)... ", "211.*.*.*", null, "211.*.*.*:*")]
    [InlineData("cuteftp-zh", "　　状态:> 正在连接到 ftp 服务器 211.*.*.*:*(ip = 211.*.*.*:*)... ", "211.*.*.*", null, "211.*.*.*:*")]
    [InlineData("cuteftp-zh", "状态:> 正在连接到 ftp 服务器 ftp.example.com:2121 (ip = 192.0.2.10:2121)...", "ftp.example.com", 2121, "192.0.2.10:2121")]
    [InlineData("cuteftp-zh", "状态:> 正在连接到 ftp 服务器 192.0.2.10:21 (ip = 192.0.2.10)...", "192.0.2.10", 21, "192.0.2.10")]
    [InlineData("cuteftp-zh", "状态:> 正在连接到 ftp 服务器 ftp.example.com...", "ftp.example.com", null, null)]
    [InlineData("cuteftp-en", "STATUS:> Connecting to FTP server ftp.example.com:21 (ip = 203.0.113.5)...", "ftp.example.com", 21, "203.0.113.5")]
    [InlineData("cuteftp-en", "STATUS:> Connecting to FTP server ftp.example.com:21 (ip = 203.0.113.5:21)...", "ftp.example.com", 21, "203.0.113.5:21")]
    [InlineData("cuteftp-en", "STATUS:> Connecting to FTP server 198.51.100.7:2121(ip = 198.51.100.7:2121)...", "198.51.100.7", 2121, "198.51.100.7:2121")]
    [InlineData("cuteftp-en", "STATUS:> Connecting to FTP server ftp.example.com:* (ip = 203.0.*.*)...", "ftp.example.com", null, "203.0.*.*")]
    [InlineData("cuteftp-en", "STATUS:> Connecting to FTP server ftp.example.com...", "ftp.example.com", null, null)]
    public void Reads_host_port_and_address_of_a_connect_message(string formatName, string line, string host, int? port, string? address)
    {
        var message = Lines.ParseAs<ClientMessageEvent>(FormatNamed(formatName), line);

        Assert.Equal(ClientMessageKind.Connecting, message.Kind);
        Assert.Equal(host, message.Host);
        Assert.Equal(port, message.Port);
        Assert.Equal(address, message.Address);
    }

    [Theory]
    [InlineData("cuteftp-zh", "　　错误:> 无法连接到远程服务器。Socket 错误 = #10060。 ", 10060)]
    [InlineData("cuteftp-zh", "错误:> 无法连接到远程服务器。Socket 错误 = #10061。", 10061)]
    [InlineData("cuteftp-zh", "错误:> 无法连接到远程服务器。 Socket 错误 = 11001", 11001)]
    [InlineData("cuteftp-zh", "错误:> 无法连接到远程服务器。", null)]
    [InlineData("cuteftp-en", "ERROR:> Can't connect to remote server. Socket error = #10060.", 10060)]
    [InlineData("cuteftp-en", "ERROR:> Can't connect to remote server. Socket error = #10061.", 10061)]
    [InlineData("cuteftp-en", "ERROR:> Cannot connect to remote server. Socket error = #10065", 10065)]
    [InlineData("cuteftp-en", "ERROR:> Can't connect to remote server.", null)]
    public void Reads_the_socket_error_of_a_connect_failure(string formatName, string line, int? socketError)
    {
        var message = Lines.ParseAs<ClientMessageEvent>(FormatNamed(formatName), line);

        Assert.Equal(ClientMessageKind.ConnectFailed, message.Kind);
        Assert.Equal(socketError, message.SocketError);
    }

    [Theory]
    [InlineData("cuteftp-zh", "　　状态:> 正在等候 30 秒... ", 30)]
    [InlineData("cuteftp-zh", "状态:> 正在等待 5 秒...", 5)]
    [InlineData("cuteftp-en", "STATUS:> Waiting 30 seconds...", 30)]
    [InlineData("cuteftp-en", "STATUS:>   [9/8/2009 10:09:00 PM] Waiting 1 seconds...", 1)]
    public void Reads_how_long_the_client_waits(string formatName, string line, int seconds)
    {
        var message = Lines.ParseAs<ClientMessageEvent>(FormatNamed(formatName), line);

        Assert.Equal(ClientMessageKind.Waiting, message.Kind);
        Assert.Equal(seconds, message.Seconds);
    }

    private static ILogFormat FormatNamed(string name) => name switch
    {
        "cuteftp-zh" => Chinese,
        "cuteftp-en" => English,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "not a CuteFTP format"),
    };

    private static List<LogLine> ToLogLines(IEnumerable<string> lines) =>
        lines.Select((text, i) => new LogLine(i + 1, 0, text)).ToList();
}
