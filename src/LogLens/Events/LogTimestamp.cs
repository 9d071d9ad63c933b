using System.Globalization;

namespace LogLens.Events;

/// <summary>
/// A point in time exactly as a log wrote it: a local date and time, and an offset from UTC only
/// when the log itself gave one. LogLens never invents a time zone.
/// </summary>
/// <remarks>
/// Every event carries one, so it is kept in 16 bytes: the offset is held as whole seconds, with a
/// flag for whether there is one.
/// </remarks>
public readonly record struct LogTimestamp : IComparable<LogTimestamp>
{
    /// <summary>The year that stands in for one a log did not write: a leap year, so that 29 February parses.</summary>
    public const int StandInYear = 2000;

    private readonly DateTime local;
    private readonly int offsetSeconds;
    private readonly bool hasOffset;
    private readonly bool hasYear;
    private readonly bool noDate;

    /// <summary>Creates a timestamp.</summary>
    /// <param name="Local">The date and time as written in the log (year 2000 stands in when the log wrote no year).</param>
    /// <param name="Offset">The UTC offset the log wrote (for example <c>Z</c>), or <see langword="null"/>.</param>
    /// <param name="HasYear">Whether the log wrote a year (classic syslog does not).</param>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Style", "IDE1006:Naming Styles", Justification = "The names of the properties they set, as a positional record's would be.")]
    public LogTimestamp(DateTime Local, TimeSpan? Offset = null, bool HasYear = true)
    {
        this.Local = Local;
        this.Offset = Offset;
        this.HasYear = HasYear;
    }

    /// <summary>The date and time as written in the log (year 2000 stands in when the log wrote no year).</summary>
    public DateTime Local
    {
        get => local;
        init => local = value;
    }

    /// <summary>The UTC offset the log wrote (for example <c>Z</c>), or <see langword="null"/>; kept to the second.</summary>
    public TimeSpan? Offset
    {
        get => hasOffset ? TimeSpan.FromSeconds(offsetSeconds) : null;
        init
        {
            hasOffset = value.HasValue;
            offsetSeconds = value is { } offset ? (int)Math.Clamp(offset.Ticks / TimeSpan.TicksPerSecond, int.MinValue, int.MaxValue) : 0;
        }
    }

    /// <summary>Whether the log wrote a year (classic syslog does not).</summary>
    public bool HasYear
    {
        get => hasYear;
        init => hasYear = value;
    }

    /// <summary>
    /// Whether the log wrote a date at all. IIS's short form writes only the time of day: its
    /// timestamps stand on a stand-in day (counting the midnights passed), which orders them and
    /// times sessions, but is never shown as a date.
    /// </summary>
    public bool HasDate
    {
        get => !noDate;
        init => noDate = !value;
    }

    /// <summary>Its parts, as a positional record's.</summary>
    /// <param name="Local">The date and time as written.</param>
    /// <param name="Offset">The UTC offset, or null.</param>
    /// <param name="HasYear">Whether the log wrote a year.</param>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Style", "IDE1006:Naming Styles", Justification = "As a positional record's.")]
    public void Deconstruct(out DateTime Local, out TimeSpan? Offset, out bool HasYear)
    {
        Local = this.Local;
        Offset = this.Offset;
        HasYear = this.HasYear;
    }

    /// <summary>Seconds from <paramref name="earlier"/> to this timestamp, ignoring offsets unless both have one.</summary>
    /// <param name="earlier">The earlier timestamp.</param>
    /// <returns>The elapsed seconds (negative when <paramref name="earlier"/> is in fact later).</returns>
    public double SecondsSince(LogTimestamp earlier)
    {
        if (Offset is { } mine && earlier.Offset is { } theirs)
        {
            return (new DateTimeOffset(Local, mine) - new DateTimeOffset(earlier.Local, theirs)).TotalSeconds;
        }

        return (Local - earlier.Local).TotalSeconds;
    }

    /// <inheritdoc />
    public int CompareTo(LogTimestamp other) => SecondsSince(other) switch
    {
        < 0 => -1,
        > 0 => 1,
        _ => 0,
    };

    /// <summary>
    /// This time as an instant: with the offset the log gave, else as a wall-clock time in
    /// <paramref name="zone"/>; a date the log wrote without a year takes <paramref name="year"/>.
    /// </summary>
    /// <param name="zone">The zone a time without an offset was written in (the server's).</param>
    /// <param name="year">
    /// The year a log that writes no year begins in: its dates take that year, or a later one past each
    /// New Year the log went through (29 February falls back to the 28th in a common year).
    /// </param>
    /// <returns>The instant, or <see langword="null"/> for a time without a date.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="zone"/> is null.</exception>
    public DateTimeOffset? Place(TimeZoneInfo zone, int year)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (!HasDate)
        {
            return null;
        }

        var local = Local;
        if (!HasYear)
        {
            // Read in the stand-in year, moved on by one for each New Year the log passed (YearlessClock).
            var actual = year + (local.Year - StandInYear);
            var day = Math.Min(local.Day, DateTime.DaysInMonth(actual, local.Month));
            local = new DateTime(actual, local.Month, day, local.Hour, local.Minute, local.Second, DateTimeKind.Unspecified).AddTicks(local.Ticks % TimeSpan.TicksPerSecond);
        }

        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, Offset ?? zone.GetUtcOffset(local));
    }

    /// <summary>ISO 8601, with fractions of a second only when the log had them and an offset only when it gave one.</summary>
    /// <returns>
    /// For example <c>2004-03-07T11:46:29</c> or <c>2023-07-16T02:30:06.860Z</c>; without a year, the
    /// ISO 8601 truncated form <c>--10-11T01:06:47</c>; without a date, the time alone, <c>T01:06:47</c>.
    /// </returns>
    public override string ToString()
    {
        var date = !HasDate ? string.Empty : HasYear ? "yyyy-MM-dd" : "'--'MM-dd";
        var format = Local.Ticks % TimeSpan.TicksPerSecond == 0
            ? date + "'T'HH:mm:ss"
            : Local.Ticks % TimeSpan.TicksPerMillisecond == 0 ? date + "'T'HH:mm:ss.fff" : date + "'T'HH:mm:ss.ffffff";
        var text = Local.ToString(format, CultureInfo.InvariantCulture);
        return Offset switch
        {
            null => text,
            { } o when o == TimeSpan.Zero => text + "Z",
            { } o => text + (o < TimeSpan.Zero ? "-" : "+") + o.ToString(@"hh\:mm", CultureInfo.InvariantCulture),
        };
    }
}
