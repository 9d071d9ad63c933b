namespace LogLens.Analysis;

/// <summary>
/// What a server's words say beyond their reply code. The same 530 means four different things
/// depending on its text; these checks read the text the way a person would.
/// </summary>
internal static class ReplyTexts
{
    private static readonly Phrases IpDenied = new(
    [
        "unauthorized ip", "unauthorised ip", "ip address is not allowed", "ip not allowed", "ip is not allowed",
        "ip address rejected", "ip is banned", "ip banned", "banned", "not allowed to connect", "access denied for ip",
        "blocked", "denied for your ip", "host is not allowed", "address is not allowed", "refused connect from",
        "connection denied", "access denied for host", "tcp_wrappers",
    ]);

    private static readonly Phrases OnePerIp = new(
    [
        "only one session", "one session from same ip", "from same ip", "same ip", "per ip", "too many connections from",
        "too many sessions for this address", "too many connections for this address", "from your ip", "from this ip",
        "from your address", "from this address", "from your host",
    ]);

    /// <summary>Words that say the server or the account is full, whatever the reply code (ProFTPD says it with 530).</summary>
    private static readonly Phrases ServerFull = new(
    [
        "too many users", "too many clients", "maximum number of users", "max users", "server is full", "too many connections",
        "maximum number of clients", "maximum number of allowed clients", "maximum number of hosts", "too many connected users",
        "server too busy", "(the maximum) are already logged in", "maximum number of connections", "too many sessions",
    ]);

    /// <summary>Words that, in a 421 that closes the connection, say the server is busy; in a 530 they say nothing.</summary>
    private static readonly Phrases ComeBackLater = new(["try again later", "try later", "retry later"]);

    /// <summary>
    /// Words that say the server takes no login over a plain control connection: vsftpd's "must use
    /// encryption", ProFTPD's "SSL/TLS required on the control channel", IIS's "Policy requires SSL",
    /// FileZilla Server's "does not allow plain FTP", Pure-FTPd's "cleartext sessions … are not accepted".
    /// </summary>
    private static readonly Phrases TlsRequired = new(
    [
        "must use encryption", "tls required", "ssl required", "policy requires ssl", "policy requires tls",
        "not allow plain ftp", "plain ftp is not allowed", "cleartext sessions", "use ftp over tls", "requires tls",
        "requires ssl", "encryption required", "requires encryption", "must use tls", "must use ssl",
        "explicit ssl/tls before logging on", "use explicit ssl", "use explicit tls",
    ]);

    /// <summary>
    /// Words that say the server refuses a plain data connection: vsftpd's "Data connections must be
    /// encrypted", ProFTPD's "SSL/TLS required on the data channel", RFC 4217's "with this PROT setting".
    /// </summary>
    private static readonly Phrases DataTlsRequired = new(
    [
        "data connections must be encrypted", "data connection must be encrypted", "on the data channel", "prot setting",
        "prot p required", "must use prot p",
    ]);

    /// <summary>vsftpd's <c>require_ssl_reuse</c>: "522 SSL connection failed: session reuse required".</summary>
    private static readonly Phrases TlsSessionReuse = new(["session reuse required"]);

    private static readonly Phrases Timeouts = new(["timed out", "timeout", "time out", "idle", "no transfer"]);

    private static readonly Phrases TooManyAttempts = new(
    [
        "too many times", "too many login", "too many failed", "maximum login attempts", "too many attempts", "too many passwords",
        "repeated login failures", "too many authentication failures",
    ]);

    /// <summary>Whether text says the client's IP address is refused.</summary>
    public static bool SaysIpDenied(string text) => IpDenied.FoundIn(text) && !SaysOneSessionPerIp(text);

    /// <summary>Whether text says only one session per IP address is allowed.</summary>
    public static bool SaysOneSessionPerIp(string text) => OnePerIp.FoundIn(text);

    /// <summary>Whether text says the server or the account has reached its user limit.</summary>
    public static bool SaysServerFull(string text) => ServerFull.FoundIn(text);

    /// <summary>Whether text says the server requires an encrypted connection (FTP over TLS) to log in.</summary>
    public static bool SaysEncryptionRequired(string text) => TlsRequired.FoundIn(text);

    /// <summary>The reason a reply refuses a data connection for want of encryption, or null when it does not.</summary>
    public static string? DataEncryptionReason(string text) =>
        TlsSessionReuse.FoundIn(text) ? OutcomeReasons.TlsSessionReuseRequired
        : DataTlsRequired.FoundIn(text) ? OutcomeReasons.DataTlsRequired
        : null;

    /// <summary>Whether a 421's text says the server is full or busy: its limit, or just "come back later".</summary>
    public static bool SaysTooManyUsers(string text) => SaysServerFull(text) || ComeBackLater.FoundIn(text);

    /// <summary>Whether text speaks of anonymous access.</summary>
    public static bool SaysAnonymous(string text) => text.Contains("anonymous", StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether text speaks of a timeout.</summary>
    public static bool SaysTimeout(string text) => Timeouts.FoundIn(text);

    /// <summary>Whether text says there were too many failed attempts.</summary>
    public static bool SaysTooManyAttempts(string text) => TooManyAttempts.FoundIn(text);

    /// <summary>Whether a user name is one of the anonymous ones.</summary>
    public static bool IsAnonymousUser(string? user) =>
        user is not null && (user.Equals("anonymous", StringComparison.OrdinalIgnoreCase) || user.Equals("ftp", StringComparison.OrdinalIgnoreCase));

    /// <summary>The reason a transfer failed with this reply code.</summary>
    public static string? TransferFailureReason(int code) => code switch
    {
        425 => OutcomeReasons.NoDataConnection,
        426 => OutcomeReasons.TransferAborted,
        450 or 550 => OutcomeReasons.FileUnavailable,
        451 => OutcomeReasons.ServerLocalError,
        452 or 552 => OutcomeReasons.InsufficientStorage,
        551 => OutcomeReasons.PageTypeUnknown,
        553 => OutcomeReasons.BadFileName,
        _ => null,
    };

    /// <summary>The byte count a 150 reply announces (<c>(1048576 bytes)</c>), if any.</summary>
    public static long? AnnouncedBytes(string text)
    {
        var at = text.LastIndexOf(" bytes)", StringComparison.OrdinalIgnoreCase);
        if (at < 0)
        {
            return null;
        }

        var open = text.LastIndexOf('(', at);
        return open >= 0 && long.TryParse(text.AsSpan(open + 1, at - open - 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)
            ? n
            : null;
    }

    /// <summary>Phrases looked for in a text, ignoring case, in one search.</summary>
    private sealed class Phrases
    {
#if NET9_0_OR_GREATER
        private readonly System.Buffers.SearchValues<string> values;
#else
        private readonly string[] values;
#endif

        public Phrases(string[] phrases)
        {
#if NET9_0_OR_GREATER
            values = System.Buffers.SearchValues.Create(phrases, StringComparison.OrdinalIgnoreCase);
#else
            values = phrases;
#endif
        }

        public bool FoundIn(string text)
        {
#if NET9_0_OR_GREATER
            return text.AsSpan().IndexOfAny(values) >= 0;
#else
            foreach (var phrase in values)
            {
                if (text.Contains(phrase, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
#endif
        }
    }
}
