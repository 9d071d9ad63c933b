using LogLens.Events;

namespace LogLens.Parsing;

/// <summary>
/// Puts the times of a log that writes no year (syslog's <c>Dec 31 23:59:50</c>) in order across New
/// Year: they are read in a stand-in year, and a time that goes back more than half a year from the one
/// before it belongs to the next year. So a session from Dec 31 23:59:50 to Jan 1 00:00:20 is one
/// session of 30 seconds, not two a year apart. The times still say they have no year.
/// </summary>
internal sealed class YearlessClock
{
    /// <summary>How far a time may go back before it is read as the next year's (half a year).</summary>
    private static readonly TimeSpan HalfYear = TimeSpan.FromDays(182);

    private DateTime? last;
    private int years;

    /// <summary>The time moved into its year, or null when it stays as read (no New Year passed yet, or already placed).</summary>
    /// <param name="time">A time without a year, read in the stand-in year (or placed already: then it is only noted).</param>
    /// <returns>The time in the year it belongs to, or null when unchanged.</returns>
    public LogTimestamp? Place(LogTimestamp time)
    {
        var read = time.Local;
        if (read.Year != LogTimestamp.StandInYear)
        {
            last = read;
            return null;
        }

        var placed = read.AddYears(years);
        if (last is { } before && before - placed > HalfYear)
        {
            years++;
            placed = read.AddYears(years);
        }

        last = placed;
        return years == 0 ? null : time with { Local = placed };
    }
}
