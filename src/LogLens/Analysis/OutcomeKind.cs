namespace LogLens.Analysis;

/// <summary>What became of a session, one per session. <see cref="OutcomeIds"/> gives each its stable kebab-case id.</summary>
public enum OutcomeKind
{
    /// <summary><c>succeeded</c>: logged in, and nothing that followed failed.</summary>
    Succeeded,

    /// <summary><c>connect-failed</c>: the client never reached the FTP server (socket error 10060 and the like).</summary>
    ConnectFailed,

    /// <summary><c>anonymous-denied</c>: the server does not allow anonymous logins.</summary>
    AnonymousDenied,

    /// <summary><c>login-failed</c>: user name or password refused.</summary>
    LoginFailed,

    /// <summary><c>too-many-users</c>: the server or account is full (421).</summary>
    TooManyUsers,

    /// <summary><c>too-many-connections-from-ip</c>: only one session per IP address is allowed.</summary>
    TooManyConnectionsFromIp,

    /// <summary><c>ip-denied</c>: the client's IP address is not allowed, or banned.</summary>
    IpDenied,

    /// <summary><c>encryption-required</c>: the server takes logins only over an encrypted connection (FTP over TLS), and this one was plain.</summary>
    EncryptionRequired,

    /// <summary><c>encryption-unavailable</c>: the client asked for FTP over TLS, the server does not offer it, and nothing else decided the session.</summary>
    EncryptionUnavailable,

    /// <summary><c>connection-closed</c>: the server dropped the control connection.</summary>
    ConnectionClosed,

    /// <summary><c>transfer-failed</c>: logged in, but a transfer failed.</summary>
    TransferFailed,

    /// <summary><c>timed-out</c>: the session ended because one side stopped answering.</summary>
    TimedOut,

    /// <summary><c>incomplete</c>: the log ends before the session does.</summary>
    Incomplete,

    /// <summary><c>unknown</c>: the session ended without anything that says why.</summary>
    Unknown,
}

/// <summary>The stable ids of <see cref="OutcomeKind"/> and of outcome reasons, as they appear in JSON and CSV.</summary>
public static class OutcomeIds
{
    private static readonly Dictionary<string, OutcomeKind> ByIdMap =
        Enum.GetValues<OutcomeKind>().ToDictionary(ToId, k => k, StringComparer.OrdinalIgnoreCase);

    /// <summary>The kebab-case id of an outcome (<c>too-many-connections-from-ip</c>).</summary>
    /// <param name="kind">The outcome.</param>
    /// <returns>Its id.</returns>
    public static string ToId(OutcomeKind kind) => kind switch
    {
        OutcomeKind.Succeeded => "succeeded",
        OutcomeKind.ConnectFailed => "connect-failed",
        OutcomeKind.AnonymousDenied => "anonymous-denied",
        OutcomeKind.LoginFailed => "login-failed",
        OutcomeKind.TooManyUsers => "too-many-users",
        OutcomeKind.TooManyConnectionsFromIp => "too-many-connections-from-ip",
        OutcomeKind.IpDenied => "ip-denied",
        OutcomeKind.EncryptionRequired => "encryption-required",
        OutcomeKind.EncryptionUnavailable => "encryption-unavailable",
        OutcomeKind.ConnectionClosed => "connection-closed",
        OutcomeKind.TransferFailed => "transfer-failed",
        OutcomeKind.TimedOut => "timed-out",
        OutcomeKind.Incomplete => "incomplete",
        OutcomeKind.Unknown => "unknown",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The outcome with this id.</summary>
    /// <param name="id">A kebab-case id.</param>
    /// <param name="kind">The outcome.</param>
    /// <returns>Whether the id is known.</returns>
    public static bool TryParse(string id, out OutcomeKind kind) => ByIdMap.TryGetValue(id ?? string.Empty, out kind);
}

/// <summary>The reasons an outcome can carry, as stable kebab-case ids. Each has an explanation and advice in both languages.</summary>
public static class OutcomeReasons
{
    /// <summary>Socket error 10060: connecting timed out (server down or unreachable, or the wrong port).</summary>
    public const string Socket10060 = "socket-10060";

    /// <summary>Socket error 10061: the connection was refused (nothing listens on that port).</summary>
    public const string Socket10061 = "socket-10061";

    /// <summary>Another socket error while connecting.</summary>
    public const string SocketError = "socket-error";

    /// <summary>Connected, but no welcome message came.</summary>
    public const string NoWelcome = "no-welcome";

    /// <summary>The server refused anonymous access.</summary>
    public const string AnonymousNotAllowed = "anonymous-not-allowed";

    /// <summary>530 after the password: wrong user or password, expired account, or a dynamic-DNS name pointing elsewhere.</summary>
    public const string BadCredentials = "bad-credentials";

    /// <summary>The server disconnected after too many wrong passwords.</summary>
    public const string TooManyAttempts = "too-many-attempts";

    /// <summary>421: the server or the account reached its user limit.</summary>
    public const string ServerFull = "server-full";

    /// <summary>530: only one session from the same IP address at a time.</summary>
    public const string OneSessionPerIp = "one-session-per-ip";

    /// <summary>530: unauthorized IP address (banned, or not on the account's allowed list).</summary>
    public const string IpNotAllowed = "ip-not-allowed";

    /// <summary>The server refused a login over a plain control connection: it requires FTP over TLS.</summary>
    public const string TlsRequired = "tls-required";

    /// <summary>The server refused <c>AUTH TLS</c> (or <c>AUTH SSL</c>): it does not offer FTP over TLS.</summary>
    public const string TlsNotSupported = "tls-not-supported";

    /// <summary>The server refused a plain data connection (for a listing or a transfer): it must be protected too (PROT P).</summary>
    public const string DataTlsRequired = "data-tls-required";

    /// <summary>The server refused a data connection that did not resume the control connection's TLS session.</summary>
    public const string TlsSessionReuseRequired = "tls-session-reuse-required";

    /// <summary>The client reports the control connection closed (the server throttling attempts).</summary>
    public const string ControlConnectionClosed = "control-connection-closed";

    /// <summary>The connection was closed by the server before anything else decided the session.</summary>
    public const string ClosedByServer = "closed-by-server";

    /// <summary>425: the data connection could not be opened.</summary>
    public const string NoDataConnection = "no-data-connection";

    /// <summary>426: the transfer was aborted.</summary>
    public const string TransferAborted = "transfer-aborted";

    /// <summary>450/550: the file is unavailable (missing, no permission, busy).</summary>
    public const string FileUnavailable = "file-unavailable";

    /// <summary>451: a local error on the server.</summary>
    public const string ServerLocalError = "server-local-error";

    /// <summary>452/552: the server is out of storage or the quota is exceeded.</summary>
    public const string InsufficientStorage = "insufficient-storage";

    /// <summary>551: page type unknown.</summary>
    public const string PageTypeUnknown = "page-type-unknown";

    /// <summary>553: the file name is not allowed.</summary>
    public const string BadFileName = "bad-file-name";

    /// <summary>The session timed out (idle or no answer).</summary>
    public const string IdleTimeout = "idle-timeout";

    /// <summary>An SSH (SFTP) server refused the way the client tried to authenticate: often an account that is disabled or does not exist.</summary>
    public const string AuthMethodRefused = "auth-method-refused";

    /// <summary>The log ends while the session is still open.</summary>
    public const string LogEnded = "log-ended";

    /// <summary>Every reason id the analysis can give, as the outcome rules name them (the constants above are the common ones).</summary>
    public static IReadOnlyList<string> All { get; } = Outcomes.OutcomeRules.Reasons;
}
