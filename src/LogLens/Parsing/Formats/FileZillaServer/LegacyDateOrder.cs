using LogLens.Events;
using LogLens.Parsing.Grammar;

namespace LogLens.Parsing.Formats.FileZillaServer;

/// <summary>A date's three fields as written, before the locale decides which is the day.</summary>
/// <param name="First">The first field's digits.</param>
/// <param name="Separator">The separator.</param>
/// <param name="Second">The second field's digits.</param>
/// <param name="Third">The third field's digits.</param>
internal readonly record struct RawDate(string First, char Separator, string Second, string Third)
{
    /// <summary>Whether exactly one field can be the year: the first (four digits) or the last.</summary>
    public bool IsConsistent => First.Length == 4 ? Third.Length <= 2 : First.Length <= 2 && Third.Length is 2 or 4;
}

/// <summary>
/// The date order of one 0.9 file. Slash dates are month first (US) until a first field above 12
/// shows the file is day first; dotted and dashed short dates are day first; a four-digit first
/// field is the year.
/// </summary>
internal sealed class DateOrder
{
    /// <summary>Whether slash dates of this file have been seen to be day first.</summary>
    public bool SlashDayFirst { get; private set; }

    /// <summary>The timestamp the fields make, or <see langword="null"/> when they make no date.</summary>
    /// <param name="date">The date's fields.</param>
    /// <param name="time">The time of day as written.</param>
    /// <param name="half">What followed the time (<c>AM</c>, <c>PM</c>, …), if anything.</param>
    /// <returns>The timestamp or null.</returns>
    public LogTimestamp? Resolve(RawDate date, TimeSpan time, string? half)
    {
        var first = Number(date.First);
        var second = Number(date.Second);
        var third = Number(date.Third);
        int year, month, day;
        if (date.First.Length == 4)
        {
            (year, month, day) = (first, second, third);
        }
        else
        {
            year = date.Third.Length == 2 ? 2000 + third : third;
            if (date.Separator == '/')
            {
                SlashDayFirst |= first > 12;
                (day, month) = SlashDayFirst ? (first, second) : (second, first);
            }
            else
            {
                (day, month) = (first, second);
            }
        }

        return Timestamps.Make(year, month, day, ApplyHalf(time, half));
    }

    /// <summary>Applies AM/PM: 12 AM is midnight, 1–11 PM add twelve hours, an hour already past 12 stays as written.</summary>
    private static TimeSpan ApplyHalf(TimeSpan time, string? half)
    {
        var pm = half?.ToUpperInvariant() switch
        {
            "PM" or "P.M." or "下午" or "午後" => true,
            "AM" or "A.M." or "上午" or "午前" => false,
            _ => (bool?)null,
        };
        if (pm is not { } isPm || time.Hours is < 1 or > 12)
        {
            return time;
        }

        return time.Hours switch
        {
            12 => isPm ? time : time - TimeSpan.FromHours(12),
            _ => isPm ? time + TimeSpan.FromHours(12) : time,
        };
    }

    private static int Number(string digits) => int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture);
}
