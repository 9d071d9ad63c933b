namespace LogLens.Analysis;

/// <summary>
/// What a format's log tells of its connections, and so how the session stage groups its lines:
/// whether lines carry a connection key at all (a server log) or the file is one client's stream (a
/// transcript), how long the server lets a connection stay idle, and which user names in its lines
/// are the server's placeholders for "nobody yet".
/// </summary>
/// <remarks>
/// Each format declares its own (see <see cref="Parsing.LogFormat"/>); the one session stage
/// (<see cref="SessionAnalyzer"/>) applies it the same way for every format:
/// <list type="bullet">
/// <item>while the log goes on, a keyed session silent for <see cref="CloseAfter"/> of log time (for
/// <see cref="IdleTimeout"/> before it logs in) has ended without saying so (vsftpd never logs a
/// disconnect);</item>
/// <item>at the end of the log, a keyed session silent for longer than <see cref="IdleTimeout"/> before
/// the last time the file shows (on any line, other programs' too) has ended and is judged on what it
/// logged; one still active then is <c>incomplete (log-ended)</c>, whatever it did before.</item>
/// </list>
/// </remarks>
internal sealed record SessionContract
{
    /// <summary>For a format that says nothing: keyed when its lines carry keys, a server's usual idle timeout.</summary>
    public static SessionContract Default { get; } = new() { IdleTimeout = TimeSpan.FromMinutes(15) };

    /// <summary>A client's transcript: one stream, split into attempts by what the client says.</summary>
    public static SessionContract Transcript { get; } = new() { IdleTimeout = TimeSpan.FromMinutes(15), IsTranscript = true };

    /// <summary>
    /// The server's default idle timeout: a connection silent for longer has been dropped by the server
    /// (vsftpd <c>idle_session_timeout</c> 300 s, ProFTPD <c>TimeoutIdle</c> 600 s, Pure-FTPd 15 min,
    /// FileZilla Server and IIS 120 s of no activity…).
    /// </summary>
    public required TimeSpan IdleTimeout { get; init; }

    /// <summary>
    /// Silence after which a session is closed while the log goes on: never less than 30 minutes, so that
    /// a long transfer that logs nothing until it ends (vsftpd without protocol logging) stays whole.
    /// </summary>
    public TimeSpan CloseAfter => IdleTimeout > MinimumCloseAfter ? IdleTimeout : MinimumCloseAfter;

    /// <summary>
    /// Silence after which a session is closed while the log goes on: <see cref="CloseAfter"/> once it
    /// has logged in (a transfer may be running), the server's <see cref="IdleTimeout"/> before that (no
    /// server waits longer for a login, and a flood of connections that never log in then costs memory
    /// for minutes, not half an hour).
    /// </summary>
    /// <param name="loggedIn">Whether the session has logged in.</param>
    /// <returns>The silence, in seconds.</returns>
    public double SilenceLimit(bool loggedIn) => (loggedIn ? CloseAfter : IdleTimeout).TotalSeconds;

    /// <summary>Whether the file is a client's transcript rather than a server's log: the end of a transcript is where its user stopped, so a session it decided stays decided.</summary>
    public bool IsTranscript { get; init; }

    /// <summary>
    /// Whether the log shows connections open and close (false for a transfer log such as xferlog, whose
    /// every line is a finished transfer): only then is a session still active at the end of the log cut short.
    /// </summary>
    public bool SeesConnections { get; init; } = true;

    /// <summary>
    /// Whether the server's closing reply (221, 421) is the last its log writes of a connection (vsftpd,
    /// whose process exits after it and which logs no disconnect): the session ends there.
    /// </summary>
    public bool EndsAtClosingReply { get; init; }

    /// <summary>User names the server writes when nobody has logged in (netkit ftpd's <c>unknown</c>): no user.</summary>
    public IReadOnlyList<string> PlaceholderUsers { get; init; } = [];

    private static TimeSpan MinimumCloseAfter { get; } = TimeSpan.FromMinutes(30);

    /// <summary>The contract of a format, or <see cref="Default"/> for one that declares none.</summary>
    /// <param name="format">The format, or null when none was recognized.</param>
    /// <returns>The contract.</returns>
    public static SessionContract Of(Parsing.ILogFormat? format) => format is Parsing.LogFormat declared ? declared.Sessions : Default;

    /// <summary>Whether a user name is one of this server's placeholders.</summary>
    /// <param name="user">The name.</param>
    /// <returns>Whether it means no user.</returns>
    public bool IsPlaceholder(string user)
    {
        foreach (var placeholder in PlaceholderUsers)
        {
            if (string.Equals(user, placeholder, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
