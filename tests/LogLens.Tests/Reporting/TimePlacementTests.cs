using System.Globalization;
using System.Text;
using System.Text.Json;
using LogLens.Events;
using LogLens.Localization;
using LogLens.Reporting;
using LogLens.Tests.Support;

namespace LogLens.Tests.Reporting;

/// <summary>
/// Times in the outputs carry an offset, and a log that writes no year gets one: <c>--year</c>, or the
/// year of the file's last change, less one when the log began later in the year than that change.
/// </summary>
public class TimePlacementTests
{
    [Theory]
    [InlineData("2021-06-30", "03-14", null, 2021)]
    [InlineData("2021-03-14", "03-14", null, 2021)]
    [InlineData("2021-01-02", "12-31", null, 2020)]
    [InlineData("2021-03-14", "03-15", null, 2020)]
    [InlineData("2021-01-02", "12-31", 2017, 2017)]
    public void A_yearless_log_begins_in_the_year_given_or_the_year_of_its_last_change(string changed, string firstDate, int? year, int expected)
    {
        using var files = new TempFiles();
        var path = files.NewPath();
        File.WriteAllText(path, "x");
        File.SetLastWriteTime(path, DateTime.Parse(changed, CultureInfo.InvariantCulture).AddHours(12));
        var placement = new TimePlacement(TimeZoneInfo.Utc, year);

        placement.BeginFile(path);
        var placed = placement.Place(Yearless(firstDate + " 10:00:00"));

        Assert.Equal(expected, placed?.Year);
    }

    [Fact]
    public void A_session_across_new_year_is_one_session_of_thirty_seconds_in_two_years()
    {
        using var files = new TempFiles();
        var path = files.NewPath();
        File.WriteAllText(path, string.Join('\n',
            "Dec 31 23:59:50 files pure-ftpd: (?@198.51.100.7) [INFO] New connection from 198.51.100.7",
            "Dec 31 23:59:55 files pure-ftpd: (?@198.51.100.7) [INFO] alice is now logged in",
            "Jan  1 00:00:20 files pure-ftpd: (alice@198.51.100.7) [INFO] Logout.") + "\n");
        File.SetLastWriteTime(path, new DateTime(2022, 1, 1, 0, 1, 0));
        using var output = new MemoryStream();

        using (var writer = new NdjsonReportWriter(output, Texts.English, TimeZoneInfo.Utc))
        {
            LogAnalyzer.AnalyzeFileTo(path, writer, new AnalysisOptions { Format = LogLens.Parsing.FormatRegistry.Find("pure-ftpd") });
            writer.Complete();
        }

        var line = Assert.Single(Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries));
        using var record = JsonDocument.Parse(line);
        var e = record.RootElement.GetProperty("event");
        Assert.Equal("2021-12-31T23:59:50+00:00", e.GetProperty("start").GetString());
        Assert.Equal("2022-01-01T00:00:20+00:00", e.GetProperty("end").GetString());
        Assert.Equal(30_000_000_000L, e.GetProperty("duration").GetInt64());
    }

    private static LogTimestamp Yearless(string monthDayTime) =>
        new(DateTime.Parse($"{LogTimestamp.StandInYear}-{monthDayTime}", CultureInfo.InvariantCulture), null, HasYear: false);
}
