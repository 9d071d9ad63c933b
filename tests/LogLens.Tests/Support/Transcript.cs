using System.Globalization;
using System.Text;
using LogLens.Parsing;

namespace LogLens.Tests.Support;

/// <summary>The transcript styles of the seed document, as <see cref="Transcript"/> writes them.</summary>
public enum TranscriptStyle
{
    /// <summary>CuteFTP, Chinese edition (<c>状态:&gt;</c>, <c>命令:&gt;</c>, <c>错误:&gt;</c>).</summary>
    Chinese,

    /// <summary>CuteFTP, English edition (<c>STATUS:&gt;</c>, <c>COMMAND:&gt;</c>, <c>ERROR:&gt;</c>).</summary>
    English,

    /// <summary>A ctime timestamp, then the command or reply; the client writes no words of its own.</summary>
    Timestamped,
}

/// <summary>
/// Writes one scenario as a transcript of any style, so that a test can say what happens once and
/// run it in Chinese, English and the timestamped style. The lines are the seed's own wording.
/// <see cref="Last"/> is the number of the line written last, for tests that name evidence lines.
/// With a clock (always in the timestamped style) every line carries the time, and
/// <see cref="Waiting"/> and <see cref="After"/> move it on.
/// </summary>
public sealed class Transcript
{
    private readonly List<string> lines = [];
    private DateTime? clock;

    private Transcript(TranscriptStyle style, DateTime? clock)
    {
        Style = style;
        this.clock = clock;
    }

    public TranscriptStyle Style { get; }

    /// <summary>The format that reads this style.</summary>
    public string FormatName => Style switch
    {
        TranscriptStyle.Chinese => "cuteftp-zh",
        TranscriptStyle.English => "cuteftp-en",
        _ => "timestamped",
    };

    /// <summary>Whether the style has the client's own status and error messages.</summary>
    public bool HasClientMessages => Style != TranscriptStyle.Timestamped;

    /// <summary>The number of the line written last (0 before any).</summary>
    public int Last => lines.Count;

    public IReadOnlyList<string> Lines => lines;

    public string Text => string.Join("\n", lines) + "\n";

    /// <summary>A transcript in <paramref name="style"/>; timestamped styles start at 7 March 2004, 11:46:28.</summary>
    public static Transcript In(TranscriptStyle style, bool withClock = false) =>
        new(style, withClock || style == TranscriptStyle.Timestamped ? new DateTime(2004, 3, 7, 11, 46, 28) : null);

    /// <summary>The text of a line by number.</summary>
    public string this[int line] => lines[line - 1];

    /// <summary>Moves the clock on without writing anything.</summary>
    public Transcript After(double seconds)
    {
        clock = clock?.AddSeconds(seconds);
        return this;
    }

    /// <summary>The seed's <c>正在获取列表“”...</c>.</summary>
    public Transcript GettingListing() => Status("正在获取列表“”...", "Getting listing \"\"...");

    /// <summary><c>正在连接到 ftp 服务器 host:port (ip = address:port)...</c>.</summary>
    public Transcript Connecting(string host = "ftp.example.com", int port = 21, string address = "192.0.2.45") =>
        Status($"正在连接到 ftp 服务器 {host}:{port} (ip = {address}:{port})...", $"Connecting to FTP server {host}:{port} (ip = {address}:{port})...");

    /// <summary><c>Socket 已连接。正在等候欢迎消息...</c>.</summary>
    public Transcript SocketConnected() => Status("Socket 已连接。正在等候欢迎消息...", "Socket connected. Waiting for welcome message...");

    /// <summary><c>已连接。正在验证...</c>.</summary>
    public Transcript Authenticating() => Status("已连接。正在验证...", "Connected. Authenticating...");

    /// <summary><c>登录成功。</c>.</summary>
    public Transcript LoginSucceeded() => Status("登录成功。", "Login successful.");

    /// <summary><c>无法连接到远程服务器。Socket 错误 = #10060。</c>.</summary>
    public Transcript ConnectFailed(int socketError) =>
        Error($"无法连接到远程服务器。Socket 错误 = #{socketError}。", $"Can't connect to remote server. Socket error = #{socketError}.");

    /// <summary><c>正在等候 30 秒...</c>; the clock moves on by as much.</summary>
    public Transcript Waiting(int seconds)
    {
        Status($"正在等候 {seconds} 秒...", $"Waiting {seconds} seconds...");
        return After(seconds);
    }

    /// <summary><c>错误:&gt; 未登录。</c>.</summary>
    public Transcript NotLoggedIn() => Error("未登录。", "Not logged in.");

    /// <summary><c>状态:&gt; 连接已关闭。</c>.</summary>
    public Transcript ConnectionClosed() => Status("连接已关闭。", "Connection closed.");

    /// <summary><c>错误:&gt; 控制连接已关闭。</c>.</summary>
    public Transcript ControlConnectionClosed() => Error("控制连接已关闭。", "Control connection closed.");

    /// <summary><c>错误:&gt; 连接超时。</c>.</summary>
    public Transcript TimedOut() => Error("连接超时。", "Connection timed out");

    /// <summary>A command the client sent (<c>USER software</c>).</summary>
    public Transcript Command(string command) => Style switch
    {
        TranscriptStyle.Chinese => Add($"命令:> {Stamp()}{command}"),
        TranscriptStyle.English => Add($"COMMAND:> {(clock is null ? string.Empty : "  ")}{Stamp()}{command}"),
        _ => Add($"{Stamp()}{command}"),
    };

    /// <summary>A reply line (<c>530 Not logged in.</c>), indented by the timestamp where there is one.</summary>
    public Transcript Reply(string reply) => Add(Style == TranscriptStyle.Timestamped || clock is null ? Stamp() + reply : "        " + Stamp() + reply);

    /// <summary>Connecting, the welcome and "authenticating", as far as the style shows them.</summary>
    public Transcript Open(string host = "ftp.example.com", int port = 21, string address = "192.0.2.45", string welcome = "220 FTP server ready") =>
        Connecting(host, port, address).SocketConnected().Reply(welcome).Authenticating();

    /// <summary>USER, 331, PASS, then the server's verdict (and "login successful" after a 230).</summary>
    public Transcript Login(string user, string verdict, string password = "*****")
    {
        Command($"USER {user}").Reply("331 User name okay, need password.").Command($"PASS {password}").Reply(verdict);
        return verdict.StartsWith("230", StringComparison.Ordinal) ? LoginSucceeded() : this;
    }

    /// <summary>What the client writes after a refused login: not logged in, connection closed.</summary>
    public Transcript Refused() => NotLoggedIn().ConnectionClosed();

    /// <summary>Analyses the transcript with its format forced (or detected), as UTF-8 (or another encoding).</summary>
    public FileAnalysis Analyze(bool detect = false, Encoding? encoding = null) =>
        AnalyzeText(Text, detect ? null : FormatName, encoding);

    /// <summary>Analyses text through <see cref="LogAnalyzer.AnalyzeStream"/>, the format forced by name or detected.</summary>
    public static FileAnalysis AnalyzeText(string text, string? formatName = null, Encoding? encoding = null, string name = "transcript.log")
    {
        var format = formatName is null ? null : FormatRegistry.Find(formatName) ?? throw new ArgumentException($"no format {formatName}", nameof(formatName));
        using var stream = new MemoryStream((encoding ?? new UTF8Encoding(false)).GetBytes(text), writable: false);
        return LogAnalyzer.AnalyzeStream(stream, name, new AnalysisOptions { Format = format });
    }

    private Transcript Status(string chinese, string english) => Message("状态", "STATUS", chinese, english);

    private Transcript Error(string chinese, string english) => Message("错误", "ERROR", chinese, english);

    private Transcript Message(string chinesePrefix, string englishPrefix, string chinese, string english) => Style switch
    {
        TranscriptStyle.Chinese => Add($"{chinesePrefix}:> {Stamp()}{chinese}"),
        TranscriptStyle.English => Add($"{englishPrefix}:> {(clock is null ? string.Empty : "  ")}{Stamp()}{english}"),
        _ => this, // the timestamped style shows only what went over the wire
    };

    /// <summary>The style's timestamp with a trailing space, or nothing without a clock.</summary>
    private string Stamp() => clock is not { } t
        ? string.Empty
        : Style switch
        {
            TranscriptStyle.Chinese => t.ToString("'['yyyy'/'M'/'d HH:mm:ss'] '", CultureInfo.InvariantCulture),
            TranscriptStyle.English => t.ToString("'['M'/'d'/'yyyy h:mm:ss tt'] '", CultureInfo.InvariantCulture),
            _ => t.ToString("ddd MMM dd HH:mm:ss yyyy ", CultureInfo.InvariantCulture),
        };

    private Transcript Add(string line)
    {
        lines.Add(line);
        return this;
    }
}
