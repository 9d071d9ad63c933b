using LogLens.Events;

namespace LogLens.Reporting;

/// <summary>
/// How a writer turns the log's times into instants with an offset: the log's own offset, else the
/// zone the server wrote in (<c>--tz</c>; the machine's by default). A log that writes no year (syslog)
/// begins in the year given (<c>--year</c>), or by default in the year of the file's last change,
/// less one when its first date falls later in the year than that change (the log began the year
/// before and went on past New Year).
/// </summary>
public sealed class TimePlacement
{
    private readonly int? year;
    private DateTime? changed;
    private int? anchor;

    /// <summary>Places times in a zone, with a year for logs that write none.</summary>
    /// <param name="zone">The zone of times without an offset; the machine's when null.</param>
    /// <param name="year">The year a yearless log begins in; when null, inferred per file from its last change.</param>
    public TimePlacement(TimeZoneInfo? zone = null, int? year = null)
    {
        Zone = zone ?? TimeZoneInfo.Local;
        this.year = year;
        anchor = year;
    }

    /// <summary>The zone of times without an offset.</summary>
    public TimeZoneInfo Zone { get; }

    /// <summary>A new input begins: its year is inferred anew (from its last change, when it is a file).</summary>
    /// <param name="path">The input's path or name.</param>
    public void BeginFile(string path)
    {
        anchor = year;
        changed = null;
        if (year is null)
        {
            try
            {
                changed = File.Exists(path) ? File.GetLastWriteTime(path) : null;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                changed = null;
            }
        }
    }

    /// <summary>An instant as every output writes it: ISO 8601 with its offset, milliseconds only when it has them.</summary>
    /// <param name="time">The instant.</param>
    /// <returns>For example <c>2016-09-08T00:39:47+08:00</c>.</returns>
    public static string Format(DateTimeOffset time) =>
        time.ToString(time.Ticks % TimeSpan.TicksPerSecond == 0 ? "yyyy-MM-dd'T'HH:mm:sszzz" : "yyyy-MM-dd'T'HH:mm:ss.fffzzz", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A log time as every output writes it once placed, or null for none.</summary>
    /// <param name="time">The time.</param>
    /// <returns>ISO 8601 with an offset; a time of day without a date as the log wrote it.</returns>
    public string? Text(LogTimestamp? time) => Place(time) is { } placed ? Format(placed) : time?.ToString();

    /// <summary>A log time as an instant.</summary>
    /// <param name="time">The time.</param>
    /// <returns>The instant, or null for no time, a time without a date, or one out of range once placed.</returns>
    public DateTimeOffset? Place(LogTimestamp? time)
    {
        if (time is not { } t)
        {
            return null;
        }

        if (!t.HasYear && anchor is null)
        {
            // The first yearless date of the input settles the year it began in.
            var last = changed ?? DateTime.Now;
            var first = t.Local;
            anchor = first.Month > last.Month || (first.Month == last.Month && first.Day > last.Day) ? last.Year - 1 : last.Year;
        }

        try
        {
            return t.Place(Zone, anchor ?? DateTime.Now.Year);
        }
        catch (ArgumentOutOfRangeException)
        {
            // A time that falls outside what DateTimeOffset holds once placed (year 1 with a positive offset).
            return null;
        }
    }
}
