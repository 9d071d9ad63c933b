using System.Globalization;
using CsvHelper;
using LogLens.Analysis;
using LogLens.Events;
using LogLens.Parquet.Tests.Support;
using LogLens.Reporting;
using LogLens.Tests.Support;

namespace LogLens.Parquet.Tests;

public sealed class ParquetSessionWriterTests
{
    private static readonly TimeZoneInfo UtcPlus8 = TimeZoneInfo.CreateCustomTimeZone("UTC+8", TimeSpan.FromHours(8), "UTC+8", "UTC+8");

    [Fact]
    public void Two_servers_logs_read_back_by_DuckDB_give_the_CSVs_counts_failed_logins_per_client_and_bytes_per_day()
    {
        using var dir = new TempDirectory();
        var csvPath = System.IO.Path.Combine(dir.Path, "sessions.csv");
        var parquetRoot = System.IO.Path.Combine(dir.Path, "parquet");
        using (var csvStream = File.Create(csvPath))
        using (var csv = new CsvReportWriter(csvStream))
        using (var parquet = new ParquetSessionWriter(parquetRoot, TimeZoneInfo.Utc))
        {
            var both = new TeeWriter(csv, parquet);
            LogAnalyzer.AnalyzeFileTo(SampleLogs.PathOf("vsftpd.log"), both);
            LogAnalyzer.AnalyzeFileTo(SampleLogs.PathOf("servu.log"), both);
            both.Complete();
        }

        var rows = ReadCsv(csvPath);
        var data = DuckDb.DataSet(parquetRoot);

        Assert.NotEmpty(rows);
        Assert.Equal((long)rows.Count, DuckDb.Query($"SELECT count(*) FROM {data}").Single()[0]);

        var failedByClient = rows.GroupBy(r => r.Client).ToDictionary(g => g.Key, g => g.Sum(r => r.LoginsFailed));
        var failedByClientInParquet = DuckDb.Query($"SELECT coalesce(client, ''), CAST(sum(logins_failed) AS BIGINT) FROM {data} GROUP BY ALL")
            .ToDictionary(r => (string)r[0]!, r => (long)r[1]!);
        Assert.Equal(failedByClient.OrderBy(p => p.Key, StringComparer.Ordinal), failedByClientInParquet.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.Contains(failedByClient.Values, n => n > 0);

        var bytesByDay = rows.GroupBy(r => r.Day).ToDictionary(g => g.Key, g => g.Sum(r => r.BytesDown));
        var bytesByDayInParquet = DuckDb.Query($"SELECT CAST(date AS VARCHAR), CAST(sum(bytes_down) AS BIGINT) FROM {data} GROUP BY ALL")
            .ToDictionary(r => (string)r[0]!, r => (long)r[1]!);
        Assert.Equal(bytesByDay.OrderBy(p => p.Key, StringComparer.Ordinal), bytesByDayInParquet.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.Contains(bytesByDay.Values, n => n > 0);

        var servers = DuckDb.Query($"SELECT DISTINCT server FROM {data} ORDER BY server").Select(r => (string)r[0]!);
        Assert.Equal(["192.0.2.10", ParquetSessionWriter.Unknown], servers);
    }

    [Fact]
    public void DuckDB_sees_integer_columns_as_BIGINT_numbers_as_DOUBLE_times_as_UTC_TIMESTAMP_and_text_as_VARCHAR()
    {
        using var dir = new TempDirectory();
        Write(dir.Path, TimeZoneInfo.Utc, null, "servu.log");

        var types = DuckDb.Query($"DESCRIBE SELECT * FROM {DuckDb.DataSet(dir.Path)}").ToDictionary(r => (string)r[0]!, r => (string)r[1]!);

        var expected = SessionColumns.All.ToDictionary(c => c.Name, c => c.Kind switch
        {
            ColumnKind.Text => "VARCHAR",
            ColumnKind.Integer => "BIGINT",
            ColumnKind.Number => "DOUBLE",
            _ => "TIMESTAMP WITH TIME ZONE",
        });
        expected["date"] = "DATE"; // the partition, typed by DuckDB from its values
        Assert.Equal(expected.OrderBy(p => p.Key, StringComparer.Ordinal), types.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.Equal("DOUBLE", types["duration_s"]);
        Assert.Equal("TIMESTAMP WITH TIME ZONE", types["start"]);
    }

    [Theory]
    [InlineData("outcome")]
    [InlineData("format")]
    [InlineData("file")]
    public void Repeating_text_columns_are_dictionary_encoded(string column)
    {
        using var dir = new TempDirectory();
        Write(dir.Path, TimeZoneInfo.Utc, null, "vsftpd.log");

        var encodings = DuckDb.Query($"SELECT encodings FROM parquet_metadata('{System.IO.Path.Combine(dir.Path, "**", "*.parquet")}') WHERE path_in_schema = '{column}'");

        Assert.All(encodings, e => Assert.Contains("DICTIONARY", (string)e[0]!, StringComparison.Ordinal));
        Assert.NotEmpty(encodings);
    }

    [Fact]
    public void A_yearless_syslog_gets_the_given_year_and_its_local_times_are_read_in_the_given_zone()
    {
        using var dir = new TempDirectory();
        Write(dir.Path, UtcPlus8, 2023, "proftpd.log");
        var data = DuckDb.DataSet(dir.Path);

        var starts = DuckDb.Query($"SELECT start FROM {data} WHERE start IS NOT NULL ORDER BY start").Select(r => (DateTime)r[0]!).ToArray();
        var dates = DuckDb.Query($"SELECT DISTINCT CAST(date AS VARCHAR) FROM {data}").Select(r => (string)r[0]!);

        Assert.NotEmpty(starts);
        Assert.All(starts, s => Assert.Equal(2023, s.Year));
        Assert.Equal(new DateTime(2023, 3, 14, 1, 0, 1), DateTime.SpecifyKind(starts[0], DateTimeKind.Unspecified)); // 09:00:01 at UTC+8
        Assert.Equal(["2023-03-14"], dates);
    }

    public static TheoryData<LogTimestamp?, string?> Times() => new()
    {
        { null, null },
        { new LogTimestamp(new DateTime(2024, 5, 1, 10, 0, 0), TimeSpan.FromHours(2)), "2024-05-01T08:00:00Z" },
        { new LogTimestamp(new DateTime(2024, 5, 1, 10, 0, 0), TimeSpan.Zero), "2024-05-01T10:00:00Z" },
        { new LogTimestamp(new DateTime(2024, 5, 1, 10, 0, 0)), "2024-05-01T02:00:00Z" }, // no offset: the zone's (UTC+8)
        { new LogTimestamp(new DateTime(2000, 3, 14, 9, 0, 1), null, HasYear: false), "2023-03-14T01:00:01Z" }, // the stand-in year becomes 2023
        { new LogTimestamp(new DateTime(2001, 1, 1, 0, 0, 20), null, HasYear: false), "2023-12-31T16:00:20Z" }, // past New Year: 2024-01-01 at UTC+8
        { new LogTimestamp(new DateTime(2000, 2, 29, 12, 0, 0), null, HasYear: false), "2023-02-28T04:00:00Z" }, // no 29 February in 2023
        { new LogTimestamp(new DateTime(2000, 1, 1, 1, 6, 47), null, HasYear: false) { HasDate = false }, null }, // a time of day only
        { new LogTimestamp(DateTime.MinValue, TimeSpan.FromHours(2)), null }, // before DateTime's range once in UTC
    };

    [Theory]
    [MemberData(nameof(Times))]
    public void Log_times_become_UTC_with_their_own_offset_else_the_zones_and_yearless_ones_get_the_year(LogTimestamp? time, string? expected)
    {
        var utc = new TimePlacement(UtcPlus8, 2023).Place(time)?.UtcDateTime;

        Assert.Equal(expected, utc?.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        Assert.True(utc is null || utc.Value.Kind == DateTimeKind.Utc);
    }

    [Theory]
    [InlineData(null, "unknown")]
    [InlineData("", "unknown")]
    [InlineData("192.0.2.10", "192.0.2.10")]
    [InlineData("ftp.example.com:21", "ftp.example.com_21")]
    [InlineData("2001:db8::1", "2001_db8__1")]
    [InlineData("../etc", ".._etc")]
    [InlineData("..", "__")]
    [InlineData("a/b\\c d", "a_b_c_d")]
    public void Server_partitions_are_safe_directory_names(string? server, string expected) =>
        Assert.Equal(expected, ParquetSessionWriter.ServerPartition(server));

    [Fact]
    public void A_full_partition_is_written_as_a_new_numbered_file_and_a_second_run_adds_files_without_overwriting()
    {
        using var dir = new TempDirectory();
        var first = Write(dir.Path, TimeZoneInfo.Utc, null, "vsftpd.log", rowGroupSize: 2, maxBufferedRows: 100);
        var sessions = (long)DuckDb.Query($"SELECT count(*) FROM {DuckDb.DataSet(dir.Path)}").Single()[0]!;
        var second = Write(dir.Path, TimeZoneInfo.Utc, null, "vsftpd.log", rowGroupSize: 2, maxBufferedRows: 100);

        var partition = System.IO.Path.Combine(dir.Path, "server=unknown", "date=2016-09-08");
        Assert.Equal(Enumerable.Range(0, first.Count).Select(n => System.IO.Path.Combine(partition, $"part-{n}.parquet")), first);
        Assert.Equal((int)Math.Ceiling(sessions / 2.0), first.Count);
        Assert.Equal(Enumerable.Range(first.Count, second.Count).Select(n => System.IO.Path.Combine(partition, $"part-{n}.parquet")), second);
        Assert.Equal(2 * sessions, DuckDb.Query($"SELECT count(*) FROM {DuckDb.DataSet(dir.Path)}").Single()[0]);
        Assert.Empty(Directory.GetFiles(dir.Path, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public void Past_the_buffered_row_limit_the_largest_partition_is_written_so_no_more_rows_are_held()
    {
        using var dir = new TempDirectory();
        using var writer = new ParquetSessionWriter(dir.Path, TimeZoneInfo.Utc) { RowGroupSize = 1000, MaxBufferedRows = 3 };
        LogAnalyzer.AnalyzeFileTo(SampleLogs.PathOf("vsftpd.log"), writer);
        var beforeComplete = writer.Files.Count;
        LogAnalyzer.AnalyzeFileTo(SampleLogs.PathOf("servu.log"), writer);
        writer.Complete();

        Assert.True(beforeComplete >= 1);
        var counts = DuckDb.Query($"SELECT CAST(count(*) AS BIGINT) FROM read_parquet('{System.IO.Path.Combine(dir.Path, "**", "*.parquet")}') GROUP BY filename")
            .Select(r => (long)r[0]!);
        Assert.All(counts, n => Assert.InRange(n, 1, 4));
        Assert.Throws<InvalidOperationException>(() => writer.WriteSession(LogAnalyzer.AnalyzeFile(SampleLogs.PathOf("vsftpd.log")).Sessions[0]));
    }

    private static IReadOnlyList<string> Write(string root, TimeZoneInfo zone, int? year, string sample, int rowGroupSize = ParquetSessionWriter.DefaultRowGroupSize, int maxBufferedRows = ParquetSessionWriter.DefaultMaxBufferedRows)
    {
        using var writer = new ParquetSessionWriter(root, zone, year) { RowGroupSize = rowGroupSize, MaxBufferedRows = maxBufferedRows };
        LogAnalyzer.AnalyzeFileTo(SampleLogs.PathOf(sample), writer);
        writer.Complete();
        return writer.Files.ToArray();
    }

    private sealed record CsvRow(string Client, long LoginsFailed, string Day, long BytesDown);

    private static List<CsvRow> ReadCsv(string path)
    {
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        var rows = new List<CsvRow>();
        while (csv.Read())
        {
            var start = csv.GetField("start");
            rows.Add(new CsvRow(
                csv.GetField("client") ?? string.Empty,
                long.Parse(csv.GetField("logins_failed")!, CultureInfo.InvariantCulture),
                string.IsNullOrEmpty(start) ? ParquetSessionWriter.Unknown : start[..10], // samples with a year and no offset, read in UTC
                long.Parse(csv.GetField("bytes_down")!, CultureInfo.InvariantCulture)));
        }

        return rows;
    }

    private sealed class TeeWriter(params ISessionWriter[] writers) : ISessionWriter
    {
        public void BeginFile(string path) => Array.ForEach(writers, w => w.BeginFile(path));

        public void WriteSession(FtpSession session) => Array.ForEach(writers, w => w.WriteSession(session));

        public void EndFile(FileAnalysis file) => Array.ForEach(writers, w => w.EndFile(file));

        public void Complete() => Array.ForEach(writers, w => w.Complete());
    }
}
