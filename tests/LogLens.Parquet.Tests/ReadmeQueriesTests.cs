using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using LogLens.Parquet.Tests.Support;
using LogLens.Tests.Support;

namespace LogLens.Parquet.Tests;

/// <summary>
/// The README's section "Many servers, years of logs" works as written: two servers' sessions,
/// written as Parquet partitions, answer each of its DuckDB queries.
/// </summary>
public partial class ReadmeQueriesTests
{
    public static TheoryData<string> Queries() => new(ReadmeQueries());

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

        var rows = DuckDb.Query(query.Replace("'sessions/**/*.parquet'", $"'{Path.Combine(root, "**", "*.parquet")}'", StringComparison.Ordinal));

        Assert.NotEmpty(rows);
    }

    [Fact]
    public void The_readme_has_the_three_queries_it_promises() => Assert.Equal(3, ReadmeQueries().Count);

    private static List<string> ReadmeQueries([CallerFilePath] string here = "")
    {
        var readme = File.ReadAllText(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", "README.md"));
        var section = readme[readme.IndexOf("## Many servers, years of logs", StringComparison.Ordinal)..];
        var sql = SqlBlock().Match(section).Groups[1].Value;
        return sql.Split(';')
            .Select(q => string.Join('\n', q.Split('\n').Where(l => !l.TrimStart().StartsWith("--", StringComparison.Ordinal))).Trim())
            .Where(q => q.Length > 0)
            .ToList();
    }

    [GeneratedRegex("```sql\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex SqlBlock();
}
