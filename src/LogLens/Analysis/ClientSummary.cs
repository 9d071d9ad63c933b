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
        var builder = new ClientSummaryBuilder();
        foreach (var session in sessions)
        {
            builder.Add(session);
        }

        return builder.Build();
    }
}

/// <summary>
/// Gathers <see cref="ClientSummary"/>s one session at a time, keeping per client only counts, its
/// user names and the time of its last failed login, so that a scan of any size can summarise.
/// </summary>
public sealed class ClientSummaryBuilder
{
    private readonly Dictionary<string, Totals> clients = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// At most how many clients to keep, or null for all. Past twice this many, the clients with the
    /// fewest failed logins (and not hammering) are forgotten down to this many, so that a scan of a
    /// million bots stays small; the clients that matter to a brute-force verdict are the ones kept. A
    /// client forgotten and seen again starts its counts anew: one that comes back at least once in
    /// every <c>Capacity</c> new clients is never forgotten.
    /// </summary>
    public int? Capacity { get; init; }

    /// <summary>The capacity the reports use (the scan summary, the JSON document).</summary>
    internal const int ReportCapacity = 50_000;

    /// <summary>Adds a session (one without a client is ignored).</summary>
    /// <param name="session">The session.</param>
    public void Add(FtpSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (session.Client is null)
        {
            return;
        }

        if (!clients.TryGetValue(session.Client, out var totals))
        {
            if (Capacity is { } capacity && clients.Count >= 2 * capacity)
            {
                Forget(capacity);
            }

            totals = new Totals(session.Client);
            clients.Add(session.Client, totals);
        }

        totals.Sessions++;
        if (session.Retry is { AfterSeconds: { } after })
        {
            totals.Shortest = Min(totals.Shortest, after);
        }

        foreach (var login in session.Logins)
        {
            if (login.LimitReached)
            {
                // The server's notice that its limit was reached: no attempt, no interval.
                continue;
            }

            totals.AddUser(login.User);
            if (login.Succeeded)
            {
                totals.Succeeded++;
                continue;
            }

            totals.Failed++;
            if (login.Time is { } time)
            {
                if (totals.LastFailure is { } last)
                {
                    totals.Shortest = Min(totals.Shortest, Math.Abs(time.SecondsSince(last)));
                }

                totals.LastFailure = time;
            }
        }

        totals.AddUser(session.User);
    }

    /// <summary>The summaries so far, most failed logins first, then by client.</summary>
    /// <returns>The summaries.</returns>
    public IReadOnlyList<ClientSummary> Build() => clients.Values
        .Select(t => new ClientSummary(
            t.Client, t.Sessions, t.Failed, t.Succeeded, t.Users.ToArray(), t.Shortest,
            t.Shortest < RetryLinker.HammeringThresholdSeconds))
        .OrderByDescending(c => c.FailedLogins)
        .ThenBy(c => c.Client, StringComparer.Ordinal)
        .ToArray();

    private static double? Min(double? a, double b) => a is { } x ? Math.Min(x, b) : b;

    /// <summary>Keeps the <paramref name="keep"/> clients that matter most: most failed logins, hammering, most sessions.</summary>
    private void Forget(int keep)
    {
        var ranked = clients.Values.ToArray();
        Array.Sort(ranked, static (a, b) =>
        {
            var byFailures = b.Failed.CompareTo(a.Failed);
            if (byFailures != 0)
            {
                return byFailures;
            }

            var byHammering = (b.Shortest < RetryLinker.HammeringThresholdSeconds).CompareTo(a.Shortest < RetryLinker.HammeringThresholdSeconds);
            return byHammering != 0 ? byHammering : b.Sessions.CompareTo(a.Sessions);
        });
        for (var i = keep; i < ranked.Length; i++)
        {
            clients.Remove(ranked[i].Client);
        }
    }

    /// <summary>
    /// One client's totals, kept small: a log may hold hundreds of thousands of clients (bots), most
    /// with one user name, so the names are a field, then a list, then a set only when they grow.
    /// </summary>
    private sealed class Totals(string client)
    {
        private const int ListedBeforeSet = 8;
        private string? first;
        private List<string>? more;
        private HashSet<string>? seen;

        public string Client { get; } = client;

        public int Sessions { get; set; }

        public int Failed { get; set; }

        public int Succeeded { get; set; }

        public double? Shortest { get; set; }

        public Events.LogTimestamp? LastFailure { get; set; }

        /// <summary>The user names, in the order first tried.</summary>
        public IReadOnlyList<string> Users => first is null ? [] : more is null ? [first] : [first, .. more];

        public void AddUser(string? user)
        {
            if (user is null || user == first)
            {
                return;
            }

            if (first is null)
            {
                first = user;
                return;
            }

            more ??= [];
            if (seen is not null ? !seen.Add(user) : more.Contains(user))
            {
                return;
            }

            more.Add(user);
            if (seen is null && more.Count > ListedBeforeSet)
            {
                seen = new HashSet<string>(more, StringComparer.Ordinal) { first };
            }
        }
    }
}
