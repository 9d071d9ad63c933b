using LogLens.Analysis.Outcomes;
using LogLens.Events;

namespace LogLens.Analysis;

/// <summary>
/// One open session while its events arrive: its facts (endpoints, user, times), its ledgers (logins,
/// transfers), and the verdict so far with the lines that support it. It says which step of the
/// protocol each line is; what that step means is the rule table's (<see cref="OutcomeRules"/>), applied
/// in one place (<see cref="Apply(Step, int?, string, FtpEvent, Cited?, bool)"/>). It keeps facts and the
/// lines it may cite (number and redacted text), never the events themselves, so that no event outlives its line.
/// </summary>
internal sealed class OpenSession(string id, string key, long connection, long firstLine, SessionContract contract)
{
    private const int MaxEvidence = 12;

    /// <summary>How close in time the second telling of one thing follows the first.</summary>
    private const double EchoSeconds = 10;
    private static readonly HashSet<string> DataCommands = new(StringComparer.OrdinalIgnoreCase) { "RETR", "STOR", "STOU", "APPE", "LIST", "NLST", "MLSD" };

    private readonly List<LoginAttempt> logins = [];
    private readonly List<FileTransfer> transfers = [];
    private Verdict? verdict;
    private CommandFact? lastCommand;
    private Cited? lastLine; // the last line taken, which a wrapped message's tail is cited with
    private bool lastWasCommand;
    private (Telling Told, LogTimestamp? Time)? lastTelling; // what the last line told, which the next may tell again
    private Cited? connecting;
    private Cited? notice; // a server's notice since the last command, which the verdict that follows cites
    private long addedLoginLine = -1; // the line of the last login a server's own line added (not one that replaced the reply's)
    private PendingTransfer? pendingTransfer;
    private bool passPending;
    private bool verdictRecorded; // a login verdict was recorded for the current PASS; a duplicate line must not count twice
    private bool lastVerdictSucceeded;
    private bool lastLoginFromReply;
    private FileTransfer? lastReplyTransfer; // a transfer completed by a reply, which a server's own transfer line may repeat
    private (FileTransfer Transfer, Cited Line)? lastServerTransfer; // a transfer the server reported in its own words, whose closing reply may follow

    public string Id { get; } = id;

    public string Key { get; } = key;

    /// <summary>The connection a format's stitching tied its lines to, or 0.</summary>
    public long Connection { get; } = connection;

    /// <summary>Whether its lines carry a key or a connection (a server log's session), not a transcript's stream.</summary>
    public bool IsKeyed => Key.Length > 0 || Connection != 0;

    public long FirstLine { get; } = firstLine;

    public long LastLine { get; private set; } = firstLine;

    public LogTimestamp? Start { get; private set; }

    public LogTimestamp? End { get; private set; }

    public string? Client { get; private set; }

    public string? Server { get; private set; }

    public string? User { get; private set; }

    /// <summary>Whether a login has succeeded (or a transfer shows one did).</summary>
    public bool LoggedIn { get; private set; }

    /// <summary>Whether the server's welcome (220) has been seen.</summary>
    public bool SawWelcome { get; private set; }

    /// <summary>Whether the last reply line was a leading line of a multi-line reply (<c>220-</c>).</summary>
    public bool InsideReply { get; private set; }

    /// <summary>Whether any server reply has been seen.</summary>
    public bool SawReply { get; private set; }

    /// <summary>Whether the client has sent a command or logged in.</summary>
    public bool SawDialogue { get; private set; }

    /// <summary>Whether the session already has a verdict other than success.</summary>
    public bool HasFailed => verdict is not null && verdict.Kind != OutcomeKind.Succeeded;

    /// <summary>Whether the earlier attempt this one may retry has been looked up (once the attempt has begun and knows its server).</summary>
    public bool RetryLookedUp { get; set; }

    /// <summary>Whether the last line was a command, which the next reply answers.</summary>
    public bool AwaitsReply => lastWasCommand;

    /// <summary>
    /// Whether an attempt has begun: a connect, a reply or a command. Before that a transcript may
    /// only have said what it is about to do ("Getting listing"), which belongs to the attempt that follows.
    /// </summary>
    public bool HasAttempt => connecting is not null || SawReply || SawDialogue;

    /// <summary>Whether the analyzer has closed it (it takes no more events).</summary>
    public bool Closed { get; set; }

    /// <summary>Whether the session has ended for good (a disconnect line).</summary>
    public bool Ended { get; private set; }

    /// <summary>
    /// Whether the server has answered with a final reply that closes the control connection (421, 221):
    /// in a transcript, whatever the server or the client says after it belongs to another connection.
    /// </summary>
    public bool ServerClosedConnection { get; private set; }

    /// <summary>Whether the server sent its closing reply (221, 421): where a log that writes nothing after it (vsftpd) ends the connection.</summary>
    public bool SawClosingReply { get; private set; }

    /// <summary>The seconds the client said it would wait before retrying.</summary>
    public int? WaitSeconds { get; private set; }

    /// <summary>The earlier attempt this one retries, decided when the session started.</summary>
    public RetryCandidate? RetryOf { get; set; }

    private bool SocketConnected { get; set; }

    public void Add(FtpEvent e)
    {
        LastLine = Math.Max(LastLine, e.Line);
        if (e.Time is { } time)
        {
            Start ??= time;
            End = time;
        }

        Client ??= e.Client;
        if (Echoes(e))
        {
            // The same thing told again in another voice (PAM, then the daemon): one attempt, counted
            // once; the second line is cited wherever the first is.
            lastTelling = null;
            if (lastLine is { } previous && verdict?.Evidence.Contains(previous) == true)
            {
                Cite(e);
            }

            return;
        }

        lastTelling = e.Telling is { } told ? (told, e.Time) : null;
        switch (e)
        {
            case ConnectEvent c:
                Server ??= c.Server;
                connecting ??= Cited.Of(c);
                if (c.Refusal is { } refusal)
                {
                    Apply(Step.ConnectRefused, null, refusal, c);
                }

                break;
            case ClientMessageEvent m:
                OnClientMessage(m);
                break;
            case CommandEvent c:
                OnCommand(c);
                break;
            case ReplyEvent r:
                OnReply(r);
                break;
            case LoginEvent l:
                OnLogin(l);
                break;
            case TransferEvent t:
                OnTransfer(t);
                break;
            case DisconnectEvent d:
                OnDisconnect(d);
                break;
            case ContinuationLine:
                // A wrapped message: cite its tail wherever its head is cited.
                if (lastLine is { } wrapped && verdict?.Evidence.Contains(wrapped) == true)
                {
                    Cite(e);
                }

                return;
        }

        lastLine = Cited.Of(e);
        lastWasCommand = e is CommandEvent;
    }

    /// <summary>
    /// A server's notice about this connection, between a command and its reply: the verdict that
    /// follows cites it (FileZilla's "Refusing connection. Reason: No more connections allowed from this IP.").
    /// </summary>
    /// <param name="e">The notice.</param>
    public void Notice(FtpEvent e) => notice = Cited.Of(e);

    /// <summary>
    /// Whether an event tells again, in another voice, what the line before it in this session told: the
    /// same verdict from another part of the system (PAM's <c>authentication failure</c>, then the
    /// daemon's failed login; tcpd's <c>connect from</c>, then the daemon's), of the same user, within
    /// seconds, with nothing between. The one place where a verdict written twice is counted once.
    /// </summary>
    /// <param name="e">The event.</param>
    /// <returns>Whether it is the second telling.</returns>
    public bool Echoes(FtpEvent e) =>
        e.Telling is { } told && lastTelling is { } head
        && head.Told.Verdict == told.Verdict
        && head.Told.Source != told.Source
        && (head.Told.User is null || told.User is null || head.Told.User == told.User)
        && (head.Time is not { } then || e.Time is not { } now || Math.Abs(now.SecondsSince(then)) <= EchoSeconds);

    /// <summary>Builds the finished session.</summary>
    /// <param name="file">The input's name.</param>
    /// <param name="format">The format's name.</param>
    /// <param name="logEnded">Whether the log ended before the session did.</param>
    /// <param name="retry">The retry link, if any.</param>
    /// <returns>The session.</returns>
    public FtpSession Finish(string file, string format, bool logEnded, RetryLink? retry)
    {
        // A transfer the log never saw finish is listed, as incomplete.
        if (pendingTransfer is { Direction: { } inFlight } p)
        {
            transfers.Add(new FileTransfer(p.Command.At.Line, p.Command.Time, inFlight, p.Command.Argument, null, null, false, null) { Incomplete = true });
            pendingTransfer = null;
        }

        var outcome = verdict;

        // The log ends while the connection is still going: on a server's log, whatever it did before
        // (a logged-in session may yet fail a transfer); in a transcript, when nothing decided it or a
        // transfer was in flight.
        var cutShort = logEnded && !Ended && !ServerClosedConnection
            && (outcome is null || (IsKeyed && contract.SeesConnections && !contract.IsTranscript) || transfers is [.., { Incomplete: true }]);
        if (cutShort || outcome is null)
        {
            var last = new List<Cited>(1);
            if (lastLine is { } final)
            {
                last.Add(final);
            }

            var rule = OutcomeRules.Match(cutShort ? Step.LogEnded : Step.Undecided, null, string.Empty, Situation())!;
            outcome = new Verdict(rule.Outcome, rule.Reason, null, rule.Strength, last);
        }

        var (lines, evidenceLines) = Evidence(outcome.Evidence);
        return new FtpSession
        {
            File = file,
            Id = Id,
            Format = format,
            Client = Client,
            Server = Server,
            User = User,
            Start = Start,
            End = End,
            FirstLine = FirstLine,
            LastLine = LastLine,
            Outcome = new SessionOutcome(outcome.Kind, outcome.Reason, outcome.Code, lines) { Audience = contract.IsTranscript ? AdviceAudience.User : AdviceAudience.Administrator },
            EvidenceLines = evidenceLines,
            Logins = logins.ToArray(),
            Transfers = transfers.ToArray(),
            Retry = retry,
        };
    }

    /// <summary>
    /// The evidence in line order, each line once: its numbers, and the lines themselves. A few events
    /// at the most (<see cref="MaxEvidence"/>), for every session: sorted in place, without the
    /// sets and iterators a query would make.
    /// </summary>
    private static (long[] Lines, EvidenceLine[] Evidence) Evidence(List<Cited> cited)
    {
        var lines = cited.ToArray();
        Array.Sort(lines, static (a, b) => a.Line.CompareTo(b.Line));
        var count = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            if (count == 0 || lines[i].Line != lines[count - 1].Line)
            {
                lines[count++] = lines[i];
            }
        }

        var numbers = new long[count];
        var evidence = new EvidenceLine[count];
        for (var i = 0; i < count; i++)
        {
            numbers[i] = lines[i].Line;
            evidence[i] = new EvidenceLine(lines[i].Line, lines[i].Text);
        }

        return (numbers, evidence);
    }

    /// <summary>
    /// Lets go of the lines and lists an open session keeps, once it has been finished: a closed
    /// session may still wait in the analyzer's queue behind an older open one, and should not hold
    /// its lines there (they would outlive a collection for nothing).
    /// </summary>
    public void Release()
    {
        logins.Clear();
        logins.Capacity = 0;
        transfers.Clear();
        transfers.Capacity = 0;
        verdict = null;
        lastCommand = null;
        lastLine = null;
        connecting = null;
        pendingTransfer = null;
        lastReplyTransfer = null;
        lastServerTransfer = null;
        RetryOf = null;
    }

    /// <summary>What a later attempt needs to know of this one to link itself as a retry.</summary>
    /// <param name="outcome">This session's outcome.</param>
    /// <returns>The candidate.</returns>
    public RetryCandidate AsRetryCandidate(OutcomeKind outcome) => new(Id, outcome, End, WaitSeconds);

    private void OnClientMessage(ClientMessageEvent m)
    {
        switch (m.Kind)
        {
            case ClientMessageKind.Connecting:
                connecting ??= Cited.Of(m);
                if (m.Host is not null)
                {
                    Server ??= m.Port is { } port ? $"{m.Host}:{port}" : m.Host;
                }

                break;
            case ClientMessageKind.SocketConnected:
                SocketConnected = true;
                break;
            case ClientMessageKind.ConnectFailed:
                Apply(Step.ClientConnectFailed, m.SocketError, m, connecting, codeIsReply: false);
                break;
            case ClientMessageKind.LoginSucceeded:
                SawDialogue = true;
                if (!(verdictRecorded && lastVerdictSucceeded))
                {
                    logins.Add(new LoginAttempt(m.Line, m.Time, User, true));
                }

                verdictRecorded = true;
                lastVerdictSucceeded = true;
                Succeed(m);
                break;
            case ClientMessageKind.TransferComplete when m.Bytes is { } moved && lastReplyTransfer is { Bytes: null } done
                && transfers.Count > 0 && ReferenceEquals(transfers[^1], done):
                // The client's own count for the transfer the server's reply just completed.
                transfers[^1] = lastReplyTransfer = done with { Bytes = moved };
                break;
            case ClientMessageKind.Waiting:
                WaitSeconds = m.Seconds ?? WaitSeconds;
                CiteIfDecided(m);
                break;
            case ClientMessageKind.NotLoggedIn:
                Apply(Step.ClientNotLoggedIn, null, m, lastCommand?.At);
                break;
            case ClientMessageKind.ControlConnectionClosed:
                Apply(Step.ClientControlConnectionClosed, null, m, lastCommand?.At);
                break;
            case ClientMessageKind.ConnectionClosed:
                Apply(Step.ClientConnectionClosed, null, m);
                break;
            case ClientMessageKind.TimedOut:
                Apply(Step.ClientTimedOut, null, m, lastCommand?.At);
                break;
            case ClientMessageKind.TransferFailed:
                Apply(Step.ClientTransferFailed, null, m, lastCommand?.At);
                break;
            case ClientMessageKind.Other when m.Severity == ClientMessageSeverity.Error:
                // What the client itself said of a failure already decided ("Critical error: Could not
                // connect to server" after a refusal): the line its user saw, so part of the evidence.
                CiteIfDecided(m);
                break;
        }
    }

    private void OnCommand(CommandEvent c)
    {
        SawDialogue = true;
        lastCommand = new CommandFact(Cited.Of(c), c.Time, c.Command, c.Argument);
        notice = null;
        lastReplyTransfer = null;
        lastServerTransfer = null;
        switch (c.Command)
        {
            case "USER":
                User = Named(c.Argument) ?? User;
                passPending = false;
                verdictRecorded = false;
                break;
            case "PASS":
                passPending = true;
                verdictRecorded = false;
                break;
        }

        if (DataCommands.Contains(c.Command))
        {
            var direction = c.Command is "RETR" ? TransferDirection.Download : TransferDirection.Upload;
            pendingTransfer = new PendingTransfer(lastCommand.Value, c.Command is "LIST" or "NLST" or "MLSD" ? null : direction, null);
        }
    }

    private void OnReply(ReplyEvent r)
    {
        SawReply = true;
        InsideReply = !r.IsFinal;
        if (r.Code == 220)
        {
            SawWelcome = true;
        }

        if (!r.IsFinal)
        {
            return;
        }

        ServerClosedConnection |= r.Code is 421 or 221;
        SawClosingReply |= r.Code is 421 or 221;
        var stimulus = lastCommand;
        if (r.Code >= 400)
        {
            // A refusal for want of encryption, whatever its code: of TLS itself (AUTH), of a transfer's
            // data connection, or of the login on a plain control connection. The reply's own words
            // are read, without the name it echoes from the command.
            var words = OwnWords(r, stimulus);
            if ((stimulus is { Command: "AUTH" } && Apply(Step.AuthRefused, r.Code, words, r, stimulus?.At))
                || Apply(Step.DataRefused, r.Code, words, r, pendingTransfer?.Command.At)
                || Apply(Step.Refusal, r.Code, words, r, stimulus?.At))
            {
                return;
            }
        }

        if (lastServerTransfer is { } reported)
        {
            lastServerTransfer = null;
            if (pendingTransfer is null && (r.Code is 226 or 250 || TransferFailure(r.Code) is not null))
            {
                CloseReportedTransfer(reported.Transfer, reported.Line, r);
                return;
            }
        }

        switch (r.Code)
        {
            case 230:
                RecordLogin(r, succeeded: true);
                Apply(Step.LoggedIn, r.Code, r.Message, r, stimulus?.At);
                return;
            case 530:
                Apply(Step.NotLoggedIn, r.Code, r.Message, r, stimulus?.At);
                return;
            case 421:
                Apply(Step.Closing, r.Code, r.Message, r, stimulus?.At);
                return;
            case 150 or 125 when pendingTransfer is { } p:
                pendingTransfer = p with { Bytes = ReplyTexts.AnnouncedBytes(r.Message) ?? p.Bytes };
                return;
            case 226 or 250 when pendingTransfer is { } done:
                CompleteTransfer(done, r, succeeded: true);
                return;
        }

        if (r.Code >= 400 && !Apply(Step.Greeting, r.Code, r.Message, r))
        {
            Apply(Step.TransferRefused, r.Code, r.Message, r, pendingTransfer?.Command.At);
        }
    }

    /// <summary>
    /// A reply's own words: without the path or name it echoes from the command it answers, which the
    /// client chose (<c>550 tls required.zip: No such file</c> says nothing of encryption).
    /// </summary>
    private static string OwnWords(ReplyEvent r, CommandFact? stimulus) =>
        stimulus?.Argument is { Length: > 0 } argument ? r.Message.Replace(argument, string.Empty, StringComparison.Ordinal) : r.Message;

    private void OnLogin(LoginEvent l)
    {
        SawDialogue = true;
        User = Named(l.User) ?? User;

        // A server often writes its verdict twice: the reply (230/530) and its own line. Count it
        // once, on the server's own line, which is the one that names the verdict.
        var attempt = new LoginAttempt(l.Line, l.Time, Named(l.User) ?? User, l.Succeeded);
        if (verdictRecorded && lastVerdictSucceeded == l.Succeeded && logins.Count > 0 && lastLoginFromReply)
        {
            logins[^1] = attempt;
        }
        else
        {
            logins.Add(attempt);
            addedLoginLine = l.Line;
        }

        lastLoginFromReply = false;

        verdictRecorded = true;
        lastVerdictSucceeded = l.Succeeded;
        passPending = false;
        if (l.Succeeded)
        {
            Succeed(l);
            return;
        }

        Apply(Step.LoginFailedLine, l.ReplyCode, l.Detail ?? string.Empty, l);
    }

    private void OnTransfer(TransferEvent t)
    {
        SawDialogue = true;
        var transfer = new FileTransfer(t.Line, t.Time, t.Direction, t.Path, t.Bytes, t.Rate, t.Succeeded, t.ReplyCode);

        // A server logs a transfer in its own words as well as in the protocol (RETR … 226): one transfer.
        // Its own line may come before the reply that closes the transfer (Serv-U: "Sent file …", then 226).
        Cited? command = null;
        if (pendingTransfer is { Direction: { } pending } p && pending == t.Direction)
        {
            command = p.Command.At;
            pendingTransfer = null;
            transfers.Add(transfer);
            lastServerTransfer = (transfer, Cited.Of(t));
        }
        else if (lastReplyTransfer is { } done && done.Direction == t.Direction && transfers.Count > 0 && ReferenceEquals(transfers[^1], done))
        {
            transfers[^1] = transfer with { ReplyCode = done.ReplyCode, Succeeded = t.Succeeded && done.Succeeded };
        }
        else
        {
            transfers.Add(transfer);
            lastServerTransfer = (transfer, Cited.Of(t));
        }

        lastReplyTransfer = null;
        User ??= Named(t.User);

        // A transfer log (xferlog) has no login lines: a completed transfer shows the user was logged in.
        if (t.Succeeded && verdict is null)
        {
            Succeed(t);
        }

        if (!t.Succeeded)
        {
            // The code of the server's line says why, when it has one that does.
            var rule = TransferFailure(t.ReplyCode) ?? OutcomeRules.Match(Step.TransferFailedLine, t.ReplyCode, t.Text, Situation())!;
            Decide(rule, t.ReplyCode, Cited.Of(t), command);
        }
    }

    /// <summary>The reply after a server's own transfer line: its code belongs to that transfer, and a failure code says why it failed.</summary>
    private void CloseReportedTransfer(FileTransfer reported, Cited line, ReplyEvent r)
    {
        var why = TransferFailure(r.Code);
        var index = transfers.FindLastIndex(x => ReferenceEquals(x, reported));
        if (index >= 0)
        {
            transfers[index] = reported with { ReplyCode = r.Code, Succeeded = reported.Succeeded && why is null };
        }

        if (why is null)
        {
            return;
        }

        if (verdict is { Kind: OutcomeKind.TransferFailed } failed && failed.Evidence.Contains(line))
        {
            // The server's line already decided it; the reply names the code and the reason.
            verdict = failed with { Reason = why.Reason, Code = r.Code };
            Cite(r);
        }
        else
        {
            Decide(why, r.Code, Cited.Of(r), line);
        }
    }

    private void OnDisconnect(DisconnectEvent d)
    {
        Ended = true;
        User ??= Named(d.User);
        // A server that ends a session in its own words may say why; if not, the line is cited.
        if (!Apply(Step.DisconnectLine, d.ReplyCode, d.Detail ?? string.Empty, d))
        {
            CiteIfDecided(d);
        }
    }

    /// <summary>A user name, or null for none or the server's placeholder for nobody (netkit ftpd's <c>unknown</c>).</summary>
    private string? Named(string? user) => user is null || contract.IsPlaceholder(user) ? null : user;

    private void RecordLogin(FtpEvent verdictLine, bool succeeded)
    {
        if (verdictRecorded && !passPending)
        {
            return;
        }

        logins.Add(new LoginAttempt(verdictLine.Line, verdictLine.Time, User, succeeded));
        lastLoginFromReply = true;
        verdictRecorded = true;
        lastVerdictSucceeded = succeeded;
        passPending = false;
    }

    private void CompleteTransfer(PendingTransfer p, ReplyEvent r, bool succeeded)
    {
        pendingTransfer = null;
        if (p.Direction is { } direction)
        {
            var transfer = new FileTransfer(r.Line, r.Time ?? p.Command.Time, direction, p.Command.Argument, succeeded ? p.Bytes : null, null, succeeded, r.Code);
            transfers.Add(transfer);
            lastReplyTransfer = transfer;
        }
    }

    private void Succeed(FtpEvent e)
    {
        LoggedIn = true;
        if (Verdicts.SuccessReplaces(verdict?.Kind))
        {
            var evidence = new List<Cited>(4);
            if (lastCommand is { Command: "PASS" or "USER" } c)
            {
                evidence.Add(c.At);
            }

            evidence.Add(Cited.Of(e));
            verdict = new Verdict(OutcomeKind.Succeeded, null, ReplyCodeOf(e), Strength.Strong, evidence);
        }
        else if (verdict?.Kind == OutcomeKind.Succeeded)
        {
            Cite(e);
        }
    }

    /// <summary>
    /// The reply code a line gives: a reply's own, or the status of a line that is a command and its
    /// reply in one (an IIS row's login, transfer or closing row); null for a line that has none.
    /// </summary>
    private static int? ReplyCodeOf(FtpEvent e) => e switch
    {
        ReplyEvent r => r.Code,
        LoginEvent l => l.ReplyCode,
        TransferEvent t => t.ReplyCode,
        DisconnectEvent d => d.ReplyCode,
        _ => null,
    };

    /// <summary>
    /// The one place where a step of the session meets the rule table: the first row that fits decides
    /// (or, if the verdict so far stands, is cited as its evidence), and does what else it says: a
    /// failed login counted, the transfer failed, the connection ended.
    /// </summary>
    /// <param name="step">What happened.</param>
    /// <param name="code">The reply code (or the client's socket error).</param>
    /// <param name="text">The words to read.</param>
    /// <param name="e">The line.</param>
    /// <param name="stimulus">The line it answers (a command), cited with it.</param>
    /// <param name="codeIsReply">Whether <paramref name="code"/> is the reply code the outcome names (not a socket error).</param>
    /// <returns>Whether a row applied.</returns>
    private bool Apply(Step step, int? code, string text, FtpEvent e, Cited? stimulus = null, bool codeIsReply = true)
    {
        if (OutcomeRules.Match(step, code, text, Situation()) is not { } rule)
        {
            return false;
        }

        if ((rule.Effects & Effects.FailsLogin) != 0 || ((rule.Effects & Effects.FailsPendingPassword) != 0 && passPending))
        {
            RecordLogin(e, succeeded: false);
        }

        if ((rule.Effects & Effects.FailsTransfer) != 0 && pendingTransfer is { } refused && e is ReplyEvent reply)
        {
            CompleteTransfer(refused, reply, succeeded: false);
        }

        if ((rule.Effects & Effects.EndsConnection) != 0)
        {
            ServerClosedConnection = true;
        }

        // The server's "limit reached" line right after a failed attempt (its own line, added as a
        // login of its own): listed, but it is no attempt.
        if ((rule.Effects & Effects.ReportsLimit) != 0 && addedLoginLine == e.Line && logins is [.., { Succeeded: false }, { Succeeded: false } last])
        {
            logins[^1] = last with { LimitReached = true };
        }

        if (rule.Outcome == OutcomeKind.Succeeded)
        {
            Succeed(e);
        }
        else
        {
            Decide(rule, codeIsReply ? code : null, Cited.Of(e), stimulus);
        }

        return true;
    }

    private bool Apply(Step step, int? code, FtpEvent e, Cited? stimulus = null, bool codeIsReply = true) =>
        Apply(step, code, e.Text, e, stimulus, codeIsReply);

    /// <summary>What is true of the session now, for the rows' conditions.</summary>
    private When Situation()
    {
        var when = When.Always;
        if (ReplyTexts.IsAnonymousUser(User))
        {
            when |= When.AnonymousUser;
        }

        if (lastCommand is { Command: "USER" or "PASS" })
        {
            when |= When.AnswersLogin;
        }

        if (lastCommand is null)
        {
            when |= When.NoCommand;
        }

        if (pendingTransfer is not null)
        {
            when |= When.Transferring;
        }

        if (!SawDialogue)
        {
            when |= When.BeforeDialogue;
        }

        if (SocketConnected && !SawWelcome)
        {
            when |= When.NoWelcome;
        }

        return when;
    }

    /// <summary>The row that says why a transfer failed with this reply code, or null when the code does not say it failed.</summary>
    private static OutcomeRule? TransferFailure(int? code) =>
        code is null ? null : OutcomeRules.Match(Step.TransferRefused, code, string.Empty, When.Transferring);

    /// <summary>
    /// Records a verdict, when the policy (<see cref="Verdicts.Replaces"/>) lets it replace the one so
    /// far; else the line is cited as evidence of the verdict that stands.
    /// </summary>
    private void Decide(OutcomeRule rule, int? code, Cited decisive, Cited? stimulus = null)
    {
        // The same verdict told again, now with the reply code its first telling lacked (vsftpd's
        // refused CONNECT, then the 421 it sends): one verdict, both lines, the code.
        if (verdict is { Code: null } told && code is not null && told.Kind == rule.Outcome && told.Reason == rule.Reason)
        {
            verdict = told with { Code = code };
            Cite(decisive);
            return;
        }

        if (!Verdicts.Replaces(verdict is null ? null : (verdict.Kind, verdict.Strength), rule.Outcome, rule.Strength))
        {
            Cite(decisive);
            return;
        }

        var evidence = new List<Cited>(4);
        if (stimulus is { } before && before.Line < decisive.Line)
        {
            evidence.Add(before);
        }

        if (notice is { } said && said.Line < decisive.Line && (stimulus is not { } asked || said.Line > asked.Line))
        {
            evidence.Add(said);
        }

        notice = null;
        evidence.Add(decisive);
        verdict = new Verdict(rule.Outcome, rule.Reason, code, rule.Strength, evidence);
    }

    private void CiteIfDecided(FtpEvent e)
    {
        if (verdict is not null && verdict.Kind != OutcomeKind.Succeeded)
        {
            Cite(e);
        }
    }

    private void Cite(FtpEvent e) => Cite(Cited.Of(e));

    private void Cite(Cited line)
    {
        if (verdict is not null && verdict.Evidence.Count < MaxEvidence && !verdict.Evidence.Contains(line))
        {
            verdict.Evidence.Add(line);
        }
    }

    private sealed record Verdict(OutcomeKind Kind, string? Reason, int? Code, Strength Strength, List<Cited> Evidence);

    private sealed record PendingTransfer(CommandFact Command, TransferDirection? Direction, long? Bytes);

    /// <summary>A line the session may cite: its number and redacted text, without the event it came in.</summary>
    private readonly record struct Cited(long Line, string Text)
    {
        public static Cited Of(FtpEvent e) => new(e.Line, e.Text);
    }

    /// <summary>What the session keeps of a command: where it is, and the verb and argument the analysis reads.</summary>
    private readonly record struct CommandFact(Cited At, LogTimestamp? Time, string Command, string? Argument);
}

/// <summary>What a later attempt needs to know of an earlier one to call itself its retry.</summary>
/// <param name="Id">The earlier session's id.</param>
/// <param name="Outcome">Its outcome.</param>
/// <param name="End">Its last timestamp.</param>
/// <param name="WaitSeconds">The seconds the client said it would wait.</param>
internal sealed record RetryCandidate(string Id, OutcomeKind Outcome, LogTimestamp? End, int? WaitSeconds);
