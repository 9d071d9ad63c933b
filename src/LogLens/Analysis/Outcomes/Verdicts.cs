namespace LogLens.Analysis.Outcomes;

/// <summary>How firmly a row decides a session's outcome.</summary>
internal enum Strength
{
    /// <summary>Decides only when nothing has (the client's "not logged in", "connection closed").</summary>
    Weak,

    /// <summary>The server dropping the connection: replaces a success or a weak verdict.</summary>
    Closing,

    /// <summary>A refusal or a failed transfer: replaces whatever came before.</summary>
    Strong,
}

/// <summary>
/// The verdict-strength policy, in one place: which new verdict replaces the one a session has so far.
/// What does not replace it is cited as evidence of the verdict that stands.
/// </summary>
internal static class Verdicts
{
    /// <summary>Whether a verdict of <paramref name="kind"/> and <paramref name="strength"/> replaces the current one.</summary>
    /// <param name="current">The verdict so far: its outcome and strength, or null for none.</param>
    /// <param name="kind">The new outcome.</param>
    /// <param name="strength">Its strength.</param>
    /// <returns>Whether it replaces the current one.</returns>
    public static bool Replaces((OutcomeKind Kind, Strength Strength)? current, OutcomeKind kind, Strength strength) =>
        current is not { } now
        || strength == Strength.Strong
        || (strength == Strength.Closing && (now.Kind == OutcomeKind.Succeeded || now.Strength == Strength.Weak))

        // A client's "connection closed" says least: any other weak verdict tells more.
        || (strength == Strength.Weak && now.Strength == Strength.Weak && now.Kind == OutcomeKind.ConnectionClosed && kind != OutcomeKind.ConnectionClosed);

    /// <summary>
    /// Whether a successful login replaces the verdict so far: a failed attempt before it (a mistyped
    /// password, a refused anonymous login, a plain login before TLS) is part of the story, not its end.
    /// </summary>
    /// <param name="current">The outcome so far, or null.</param>
    /// <returns>Whether a success replaces it.</returns>
    public static bool SuccessReplaces(OutcomeKind? current) =>
        current is null or OutcomeKind.LoginFailed or OutcomeKind.AnonymousDenied or OutcomeKind.EncryptionRequired
            or OutcomeKind.EncryptionUnavailable or OutcomeKind.Unknown;
}
