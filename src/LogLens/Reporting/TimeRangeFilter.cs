using LogLens.Analysis;

namespace LogLens.Reporting;

/// <summary>
/// Passes on to another writer only the sessions that overlap a time range (<c>--since</c>,
/// <c>--until</c>): a session overlaps when it ends at or after the start of the range and begins at or
/// before its end. A session without a time is passed on (nothing shows it is outside). Times are placed
/// as the writers place them (<see cref="TimePlacement"/>).
/// </summary>
public sealed class TimeRangeFilter : ISessionWriter
{
    private readonly ISessionWriter inner;
    private readonly TimePlacement times;
    private readonly DateTimeOffset? since;
    private readonly DateTimeOffset? until;

    /// <summary>Filters the sessions another writer gets.</summary>
    /// <param name="inner">The writer that gets the sessions in range.</param>
    /// <param name="times">How the log's times are placed.</param>
    /// <param name="since">The start of the range, or null for none.</param>
    /// <param name="until">The end of the range, or null for none.</param>
    public TimeRangeFilter(ISessionWriter inner, TimePlacement times, DateTimeOffset? since, DateTimeOffset? until)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(times);
        this.inner = inner;
        this.times = times;
        this.since = since;
        this.until = until;
    }

    /// <summary>Sessions left out, so far.</summary>
    public long LeftOut { get; private set; }

    /// <inheritdoc />
    public void BeginFile(string path)
    {
        times.BeginFile(path);
        inner.BeginFile(path);
    }

    /// <inheritdoc />
    public void WriteSession(FtpSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var start = times.Place(session.Start);
        var end = times.Place(session.End) ?? start;
        if ((since is { } from && end is { } last && last < from) || (until is { } to && start is { } first && first > to))
        {
            LeftOut++;
            return;
        }

        inner.WriteSession(session);
    }

    /// <inheritdoc />
    public void EndFile(FileAnalysis file) => inner.EndFile(file);

    /// <inheritdoc />
    public void Complete() => inner.Complete();
}
