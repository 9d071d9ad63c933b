using LogLens.Events;

namespace LogLens.Analysis;

/// <summary>
/// The one session stage: groups a file's events into sessions by the format's session contract,
/// classifies each session as soon as it ends, and links retries. Streaming: it holds only open
/// sessions, sessions that ended but wait for an earlier-starting one to end (so that output is in
/// order of first line), and per server or client the last one that ended; memory follows the number
/// of open sessions.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Lines are tied together by the connection a format's stitching found (vsftpd), else by the
/// session key its lines carry (Serv-U <c>(000012)</c>, FileZilla's id, IIS <c>x-session</c>, a daemon's
/// pid), else (a transcript) they are one stream, split into attempts by what the client says.</item>
/// <item>A key that comes back after its session ended names the next one <c>key-2</c>, then
/// <c>key-3</c>: one scheme for every format.</item>
/// <item>A keyed session ends on its end of connection, or on silence judged on log time at every
/// line: one silent for the contract's <see cref="SessionContract.SilenceLimit"/> is closed.</item>
/// <item>At the end of the log, a keyed session silent for longer than its format's idle timeout
/// before the last time the file shows (any line, other programs' too) has ended and is judged on what
/// it logged; one still active then is <c>incomplete (log-ended)</c>, whatever it did before.</item>
/// </list>
/// </remarks>
public sealed class SessionAnalyzer
{
    /// <summary>How far a transcript's clock may go back within one connection (a daylight-saving change).</summary>
    private const double MaxBackwardSeconds = 2 * 60 * 60;

    /// <summary>How long a transcript may show nothing within one connection.</summary>
    private const double MaxPauseSeconds = 24 * 60 * 60;

    private readonly string file;
    private readonly string format;
    private readonly SessionContract contract;
    private readonly Dictionary<string, OpenSession> open = new(StringComparer.Ordinal);
    private readonly Dictionary<long, OpenSession> openByConnection = [];
    private readonly RecentKeys<RetryCandidate> lastEnded = new(65536);
    // Bounded: a key seen again after thousands of other sessions (a Serv-U restart) may reuse its id;
    // each session still has its own first line.
    private readonly RecentKeys<int> idUses = new(8192);
    // Open sessions in the order they began (so by first line); closed ones leave it lazily, from the front.
    private readonly Queue<OpenSession> openInOrder = new();
    // Keyed sessions by when they fall silent for good.
    private readonly SilenceQueue<OpenSession> bySilence;
    private readonly PriorityQueue<FtpSession, long> ended = new();
    private int ordinal;
    private LogTimestamp? lastTime;

    /// <summary>Creates the stage for one file, with the session contract of the format named.</summary>
    /// <param name="file">The input's name, copied into each session.</param>
    /// <param name="format">The format's name, copied into each session.</param>
    public SessionAnalyzer(string file, string format)
        : this(file, format, SessionContract.Of(Parsing.FormatRegistry.Find(format)))
    {
    }

    /// <summary>Creates the stage for one file with the format's session contract.</summary>
    /// <param name="file">The input's name.</param>
    /// <param name="format">The format's name.</param>
    /// <param name="contract">The format's session contract.</param>
    internal SessionAnalyzer(string file, string format, SessionContract contract)
    {
        this.file = file;
        this.format = format;
        this.contract = contract;
        bySilence = new SilenceQueue<OpenSession>(
            s => s.Closed || s.End is not { } end ? null : SilenceQueue<OpenSession>.Seconds(end) + contract.SilenceLimit(s.LoggedIn),
            s => Close(s, logEnded: false));
    }

    /// <summary>
    /// Told, for every event placed in a session, its line and the session's id: how tests compare the
    /// sessions found with a generated log's ground truth, line by line.
    /// </summary>
    internal Action<long, string>? Placed { get; init; }

    /// <summary>The sessions of a file's events, in order of their first line, each yielded as soon as it and every session that started before it have ended.</summary>
    /// <param name="events">The file's events in line order; unrecognized lines, server notices and other programs' lines belong to no session, but their times count.</param>
    /// <returns>The sessions.</returns>
    public IEnumerable<FtpSession> Analyze(IEnumerable<FtpEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        return Run(events);
    }

    private IEnumerable<FtpSession> Run(IEnumerable<FtpEvent> events)
    {
        foreach (var e in events)
        {
            if (e.Time is { } now)
            {
                if (lastTime is not { } last || now.SecondsSince(last) > 0)
                {
                    lastTime = now;
                }

                bySilence.Expire(now);
            }

            // A server's notice about a connection (FileZilla's "Refusing connection. Reason: …") opens
            // and ends nothing: its session may cite it, if one is open for it.
            if (e is ServerNotice { SessionKey: { Length: > 0 } } or ServerNotice { Connection: not 0 } && Open(e, e.SessionKey ?? string.Empty) is { Closed: false } owner)
            {
                owner.Notice(e);
                continue;
            }

            if (e is UnrecognizedLine or ServerNotice or ForeignLine)
            {
                continue;
            }

            var key = e.SessionKey ?? string.Empty;
            var session = Open(e, key);
            if (session is not null && StartsNewSession(e, session))
            {
                Close(session, logEnded: false);
                session = null;
            }

            if (session is null)
            {
                // A wrapped message with nothing to wrap, or a second closing line for a session that
                // already closed (Serv-U writes "logged out" then "Closed session"): counted, not a session.
                if (e is ContinuationLine)
                {
                    continue;
                }

                if (e is DisconnectEvent && idUses.TryGetValue(key, out var uses))
                {
                    Placed?.Invoke(e.Line, Id(key, uses));
                    continue;
                }

                session = new OpenSession(NextId(e.SessionKey), key, e.Connection, e.Line, contract);
                if (e.Connection != 0)
                {
                    openByConnection[e.Connection] = session;
                }
                else
                {
                    open[key] = session;
                }

                openInOrder.Enqueue(session);
            }

            var wasTimed = session.End is not null;
            session.Add(e);
            Placed?.Invoke(e.Line, session.Id);
            if (!wasTimed && session.End is not null && session.IsKeyed)
            {
                bySilence.Watch(session);
            }

            if (!session.RetryLookedUp && session.HasAttempt)
            {
                // Not at the first line: a transcript's preamble ("Getting listing") does not name the server yet.
                session.RetryLookedUp = true;
                session.RetryOf = lastEnded.TryGetValue(RetryKey(session), out var earlier) ? earlier : null;
            }

            if (session.Ended || (contract.EndsAtClosingReply && session.SawClosingReply))
            {
                Close(session, logEnded: false);
            }

            while (ended.TryPeek(out var next, out var firstLine) && firstLine < OldestOpenLine())
            {
                ended.Dequeue();
                yield return next;
            }
        }

        var idle = contract.IdleTimeout.TotalSeconds;
        var remaining = new List<OpenSession>(open.Count + openByConnection.Count);
        remaining.AddRange(open.Values);
        remaining.AddRange(openByConnection.Values);
        remaining.Sort(static (a, b) => a.FirstLine.CompareTo(b.FirstLine));
        foreach (var session in remaining)
        {
            // A server's connection silent for longer than the server lets one idle, before the log's last
            // time, was over before the log ended: judge it on what it logged.
            var over = !contract.IsTranscript && session.IsKeyed
                && session.End is { } end && lastTime is { } last && last.SecondsSince(end) > idle;
            Close(session, logEnded: !over);
        }

        while (ended.TryDequeue(out var next, out _))
        {
            yield return next;
        }
    }

    private OpenSession? Open(FtpEvent e, string key)
    {
        OpenSession? session;
        return e.Connection != 0
            ? openByConnection.TryGetValue(e.Connection, out session) ? session : null
            : open.TryGetValue(key, out session) ? session : null;
    }

    /// <summary>Whether an event begins a new attempt rather than continuing the open one.</summary>
    private static bool StartsNewSession(FtpEvent e, OpenSession current) => e switch
    {
        ConnectEvent => !current.Echoes(e),
        ClientMessageEvent { Kind: ClientMessageKind.Connecting } => current.HasAttempt,

        // After a failed attempt, "Getting listing" is the client starting over: the retry's preamble.
        ClientMessageEvent { Kind: ClientMessageKind.GettingListing } => current.HasAttempt && current.HasFailed,

        // A transcript has no session key: after a 421 or 221 the connection is gone, so the next
        // reply or command is another connection's (a full server answers each try with 421, no 220).
        ReplyEvent or CommandEvent when current.Key.Length == 0 && current.ServerClosedConnection => true,

        // A 421 that refuses a connection (server full, one session per IP) answers no command: after the
        // client has spoken, it is the next connection's first line (the seed's examples, one after another).
        // Right after a welcome it is the same connection's refusal.
        ReplyEvent { Code: 421, IsFinal: true } r when current.Key.Length == 0 && current.SawDialogue && !current.AwaitsReply
            && (Outcomes.Phrases.ServerFull.FoundIn(r.Message) || Outcomes.Phrases.OnePerIp.FoundIn(r.Message)) => true,

        // One connection's lines do not go back in time (beyond a clock change) or pause for a day.
        not ContinuationLine when current.Key.Length == 0 && IsTimeJump(e, current) => true,
        ReplyEvent { Code: 220 } => !current.InsideReply && (current.SawReply || current.SawDialogue),
        _ => current.Ended,
    };

    private static bool IsTimeJump(FtpEvent e, OpenSession current) =>
        e.Time is { } time && current.End is { } end && time.SecondsSince(end) is < -MaxBackwardSeconds or > MaxPauseSeconds;

    private static string RetryKey(OpenSession s) => s.Key.Length > 0 ? s.Client ?? s.Key : s.Server ?? s.Client ?? string.Empty;

    private void Close(OpenSession state, bool logEnded)
    {
        if (state.Connection != 0)
        {
            openByConnection.Remove(state.Connection);
        }
        else
        {
            open.Remove(state.Key);
        }

        state.Closed = true;
        var retry = RetryLinker.Link(state.RetryOf, state.Start);
        var session = state.Finish(file, format, logEnded, retry);
        lastEnded.Set(RetryKey(state), state.AsRetryCandidate(session.Outcome.Kind));
        state.Release();
        ended.Enqueue(session, session.FirstLine);
    }

    /// <summary>The first line of the oldest session still open, or <see cref="long.MaxValue"/>.</summary>
    private long OldestOpenLine()
    {
        while (openInOrder.TryPeek(out var oldest))
        {
            if (!oldest.Closed)
            {
                return oldest.FirstLine;
            }

            openInOrder.Dequeue();
        }

        return long.MaxValue;
    }

    private string NextId(string? sessionKey)
    {
        if (sessionKey is null)
        {
            return (++ordinal).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var uses = idUses.TryGetValue(sessionKey, out var before) ? before + 1 : 1;
        idUses.Set(sessionKey, uses);
        return Id(sessionKey, uses);
    }

    /// <summary>The id of a key's <paramref name="uses"/>-th session: the key, then <c>key-2</c>, <c>key-3</c>.</summary>
    private static string Id(string key, int uses) => uses == 1 ? key : $"{key}-{uses}";
}
