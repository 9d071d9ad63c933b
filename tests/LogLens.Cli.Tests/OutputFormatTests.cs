using System.Text.Json;
using LogLens.Cli.Tests.Support;

namespace LogLens.Cli.Tests;

/// <summary>Every output format from both commands (<c>-F</c>, <c>-o</c>), and the time options (<c>--tz</c>, <c>--year</c>, <c>--since</c>, <c>--until</c>).</summary>
public class OutputFormatTests
{
    [Theory]
    [InlineData("analyze", "json", "{")]
    [InlineData("analyze", "ndjson", "{\"@timestamp\":")]
    [InlineData("analyze", "csv", "\uFEFFfile,session,format")]
    [InlineData("analyze", "text", "── ")]
    [InlineData("scan", "json", "{")]
    [InlineData("scan", "ndjson", "{\"@timestamp\":")]
    [InlineData("scan", "csv", "\uFEFFfile,session,format")]
    [InlineData("scan", "text", "── ")]
    public void Each_format_is_written_by_each_command_to_standard_output(string command, string format, string start)
    {
        string[] args = command == "scan"
            ? ["scan", Repo.Sample("vsftpd.log"), "-F", format, "-o", "-", "-q"]
            : ["analyze", Repo.Sample("vsftpd.log"), "-F", format];

        var result = CliRunner.Run(args);

        Assert.Equal(0, result.ExitCode);
        var written = format == "text" ? result.Output : result.RawOutput;
        Assert.StartsWith(start, written.TrimStart('\n'), StringComparison.Ordinal);
    }

    [Fact]
    public void Ndjson_records_carry_the_zone_given_and_one_record_per_session()
    {
        var result = CliRunner.Run("analyze", Repo.Sample("vsftpd.log"), "-F", "ndjson", "--tz", "+08:00");

        var lines = result.RawOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(7, lines.Length);
        using var first = JsonDocument.Parse(lines[0]);
        Assert.Equal("2016-09-08T00:39:47+08:00", first.RootElement.GetProperty("@timestamp").GetString());
    }

    [Theory]
    [InlineData("analyze", "json", "\"start\": \"2016-09-08T00:39:47+08:00\"")]
    [InlineData("analyze", "csv", ",2016-09-08T00:39:47+08:00,")]
    [InlineData("analyze", "text", "2016-09-08T00:39:47+08:00 → 2016-09-08T00:40:41+08:00")]
    [InlineData("scan", "csv", ",2016-09-08T00:39:47+08:00,")]
    [InlineData("scan", "json", "\"start\": \"2016-09-08T00:39:47+08:00\"")]
    public void Every_output_writes_its_times_with_an_offset(string command, string format, string expected)
    {
        string[] args = command == "scan"
            ? ["scan", Repo.Sample("vsftpd.log"), "-F", format, "-o", "-", "-q", "--tz", "Asia/Shanghai"]
            : ["analyze", Repo.Sample("vsftpd.log"), "-F", format, "--tz", "Asia/Shanghai"];

        var result = CliRunner.Run(args);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(expected, format == "text" ? result.Output : result.RawOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void A_yearless_log_gets_its_year_in_the_csv_too()
    {
        var result = CliRunner.Run("scan", Repo.Sample("pure-ftpd.log"), "-o", "-", "-q", "--tz", "UTC", "--year", "2019");

        Assert.Contains(",2019-03-14T10:00:01+00:00,", result.RawOutput, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--since", "2016-09-08T00:49:00", 1)]
    [InlineData("--until", "2016-09-08T00:40:00", 3)]
    [InlineData("--since", "2016-09-08", 7)]
    [InlineData("--until", "2016-09-07", 0)]
    public void Since_and_until_keep_the_sessions_that_overlap_the_range(string option, string value, int sessions)
    {
        var result = CliRunner.Run("analyze", Repo.Sample("vsftpd.log"), "-F", "ndjson", "--tz", "UTC", option, value);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(sessions, result.RawOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void A_yearless_log_takes_the_year_given()
    {
        var result = CliRunner.Run("analyze", Repo.Sample("pure-ftpd.log"), "-F", "ndjson", "--tz", "UTC", "--year", "2019");

        using var first = JsonDocument.Parse(result.RawOutput.Split('\n')[0]);
        Assert.StartsWith("2019-", first.RootElement.GetProperty("@timestamp").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Output_to_a_file_is_written_whole_and_parquet_to_a_folder_of_partitions()
    {
        var folder = Path.Combine(Path.GetTempPath(), "loglens-out-" + Guid.NewGuid().ToString("N"));
        try
        {
            var json = Path.Combine(folder, "report.json");
            Directory.CreateDirectory(folder);
            Assert.Equal(0, CliRunner.Run("analyze", Repo.Sample("vsftpd.log"), "-F", "json", "-o", json).ExitCode);
            using (var document = JsonDocument.Parse(File.ReadAllText(json)))
            {
                Assert.Equal(7, document.RootElement.GetProperty("sessions").GetArrayLength());
            }

            var parquet = Path.Combine(folder, "sessions");
            Assert.Equal(0, CliRunner.Run("scan", Repo.Sample("vsftpd.log"), Repo.Sample("servu.log"), "-F", "parquet", "-o", parquet, "-q").ExitCode);
            Assert.NotEmpty(Directory.GetFiles(parquet, "part-*.parquet", SearchOption.AllDirectories));
            Assert.All(Directory.GetDirectories(parquet), d => Assert.StartsWith("server=", Path.GetFileName(d), StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void The_readme_example_runs_end_to_end_two_servers_scanned_to_parquet_then_queried_with_duckdb()
    {
        var folder = Path.Combine(Path.GetTempPath(), "loglens-readme-" + Guid.NewGuid().ToString("N"));
        try
        {
            // One scan per server, into the same data set, as the README's cron job does.
            var sessions = Path.Combine(folder, "sessions");
            Assert.Equal(0, CliRunner.Run("scan", Repo.Sample("vsftpd.log"), "-F", "parquet", "-o", sessions, "-q", "--tz", "UTC").ExitCode);
            Assert.Equal(0, CliRunner.Run("scan", Repo.Sample("servu.log"), "-F", "parquet", "-o", sessions, "-q", "--tz", "UTC").ExitCode);

            foreach (var query in LogLens.Parquet.Tests.Support.ReadmeQueries.All())
            {
                Assert.NotEmpty(LogLens.Parquet.Tests.Support.DuckDb.Query(LogLens.Parquet.Tests.Support.ReadmeQueries.On(query, sessions)));
            }

            var failed = LogLens.Parquet.Tests.Support.DuckDb.Query(
                LogLens.Parquet.Tests.Support.ReadmeQueries.On("SELECT CAST(sum(logins_failed) AS BIGINT) FROM read_parquet('sessions/**/*.parquet', hive_partitioning = true)", sessions));
            Assert.True((long)failed.Single()[0]! > 0);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("analyze", "-F", "xml", "unknown output format 'xml'; use one of: text, json, ndjson, csv, parquet")]
    [InlineData("scan", "-F", "xml", "unknown output format 'xml'; use one of: csv, json, ndjson, parquet, text")]
    [InlineData("analyze", "-F", "parquet", "-F parquet writes a folder of partitions: name it with -o DIR")]
    [InlineData("analyze", "--tz", "Mars/Base", "--tz takes a time zone such as Asia/Shanghai, UTC or local, or an offset such as +08:00, not 'Mars/Base'")]
    [InlineData("analyze", "--year", "19", "--year takes a year from 1970 to 9999, not '19'")]
    [InlineData("analyze", "--since", "yesterday", "--since takes a date or a date and time in ISO 8601, such as 2024-03-14 or 2024-03-14T09:30:00+08:00, not 'yesterday'")]
    public void A_wrong_output_option_is_a_usage_error_in_words(string command, string option, string value, string message)
    {
        string[] args = command == "scan" ? ["scan", Repo.Sample("vsftpd.log"), "-o", "-", option, value] : ["analyze", Repo.Sample("vsftpd.log"), option, value];

        var result = CliRunner.Run(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("loglens: " + message, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_and_another_format_together_are_refused()
    {
        var result = CliRunner.Run("analyze", Repo.Sample("vsftpd.log"), "--json", "-F", "csv");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--json is -F json", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Since_after_until_is_refused()
    {
        var result = CliRunner.Run("analyze", Repo.Sample("vsftpd.log"), "--since", "2024-03-15", "--until", "2024-03-14");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no session could be in that range", result.Error, StringComparison.Ordinal);
    }
}
