namespace LogLens.Analysis.Outcomes;

/// <summary>
/// One row of the outcome table: on this step of the protocol, with one of these codes and these
/// words, in this situation, the session's outcome is this, for this reason, with this strength.
/// </summary>
/// <param name="Step">What happened: a reply, a server's own line, a client's message.</param>
/// <param name="Codes">The reply codes (or socket errors, for a client's failed connect) it applies to; empty for any.</param>
/// <param name="Words">Words the text must hold, or null for any text.</param>
/// <param name="When">What must also be true of the session.</param>
/// <param name="Outcome">The outcome it gives.</param>
/// <param name="Reason">The reason it gives (an <see cref="OutcomeReasons"/> id), or null.</param>
/// <param name="Strength">How firmly it decides (see <see cref="Verdicts"/>).</param>
/// <param name="Effects">What else the step does to the session: a failed login counted, the connection ended.</param>
internal sealed record OutcomeRule(
    Step Step,
    int[] Codes,
    Phrases? Words,
    When When,
    OutcomeKind Outcome,
    string? Reason,
    Strength Strength,
    Effects Effects = Effects.None)
{
    /// <summary>Whether the row applies, on its step (the table looks rows up by step).</summary>
    /// <param name="code">The reply code or socket error, if any.</param>
    /// <param name="text">The words of the line (a reply's own words, a server's detail).</param>
    /// <param name="situation">What is true of the session.</param>
    /// <returns>Whether it applies.</returns>
    public bool Matches(int? code, string text, When situation) =>
        (Codes.Length == 0 || (code is { } c && Array.IndexOf(Codes, c) >= 0))
        && (When & situation) == When
        && (Words is null || Words.FoundIn(text));
}

/// <summary>The step of a session a row reacts to.</summary>
internal enum Step
{
    /// <summary>A refusal in answer to <c>AUTH</c>: the server has no FTP over TLS.</summary>
    AuthRefused,

    /// <summary>A refusal of a transfer's data connection, whatever its code, read first for want of encryption.</summary>
    DataRefused,

    /// <summary>A final reply of 400 or more, to whatever command, read for want of encryption.</summary>
    Refusal,

    /// <summary>A <c>230</c>: logged in.</summary>
    LoggedIn,

    /// <summary>A <c>530</c>: not logged in.</summary>
    NotLoggedIn,

    /// <summary>A <c>421</c>: the server closes the control connection.</summary>
    Closing,

    /// <summary>A refusal (400 or more) that no other step took, read for a refused address.</summary>
    Greeting,

    /// <summary>A refusal while a transfer waits for its reply, read by its code.</summary>
    TransferRefused,

    /// <summary>A connect line of a server's log that says it refused the connection (vsftpd, tcp_wrappers).</summary>
    ConnectRefused,

    /// <summary>A server's own line that a login failed, with its detail.</summary>
    LoginFailedLine,

    /// <summary>A server's own line that the session ended, with its detail.</summary>
    DisconnectLine,

    /// <summary>A server's own line of a transfer that did not complete.</summary>
    TransferFailedLine,

    /// <summary>The client could not connect (its socket error as the code).</summary>
    ClientConnectFailed,

    /// <summary>The client says it is not logged in.</summary>
    ClientNotLoggedIn,

    /// <summary>The client says the server closed the control connection.</summary>
    ClientControlConnectionClosed,

    /// <summary>The client says the connection was closed.</summary>
    ClientConnectionClosed,

    /// <summary>The client says it timed out.</summary>
    ClientTimedOut,

    /// <summary>The client says a transfer failed.</summary>
    ClientTransferFailed,

    /// <summary>The log ended while the session was still going.</summary>
    LogEnded,

    /// <summary>The session ended with nothing that decided it.</summary>
    Undecided,
}

/// <summary>What must be true of the session for a row to apply (all of its flags).</summary>
[Flags]
internal enum When
{
    /// <summary>Always.</summary>
    Always = 0,

    /// <summary>The user is an anonymous one (<c>anonymous</c>, <c>ftp</c>).</summary>
    AnonymousUser = 1,

    /// <summary>The reply answers a login (<c>USER</c>, <c>PASS</c>).</summary>
    AnswersLogin = 2,

    /// <summary>A transfer waits for its reply.</summary>
    Transferring = 4,

    /// <summary>The client has not yet sent a command nor logged in.</summary>
    BeforeDialogue = 8,

    /// <summary>The client's socket connected but no welcome came.</summary>
    NoWelcome = 16,

    /// <summary>No command has been seen yet that a reply could answer.</summary>
    NoCommand = 32,
}

/// <summary>What a row does to the session besides its verdict.</summary>
[Flags]
internal enum Effects
{
    /// <summary>Nothing.</summary>
    None = 0,

    /// <summary>The reply refuses a login: a failed login is counted.</summary>
    FailsLogin = 1,

    /// <summary>A failed login is counted if a password was waiting for its answer.</summary>
    FailsPendingPassword = 2,

    /// <summary>The server hangs up.</summary>
    EndsConnection = 4,

    /// <summary>The transfer waiting for its reply failed.</summary>
    FailsTransfer = 8,

    /// <summary>A failed-login line that, right after a failed attempt, reports the server's limit rather than a new attempt.</summary>
    ReportsLimit = 16,
}
