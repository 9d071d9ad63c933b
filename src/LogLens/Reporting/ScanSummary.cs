using LogLens.Analysis;
using LogLens.Input;

namespace LogLens.Reporting;

/// <summary>
/// What a scan found, in totals: sessions per outcome, clients by failed logins, clients hammering,
/// files that could not be read. Fed one session at a time, so it fits any scan.
/// </summary>
public sealed class ScanSummary
{
    private readonly Dictionary<OutcomeKind, int> outcomes = [];
    // Bounded: the summary lists the clients with most failed logins and the hammering ones, which a
    // scan of a million one-off bots must not turn into a million entries.
    private readonly ClientSummaryBuilder clients = new() { Capacity = ClientSummaryBuilder.ReportCapacity };

    /// <summary>Sessions added.</summary>
    public int Sessions { get; private set; }

    /// <summary>Sessions per outcome, most frequent first.</summary>
    public IReadOnlyList<KeyValuePair<OutcomeKind, int>> Outcomes =>
        outcomes.OrderByDescending(o => o.Value).ThenBy(o => o.Key).ToArray();

    /// <summary>Adds a session.</summary>
    /// <param name="session">The session.</param>
    public void Add(FtpSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        Sessions++;
        outcomes[session.Outcome.Kind] = outcomes.GetValueOrDefault(session.Outcome.Kind) + 1;
        clients.Add(session);
    }

    /// <summary>The clients with failed logins, most first.</summary>
    /// <param name="count">How many to list.</param>
    /// <returns>The clients.</returns>
    public IReadOnlyList<ClientSummary> TopFailedClients(int count) =>
        clients.Build().Where(c => c.FailedLogins > 0).Take(count).ToArray();

    /// <summary>The clients that retried faster than every 10 seconds, fastest first.</summary>
    /// <returns>The clients.</returns>
    public IReadOnlyList<ClientSummary> HammeringClients() =>
        clients.Build().Where(c => c.Hammering).OrderBy(c => c.ShortestRetrySeconds).ThenBy(c => c.Client, StringComparer.Ordinal).ToArray();

    /// <summary>The entries of a scan that could not be read, in full or in part.</summary>
    /// <param name="scan">The finished scan.</param>
    /// <returns>Their error diagnostics.</returns>
    public static IReadOnlyList<Diagnostic> Unreadable(Scanning.LogScan scan)
    {
        ArgumentNullException.ThrowIfNull(scan);
        return scan.Problems
            .Concat(scan.Files.SelectMany(f => f.Diagnostics))
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .ToArray();
    }
}
