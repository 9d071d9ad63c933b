using System.Globalization;
using LogLens.Analysis;
using LogLens.Reporting;
using LogLens.Tests.Support;

namespace LogLens.Tests.Reporting;

/// <summary><c>--since</c> and <c>--until</c>: the sessions that overlap the range, and only those, reach the output.</summary>
public class TimeRangeFilterTests
{
    // samples/vsftpd.log: sessions from 2016-09-08T00:39:47 to 00:49:06, in UTC here.
    [Theory]
    [InlineData(null, null, 7)]
    [InlineData("2016-09-08T00:00:00Z", null, 7)]
    [InlineData("2016-09-09T00:00:00Z", null, 0)]
    [InlineData(null, "2016-09-08T00:00:00Z", 0)]
    [InlineData("2016-09-08T00:49:04Z", null, 1)]
    [InlineData(null, "2016-09-08T00:39:47Z", 1)]
    [InlineData("2016-09-08T08:49:04+08:00", null, 1)]
    public void Only_the_sessions_that_overlap_the_range_are_written(string? since, string? until, int expected)
    {
        var kept = new List<FtpSession>();
        var filter = new TimeRangeFilter(new Collecting(kept), new TimePlacement(TimeZoneInfo.Utc), Parse(since), Parse(until));

        LogAnalyzer.AnalyzeFileTo(SampleLogs.PathOf("vsftpd.log"), filter);

        Assert.Equal(expected, kept.Count);
        Assert.Equal(7 - expected, filter.LeftOut);
    }

    private static DateTimeOffset? Parse(string? text) =>
        text is null ? null : DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);

    private sealed class Collecting(List<FtpSession> sessions) : ISessionWriter
    {
        public void BeginFile(string path)
        {
        }

        public void WriteSession(FtpSession session) => sessions.Add(session);

        public void EndFile(FileAnalysis file)
        {
        }

        public void Complete()
        {
        }
    }
}
