using System.Globalization;
using LogLens.Analysis;
using LogLens.Events;

namespace LogLens.Parsing.Formats.Vsftpd;

/// <summary>
/// Ties the processes of one vsftpd connection together. vsftpd logs a connection under several pids:
/// the privileged parent Q (forked by the listener for the connection) writes OK/FAIL LOGIN and PAM's
/// lines and lives as long as the connection; the pre-login process P, which Q forks at once (so
/// usually Q+1), writes CONNECT and the USER/PASS dialogue and exits at a successful login; the
/// post-login process R, which Q forks at that login (the next free pid then, not P+1 on a busy
/// server), writes everything after it. Pids wrap (Linux starts again at 300 after <c>pid_max</c>,
/// skipping pids in use) and are reused; every line names its client, which keeps clients apart.
/// </summary>
/// <remarks>
/// <para>The rules, for every vsftpd log:</para>
/// <list type="number">
/// <item>A CONNECT is a new connection, keyed by its pid; any older tie of that pid is released (the
/// process it named is gone).</item>
/// <item>Only live connections are candidates: one that said goodbye (221) or was silent
/// for its <see cref="SessionContract.SilenceLimit"/> of log time is let go, and so is a pid once
/// another process of the same number shows up (a CONNECT under it, a new post-login process). A
/// refused connection keeps only the reply its own process sends.</item>
/// <item>A login line (the parent Q): the client's connection whose CONNECT pid comes right after Q
/// (Q+1) and has no parent yet, even over an older tie of Q; else the live connection Q is tied to;
/// else the connection whose CONNECT pid is nearest after Q (a few pids forked in between).</item>
/// <item>A post-login line from a pid not yet tied (the first line of R): the client's logged-in
/// connection without a post-login process, of the same user, that logged in nearest before R was
/// forked — R is newer than every fresh pid (CONNECT, post-login) the log had shown by that login,
/// so among the logins whose newest pid is below R, the nearest wins (ties go to the earliest login).
/// A login, or a tie of R, silent for longer than vsftpd's idle timeout comes after every fresh one:
/// vsftpd has most likely dropped that connection and R is a new process.</item>
/// <item>A pre-login line from a pid not yet tied (a log that starts mid-way): the connection whose
/// parent is just before it.</item>
/// <item>A line that fits nothing starts its own connection, keyed by its pid; lines without a pid join
/// the client's latest connection unless it has been quiet for ten minutes.</item>
/// </list>
/// <para>Each connection gets a number unique in the file (<see cref="VsftpdSession.Connection"/>),
/// which the session stage groups by; the key it shows is the pid it was first seen under.</para>
/// </remarks>
internal sealed class VsftpdStitcher
{
    /// <summary>How far (in pids) a pre-login process may come after its parent on a busy server.</summary>
    private const int ParentWindow = 200;

    /// <summary>Linux hands out pids from 300 again after the maximum.</summary>
    private const int WrapFloor = 300;

    /// <summary>Seconds of silence after which a line without a pid starts a new session for its client.</summary>
    private const double QuietSeconds = 600;

    /// <summary>
    /// How many of a client's latest connections a line with an unknown pid may join. Older ones are
    /// reached only through their pids; this keeps a brute force of thousands of connections linear.
    /// </summary>
    private const int CandidatesPerClient = 128;

    private readonly double idleTimeout = VsftpdFormat.Contract.IdleTimeout.TotalSeconds;
    private readonly Dictionary<int, VsftpdSession> byPid = [];
    private readonly Dictionary<string, List<VsftpdSession>> byClient = new(StringComparer.OrdinalIgnoreCase);
    private readonly SilenceQueue<VsftpdSession> bySilence;
    private readonly ConnectionNumbers connections = new();
    private long logins;
    private int highestPid = WrapFloor;
    private int? newestPid;

    /// <summary>Creates the stitching for one file.</summary>
    public VsftpdStitcher()
    {
        bySilence = new SilenceQueue<VsftpdSession>(
            s => s.Ended || s.LastTime is not { } last ? null : SilenceQueue<VsftpdSession>.Seconds(last) + VsftpdFormat.Contract.SilenceLimit(s.LoggedIn),
            End);
    }

    /// <summary>A CONNECT line: always a new connection, keyed by its pid.</summary>
    /// <param name="pid">The pre-login process, when known.</param>
    /// <param name="client">The client.</param>
    /// <param name="time">The line's time.</param>
    /// <returns>The new session.</returns>
    public VsftpdSession Connect(int? pid, string client, LogTimestamp? time)
    {
        Expire(time);
        Observe(pid);
        var session = Create(pid, client, time);
        if (pid is { } p)
        {
            Bind(p, session, VsftpdRole.PreLogin);
        }

        return session;
    }

    /// <summary>The connection a line belongs to, created when none fits.</summary>
    /// <param name="role">Which process writes this kind of line.</param>
    /// <param name="pid">The line's pid, when it has one.</param>
    /// <param name="client">The line's client (null for a PAM line without <c>rhost</c>).</param>
    /// <param name="user">The user the line names, if any.</param>
    /// <param name="time">The line's time.</param>
    /// <returns>The session.</returns>
    public VsftpdSession Resolve(VsftpdRole role, int? pid, string? client, string? user, LogTimestamp? time)
    {
        Expire(time);
        var session = pid is { } p ? ByPid(role, p, client, user, time) : ByClient(client, time);
        if (session is null)
        {
            session = Create(pid, client, time);
            if (pid is { } known)
            {
                Bind(known, session, role);
            }
        }

        Touch(session, time);
        return session;
    }

    /// <summary>The live connection a pid is tied to, if its client agrees; creates nothing.</summary>
    /// <param name="pid">The pid.</param>
    /// <param name="client">The client.</param>
    /// <returns>The session or null.</returns>
    public VsftpdSession? Find(int? pid, string? client) =>
        pid is { } p && byPid.TryGetValue(p, out var s) && SameClient(s, client) ? s : null;

    /// <summary>Records an OK LOGIN: the pre-login process exits, and a post-login process comes next.</summary>
    /// <param name="session">The session.</param>
    public void LoggedIn(VsftpdSession session)
    {
        if (session.LoggedIn)
        {
            return;
        }

        session.LoggedIn = true;
        session.LoginOrder = ++logins;
        session.NewestPidAtLogin = newestPid;
        if (session.ConnectPid is { } pre && (session.ParentPid is not null || session.PostPid is not null))
        {
            Release(session, pre);
        }
    }

    /// <summary>
    /// Records a refused connection (too many from the address): its process writes nothing more than the
    /// 421 it sends, so it takes no other process's lines, but that reply of its own is still its line.
    /// </summary>
    /// <param name="session">The session.</param>
    public static void Refuse(VsftpdSession session) => session.Refused = true;

    /// <summary>Ends a connection: it takes no more lines, and its pids are free.</summary>
    /// <param name="session">The session.</param>
    public void End(VsftpdSession session)
    {
        session.Ended = true;
        Forget(session);
    }

    private VsftpdSession? ByPid(VsftpdRole role, int pid, string? client, string? user, LogTimestamp? time)
    {
        // PAM may name the client by host name: then the pids alone tie it.
        var byName = client is null || !Grammar.Addresses.IsAddress(client);
        byPid.TryGetValue(pid, out var bound);
        switch (role)
        {
            case VsftpdRole.Parent:
                if (Fresh(pid, client, byName, nearest: false) is { } next)
                {
                    Bind(pid, next, role);
                    return next;
                }

                // The connection the pid is tied to: its parent, or (one-process mode) the process itself.
                if (bound is not null && (byName || SameClient(bound, client)))
                {
                    return bound;
                }

                if (Fresh(pid, client, byName, nearest: true) is { } near)
                {
                    Bind(pid, near, role);
                    return near;
                }

                return null;

            case VsftpdRole.PreLogin:
                if (bound is not null && SameClient(bound, client))
                {
                    return bound;
                }

                return Bind(pid, ParentJustBefore(client, pid), role);

            default:
                // The pid's own post-login process, unless it has been idle for longer than vsftpd lets a
                // session idle: then the pid may be a new process, of a login that fits it better.
                var own = bound is not null && SameClient(bound, client) ? bound : null;
                if (own is not null && own.PostPid == pid && !Idle(own, time))
                {
                    return own;
                }

                // The first line of a post-login process: a fresh login it follows in pid order wins over an
                // older tie of the pid (the process it named is gone); else the pid's own connection (a
                // pre-login process still talking after a failed login, a long transfer); else any login.
                var (login, fit) = LoginBefore(client, pid, user, time);
                if (login is not null && (own is null || fit < IdleLogin))
                {
                    Observe(pid);
                    return Bind(pid, login, role);
                }

                return own;
        }
    }

    /// <summary>
    /// How well a connection's login fits a new post-login pid: the distance from the newest pid the log
    /// had shown at that login to the new pid (smaller is nearer), or a large number when the pid does
    /// not come after it (a wrap not yet seen, a log that started mid-way): still a candidate, last.
    /// </summary>
    private long SinceLogin(VsftpdSession s, int pid, LogTimestamp? now)
    {
        var distance = s.NewestPidAtLogin is { } newest ? Distance(newest, pid, HalfCycle) : -1;
        var order = Math.Min(s.LoginOrder, (1L << 20) - 1);
        return distance <= 0 ? Unordered + order
            : (Idle(s, now) ? IdleLogin : 0) + (distance * (1L << 20)) + order;
    }

    /// <summary>
    /// Whether a connection has been silent for longer than vsftpd lets a session idle
    /// (<c>idle_session_timeout</c>): vsftpd has most likely dropped it, so a fitting fresh login goes first.
    /// </summary>
    private bool Idle(VsftpdSession s, LogTimestamp? now) =>
        now is { } at && s.LastTime is { } last && at.SecondsSince(last) > idleTimeout;

    /// <summary>The score added for a login idle for longer than vsftpd's timeout: still in pid order, after every fresh one.</summary>
    private const long IdleLogin = 1L << 55;

    /// <summary>The score of a login that a post-login pid does not come after in pid order: a candidate of last resort.</summary>
    private const long Unordered = 1L << 60;

    /// <summary>A connection just CONNECTed after the parent pid, without a parent yet: right after it, or the nearest after it.</summary>
    private VsftpdSession? Fresh(int parent, string? client, bool byName, bool nearest)
    {
        if (!nearest)
        {
            var next = parent + 1;
            return byPid.TryGetValue(next, out var s) && IsFresh(s, next) && (byName || SameClient(s, client)) ? s : null;
        }

        if (byName)
        {
            return null;
        }

        VsftpdSession? best = null;
        var bestDistance = long.MaxValue;
        foreach (var s in Candidates(client))
        {
            if (s.ConnectPid is { } p && IsFresh(s, p) && Distance(parent, p, ParentWindow) is > 0 and var d && d < bestDistance)
            {
                best = s;
                bestDistance = d;
            }
        }

        return best;
    }

    private static bool IsFresh(VsftpdSession s, int connectPid) => s.ConnectPid == connectPid && s.ParentPid is null && !s.LoggedIn && !s.Ended && !s.Refused;

    /// <summary>The client's connection, not logged in and without a pre-login process, whose parent came just before the pid (a log that starts mid-way).</summary>
    private VsftpdSession? ParentJustBefore(string? client, int pid)
    {
        VsftpdSession? best = null;
        var bestDistance = long.MaxValue;
        foreach (var s in Candidates(client))
        {
            if (!s.LoggedIn && s.ConnectPid is null && s.ParentPid is { } q && Distance(q, pid, ParentWindow) is > 0 and var d && d < bestDistance)
            {
                best = s;
                bestDistance = d;
            }
        }

        return best;
    }

    /// <summary>The client's logged-in connection of the user, without a post-login process, that fits a new post-login pid best, and how well (<see cref="SinceLogin"/>).</summary>
    private (VsftpdSession? Login, long Fit) LoginBefore(string? client, int pid, string? user, LogTimestamp? time)
    {
        VsftpdSession? best = null;
        var bestFit = long.MaxValue;
        foreach (var s in Candidates(client))
        {
            if (s.LoggedIn && s.PostPid is null && SameUser(s, user) && SinceLogin(s, pid, time) is var fit && fit < bestFit)
            {
                best = s;
                bestFit = fit;
            }
        }

        return (best, bestFit);
    }

    private VsftpdSession? ByClient(string? client, LogTimestamp? time)
    {
        VsftpdSession? latest = null;
        foreach (var s in Candidates(client))
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

    /// <summary>Half the pid cycle as the log has shown it: the farthest one pid can be ahead of another.</summary>
    private int HalfCycle => Math.Max(ParentWindow, (highestPid - WrapFloor) / 2);

    /// <summary>
    /// How many pids after <paramref name="earlier"/> the pid <paramref name="later"/> was handed out
    /// (1 for the very next), across a wrap at the highest pid seen; -1 when it is not within
    /// <paramref name="window"/> after it.
    /// </summary>
    private long Distance(int earlier, int later, int window)
    {
        long distance = later > earlier ? later - earlier
            : later >= WrapFloor && earlier > later ? (long)Math.Max(highestPid, earlier) - earlier + (later - WrapFloor) + 1
            : -1;
        return distance > 0 && distance <= window ? distance : -1;
    }

    /// <summary>
    /// Keeps the highest pid seen (the cycle's size) and the newest one (where the counter stands), from
    /// fresh processes only (a CONNECT, a new post-login process): an old process's line says nothing of
    /// where the counter stands now.
    /// </summary>
    private void Observe(int? pid)
    {
        if (pid is not { } p)
        {
            return;
        }

        highestPid = Math.Max(highestPid, p);
        if (newestPid is not { } newest || Distance(newest, p, HalfCycle) > 0)
        {
            newestPid = p;
        }
    }

    private List<VsftpdSession> Candidates(string? client) =>
        client is not null && byClient.TryGetValue(client, out var list) ? list : NoCandidates;

    private static readonly List<VsftpdSession> NoCandidates = [];

    private static bool SameClient(VsftpdSession session, string? client) =>
        string.Equals(session.Client, client, StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether a line's user may be the connection's (an anonymous login logs as <c>anonymous</c> or <c>ftp</c>).</summary>
    private static bool SameUser(VsftpdSession session, string? user) =>
        user is null || session.User is null || string.Equals(session.User, user, StringComparison.Ordinal)
        || (Analysis.ReplyTexts.IsAnonymousUser(session.User) && Analysis.ReplyTexts.IsAnonymousUser(user));

    private VsftpdSession Create(int? pid, string? client, LogTimestamp? time)
    {
        var key = pid?.ToString(CultureInfo.InvariantCulture) ?? client ?? "vsftpd";
        var session = new VsftpdSession(key, connections.Next(), client);
        if (client is not null)
        {
            if (!byClient.TryGetValue(client, out var list))
            {
                byClient[client] = list = [];
            }

            list.Add(session);
            if (list.Count > CandidatesPerClient)
            {
                Forget(list[0]);
            }
        }

        Touch(session, time);
        return session;
    }

    private void Touch(VsftpdSession session, LogTimestamp? time)
    {
        if (time is not { } now)
        {
            return;
        }

        var first = session.LastTime is null;
        session.LastTime = now;
        if (first && !session.Ended)
        {
            bySilence.Watch(session);
        }
    }

    /// <summary>Lets go of the connections silent for their <see cref="SessionContract.SilenceLimit"/>, as the session stage closes them.</summary>
    private void Expire(LogTimestamp? time)
    {
        if (time is { } now)
        {
            bySilence.Expire(now);
        }
    }

    private VsftpdSession? Bind(int pid, VsftpdSession? session, VsftpdRole role)
    {
        if (session is null)
        {
            return null;
        }

        if (byPid.TryGetValue(pid, out var previous) && !ReferenceEquals(previous, session))
        {
            // The pid now serves another process: the old connection no longer owns it.
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

        return session;
    }

    private void Release(VsftpdSession session, int pid)
    {
        if (byPid.TryGetValue(pid, out var owner) && ReferenceEquals(owner, session))
        {
            byPid.Remove(pid);
        }

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

        // A connection whose processes are all gone takes no more lines.
        if (session.ConnectPid is null && session.ParentPid is null && session.PostPid is null)
        {
            End(session);
        }
    }

    private void Forget(VsftpdSession session)
    {
        session.Ended = true;
        foreach (var pid in (ReadOnlySpan<int?>)[session.ConnectPid, session.ParentPid, session.PostPid])
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
}
