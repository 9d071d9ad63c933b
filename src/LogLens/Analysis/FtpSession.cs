using LogLens.Events;

namespace LogLens.Analysis;

/// <summary>One FTP session, reconstructed from a log: who, what happened, and why it ended as it did.</summary>
public sealed record FtpSession
{
    /// <summary>The input the session was read from.</summary>
    public required string File { get; init; }

    /// <summary>The session's id, unique within its file (the dialect's own id where it has one, else 1, 2, …).</summary>
    public required string Id { get; init; }

    /// <summary>The format's name.</summary>
    public required string Format { get; init; }

    /// <summary>The client's address, when the log names it.</summary>
    public string? Client { get; init; }

    /// <summary>The server (<c>host:port</c> in a client transcript, the local address in a server log), when known.</summary>
    public string? Server { get; init; }

    /// <summary>The last user name the session tried, when known.</summary>
    public string? User { get; init; }

    /// <summary>When the session's first timed line happened.</summary>
    public LogTimestamp? Start { get; init; }

    /// <summary>When the session's last timed line happened.</summary>
    public LogTimestamp? End { get; init; }

    /// <summary>Seconds from <see cref="Start"/> to <see cref="End"/>, when both are known.</summary>
    public double? DurationSeconds => Start is { } s && End is { } e ? Math.Max(0, e.SecondsSince(s)) : null;

    /// <summary>What became of the session, and why.</summary>
    public required SessionOutcome Outcome { get; init; }

    /// <summary>The first line of the session.</summary>
    public required long FirstLine { get; init; }

    /// <summary>The last line of the session.</summary>
    public required long LastLine { get; init; }

    /// <summary>Every login the session attempted, in order.</summary>
    public IReadOnlyList<LoginAttempt> Logins { get; init; } = [];

    /// <summary>Every transfer the session made or tried, in order.</summary>
    public IReadOnlyList<FileTransfer> Transfers { get; init; } = [];

    /// <summary>The earlier failed attempt this session retries, if it is a retry.</summary>
    public RetryLink? Retry { get; init; }

    /// <summary>The evidence lines of <see cref="Outcome"/>, with their (redacted) text.</summary>
    public IReadOnlyList<EvidenceLine> EvidenceLines { get; init; } = [];
}

/// <summary>A login attempt and the server's verdict.</summary>
/// <param name="Line">The line carrying the verdict.</param>
/// <param name="Time">When, if known.</param>
/// <param name="User">The user name tried, if known.</param>
/// <param name="Succeeded">Whether the server accepted it.</param>
public sealed record LoginAttempt(long Line, LogTimestamp? Time, string? User, bool Succeeded)
{
    /// <summary>
    /// Whether this line is the server saying its limit was reached right after a failed attempt
    /// (ProFTPD's "Maximum login attempts (3) exceeded", ftpd's "repeated login failures"), rather than
    /// an attempt of its own: it is listed, but not counted as one more failed login nor as a retry.
    /// </summary>
    public bool LimitReached { get; init; }
}

/// <summary>A file transfer and how it ended.</summary>
/// <param name="Line">The line that reports its end (for a transfer still in flight, the command that began it).</param>
/// <param name="Time">When, if known.</param>
/// <param name="Direction">Upload or download.</param>
/// <param name="Path">The file, as logged.</param>
/// <param name="Bytes">Bytes moved, when logged.</param>
/// <param name="Rate">The rate as logged, if any.</param>
/// <param name="Succeeded">Whether it completed.</param>
/// <param name="ReplyCode">The server's reply code, when the log shows it.</param>
public sealed record FileTransfer(
    long Line,
    LogTimestamp? Time,
    TransferDirection Direction,
    string? Path,
    long? Bytes,
    string? Rate,
    bool Succeeded,
    int? ReplyCode)
{
    /// <summary>
    /// Whether the log never saw it finish: begun (RETR or STOR, often a 150) but neither completed nor
    /// failed when its session ended or the log did. <see cref="Succeeded"/> is then false.
    /// </summary>
    public bool Incomplete { get; init; }
}

/// <summary>Links a session to the failed or closed attempt it retries.</summary>
/// <param name="Of">The id of the earlier session.</param>
/// <param name="AfterSeconds">Seconds between the attempts, from timestamps or the client's own "waiting N seconds"; null when unknown.</param>
/// <param name="Hammering">Whether the retry came under <see cref="RetryLinker.HammeringThresholdSeconds"/> seconds later; null when the interval is unknown.</param>
public sealed record RetryLink(string Of, double? AfterSeconds, bool? Hammering);

/// <summary>A line that supports an outcome.</summary>
/// <param name="Line">Its number.</param>
/// <param name="Text">Its text, passwords redacted.</param>
public sealed record EvidenceLine(long Line, string Text);
