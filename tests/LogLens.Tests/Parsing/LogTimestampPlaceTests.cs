using LogLens.Events;

namespace LogLens.Tests.Parsing;

/// <summary>A log time placed as an instant: its own offset, else the zone's; a yearless date takes the year given.</summary>
public class LogTimestampPlaceTests
{
    [Theory]
    [InlineData("2016-09-08 00:39:47", null, true, "UTC", 2020, "2016-09-08T00:39:47.0000000+00:00")]
    [InlineData("2016-09-08 00:39:47", null, true, "Asia/Shanghai", 2020, "2016-09-08T00:39:47.0000000+08:00")]
    [InlineData("2016-01-08 00:39:47", null, true, "Europe/Berlin", 2020, "2016-01-08T00:39:47.0000000+01:00")]
    [InlineData("2016-07-08 00:39:47", null, true, "Europe/Berlin", 2020, "2016-07-08T00:39:47.0000000+02:00")]
    [InlineData("2016-07-08 00:39:47", 0, true, "Europe/Berlin", 2020, "2016-07-08T00:39:47.0000000+00:00")]
    [InlineData("2016-07-08 00:39:47", -300, true, "UTC", 2020, "2016-07-08T00:39:47.0000000-05:00")]
    [InlineData("2000-03-14 10:26:01", null, false, "UTC", 2019, "2019-03-14T10:26:01.0000000+00:00")]
    [InlineData("2000-02-29 10:26:01", null, false, "UTC", 2019, "2019-02-28T10:26:01.0000000+00:00")]
    [InlineData("2000-02-29 10:26:01", null, false, "UTC", 2024, "2024-02-29T10:26:01.0000000+00:00")]
    public void A_time_is_placed_with_its_own_offset_else_its_zone_and_a_yearless_one_in_the_year_given(string local, int? offsetMinutes, bool hasYear, string zone, int year, string expected)
    {
        var time = new LogTimestamp(
            DateTime.Parse(local, System.Globalization.CultureInfo.InvariantCulture),
            offsetMinutes is { } m ? TimeSpan.FromMinutes(m) : null,
            hasYear);

        var placed = time.Place(TimeZoneInfo.FindSystemTimeZoneById(zone), year);

        Assert.Equal(expected, placed?.ToString("o", System.Globalization.CultureInfo.InvariantCulture));
    }
}
