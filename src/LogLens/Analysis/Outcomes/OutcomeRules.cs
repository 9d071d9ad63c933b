using static LogLens.Analysis.Outcomes.Effects;
using static LogLens.Analysis.Outcomes.Strength;
using static LogLens.Analysis.Outcomes.When;
using K = LogLens.Analysis.OutcomeKind;
using R = LogLens.Analysis.OutcomeReasons;

namespace LogLens.Analysis.Outcomes;

/// <summary>
/// Every outcome rule, in one ordered table: for each step of a session, the first row whose codes,
/// words and situation fit decides. The session stage says what happened; this table says what it
/// means. The reply-code catalog that <c>loglens explain</c> shows is derived from it
/// (<see cref="SignalsFor"/>), so the two never disagree.
/// </summary>
/// <remarks>
/// Adding an outcome or a server's wording is one row here, its texts in <c>Strings.resx</c> and
/// <c>Strings.zh-CN.resx</c>, and a case file under <c>tests/LogLens.Tests/Analysis/Cases/</c>.
/// </remarks>
internal static class OutcomeRules
{
    private static readonly int[] Any = [];

    /// <summary>
    /// The codes a refusal for want of encryption comes with: vsftpd 530, ProFTPD 550, Pure-FTPd 421,
    /// FileZilla Server 530 (0.9) and 503 (1.x), IIS 534, RFC 2228's 431, 533 and 534, RFC 4217's 521 and 522.
    /// </summary>
    private static readonly int[] TlsCodes = [421, 431, 503, 521, 522, 530, 533, 534, 550];

    /// <summary>A login not finished in time: FileZilla Server's "Login time exceeded", ProFTPD's "Login timeout exceeded" (formerly "FTP login timed out").</summary>
    private static readonly Phrases LoginTimeout = Phrases.Of("login time exceeded", "login timeout", "login timed out");

    /// <summary>The codes a refused <c>AUTH</c> comes with (RFC 2228: 500, 502, 504, 534; vsftpd: 530).</summary>
    private static readonly int[] AuthCodes = [431, 500, 501, 502, 503, 504, 530, 534];

    /// <summary>The codes a refused data connection for want of encryption comes with (vsftpd and ProFTPD 522, FileZilla 534, 425).</summary>
    private static readonly int[] DataTlsCodes = [425, 426, 431, 450, 521, 522, 530, 533, 534, 550];

    /// <summary>
    /// The table. Within a step, the first row that applies decides, so order matters there; across
    /// steps it is the order <c>explain</c> lists a code's meanings in (the most common first).
    /// </summary>
    public static IReadOnlyList<OutcomeRule> All { get; } =
    [
        // 230: logged in.
        new(Step.LoggedIn, [230], null, Always, K.Succeeded, null, Strong),

        // 530: not logged in, and its words say why. ProFTPD refuses with 530 when MaxClients,
        // MaxClientsPerHost or MaxHostsPerUser is reached.
        new(Step.NotLoggedIn, [530], Phrases.IpDenied, Always, K.IpDenied, R.IpNotAllowed, Strong, FailsLogin),
        new(Step.NotLoggedIn, [530], Phrases.OnePerIp, Always, K.TooManyConnectionsFromIp, R.OneSessionPerIp, Strong, FailsLogin),
        new(Step.NotLoggedIn, [530], Phrases.ServerFull, Always, K.TooManyUsers, R.ServerFull, Strong, FailsLogin),
        new(Step.NotLoggedIn, [530], Phrases.Anonymous, Always, K.AnonymousDenied, R.AnonymousNotAllowed, Strong, FailsLogin),
        new(Step.NotLoggedIn, [530], null, AnonymousUser, K.AnonymousDenied, R.AnonymousNotAllowed, Strong, FailsLogin),
        new(Step.NotLoggedIn, [530], null, AnswersLogin, K.LoginFailed, R.BadCredentials, Strong, FailsLogin),
        new(Step.NotLoggedIn, [530], null, NoCommand, K.LoginFailed, R.BadCredentials, Strong, FailsLogin),
        new(Step.NotLoggedIn, [530], null, Transferring, K.LoginFailed, R.BadCredentials, Strong, FailsTransfer),

        // 421: the server closes the control connection, and its words say why. FileZilla Server's
        // "Temporarily banned for too many failed login attempts" is a ban (of the address), answering a password.
        new(Step.Closing, [421], Phrases.IpDenied, Always, K.IpDenied, R.IpNotAllowed, Strong, FailsPendingPassword),
        new(Step.Closing, [421], Phrases.OnePerIp, Always, K.TooManyConnectionsFromIp, R.OneSessionPerIp, Strong),
        new(Step.Closing, [421], LoginTimeout, Always, K.TimedOut, "login-timeout", Closing),
        new(Step.Closing, [421], Phrases.Timeout, Always, K.TimedOut, R.IdleTimeout, Closing),
        new(Step.Closing, [421], Phrases.ServerBusy, Always, K.TooManyUsers, R.ServerFull, Strong),
        new(Step.Closing, [421], null, Always, K.ConnectionClosed, R.ClosedByServer, Closing),

        // A login refused on a plain control connection: the name and password were never checked.
        new(Step.Refusal, TlsCodes, Phrases.TlsRequired, AnswersLogin, K.EncryptionRequired, R.TlsRequired, Strong, FailsLogin),
        new(Step.Refusal, TlsCodes, Phrases.TlsRequired, Always, K.EncryptionRequired, R.TlsRequired, Strong),

        // A refused AUTH: the server has no FTP over TLS. A client that requires it gives up; one that
        // only prefers it logs in in plain text next, and that login decides instead.
        new(Step.AuthRefused, AuthCodes, null, Always, K.EncryptionUnavailable, R.TlsNotSupported, Strong),

        // A transfer's data connection refused for want of encryption.
        new(Step.DataRefused, DataTlsCodes, Phrases.TlsSessionReuse, Transferring, K.TransferFailed, R.TlsSessionReuseRequired, Strong, FailsTransfer),
        new(Step.DataRefused, DataTlsCodes, Phrases.DataTlsRequired, Transferring, K.TransferFailed, R.DataTlsRequired, Strong, FailsTransfer),

        // Any other refusal before the client said a word, naming its address (tcp_wrappers, a deny list).
        new(Step.Greeting, Any, Phrases.IpDenied, BeforeDialogue, K.IpDenied, R.IpNotAllowed, Strong, EndsConnection),

        // A transfer's reply: its code says why it failed.
        new(Step.TransferRefused, [425], null, Transferring, K.TransferFailed, R.NoDataConnection, Strong, FailsTransfer),
        new(Step.TransferRefused, [426], null, Transferring, K.TransferFailed, R.TransferAborted, Strong, FailsTransfer),
        new(Step.TransferRefused, [450, 550], null, Transferring, K.TransferFailed, R.FileUnavailable, Strong, FailsTransfer),
        new(Step.TransferRefused, [451], null, Transferring, K.TransferFailed, R.ServerLocalError, Strong, FailsTransfer),
        new(Step.TransferRefused, [452, 552], null, Transferring, K.TransferFailed, R.InsufficientStorage, Strong, FailsTransfer),
        new(Step.TransferRefused, [551], null, Transferring, K.TransferFailed, R.PageTypeUnknown, Strong, FailsTransfer),
        new(Step.TransferRefused, [553], null, Transferring, K.TransferFailed, R.BadFileName, Strong, FailsTransfer),

        // A server's own line of a transfer that did not complete, without a code that says more.
        new(Step.TransferFailedLine, Any, null, Always, K.TransferFailed, R.TransferAborted, Strong),

        // A server's connect line that refuses at once, and why: it hangs up.
        new(Step.ConnectRefused, Any, Phrases.IpDenied, Always, K.IpDenied, R.IpNotAllowed, Strong, EndsConnection),
        new(Step.ConnectRefused, Any, Phrases.OnePerIp, Always, K.TooManyConnectionsFromIp, R.OneSessionPerIp, Strong, EndsConnection),
        new(Step.ConnectRefused, Any, Phrases.ServerBusy, Always, K.TooManyUsers, R.ServerFull, Strong, EndsConnection),
        new(Step.ConnectRefused, Any, null, Always, K.ConnectionClosed, R.ClosedByServer, Strong, EndsConnection),

        // A server's own failed-login line, and its detail. After the last attempt it allows, a server
        // hangs up (ProFTPD's "Maximum login attempts", Pure-FTPd's "Too many authentication failures").
        // An IIS row's substatus says more (KB 969061): SSL required, methods disabled, IP restricted.
        new(Step.LoginFailedLine, Any, Phrases.TooManyAttempts, Always, K.LoginFailed, R.TooManyAttempts, Strong, EndsConnection | ReportsLimit),
        new(Step.LoginFailedLine, Any, Phrases.AuthMethodRefused, Always, K.LoginFailed, R.AuthMethodRefused, Strong),
        new(Step.LoginFailedLine, Any, Phrases.TlsRequired, Always, K.EncryptionRequired, R.TlsRequired, Strong),
        new(Step.LoginFailedLine, Any, Phrases.IpDenied, Always, K.IpDenied, R.IpNotAllowed, Strong),
        new(Step.LoginFailedLine, Any, Phrases.Anonymous, Always, K.AnonymousDenied, R.AnonymousNotAllowed, Strong),
        new(Step.LoginFailedLine, Any, null, AnonymousUser, K.AnonymousDenied, R.AnonymousNotAllowed, Strong),
        new(Step.LoginFailedLine, Any, null, Always, K.LoginFailed, R.BadCredentials, Strong),

        // A server's own end-of-session line may say why: not encrypted (Pure-FTPd's "cleartext
        // sessions … are not accepted"), too many attempts, one per address, refused, full, idle. An
        // idle timeout ends even a logged-in session, as the 421 that says it would.
        new(Step.DisconnectLine, Any, Phrases.TlsRequired, Always, K.EncryptionRequired, R.TlsRequired, Strong),
        new(Step.DisconnectLine, Any, Phrases.TooManyAttempts, Always, K.LoginFailed, R.TooManyAttempts, Strong),
        new(Step.DisconnectLine, Any, Phrases.OnePerIp, Always, K.TooManyConnectionsFromIp, R.OneSessionPerIp, Strong),
        new(Step.DisconnectLine, Any, Phrases.IpDenied, Always, K.IpDenied, R.IpNotAllowed, Strong),
        new(Step.DisconnectLine, Any, Phrases.ServerBusy, BeforeDialogue, K.TooManyUsers, R.ServerFull, Strong),
        new(Step.DisconnectLine, Any, LoginTimeout, Always, K.TimedOut, "login-timeout", Closing),
        new(Step.DisconnectLine, Any, Phrases.Timeout, Always, K.TimedOut, R.IdleTimeout, Closing),

        // What the client says (a transcript): its socket error, or the failure it saw.
        new(Step.ClientConnectFailed, [10060], null, Always, K.ConnectFailed, R.Socket10060, Strong),
        new(Step.ClientConnectFailed, [10061], null, Always, K.ConnectFailed, R.Socket10061, Strong),
        new(Step.ClientConnectFailed, Any, null, Always, K.ConnectFailed, R.SocketError, Strong),
        new(Step.ClientNotLoggedIn, Any, null, Always, K.LoginFailed, R.BadCredentials, Weak),
        new(Step.ClientControlConnectionClosed, Any, null, Always, K.ConnectionClosed, R.ControlConnectionClosed, Closing),
        new(Step.ClientConnectionClosed, Any, null, Always, K.ConnectionClosed, R.ClosedByServer, Weak),
        new(Step.ClientTimedOut, Any, null, Always, K.TimedOut, R.IdleTimeout, Weak),
        new(Step.ClientTransferFailed, Any, null, Always, K.TransferFailed, null, Strong),

        // Nothing decided the session: the log ended first, or the session ended without a word that tells.
        new(Step.LogEnded, Any, null, Always, K.Incomplete, R.LogEnded, Weak),
        new(Step.Undecided, Any, null, NoWelcome, K.ConnectFailed, R.NoWelcome, Weak),
        new(Step.Undecided, Any, null, Always, K.Unknown, null, Weak),
    ];

    private static readonly OutcomeRule[][] ByStep = BuildByStep();

    /// <summary>Every reason a row gives, in table order, each once: the reasons that have texts in the resources.</summary>
    public static IReadOnlyList<string> Reasons { get; } = All.Select(r => r.Reason).OfType<string>().Distinct(StringComparer.Ordinal).ToArray();

    /// <summary>The first row of <paramref name="step"/> that applies, or null when none does.</summary>
    /// <param name="step">The step.</param>
    /// <param name="code">The reply code or socket error, if any.</param>
    /// <param name="text">The words of the line.</param>
    /// <param name="situation">What is true of the session.</param>
    /// <returns>The row, or null.</returns>
    public static OutcomeRule? Match(Step step, int? code, string text, When situation)
    {
        foreach (var rule in ByStep[(int)step])
        {
            if (rule.Matches(code, text, situation))
            {
                return rule;
            }
        }

        return null;
    }

    /// <summary>
    /// What a reply code (or a client's socket error) can signal: each outcome and reason a row gives
    /// for that code, in table order, each once.
    /// </summary>
    /// <param name="code">The code.</param>
    /// <returns>The outcomes and reasons.</returns>
    public static IReadOnlyList<(OutcomeKind Outcome, string? Reason)> SignalsFor(int code)
    {
        var signals = new List<(OutcomeKind, string?)>();
        foreach (var rule in All)
        {
            if (Array.IndexOf(rule.Codes, code) >= 0 && !signals.Contains((rule.Outcome, rule.Reason)))
            {
                signals.Add((rule.Outcome, rule.Reason));
            }
        }

        return signals;
    }

    private static OutcomeRule[][] BuildByStep()
    {
        var steps = Enum.GetValues<Step>();
        var byStep = new OutcomeRule[steps.Length][];
        foreach (var step in steps)
        {
            byStep[(int)step] = All.Where(r => r.Step == step).ToArray();
        }

        return byStep;
    }
}
