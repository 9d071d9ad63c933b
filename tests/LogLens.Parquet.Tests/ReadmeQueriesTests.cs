using LogLens.Parquet.Tests.Support;
using LogLens.Tests.Support;

namespace LogLens.Parquet.Tests;

/// <summary>
/// The README's section "Many servers, years of logs" works as written: two servers' sessions,
/// written as Parquet partitions, answer each of its DuckDB queries.
/// </summary>
public class ReadmeQueriesTests
{
    public static TheoryData<string> Queries() => new(ReadmeQueries.All());

    [Theory]
    [MemberData(nameof(Queries))]
    public void Each_readme_query_answers_on_two_servers_sessions(string query)
    {
        using var dir = new TempDirectory();
        var root = Path.Combine(dir.Path, "sessions");
        using (var parquet = new ParquetSessionWriter(root, TimeZoneInfo.Utc, 2024))
        {
            LogAnalyzer.AnalyzeFileTo(SampleLogs.PathOf("vsftpd.log"), parquet);
            LogAnalyzer.AnalyzeFileTo(SampleLogs.PathOf("servu.log"), parquet);
            LogAnalyzer.AnalyzeFileTo(SampleLogs.PathOf("proftpd.log"), parquet);
            parquet.Complete();
        }

        var rows = DuckDb.Query(ReadmeQueries.On(query, root));

        Assert.NotEmpty(rows);
    }

    [Fact]
    public void The_readme_has_the_three_queries_it_promises() => Assert.Equal(3, ReadmeQueries.All().Count);
}
