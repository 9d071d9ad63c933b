using LogLens.Events;

namespace LogLens.Parsing.Formats.CuteFtp;

/// <summary>
/// The transcript of the Chinese edition of CuteFTP, as people paste it into forums and mails:
/// <c>状态:&gt;</c>, <c>错误:&gt;</c> and <c>命令:&gt;</c> lines between the server's bare replies.
/// </summary>
public sealed class CuteFtpChineseFormat : LogFormat
{
    private static readonly CuteFtpGrammar Grammar = new(new CuteFtpVocabulary
    {
        StatusPrefix = "状态",
        ErrorPrefix = "错误",
        CommandPrefix = "命令",
        GettingListing = ["正在获取列表"],
        Connecting = ["正在连接到 ftp 服务器", "正在连接到 ftp 主机"],
        SocketConnected = ["Socket 已连接"],
        Authenticating = ["已连接。正在验证"],
        LoginSucceeded = ["登录成功", "登陆成功"],
        ConnectFailed = ["无法连接到远程服务器", "不能连接到远程服务器"],
        SocketError = ["Socket 错误"],
        Waiting = ["正在等候", "正在等待"],
        NotLoggedIn = ["未登录", "未登陆"],
        ConnectionClosed = ["连接已关闭"],
        ControlConnectionClosed = ["控制连接已关闭"],
        TimedOut = ["连接超时", "操作超时", "超时"],
        TransferComplete = [],
        TransferFailed = [],
    });

    /// <summary>A client's transcript: one stream, split into attempts by what the client says.</summary>
    internal override Analysis.SessionContract Sessions => Analysis.SessionContract.Transcript;

    /// <inheritdoc />
    public override string Name => "cuteftp-zh";

    /// <inheritdoc />
    public override string Description => "CuteFTP client transcript, Chinese edition (状态:> / 命令:> / 错误:> and server replies)";

    /// <inheritdoc />
    public override IReadOnlyList<string> SampleLines { get; } =
    [
        "状态:> 正在获取列表“”...",
        "状态:> 正在连接到 ftp 服务器 ftp.example.com:2121 (ip = 192.0.2.10:2121)...",
        "状态:> Socket 已连接。正在等候欢迎消息...",
        "220 FTP服务器已启动",
        "状态:> 已连接。正在验证...",
        "命令:> USER software",
        "331 User name okay, need password.",
        "命令:> PASS *****",
        "230-欢迎光临本站，请勿多线程下载",
        "230 User logged in, proceed.",
        "状态:> 登录成功。",
        "命令:> PWD",
        "257 \"/\" is current directory.",
        "命令:> TYPE A",
        "200 Type set to A.",
        "命令:> PASV",
        "227 Entering Passive Mode (192,0,2,10,19,137)",
        "命令:> LIST",
        "150 Opening ASCII mode data connection for /bin/ls.",
        "226 Transfer complete.",
        "状态:> 正在连接到 ftp 服务器 211.*.*.*:*(ip = 211.*.*.*:*)...",
        "错误:> 无法连接到远程服务器。Socket 错误 = #10060。",
        "状态:> 正在等候 30 秒...",
        "530 Not logged in, only one session from same IP allowed at a time.",
        "错误:> 未登录。",
        "状态:> 连接已关闭。",
        "错误:> 控制连接已关闭。",
        "错误:> 连接超时。",
        "状态:> 正在解析主机名 ftp.example.com...",
        "状态:> [2009/9/8 22:08:07] 正在连接到 ftp 服务器 ftp.example.com:21 (ip = 192.0.2.10)...",
        "        [2009/9/8 22:08:08] 220 FTP服务器已启动",
    ];

    /// <inheritdoc />
    public override ILineParser CreateParser() => new CuteFtpLineParser(Grammar);

    /// <inheritdoc />
    /// <remarks>At a glance: its prefixes.</remarks>
    protected override bool Resembles(string line) => line.Contains("状态:>", StringComparison.Ordinal) || line.Contains("命令:>", StringComparison.Ordinal) || line.Contains("错误:>", StringComparison.Ordinal);

    /// <inheritdoc />
    protected override bool IsDistinctive(FtpEvent parsed) => CuteFtpLineParser.IsPrefixed(parsed);
}
