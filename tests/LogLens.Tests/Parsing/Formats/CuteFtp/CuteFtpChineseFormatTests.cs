using LogLens.Events;
using LogLens.Parsing.Formats.CuteFtp;
using LogLens.Tests.Support;

namespace LogLens.Tests.Parsing.Formats.CuteFtp;

public class CuteFtpChineseFormatTests
{
    private static readonly CuteFtpChineseFormat Format = new();

    [Theory]
    [InlineData("状态:> 正在获取列表“”...", ClientMessageSeverity.Status, ClientMessageKind.GettingListing)]
    [InlineData("　　状态:> 正在获取列表“”... ", ClientMessageSeverity.Status, ClientMessageKind.GettingListing)]
    [InlineData("　　状态:> 正在连接到 ftp 服务器 211.*.*.*:* (ip = 211.*.*.*:*)... ", ClientMessageSeverity.Status, ClientMessageKind.Connecting)]
    [InlineData("　　状态:> Socket 已连接。正在等候欢迎消息... ", ClientMessageSeverity.Status, ClientMessageKind.SocketConnected)]
    [InlineData("　　状态:> 已连接。正在验证... ", ClientMessageSeverity.Status, ClientMessageKind.Authenticating)]
    [InlineData("　　状态:> 登录成功。 ", ClientMessageSeverity.Status, ClientMessageKind.LoginSucceeded)]
    [InlineData("状态:> 登陆成功。", ClientMessageSeverity.Status, ClientMessageKind.LoginSucceeded)]
    [InlineData("　　错误:> 无法连接到远程服务器。Socket 错误 = #10060。 ", ClientMessageSeverity.Error, ClientMessageKind.ConnectFailed)]
    [InlineData("　　状态:> 正在等候 30 秒... ", ClientMessageSeverity.Status, ClientMessageKind.Waiting)]
    [InlineData("　　错误:> 未登录。 ", ClientMessageSeverity.Error, ClientMessageKind.NotLoggedIn)]
    [InlineData("　　状态:> 连接已关闭。 ", ClientMessageSeverity.Status, ClientMessageKind.ConnectionClosed)]
    [InlineData("　　错误:> 控制连接已关闭。 ", ClientMessageSeverity.Error, ClientMessageKind.ControlConnectionClosed)]
    [InlineData("错误:> 连接超时。", ClientMessageSeverity.Error, ClientMessageKind.TimedOut)]
    [InlineData("错误:> 超时", ClientMessageSeverity.Error, ClientMessageKind.TimedOut)]
    [InlineData("状态:> 正在解析主机名 ftp.example.com...", ClientMessageSeverity.Status, ClientMessageKind.Other)]
    [InlineData("\t状态：> 连接已关闭。", ClientMessageSeverity.Status, ClientMessageKind.ConnectionClosed)]
    [InlineData("状态:>Socket已连接。正在等候欢迎消息...", ClientMessageSeverity.Status, ClientMessageKind.SocketConnected)]
    public void Reads_what_each_status_and_error_message_means(string line, ClientMessageSeverity severity, ClientMessageKind kind)
    {
        var message = Lines.ParseAs<ClientMessageEvent>(Format, line);

        Assert.Equal(severity, message.Severity);
        Assert.Equal(kind, message.Kind);
        Assert.Equal(line, message.Text);
        Assert.Null(message.Time);
    }

    [Fact]
    public void Keeps_the_text_of_a_message_it_does_not_know()
    {
        var message = Lines.ParseAs<ClientMessageEvent>(Format, "　　状态:> 正在解析主机名 ftp.example.com... ");

        Assert.Equal(ClientMessageKind.Other, message.Kind);
        Assert.Equal("正在解析主机名 ftp.example.com...", message.Message);
    }

    [Theory]
    [InlineData("　　命令:> USER software ", "USER", "software")]
    [InlineData("　　命令:> PASS ***** ", "PASS", "***")]
    [InlineData("　　命令:> PWD ", "PWD", null)]
    [InlineData("命令:> TYPE A", "TYPE", "A")]
    [InlineData("命令:> PASV", "PASV", null)]
    [InlineData("命令:> LIST", "LIST", null)]
    [InlineData("命令:> RETR 电影 合集.zip", "RETR", "电影 合集.zip")]
    [InlineData("命令:> cwd /pub", "CWD", "/pub")]
    [InlineData("命令:> xdupe 1", "XDUPE", "1")]
    public void Reads_commands(string line, string verb, string? argument)
    {
        var command = Lines.ParseAs<CommandEvent>(Format, line);

        Assert.Equal(verb, command.Command);
        Assert.Equal(argument, command.Argument);
    }

    [Theory]
    [InlineData("　　220 FTP服务器已启动 ", 220, true, "FTP服务器已启动")]
    [InlineData("　　331 User name okay, need password. ", 331, true, "User name okay, need password.")]
    [InlineData("　　230 User logged in, proceed. ", 230, true, "User logged in, proceed.")]
    [InlineData("　　257 \\\"/\\\" is current directory. ", 257, true, "\\\"/\\\" is current directory.")]
    [InlineData("230-欢迎光临", 230, false, "欢迎光临")]
    [InlineData("　　530 Not logged in, only one session from same IP allowed at a time. ", 530, true, "Not logged in, only one session from same IP allowed at a time.")]
    public void Reads_bare_server_replies(string line, int code, bool isFinal, string text)
    {
        var reply = Lines.ParseAs<ReplyEvent>(Format, line);

        Assert.Equal(code, reply.Code);
        Assert.Equal(isFinal, reply.IsFinal);
        Assert.Equal(text, reply.Message);
    }

    [Fact]
    public void Reads_a_timestamp_after_the_prefix_and_before_a_reply()
    {
        var events = Lines.Parse(
            Format,
            "状态:> [2009/9/8 22:08:07] 正在连接到 ftp 服务器 ftp.example.com:21 (ip = 192.0.2.10)...",
            "        [2009-9-8 22:08:08] 220 FTP服务器已启动",
            "命令:> [9/8/2009 10:08:09 PM] USER software");

        var connecting = Assert.IsType<ClientMessageEvent>(events[0]);
        Assert.Equal(new DateTime(2009, 9, 8, 22, 8, 7), connecting.Time?.Local);
        Assert.Equal("ftp.example.com", connecting.Host);
        Assert.Equal(new DateTime(2009, 9, 8, 22, 8, 8), Assert.IsType<ReplyEvent>(events[1]).Time?.Local);
        Assert.Equal(new DateTime(2009, 9, 8, 22, 8, 9), Assert.IsType<CommandEvent>(events[2]).Time?.Local);
    }

    [Fact]
    public void Reads_the_seeds_whole_login_transcript()
    {
        var events = Lines.Parse(
            Format,
            "　　状态:> 正在获取列表“”... ",
            "　　状态:> 正在连接到 ftp 服务器 211.*.*.*:* (ip = 211.*.*.*:*)... ",
            "　　状态:> Socket 已连接。正在等候欢迎消息... ",
            "　　220 FTP服务器已启动 ",
            "　　状态:> 已连接。正在验证... ",
            "　　命令:> USER software ",
            "　　331 User name okay, need password. ",
            "　　命令:> PASS ***** ",
            "　　230 User logged in, proceed. ",
            "　　状态:> 登录成功。 ",
            "　　命令:> PWD ",
            "　　257 \\\"/\\\" is current directory. ");

        Assert.Equal(
            [
                "GettingListing", "Connecting", "SocketConnected", "220", "Authenticating", "USER", "331", "PASS", "230",
                "LoginSucceeded", "PWD", "257",
            ],
            events.Select(e => e switch
            {
                ClientMessageEvent m => m.Kind.ToString(),
                CommandEvent c => c.Command,
                ReplyEvent r => r.Code.ToString(System.Globalization.CultureInfo.InvariantCulture),
                _ => e.GetType().Name,
            }));
    }
}
