using LogLens.Events;

namespace LogLens.Analysis;

/// <summary>
/// Groups a file's events into sessions by the dialect's session key, classifies each session as
/// soon as it ends, and links retries. Streaming: it holds only open sessions, sessions that ended
/// but wait for an earlier-starting one to end (so that output is in order of first line), and per
/// server or client the last one that ended; memory follows the number of open sessions.
/// </summary>
/// <param name="file">The input's name, copied into each session.</param>
/// <param name="format">The format's name, copied into each session.</param>
public sealed class SessionAnalyzer(string file, string format)
{
    /// <summary>How far a transcript's clock may go back within one connection (a daylight-saving change).</summary>
    private const double MaxBackwardSeconds = 2 * 60 * 60;

    /// <summary>How long a transcript may show nothing within one connection.</summary>
    private const double MaxPauseSeconds = 24 * 60 * 60;

    /// <summary>
    /// A keyed session silent for this long, while the log goes on, has ended without saying so
    /// (vsftpd writes nothing when it drops a client after failed logins); it is closed, so that it
    /// neither holds memory nor holds back the sessions after it. Far beyond any server's idle timeout.
    /// </summary>
    private const double SilentSessionSeconds = 30 * 60;

    /// <summary>How many events pass between two looks for silent sessions.</summary>
    private const int SweepEvery = 4096;

    private readonly Dictionary<string, SessionState> open = new(StringComparer.Ordinal);
    private readonly RecentKeys<RetryCandidate> lastEnded = new(65536);
    // Bounded: a key seen again after thousands of other sessions (a Serv-U restart) may reuse its id;
    // each session still has its own first line.
    private readonly RecentKeys<int> idUses = new(8192);
    // Open sessions in the order they began (so by first line); closed ones leave it lazily, from the front.
    private readonly Queue<SessionState> openInOrder = new();
    private readonly PriorityQueue<FtpSession, int> ended = new();
    private int ordinal;

    /// <summary>The sessions of a file's events, in order of their first line, each yielded as soon as it and every session that started before it have ended.</summary>
    /// <param name="events">The file's events in line order; unrecognized lines and server notices belong to no session.</param>
    /// <returns>The sessions.</returns>
    public IEnumerable<FtpSession> Analyze(IEnumerable<FtpEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var seen = 0;
        foreach (var e in events)
        {
            if (e is UnrecognizedLine or ServerNotice or ForeignLine)
            {
                continue;
            }

            if (++seen % SweepEvery == 0 && e.Time is { } now && open.Count > 1)
            {
                CloseSilent(now);
            }

            var key = e.SessionKey ?? string.Empty;
            open.TryGetValue(key, out var session);
            if (session is not null && StartsNewSession(e, session))
            {
                Close(session, logEnded: false);
                session = null;
            }

            if (session is null)
            {
                // A wrapped message with nothing to wrap, or a second closing line for a session that
                // already closed (Serv-U writes "logged out" then "Closed session"): counted, not a session.
                if (e is ContinuationLine || (e is DisconnectEvent && idUses.TryGetValue(key, out _)))
                {
                    continue;
                }

                session = new SessionState(NextId(e.SessionKey), key, e.Line);
                open[key] = session;
                openInOrder.Enqueue(session);
            }

            session.Add(e);
            if (!session.RetryLookedUp && session.HasAttempt)
            {
                // Not at the first line: a transcript's preamble ("Getting listing") does not name the server yet.
                session.RetryLookedUp = true;
                session.RetryOf = lastEnded.TryGetValue(RetryKey(session), out var earlier) ? earlier : null;
            }

            if (session.Ended)
            {
                Close(session, logEnded: false);
            }

            while (ended.TryPeek(out var next, out var first) && first < OldestOpenLine())
            {
                ended.Dequeue();
                yield return next;
            }
        }

        foreach (var session in open.Values.OrderBy(s => s.FirstLine).ToArray())
        {
            Close(session, logEnded: true);
        }

        while (ended.TryDequeue(out var next, out _))
        {
            yield return next;
        }
    }

    /// <summary>Whether an event begins a new attempt rather than continuing the open one.</summary>
    private static bool StartsNewSession(FtpEvent e, SessionState current) => e switch
    {
        ConnectEvent => true,
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
            && (ReplyTexts.SaysServerFull(r.Message) || ReplyTexts.SaysOneSessionPerIp(r.Message)) => true,

        // One connection's lines do not go back in time (beyond a clock change) or pause for a day.
        not ContinuationLine when current.Key.Length == 0 && IsTimeJump(e, current) => true,
        ReplyEvent { Code: 220 } => !current.InsideReply && (current.SawReply || current.SawDialogue),
        _ => current.Ended,
    };

    private static bool IsTimeJump(FtpEvent e, SessionState current) =>
        e.Time is { } time && current.End is { } end && time.SecondsSince(end) is < -MaxBackwardSeconds or > MaxPauseSeconds;

    private void CloseSilent(LogTimestamp now)
    {
        foreach (var state in open.Values.Where(s => s.Key.Length > 0 && s.End is { } end && now.SecondsSince(end) > SilentSessionSeconds).ToArray())
        {
            Close(state, logEnded: false);
        }
    }

    private static string RetryKey(SessionState s) => s.Key.Length > 0 ? s.Client ?? s.Key : s.Server ?? s.Client ?? string.Empty;

    private void Close(SessionState state, bool logEnded)
    {
        open.Remove(state.Key);
        state.Closed = true;
        var retry = RetryLinker.Link(state.RetryOf, state.Start);
        var session = state.Finish(file, format, logEnded, retry);
        lastEnded.Set(RetryKey(state), state.AsRetryCandidate(session.Outcome.Kind));
        state.Release();
        ended.Enqueue(session, session.FirstLine);
    }

    /// <summary>The first line of the oldest session still open, or <see cref="int.MaxValue"/>.</summary>
    private int OldestOpenLine()
    {
        while (openInOrder.TryPeek(out var oldest))
        {
            if (!oldest.Closed)
            {
                return oldest.FirstLine;
            }

            openInOrder.Dequeue();
        }

        return int.MaxValue;
    }

    private string NextId(string? sessionKey)
    {
        if (sessionKey is null)
        {
            return (++ordinal).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var uses = idUses.TryGetValue(sessionKey, out var before) ? before + 1 : 1;
        idUses.Set(sessionKey, uses);
        return uses == 1 ? sessionKey : $"{sessionKey}-{uses}";
    }
}
