using System.Text;
using LogLens.Events;
using LogLens.Parsing;

namespace LogLens.Tests.Parsing;

/// <summary>Times without a year (syslog) across New Year: a time that goes back more than half a year belongs to the next year.</summary>
public class YearlessClockTests
{
    [Theory]
    [InlineData(new[] { "12-31 23:59:50", "01-01 00:00:20" }, new[] { 0, 1 })]
    [InlineData(new[] { "03-14 10:00:00", "03-14 09:59:00", "03-15 00:00:00" }, new[] { 0, 0, 0 })]
    [InlineData(new[] { "12-30 10:00:00", "01-02 10:00:00", "12-31 10:00:00", "01-01 00:00:01" }, new[] { 0, 1, 1, 2 })]
    [InlineData(new[] { "07-01 00:00:00", "01-01 00:00:00" }, new[] { 0, 0 })]
    public void A_time_that_goes_back_more_than_half_a_year_is_the_next_years(string[] times, int[] years)
    {
        var clock = new YearlessClock();

        var placed = times.Select(t =>
        {
            var read = new LogTimestamp(DateTime.ParseExact($"2000-{t}", "yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture), null, HasYear: false);
            return (clock.Place(read) ?? read).Local.Year - LogTimestamp.StandInYear;
        }).ToArray();

        Assert.Equal(years, placed);
    }

    [Fact]
    public void A_syslog_session_across_new_year_is_one_session_of_thirty_seconds()
    {
        const string log = """
            Dec 31 23:59:50 files proftpd[4711]: files.example.com (198.51.100.7[198.51.100.7]) - FTP session opened.
            Dec 31 23:59:55 files proftpd[4711]: files.example.com (198.51.100.7[198.51.100.7]) - USER alice: Login successful.
            Jan  1 00:00:20 files proftpd[4711]: files.example.com (198.51.100.7[198.51.100.7]) - FTP session closed.
            """;
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(log));

        var analysis = LogAnalyzer.AnalyzeStream(stream, "proftpd.log", new AnalysisOptions { Format = FormatRegistry.Find("proftpd") });

        var session = Assert.Single(analysis.Sessions);
        Assert.Equal(30, session.DurationSeconds);
        Assert.Equal(LogLens.Analysis.OutcomeKind.Succeeded, session.Outcome.Kind);
        Assert.False(session.End!.Value.HasYear);
    }
}
