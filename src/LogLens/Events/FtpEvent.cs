namespace LogLens.Events;

/// <summary>
/// One input line, understood. Every non-blank line of a log becomes exactly one event; a line no
/// rule matches becomes an <see cref="UnrecognizedLine"/>. Events are immutable, and any password
/// a line carried has already been replaced in <see cref="Text"/> and in every field.
/// </summary>
public abstract record FtpEvent
{
    /// <summary>1-based line number in the input.</summary>
    public required long Line { get; init; }

    /// <summary>The line's text with passwords redacted.</summary>
    public required string Text { get; init; }

    /// <summary>When the line says it happened, if it says.</summary>
    public LogTimestamp? Time { get; init; }

    /// <summary>
    /// The dialect's own session key (Serv-U <c>000012</c>, a process id, a FileZilla session id),
    /// or <see langword="null"/> for a single-stream transcript.
    /// </summary>
    public string? SessionKey { get; init; }

    /// <summary>The client's address when the line names it.</summary>
    public string? Client { get; init; }

    /// <summary>
    /// The connection a format's own stitching tied the line to (vsftpd's processes), unique in the file,
    /// or 0 when <see cref="SessionKey"/> alone ties lines together. The session stage groups by it and
    /// still names the session after <see cref="SessionKey"/>.
    /// </summary>
    internal long Connection { get; init; }

    /// <summary>What the line tells, when another line may tell the same thing in another voice (PAM, then the daemon).</summary>
    internal Telling? Telling { get; init; }
}

/// <summary>Which way a transfer went, seen from the client.</summary>
public enum TransferDirection
{
    /// <summary>Client to server (STOR and friends).</summary>
    Upload,

    /// <summary>Server to client (RETR).</summary>
    Download,
}

/// <summary>How serious a client transcript message is.</summary>
public enum ClientMessageSeverity
{
    /// <summary>A status line (<c>STATUS:&gt;</c>, <c>状态:&gt;</c>).</summary>
    Status,

    /// <summary>An error line (<c>ERROR:&gt;</c>, <c>错误:&gt;</c>).</summary>
    Error,
}

/// <summary>What a client transcript's status or error message says, whatever its language.</summary>
public enum ClientMessageKind
{
    /// <summary>A message LogLens does not know by meaning; its text is kept.</summary>
    Other,

    /// <summary>Getting a directory listing (<c>Getting listing ""...</c>, <c>正在获取列表</c>).</summary>
    GettingListing,

    /// <summary>Connecting to a server (<c>Connecting to FTP server host:21 (ip = …)...</c>); starts an attempt.</summary>
    Connecting,

    /// <summary>The TCP connection is up, waiting for the welcome message.</summary>
    SocketConnected,

    /// <summary>Connected, authenticating.</summary>
    Authenticating,

    /// <summary>Login successful.</summary>
    LoginSucceeded,

    /// <summary>Could not connect; <see cref="ClientMessageEvent.SocketError"/> holds the error number.</summary>
    ConnectFailed,

    /// <summary>The client waits before retrying; <see cref="ClientMessageEvent.Seconds"/> holds how long.</summary>
    Waiting,

    /// <summary>Not logged in.</summary>
    NotLoggedIn,

    /// <summary>The connection was closed.</summary>
    ConnectionClosed,

    /// <summary>The server closed the control connection.</summary>
    ControlConnectionClosed,

    /// <summary>The client gave up waiting for the server.</summary>
    TimedOut,

    /// <summary>A transfer finished (<c>Transfer complete</c>).</summary>
    TransferComplete,

    /// <summary>A transfer failed on the client side.</summary>
    TransferFailed,
}

/// <summary>A client connected to the server (a server log's connect line).</summary>
public sealed record ConnectEvent : FtpEvent
{
    /// <summary>The server address (local address of a server log), when given.</summary>
    public string? Server { get; init; }

    /// <summary>
    /// When the line says the server refused the connection at once, its reason in the server's words
    /// (vsftpd's <c>Connection refused: too many sessions for this address.</c>); otherwise null.
    /// </summary>
    public string? Refusal { get; init; }
}

/// <summary>A command the client sent.</summary>
public sealed record CommandEvent : FtpEvent
{
    /// <summary>The command verb, upper case (<c>USER</c>, <c>PASS</c>, <c>RETR</c>).</summary>
    public required string Command { get; init; }

    /// <summary>The argument, or <see langword="null"/>; for PASS always the redaction mark.</summary>
    public string? Argument { get; init; }
}

/// <summary>A reply line from the server.</summary>
public sealed record ReplyEvent : FtpEvent
{
    /// <summary>The three-digit reply code.</summary>
    public required int Code { get; init; }

    /// <summary>The text after the code.</summary>
    public required string Message { get; init; }

    /// <summary><see langword="false"/> for the leading lines of a multi-line reply (<c>230-</c>).</summary>
    public bool IsFinal { get; init; } = true;
}

/// <summary>A status or error message written by an FTP client into its transcript.</summary>
public sealed record ClientMessageEvent : FtpEvent
{
    /// <summary>Status or error.</summary>
    public required ClientMessageSeverity Severity { get; init; }

    /// <summary>What the message means.</summary>
    public required ClientMessageKind Kind { get; init; }

    /// <summary>The message text after its prefix.</summary>
    public required string Message { get; init; }

    /// <summary>For <see cref="ClientMessageKind.Connecting"/>: the host as the user typed it.</summary>
    public string? Host { get; init; }

    /// <summary>For <see cref="ClientMessageKind.Connecting"/>: the port.</summary>
    public int? Port { get; init; }

    /// <summary>For <see cref="ClientMessageKind.Connecting"/>: the resolved address (<c>ip = …</c>).</summary>
    public string? Address { get; init; }

    /// <summary>For <see cref="ClientMessageKind.ConnectFailed"/>: the socket error number (10060).</summary>
    public int? SocketError { get; init; }

    /// <summary>For <see cref="ClientMessageKind.Waiting"/>: the seconds the client waits.</summary>
    public int? Seconds { get; init; }

    /// <summary>For <see cref="ClientMessageKind.TransferComplete"/>: the bytes the client says it moved, when it says.</summary>
    public long? Bytes { get; init; }
}

/// <summary>A line that continues the previous line's message (a wrapped client message).</summary>
public sealed record ContinuationLine : FtpEvent;

/// <summary>A server's verdict on a login.</summary>
public sealed record LoginEvent : FtpEvent
{
    /// <summary>The user name, if the line gives it.</summary>
    public string? User { get; init; }

    /// <summary>Whether the login succeeded.</summary>
    public required bool Succeeded { get; init; }

    /// <summary>The server's reason for a failure, in its own words, if given.</summary>
    public string? Detail { get; init; }

    /// <summary>
    /// The reply code the line itself gives the verdict, when it is a command and its reply in one (an IIS
    /// row's <c>sc-status</c>: <c>PASS *** 530 1326</c>); null for a line that only tells the verdict.
    /// </summary>
    internal int? ReplyCode { get; init; }
}

/// <summary>A file transfer a log reports as finished or failed.</summary>
public sealed record TransferEvent : FtpEvent
{
    /// <summary>Upload or download.</summary>
    public required TransferDirection Direction { get; init; }

    /// <summary>The file's path as logged.</summary>
    public required string Path { get; init; }

    /// <summary>Bytes moved, when logged.</summary>
    public long? Bytes { get; init; }

    /// <summary>Whether the transfer completed.</summary>
    public required bool Succeeded { get; init; }

    /// <summary>The rate as logged (for example <c>85.3 kB/sec</c>), if any.</summary>
    public string? Rate { get; init; }

    /// <summary>The user the log says made the transfer, when a transfer log names one (xferlog).</summary>
    public string? User { get; init; }

    /// <summary>The server's reply code for the transfer, when the line gives one (IIS <c>sc-status</c>).</summary>
    public int? ReplyCode { get; init; }
}

/// <summary>The session ended (a server log's closing line).</summary>
public sealed record DisconnectEvent : FtpEvent
{
    /// <summary>The user named in the closing line, if any.</summary>
    public string? User { get; init; }

    /// <summary>Why it ended, in the server's words, if given.</summary>
    public string? Detail { get; init; }

    /// <summary>
    /// The reply code the line itself carries, when it is a command and its reply in one (an IIS row's
    /// <c>sc-status</c>: <c>QUIT - 221</c>, <c>ControlChannelClosed - 421</c>); null otherwise.
    /// </summary>
    internal int? ReplyCode { get; init; }
}

/// <summary>
/// A line the dialect recognizes that is about the server itself, not about any session (the server
/// started, listens on a port, a domain came up). Counted as recognized; belongs to no session.
/// </summary>
public sealed record ServerNotice : FtpEvent;

/// <summary>
/// A line of another program in a shared log (sshd, cron, the kernel in a syslog file): recognized
/// as not being about FTP, counted as "other", and belonging to no session.
/// </summary>
public sealed record ForeignLine : FtpEvent
{
    /// <summary>The program that wrote it, as the envelope names it.</summary>
    public string? Program { get; init; }
}

/// <summary>A line that no rule of the file's format matched. Kept so that every line is accounted for.</summary>
public sealed record UnrecognizedLine : FtpEvent;
