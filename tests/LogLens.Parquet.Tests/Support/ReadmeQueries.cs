using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace LogLens.Parquet.Tests.Support;

/// <summary>The DuckDB queries of the README's section "Many servers, years of logs", as written there.</summary>
public static partial class ReadmeQueries
{
    /// <summary>The queries, comments left out, with <c>'sessions/**/*.parquet'</c> as their data set.</summary>
    public static List<string> All([CallerFilePath] string here = "")
    {
        var dir = Path.GetDirectoryName(here);
        while (dir is not null && !File.Exists(Path.Combine(dir, "LogLens.sln")))
        {
            dir = Path.GetDirectoryName(dir);
        }

        var readme = File.ReadAllText(Path.Combine(dir ?? throw new DirectoryNotFoundException(here), "README.md"));
        var section = readme[readme.IndexOf("## Many servers, years of logs", StringComparison.Ordinal)..];
        var sql = SqlBlock().Match(section).Groups[1].Value;
        return sql.Split(';')
            .Select(q => string.Join('\n', q.Split('\n').Where(l => !l.TrimStart().StartsWith("--", StringComparison.Ordinal))).Trim())
            .Where(q => q.Length > 0)
            .ToList();
    }

    /// <summary>A query on the data set under <paramref name="root"/> instead of the README's <c>sessions/</c>.</summary>
    public static string On(string query, string root) =>
        query.Replace("'sessions/**/*.parquet'", $"'{Path.Combine(root, "**", "*.parquet")}'", StringComparison.Ordinal);

    [GeneratedRegex("```sql\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex SqlBlock();
}
