using LogLens.Events;
using LogLens.Parsing.Formats.FileZillaClient;
using LogLens.Tests.Support;

namespace LogLens.Tests.Parsing.Formats.FileZillaClient;

/// <summary>FileZilla client log lines, one at a time: prefixes, message meanings, passwords.</summary>
public class FileZillaClientLineTests
{
    private static readonly FileZillaClientFormat Format = new();

    [Theory]
    [InlineData("2023-07-16 10:20:30 4120 1 Status: Logged in", "2023-07-16T10:20:30", "4120/1")]
    [InlineData("2023-07-16 10:20:30 4120 12 Status:  Logged in", "2023-07-16T10:20:30", "4120/12")]
    [InlineData("2023-07-16 10:20:30 Status: Logged in", "2023-07-16T10:20:30", null)]
    [InlineData("10:20:30\tStatus:\tLogged in", null, null)]
    [InlineData("Status:\tLogged in", null, null)]
    [InlineData("Status:      Logged in", null, null)]
    [InlineData("  Status: Logged in", null, null)]
    [InlineData("状态:\t已登录", null, null)]
    [InlineData("状态：\t已登录", null, null)]
    [InlineData("2023-07-16 10:20:30 4120 1 状态: 已登录", "2023-07-16T10:20:30", "4120/1")]
    public void Every_prefix_style_gives_time_and_connection_only_as_far_as_it_shows_them(string line, string? time, string? stream)
    {
        var message = Lines.ParseAs<ClientMessageEvent>(Format, line);

        Assert.Equal(ClientMessageKind.LoginSucceeded, message.Kind);
        Assert.Equal(time, message.Time?.ToString());
        Assert.Equal(stream, message.SessionKey);
        Assert.Equal(message.Message, message.Message.Trim());
    }

    [Theory]
    [InlineData("Resolving address of ftp.example.com", ClientMessageKind.Connecting)]
    [InlineData("Connecting to 203.0.113.5:21...", ClientMessageKind.Connecting)]
    [InlineData("Connection established, waiting for welcome message...", ClientMessageKind.SocketConnected)]
    [InlineData("Connection established, initializing TLS...", ClientMessageKind.SocketConnected)]
    [InlineData("Logged in", ClientMessageKind.LoginSucceeded)]
    [InlineData("Connected to sftp.example.com", ClientMessageKind.LoginSucceeded)]
    [InlineData("Retrieving directory listing...", ClientMessageKind.Other)]
    [InlineData("Retrieving directory listing of \"/pub\"...", ClientMessageKind.Other)]
    [InlineData("Directory listing of \"/\" successful", ClientMessageKind.Other)]
    [InlineData("Disconnected from server", ClientMessageKind.Other)]
    [InlineData("Disconnected from server: ECONNABORTED - Connection aborted", ClientMessageKind.ConnectionClosed)]
    [InlineData("Connection closed by server", ClientMessageKind.ControlConnectionClosed)]
    [InlineData("File transfer successful, transferred 1,048,576 bytes in 2 seconds", ClientMessageKind.TransferComplete)]
    [InlineData("File transfer successful", ClientMessageKind.TransferComplete)]
    [InlineData("Waiting to retry...", ClientMessageKind.Waiting)]
    [InlineData("Delaying connection for 5 seconds due to previously failed connection attempt...", ClientMessageKind.Waiting)]
    [InlineData("Connection attempt failed with \"ECONNREFUSED - Connection refused by server\".", ClientMessageKind.ConnectFailed)]
    [InlineData("Connection attempt failed with \"ECONNREFUSED - Connection refused by server\", trying next address.", ClientMessageKind.Other)]
    [InlineData("Could not connect to server", ClientMessageKind.ConnectFailed)]
    [InlineData("Critical error: Could not connect to server", ClientMessageKind.ConnectFailed)]
    [InlineData("Critical error", ClientMessageKind.Other)]
    [InlineData("Connection timed out after 20 seconds of inactivity", ClientMessageKind.ConnectFailed)]
    [InlineData("Critical file transfer error", ClientMessageKind.TransferFailed)]
    [InlineData("File transfer failed after transferring 20,480 bytes in 3 seconds", ClientMessageKind.TransferFailed)]
    [InlineData("File transfer aborted by user", ClientMessageKind.Other)]
    [InlineData("Authentication failed.", ClientMessageKind.NotLoggedIn)]
    [InlineData("Starting download of /reports/q2.pdf", ClientMessageKind.Other)]
    [InlineData("TLS connection established.", ClientMessageKind.Other)]
    [InlineData("Insecure server, it does not support FTP over TLS.", ClientMessageKind.Other)]
    public void English_messages_have_their_meaning_on_a_fresh_connection(string message, ClientMessageKind kind)
    {
        Assert.Equal(kind, Lines.ParseAs<ClientMessageEvent>(Format, "2023-07-16 10:20:30 4120 1 Status: " + message).Kind);
    }

    [Theory]
    [InlineData("Status: File transfer successful, transferred 1,048,576 bytes in 2 seconds", 1048576L)]
    [InlineData("Status: File transfer successful, transferred 1.048.576 bytes in 2 seconds", 1048576L)]
    [InlineData("Status: File transfer successful, transferred 1 048 576 bytes in 2 seconds", 1048576L)]
    [InlineData("Status: File transfer successful, transferred 512 bytes in 1 second", 512L)]
    [InlineData("Status: File transfer successful", null)]
    [InlineData("状态: 文件传输成功，传输了 1,048,576 字节 (用时2 秒)", 1048576L)]
    public void A_successful_transfer_message_gives_the_bytes_it_names(string message, long? bytes)
    {
        var done = Lines.ParseAs<ClientMessageEvent>(Format, "2023-07-16 10:20:30 4120 1 " + message);

        Assert.Equal(ClientMessageKind.TransferComplete, done.Kind);
        Assert.Equal(bytes, done.Bytes);
    }

    [Theory]
    [InlineData("正在解析 ftp.example.com 的地址", ClientMessageKind.Connecting)]
    [InlineData("正在连接 203.0.113.5:21...", ClientMessageKind.Connecting)]
    [InlineData("连接建立，等待欢迎消息...", ClientMessageKind.SocketConnected)]
    [InlineData("已登录", ClientMessageKind.LoginSucceeded)]
    [InlineData("读取目录列表...", ClientMessageKind.Other)]
    [InlineData("列出“/”的目录成功", ClientMessageKind.Other)]
    [InlineData("已从服务器断开", ClientMessageKind.Other)]
    [InlineData("已从服务器断开: ECONNRESET - 连接被对方复位", ClientMessageKind.ConnectionClosed)]
    [InlineData("连接被服务器关闭", ClientMessageKind.ControlConnectionClosed)]
    [InlineData("文件传输成功，传输了 1,048,576 字节 (用时2 秒)", ClientMessageKind.TransferComplete)]
    [InlineData("正在等待重试...", ClientMessageKind.Waiting)]
    [InlineData("由于上一次尝试连接失败，将推迟连接 5 秒...", ClientMessageKind.Waiting)]
    [InlineData("尝试连接“ECONNREFUSED - 连接被服务器拒绝”失败。", ClientMessageKind.ConnectFailed)]
    [InlineData("尝试连接“ECONNREFUSED - 连接被服务器拒绝”失败，正在尝试下一个地址。", ClientMessageKind.Other)]
    [InlineData("无法连接到服务器", ClientMessageKind.ConnectFailed)]
    [InlineData("严重错误: 无法连接到服务器", ClientMessageKind.ConnectFailed)]
    [InlineData("20 秒后无活动，连接超时", ClientMessageKind.ConnectFailed)]
    [InlineData("严重文件传输错误", ClientMessageKind.TransferFailed)]
    [InlineData("传输了 20,480 字节 (用时3 秒)后文件传输失败", ClientMessageKind.TransferFailed)]
    public void Chinese_messages_have_the_same_meanings(string message, ClientMessageKind kind)
    {
        Assert.Equal(kind, Lines.ParseAs<ClientMessageEvent>(Format, "状态:\t" + message).Kind);
    }

    [Theory]
    [InlineData("ECONNREFUSED - Connection refused by server", 10061)]
    [InlineData("ETIMEDOUT - Connection attempt timed out", 10060)]
    [InlineData("EHOSTUNREACH - No route to host", 10065)]
    [InlineData("ENETUNREACH - Network unreachable", 10051)]
    [InlineData("ECONNRESET - Connection reset by peer", 10054)]
    [InlineData("EAI_NONAME - Neither nodename nor servname provided, or not known", 11001)]
    [InlineData("10061 - Connection refused", 10061)]
    [InlineData("EWHATEVER - Something new", null)]
    public void A_failed_connection_attempt_names_its_windows_socket_error(string error, int? number)
    {
        var failed = Lines.ParseAs<ClientMessageEvent>(Format, $"Status:\tConnection attempt failed with \"{error}\".");

        Assert.Equal(ClientMessageKind.ConnectFailed, failed.Kind);
        Assert.Equal(number, failed.SocketError);
    }

    [Fact]
    public void Could_not_connect_with_a_reason_names_its_socket_error()
    {
        var failed = Lines.ParseAs<ClientMessageEvent>(Format, "Error:\tCould not connect to server: ETIMEDOUT - Connection attempt timed out");

        Assert.Equal((ClientMessageKind.ConnectFailed, ClientMessageSeverity.Error, 10060), (failed.Kind, failed.Severity, failed.SocketError ?? 0));
    }

    [Theory]
    [InlineData("Connecting to 203.0.113.5:21...", "203.0.113.5", 21)]
    [InlineData("Connecting to 203.0.113.5:2121...", "203.0.113.5", 2121)]
    [InlineData("Connecting to [2001:DB8::5]:21...", "2001:db8::5", 21)]
    [InlineData("Connecting to ftp.example.com:21 through SOCKS5 proxy", "ftp.example.com", 21)]
    [InlineData("正在连接 203.0.113.5:990...", "203.0.113.5", 990)]
    public void Connecting_names_host_port_and_address(string message, string address, int port)
    {
        var connecting = Lines.ParseAs<ClientMessageEvent>(Format, "Status:\t" + message);

        Assert.Equal(ClientMessageKind.Connecting, connecting.Kind);
        Assert.Equal((address, port, address), (connecting.Host, connecting.Port ?? 0, connecting.Address));
    }

    [Fact]
    public void After_a_resolve_connecting_is_the_attempts_address_not_a_new_attempt()
    {
        var events = Lines.Parse(
            Format,
            "2023-07-16 10:20:28 4120 1 Status: Resolving address of ftp.example.com",
            "2023-07-16 10:20:28 4120 1 Status: Connecting to [2001:db8::5]:21...",
            "2023-07-16 10:20:29 4120 1 Status: Connection attempt failed with \"ENETUNREACH - Network unreachable\", trying next address.",
            "2023-07-16 10:20:29 4120 1 Status: Connecting to 203.0.113.5:21...",
            "2023-07-16 10:20:29 4120 1 Status: Connection established, waiting for welcome message...");

        var resolving = Assert.IsType<ClientMessageEvent>(events[0]);
        Assert.Equal((ClientMessageKind.Connecting, "ftp.example.com"), (resolving.Kind, resolving.Host));
        var first = Assert.IsType<ClientMessageEvent>(events[1]);
        Assert.Equal((ClientMessageKind.Other, "ftp.example.com", 21, "2001:db8::5"), (first.Kind, first.Host, first.Port ?? 0, first.Address));
        Assert.Equal(ClientMessageKind.Other, Assert.IsType<ClientMessageEvent>(events[2]).Kind);
        var second = Assert.IsType<ClientMessageEvent>(events[3]);
        Assert.Equal((ClientMessageKind.Other, "203.0.113.5"), (second.Kind, second.Address));
        Assert.Equal(ClientMessageKind.SocketConnected, Assert.IsType<ClientMessageEvent>(events[4]).Kind);
    }

    [Fact]
    public void A_summary_after_the_failure_that_decided_the_attempt_does_not_decide_it_again()
    {
        var events = Lines.Parse(
            Format,
            "Status:\tConnecting to 203.0.113.5:21...",
            "Status:\tConnection attempt failed with \"ECONNREFUSED - Connection refused by server\".",
            "Error:\tCould not connect to server",
            "Status:\tConnecting to 203.0.113.5:21...",
            "Status:\tConnection established, waiting for welcome message...",
            "Response:\t530 Login incorrect.",
            "Error:\tCritical error: Could not connect to server",
            "Status:\tConnecting to 203.0.113.5:21...",
            "Error:\tCould not connect to server");

        Assert.Equal(
            [ClientMessageKind.Connecting, ClientMessageKind.ConnectFailed, ClientMessageKind.Other, ClientMessageKind.Connecting, ClientMessageKind.SocketConnected, ClientMessageKind.Other, ClientMessageKind.Connecting, ClientMessageKind.ConnectFailed],
            events.OfType<ClientMessageEvent>().Select(e => e.Kind));
    }

    [Fact]
    public void A_timeout_after_the_connection_is_up_is_a_timeout_and_not_a_connect_failure()
    {
        var events = Lines.Parse(
            Format,
            "Status:\tConnecting to 203.0.113.5:21...",
            "Status:\tConnection established, waiting for welcome message...",
            "Error:\tConnection timed out after 20 seconds of inactivity",
            "Error:\tCould not connect to server");

        Assert.Equal(ClientMessageKind.TimedOut, ((ClientMessageEvent)events[2]).Kind);
        Assert.Equal(ClientMessageKind.Other, ((ClientMessageEvent)events[3]).Kind);
    }

    [Fact]
    public void A_critical_transfer_error_after_a_failing_reply_is_only_its_summary()
    {
        var events = Lines.Parse(
            Format,
            "Command:\tSTOR order.pdf",
            "Response:\t553 Filename invalid",
            "Error:\tCritical file transfer error",
            "Command:\tRETR notes.txt",
            "Response:\t226 Transfer complete",
            "Error:\tFile transfer failed");

        Assert.Equal(ClientMessageKind.Other, ((ClientMessageEvent)events[2]).Kind);
        Assert.Equal(ClientMessageKind.TransferFailed, ((ClientMessageEvent)events[5]).Kind);
    }

    [Fact]
    public void Disconnected_without_a_reason_is_a_connection_loss_only_as_an_error()
    {
        Assert.Equal(ClientMessageKind.Other, Lines.ParseAs<ClientMessageEvent>(Format, "Status:\tDisconnected from server").Kind);
        Assert.Equal(ClientMessageKind.ConnectionClosed, Lines.ParseAs<ClientMessageEvent>(Format, "Error:\tDisconnected from server").Kind);
    }

    [Theory]
    [InlineData("Trace:\tCFtpControlSocket::SendNextCommand()")]
    [InlineData("2023-07-16 10:20:30 4120 1 Trace: CControlSocket::ResetOperation(0)")]
    [InlineData("追踪:\tCFtpControlSocket::ParseResponse() code = 2")]
    [InlineData("Listing:\t-rw-r--r-- 1 ftp ftp 1048576 Jul 16 10:20 q2 report.pdf")]
    public void Trace_and_listing_lines_are_the_clients_own_status_messages_of_no_meaning(string line)
    {
        var message = Lines.ParseAs<ClientMessageEvent>(Format, line);

        Assert.Equal((ClientMessageSeverity.Status, ClientMessageKind.Other), (message.Severity, message.Kind));
    }

    [Theory]
    [InlineData("Command:\tPASS hunter2", "PASS")]
    [InlineData("Command:\tPASS ********", "PASS")]
    [InlineData("2023-07-16 10:20:35 4120 1 Command: PASS hunter2", "PASS")]
    [InlineData("Command:\tPass: hunter2", "PASS")]
    [InlineData("命令:\tPASS hunter2", "PASS")]
    public void A_password_never_reaches_an_event(string line, string verb)
    {
        var command = Lines.ParseAs<CommandEvent>(Format, line);

        Assert.Equal((verb, "***"), (command.Command, command.Argument));
        Assert.DoesNotContain("hunter2", command.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Commands_and_replies_are_protocol_events_and_feature_lists_stay_inside_their_reply()
    {
        var events = Lines.Parse(
            Format,
            "Command:\tUSER carol",
            "Response:\t331 Password required for carol",
            "Command:\tFEAT",
            "Response:\t211-Features:",
            "Response:\t MDTM",
            "Response:\t REST STREAM",
            "Response:\t211 End",
            "Command:\topen \"carol@sftp.example.com\" 22");

        Assert.Equal(("USER", "carol"), (((CommandEvent)events[0]).Command, ((CommandEvent)events[0]).Argument));
        Assert.Equal((331, true), (((ReplyEvent)events[1]).Code, ((ReplyEvent)events[1]).IsFinal));
        Assert.All(events.Skip(4).Take(2), e => Assert.Equal((211, false), (((ReplyEvent)e).Code, ((ReplyEvent)e).IsFinal)));
        Assert.Equal("REST STREAM", ((ReplyEvent)events[5]).Message);
        Assert.True(((ReplyEvent)events[6]).IsFinal);
        Assert.Equal(("OPEN", "\"carol@sftp.example.com\" 22"), (((CommandEvent)events[7]).Command, ((CommandEvent)events[7]).Argument));
    }

    [Theory]
    [InlineData("Response:\tfzSftp started, protocol_version=11")]
    [InlineData("2023-07-16 10:20:35 4120 1 Response: Current directory is: \"/home/carol\"")]
    [InlineData("Response:\tNew directory is: \"/home/carol/reports\"")]
    public void The_sftp_helpers_answers_without_a_code_are_status_messages_that_decide_nothing(string line)
    {
        var said = Lines.ParseAs<ClientMessageEvent>(Format, line);

        Assert.Equal((ClientMessageSeverity.Status, ClientMessageKind.Other), (said.Severity, said.Kind));
    }

    [Theory]
    [InlineData("STATUS:> Connecting to FTP server ftp.example.com:21 (ip = 203.0.113.5)...")]
    [InlineData("status: Logged in")]
    [InlineData("Response:\tno code here")]
    [InlineData("Logged in")]
    [InlineData("2023-07-16 10:20:30 4120 1 Info: Logged in")]
    public void Other_lines_are_unrecognized(string line)
    {
        Lines.ParseAs<UnrecognizedLine>(Format, line);
    }
}
