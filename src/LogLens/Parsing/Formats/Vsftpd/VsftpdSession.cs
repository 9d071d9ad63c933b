using LogLens.Events;

namespace LogLens.Parsing.Formats.Vsftpd;

/// <summary>Which of a session's processes writes a kind of line.</summary>
internal enum VsftpdRole
{
    /// <summary>The pre-login process P: CONNECT, and the USER/PASS dialogue.</summary>
    PreLogin,

    /// <summary>P's parent (usually P-1), the privileged process: OK/FAIL LOGIN, and PAM's lines.</summary>
    Parent,

    /// <summary>The post-login process, forked at login (any later pid): transfers, file operations, the rest of the dialogue.</summary>
    PostLogin,
}

/// <summary>
/// One client connection as the stitcher follows it: its key, its client, the pids of its processes
/// as they become known, and what the dialect parser needs to remember between its lines.
/// </summary>
/// <param name="key">The session key its events carry: the pid it was first seen under.</param>
/// <param name="connection">Its number among the file's connections, unique in the file.</param>
/// <param name="client">The client address, or null for a PAM line without <c>rhost</c>.</param>
internal sealed class VsftpdSession(string key, long connection, string? client)
{
    /// <summary>The session key its events carry: the pid it was first seen under.</summary>
    public string Key { get; } = key;

    /// <summary>Its number among the file's connections, unique in the file: what the session stage groups by.</summary>
    public long Connection { get; } = connection;

    /// <summary>The newest pid the log had shown when it logged in: its post-login process comes after it.</summary>
    public int? NewestPidAtLogin { get; set; }

    /// <summary>The client address.</summary>
    public string? Client { get; } = client;

    /// <summary>The pre-login process, once known.</summary>
    public int? ConnectPid { get; set; }

    /// <summary>The privileged parent, once known.</summary>
    public int? ParentPid { get; set; }

    /// <summary>The post-login process, once known.</summary>
    public int? PostPid { get; set; }

    /// <summary>Whether an OK LOGIN has been seen (a post-login process is coming).</summary>
    public bool LoggedIn { get; set; }

    /// <summary>The order of its OK LOGIN among all logins of the file (post-login pids are handed out in that order).</summary>
    public long LoginOrder { get; set; }

    /// <summary>The time of its last line.</summary>
    public LogTimestamp? LastTime { get; set; }

    /// <summary>The user, from USER or a login line.</summary>
    public string? User { get; set; }

    /// <summary>The verb of the last command logged, if the protocol is logged.</summary>
    public string? LastVerb { get; set; }

    /// <summary>Whether the current USER/PASS attempt already has a verdict line.</summary>
    public bool VerdictGiven { get; set; }

    /// <summary>Whether the server refused it at once (too many from the address): only its own process's reply follows.</summary>
    public bool Refused { get; set; }

    /// <summary>Whether it has ended (221, a refused connection, silence, all its processes gone); an ended session takes no more lines.</summary>
    public bool Ended { get; set; }
}
