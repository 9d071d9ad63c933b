namespace LogLens.Analysis;

/// <summary>
/// One client across all its sessions: the raw material of a brute-force verdict — how many logins
/// failed, which user names it tried (user enumeration), and how fast it came back.
/// </summary>
/// <param name="Client">The client's address.</param>
/// <param name="Sessions">How many sessions it had.</param>
/// <param name="FailedLogins">Failed login attempts.</param>
/// <param name="SucceededLogins">Successful logins.</param>
/// <param name="Users">The distinct user names it tried, in order of first use.</param>
/// <param name="ShortestRetrySeconds">
/// The shortest interval between two of its attempts after a failure (a retry link, or two failed
/// logins in a row), or null when no interval is known.
/// </param>
/// <param name="Hammering">Whether that interval is under <see cref="RetryLinker.HammeringThresholdSeconds"/> seconds.</param>
public sealed record ClientSummary(
    string Client,
    int Sessions,
    int FailedLogins,
    int SucceededLogins,
    IReadOnlyList<string> Users,
    double? ShortestRetrySeconds,
    bool Hammering);

/// <summary>Builds <see cref="ClientSummary"/>s from sessions.</summary>
public static class ClientSummaries
{
    /// <summary>One summary per client that the sessions name, most failed logins first.</summary>
    /// <param name="sessions">Sessions of one or more files.</param>
    /// <returns>The summaries.</returns>
    public static IReadOnlyList<ClientSummary> Build(IEnumerable<FtpSession> sessions)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        return sessions
            .Where(s => s.Client is not null)
            .GroupBy(s => s.Client!, StringComparer.OrdinalIgnoreCase)
            .Select(Summarize)
            .OrderByDescending(c => c.FailedLogins)
            .ThenBy(c => c.Client, StringComparer.Ordinal)
            .ToArray();
    }

    private static ClientSummary Summarize(IGrouping<string, FtpSession> client)
    {
        var logins = client.SelectMany(s => s.Logins).ToList();
        var users = logins.Select(l => l.User)
            .Concat(client.Select(s => s.User))
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToArray();

        double? shortest = null;
        foreach (var retry in client.Select(s => s.Retry).OfType<RetryLink>())
        {
            shortest = Min(shortest, retry.AfterSeconds);
        }

        // Consecutive failed logins, by time, across all of the client's sessions.
        var failures = logins.Where(l => !l.Succeeded && l.Time is not null).Select(l => l.Time!.Value).Order().ToList();
        for (var i = 1; i < failures.Count; i++)
        {
            shortest = Min(shortest, Math.Max(0, failures[i].SecondsSince(failures[i - 1])));
        }

        return new ClientSummary(
            client.Key,
            client.Count(),
            logins.Count(l => !l.Succeeded),
            logins.Count(l => l.Succeeded),
            users,
            shortest,
            shortest < RetryLinker.HammeringThresholdSeconds);
    }

    private static double? Min(double? a, double? b) => (a, b) switch
    {
        (null, _) => b,
        (_, null) => a,
        _ => Math.Min(a.Value, b.Value),
    };
}
