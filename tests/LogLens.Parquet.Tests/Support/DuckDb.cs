using DuckDB.NET.Data;

namespace LogLens.Parquet.Tests.Support;

/// <summary>Runs queries on an in-memory DuckDB database.</summary>
public static class DuckDb
{
    /// <summary>The rows of a query, each as its values (DBNull as null).</summary>
    public static List<object?[]> Query(string sql)
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    /// <summary>The <c>read_parquet</c> of every file under a data set's root, with its Hive partitions as columns.</summary>
    public static string DataSet(string root) =>
        $"read_parquet('{Path.Combine(root, "**", "*.parquet").Replace("'", "''", StringComparison.Ordinal)}', hive_partitioning = true)";
}
