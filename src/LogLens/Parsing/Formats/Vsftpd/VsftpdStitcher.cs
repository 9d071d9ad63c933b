using System.Globalization;
using LogLens.Events;

namespace LogLens.Parsing.Formats.Vsftpd;

/// <summary>
/// Stitches the processes of one vsftpd connection into one session. vsftpd logs a session under
/// several pids: the pre-login process P writes CONNECT and the USER/PASS dialogue, its privileged
/// parent (usually P-1) writes OK/FAIL LOGIN, and a post-login process forked at login (often P+1, but
/// any later pid when the server forked others in between) writes the rest. Pids wrap (Linux restarts
/// at 300), and every line names its client, which keeps clients apart.
/// </summary>
/// <remarks>
/// <para>Each CONNECT starts a session, keyed by its pid (<c>15019</c>, then <c>15019#2</c> if the pid
/// comes back). A line from a pid already tied to a session of the same client joins it. A line from a
/// pid not yet known joins the session its role points to:</para>
/// <list type="bullet">
/// <item>a login line (the parent): the client's session whose pre-login pid comes next after it
/// (P-1 first, then the nearest, across a wrap), among those whose parent is not known yet;</item>
/// <item>a post-login line: the client's session that logged in earliest and has no post-login
/// process yet (post-login pids are handed out in login order);</item>
/// <item>a pre-login line: the client's session whose parent was seen just before it (a log that
/// starts mid-way).</item>
/// </list>
/// <para>A line that fits no session (a log that starts mid-way, a log of FAIL LOGIN lines only)
/// starts its own session, keyed by its pid, so concurrent sessions of one client stay apart. Lines
/// without a pid (syslog without one) join the client's latest session unless it has been quiet for
/// more than ten minutes, and otherwise start one keyed by the client.</para>
/// </remarks>
internal sealed class VsftpdStitcher
{
    /// <summary>How far (in pids) a pre-login process may come after its parent.</summary>
    private const int ParentWindow = 1000;

    /// <summary>Linux hands out pids from 300 again after the maximum.</summary>
    private const int WrapFloor = 300;

    /// <summary>A pid this far below the previous one means the counter wrapped.</summary>
    private const int WrapGap = 10_000;

    /// <summary>Seconds of silence after which a line without a pid starts a new session for its client.</summary>
    private const double QuietSeconds = 600;

    /// <summary>Sessions untouched this long are forgotten (vsftpd logs no disconnect); they only cost memory.</summary>
    private const double ForgetSeconds = 24 * 3600;

    private const int PruneEvery = 4096;

    /// <summary>Log time between two prunes: each looks at every session of the last day, so not at every look.</summary>
    private const double PruneSeconds = 3600;

    /// <summary>
    /// How many of a client's latest sessions a line with an unknown pid may join. Older ones are
    /// reached only through their pids; this keeps a brute force of thousands of connections linear.
    /// </summary>
    private const int CandidatesPerClient = 128;

    private readonly Dictionary<int, VsftpdSession> byPid = [];
    private readonly Dictionary<string, List<VsftpdSession>> byClient = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, int> keyUses = new(StringComparer.Ordinal);
    private long logins;
    private int sincePrune;
    private LogTimestamp? lastPrune;

    /// <summary>A CONNECT line: always a new session, keyed by its pid.</summary>
    /// <param name="pid">The pre-login process, when known.</param>
    /// <param name="client">The client.</param>
    /// <param name="time">The line's time.</param>
    /// <returns>The new session.</returns>
    public VsftpdSession Connect(int? pid, string client, LogTimestamp? time)
    {
        MaybePrune(time);
        var session = Create(pid, client);
        if (pid is { } p)
        {
            Bind(p, session, VsftpdRole.PreLogin);
        }

        session.LastTime = time;
        return session;
    }

    /// <summary>The session a line belongs to, created when none fits.</summary>
    /// <param name="role">Which process writes this kind of line.</param>
    /// <param name="pid">The line's pid, when it has one.</param>
    /// <param name="client">The line's client (null for a PAM line without <c>rhost</c>).</param>
    /// <param name="time">The line's time.</param>
    /// <returns>The session.</returns>
    public VsftpdSession Resolve(VsftpdRole role, int? pid, string? client, LogTimestamp? time)
    {
        MaybePrune(time);
        var session = pid is { } p ? ByPid(role, p, client) : ByClient(client, time);
        if (session is null)
        {
            session = Create(pid, client);
            if (pid is { } known)
            {
                Bind(known, session, role);
            }
        }

        session.LastTime = time ?? session.LastTime;
        return session;
    }

    /// <summary>The session a pid is tied to, if its client agrees; creates nothing.</summary>
    /// <param name="pid">The pid.</param>
    /// <param name="client">The client.</param>
    /// <returns>The session or null.</returns>
    public VsftpdSession? Find(int? pid, string? client) =>
        pid is { } p && byPid.TryGetValue(p, out var s) && SameClient(s, client) ? s : null;

    /// <summary>Records an OK LOGIN: a post-login process comes next.</summary>
    /// <param name="session">The session.</param>
    public void LoggedIn(VsftpdSession session)
    {
        if (!session.LoggedIn)
        {
            session.LoggedIn = true;
            session.LoginOrder = ++logins;
        }
    }

    /// <summary>Ends a session: it takes no more lines, and its pids are free.</summary>
    /// <param name="session">The session.</param>
    public void End(VsftpdSession session)
    {
        session.Ended = true;
        Forget(session);
    }

    private VsftpdSession? ByPid(VsftpdRole role, int pid, string? client)
    {
        // A login line from the pid just before a new connection's pre-login pid is that connection's,
        // even if the pid once served an older session of the same client. PAM may name the client by
        // host name: then the pids alone tie it.
        var byName = client is null || !LooksLikeAddress(client);
        if (role == VsftpdRole.Parent && (NewConnection(pid, pid + 1, client, byName) ?? NewConnection(pid, WrapFloor, client, byName)) is { } fresh)
        {
            Bind(pid, fresh, role);
            return fresh;
        }

        if (byPid.TryGetValue(pid, out var bound))
        {
            if (SameClient(bound, client) || (role == VsftpdRole.Parent && byName))
            {
                return bound;
            }
        }

        if (Candidates(client) is not { } candidates)
        {
            return null;
        }

        VsftpdSession? best = null;
        var bestScore = long.MaxValue;
        foreach (var s in candidates)
        {
            var score = role switch
            {
                VsftpdRole.Parent when !s.LoggedIn && s.ParentPid is null && s.ConnectPid is { } p => Ahead(pid, p),
                VsftpdRole.PostLogin when s.LoggedIn && s.PostPid is null => s.LoginOrder,
                VsftpdRole.PreLogin when !s.LoggedIn && s.ConnectPid is null && s.ParentPid is { } q => Ahead(q, pid),
                _ => -1,
            };
            if (score > 0 && score < bestScore)
            {
                best = s;
                bestScore = score;
            }
        }

        if (best is not null)
        {
            Bind(pid, best, role);
        }

        return best;
    }

    /// <summary>The connection whose pre-login process is <paramref name="next"/>, right after <paramref name="parent"/>, still without a parent.</summary>
    private VsftpdSession? NewConnection(int parent, int next, string? client, bool byName) =>
        byPid.TryGetValue(next, out var s) && s.ConnectPid == next && s.ParentPid is null && !s.LoggedIn
        && Ahead(parent, next) == 1 && (byName || SameClient(s, client))
            ? s
            : null;

    private VsftpdSession? ByClient(string? client, LogTimestamp? time)
    {
        if (Candidates(client) is not { } candidates)
        {
            return null;
        }

        VsftpdSession? latest = null;
        foreach (var s in candidates)
        {
            if (latest is null || (s.LastTime is { } t && latest.LastTime is { } l && t.CompareTo(l) >= 0))
            {
                latest = s;
            }
        }

        if (latest is not null && time is { } now && latest.LastTime is { } last && now.SecondsSince(last) > QuietSeconds)
        {
            return null;
        }

        return latest;
    }

    /// <summary>How many pids after <paramref name="earlier"/> the pid <paramref name="later"/> comes (1 for the very next), or -1.</summary>
    private static long Ahead(int earlier, int later)
    {
        if (later > earlier)
        {
            return later - earlier <= ParentWindow ? later - earlier : -1;
        }

        if (earlier - later >= WrapGap && later >= WrapFloor && later - WrapFloor < ParentWindow)
        {
            return later - WrapFloor + 1;
        }

        return -1;
    }

    private List<VsftpdSession>? Candidates(string? client) =>
        client is not null && byClient.TryGetValue(client, out var list) && list.Count > 0 ? list : null;

    private static bool SameClient(VsftpdSession session, string? client) =>
        string.Equals(session.Client, client, StringComparison.OrdinalIgnoreCase);

    private static bool LooksLikeAddress(string host) => Grammar.Addresses.IsAddress(host);

    private VsftpdSession Create(int? pid, string? client)
    {
        var name = pid?.ToString(CultureInfo.InvariantCulture) ?? client ?? "vsftpd";
        var uses = keyUses[name] = keyUses.GetValueOrDefault(name) + 1;
        var session = new VsftpdSession(uses == 1 ? name : $"{name}#{uses}", client);
        if (client is not null)
        {
            if (!byClient.TryGetValue(client, out var list))
            {
                byClient[client] = list = [];
            }

            list.Add(session);
            if (list.Count > CandidatesPerClient)
            {
                list.RemoveAt(0);
            }
        }

        return session;
    }

    private void Bind(int pid, VsftpdSession session, VsftpdRole role)
    {
        if (byPid.TryGetValue(pid, out var previous) && !ReferenceEquals(previous, session))
        {
            // The pid now serves another process: the old session no longer owns it.
            Release(previous, pid);
        }

        byPid[pid] = session;
        switch (role)
        {
            case VsftpdRole.PreLogin:
                session.ConnectPid ??= pid;
                break;
            case VsftpdRole.Parent:
                session.ParentPid ??= pid;
                break;
            case VsftpdRole.PostLogin:
                session.PostPid ??= pid;
                break;
        }
    }

    private void Release(VsftpdSession session, int pid)
    {
        byPid.Remove(pid);
        if (session.ConnectPid == pid)
        {
            session.ConnectPid = null;
        }

        if (session.ParentPid == pid)
        {
            session.ParentPid = null;
        }

        if (session.PostPid == pid)
        {
            session.PostPid = null;
        }

        // A session left with no live process can take no more lines.
        if (session.ConnectPid is null && session.ParentPid is null && session.PostPid is null)
        {
            Forget(session);
        }
    }

    private void Forget(VsftpdSession session)
    {
        foreach (var pid in new[] { session.ConnectPid, session.ParentPid, session.PostPid })
        {
            if (pid is { } p && byPid.TryGetValue(p, out var owner) && ReferenceEquals(owner, session))
            {
                byPid.Remove(p);
            }
        }

        if (session.Client is not null && byClient.TryGetValue(session.Client, out var list))
        {
            list.Remove(session);
            if (list.Count == 0)
            {
                byClient.Remove(session.Client);
            }
        }
    }

    private void MaybePrune(LogTimestamp? now)
    {
        if (++sincePrune < PruneEvery || now is not { } time)
        {
            return;
        }

        sincePrune = 0;
        if (lastPrune is { } before && time.SecondsSince(before) is >= 0 and < PruneSeconds)
        {
            return;
        }

        lastPrune = time;
        Prune(time);
    }

    /// <summary>Forgets the sessions silent for <see cref="ForgetSeconds"/> (give or take <see cref="PruneSeconds"/>).</summary>
    private void Prune(LogTimestamp now)
    {
        List<VsftpdSession>? stale = null;
        foreach (var list in byClient.Values)
        {
            foreach (var s in list)
            {
                if (s.LastTime is { } last && now.SecondsSince(last) > ForgetSeconds)
                {
                    (stale ??= []).Add(s);
                }
            }
        }

        foreach (var s in stale ?? [])
        {
            Forget(s);
        }
    }
}
