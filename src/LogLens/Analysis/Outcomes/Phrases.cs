namespace LogLens.Analysis.Outcomes;

/// <summary>
/// Phrases looked for in a server's or client's words, ignoring case, in one search. The named sets
/// are the vocabulary of the rule table (<see cref="OutcomeRules"/>): the same 530 means four
/// different things depending on its text, and these read it the way a person would.
/// </summary>
internal sealed class Phrases
{
#if NET9_0_OR_GREATER
    private readonly System.Buffers.SearchValues<string> values;
#else
    private readonly string[] values;
#endif

    private readonly Phrases? unless;

    private Phrases(string[] phrases, Phrases? unless = null)
    {
#if NET9_0_OR_GREATER
        values = System.Buffers.SearchValues.Create(phrases, StringComparison.OrdinalIgnoreCase);
#else
        values = phrases;
#endif
        this.unless = unless;
    }

    /// <summary>A set of its own, for a row that reads words no other row does.</summary>
    /// <param name="phrases">The phrases, any case.</param>
    /// <returns>The set.</returns>
    public static Phrases Of(params string[] phrases) => new(phrases);

    /// <summary>Words that say the server keeps this client out for one per address (vsftpd, ProFTPD, Pure-FTPd, FileZilla).</summary>
    public static Phrases OnePerIp { get; } = new(
    [
        "only one session", "one session from same ip", "from same ip", "same ip", "per ip", "too many connections from",
        "too many sessions for this address", "too many connections for this address", "from your ip", "from this ip",
        "from your address", "from this address", "from your host", "from your internet address",
        "maxclientsperhost", "maxconnectionsperhost",
    ]);

    /// <summary>Words that say the client's address is refused (a deny list, tcp_wrappers, a ban); never the per-address limit.</summary>
    public static Phrases IpDenied { get; } = new(
    [
        "unauthorized ip", "unauthorised ip", "ip address is not allowed", "ip not allowed", "ip is not allowed",
        "ip address rejected", "ip is banned", "ip banned", "banned", "not allowed to connect", "access denied for ip",
        "blocked", "denied for your ip", "host is not allowed", "address is not allowed", "refused connect from", "ip restriction",
        "connection denied", "access denied for host", "tcp_wrappers",
    ], unless: OnePerIp);

    private static readonly string[] FullWords =
    [
        "too many users", "too many clients", "maximum number of users", "max users", "server is full", "too many connections",
        "maximum number of clients", "maximum number of allowed clients", "maximum number of hosts", "too many connected users",
        "server too busy", "(the maximum) are already logged in", "maximum number of connections", "too many sessions",
        "maxinstances", "new connection denied", "maximum connection limit", "maxclients", "user limit",
    ];

    /// <summary>Words that say the server or the account is full, whatever the reply code (ProFTPD says it with 530).</summary>
    public static Phrases ServerFull { get; } = new(FullWords);

    /// <summary>Words that, in a reply that closes the connection, say the server is full or busy: its limit, or just "come back later".</summary>
    public static Phrases ServerBusy { get; } = new([.. FullWords, "try again later", "try later", "retry later"]);

    /// <summary>
    /// Words that say the server takes no login over a plain control connection: vsftpd's "must use
    /// encryption", ProFTPD's "SSL/TLS required on the control channel", IIS's "Policy requires SSL",
    /// FileZilla Server's "does not allow plain FTP" (0.9), "Have to use explicit SSL/TLS" (before 2015)
    /// and "Use AUTH first" (1.x), Pure-FTPd's "cleartext sessions … are not accepted".
    /// </summary>
    public static Phrases TlsRequired { get; } = new(
    [
        "must use encryption", "tls required", "ssl required", "policy requires ssl", "policy requires tls",
        "not allow plain ftp", "plain ftp is not allowed", "cleartext sessions", "use ftp over tls", "requires tls",
        "requires ssl", "encryption required", "requires encryption", "must use tls", "must use ssl",
        "explicit ssl/tls before logging on", "use explicit ssl", "use explicit tls", "use auth first",
        "ssl/tls required on the control channel", "reconnect using tls",
    ]);

    /// <summary>
    /// Words that say the server refuses a plain data connection: vsftpd's "Data connections must be
    /// encrypted", ProFTPD's "SSL/TLS required on the data channel", FileZilla's "requires an encrypted
    /// data connection with PROT P", RFC 4217's "with this PROT setting".
    /// </summary>
    public static Phrases DataTlsRequired { get; } = new(
    [
        "data connections must be encrypted", "data connection must be encrypted", "on the data channel", "prot setting",
        "prot p required", "must use prot p", "encrypted data connection",
    ]);

    /// <summary>vsftpd's <c>require_ssl_reuse</c> ("session reuse required"), FileZilla's "TLS session of data connection not resumed".</summary>
    public static Phrases TlsSessionReuse { get; } = new(["session reuse required", "not resumed"]);

    /// <summary>Words of an idle or login timeout (ProFTPD's "idle timeout", Pure-FTPd's "Timeout", Serv-U's "Session idle time out", FileZilla's "Login time exceeded").</summary>
    public static Phrases Timeout { get; } = new(["timed out", "timeout", "time out", "idle", "no transfer", "no-transfer", "time exceeded"]);

    /// <summary>Words that say the server counted too many failed logins and hangs up.</summary>
    public static Phrases TooManyAttempts { get; } = new(
    [
        "too many times", "too many login", "too many failed", "maximum login attempts", "too many attempts", "too many passwords",
        "repeated login failures", "too many authentication failures", "failed login too many",
    ]);

    /// <summary>An SSH server's refusal of the way the client tried to authenticate (FileZilla Server's SFTP "Auth method is not supported").</summary>
    public static Phrases AuthMethodRefused { get; } = new(
    [
        "auth method is not supported", "authentication method", "auth method", "no more auth methods",
    ]);

    /// <summary>The word <c>anonymous</c>.</summary>
    public static Phrases Anonymous { get; } = new(["anonymous"]);

    /// <summary>Whether the text holds one of the phrases (and none of the set it gives way to).</summary>
    /// <param name="text">The text.</param>
    /// <returns>Whether it was found.</returns>
    public bool FoundIn(string text)
    {
        if (unless is not null && unless.FoundIn(text))
        {
            return false;
        }

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
