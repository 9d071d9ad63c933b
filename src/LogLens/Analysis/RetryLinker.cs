namespace LogLens.Analysis;

/// <summary>
/// Links an attempt that follows a failed or closed attempt against the same server (from the
/// same client) as its retry, and judges the interval: the seed asks for 10 seconds to a minute.
/// </summary>
public static class RetryLinker
{
    /// <summary>A retry sooner than this many seconds is hammering the server.</summary>
    public const double HammeringThresholdSeconds = 10;

    /// <summary>An attempt more than this many seconds after the last one is a new try, not a retry.</summary>
    public const double RetryWindowSeconds = 30 * 60;

    /// <summary>Whether a session that ended so invites a retry.</summary>
    /// <param name="outcome">The earlier session's outcome.</param>
    /// <returns>True for failures and closed connections.</returns>
    public static bool IsRetryable(OutcomeKind outcome) => outcome is not (OutcomeKind.Succeeded or OutcomeKind.Incomplete or OutcomeKind.Unknown);

    /// <summary>The link from a new session to the earlier attempt, or null when it is no retry.</summary>
    internal static RetryLink? Link(RetryCandidate? earlier, Events.LogTimestamp? start)
    {
        if (earlier is null || !IsRetryable(earlier.Outcome))
        {
            return null;
        }

        // An attempt dated before the end of the earlier one is not its retry (excerpts pasted out of
        // order, a clock put back): calling the interval zero would brand it as hammering.
        double? interval = start is { } s && earlier.End is { } e ? s.SecondsSince(e) : earlier.WaitSeconds;
        if (interval is < 0 or > RetryWindowSeconds)
        {
            return null;
        }

        return new RetryLink(earlier.Id, interval, interval is { } i ? i < HammeringThresholdSeconds : null);
    }
}
