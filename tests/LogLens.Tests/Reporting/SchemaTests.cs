using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Json.Schema;
using LogLens.Localization;
using LogLens.Reporting;
using LogLens.Tests.Support;

namespace LogLens.Tests.Reporting;

/// <summary>
/// The committed JSON Schemas (<c>src/LogLens/Reporting/Schemas/</c>) describe what the writers write:
/// every sample's JSON document and every NDJSON record validate against them.
/// </summary>
public class SchemaTests
{
    private static readonly JsonSchema Report = Load("loglens-report.schema.json");
    private static readonly JsonSchema Session = Load("loglens-session.ndjson.schema.json");

    public static TheoryData<string> Samples => new(Directory.GetFiles(Path.GetDirectoryName(SampleLogs.PathOf("vsftpd.log"))!, "*.log").Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(Samples))]
    public void The_json_document_of_every_sample_validates_against_its_schema(string sample)
    {
        using var stream = new MemoryStream();
        JsonReportWriter.Write(stream, [LogAnalyzer.AnalyzeFile(SampleLogs.PathOf(sample))], Texts.English);

        using var document = JsonDocument.Parse(stream.ToArray());
        AssertValid(Report, document.RootElement, sample);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void The_json_document_with_placed_times_validates_against_its_schema(string sample)
    {
        using var stream = new MemoryStream();
        using (var writer = new JsonReportWriter(stream, Texts.English, new TimePlacement(TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"), 2021)))
        {
            LogAnalyzer.AnalyzeFileTo(SampleLogs.PathOf(sample), writer);
            writer.Complete();
        }

        using var document = JsonDocument.Parse(stream.ToArray());
        AssertValid(Report, document.RootElement, sample);
        Assert.All(document.RootElement.GetProperty("sessions").EnumerateArray(), s =>
            Assert.True(s.GetProperty("start").ValueKind == JsonValueKind.Null || s.GetProperty("start").GetString()!.Length is 25 or 29 || s.GetProperty("start").GetString()!.StartsWith('T')));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Every_ndjson_record_of_every_sample_validates_against_its_schema(string sample)
    {
        var lines = Ndjson(sample, TimeZoneInfo.Utc);

        Assert.NotEmpty(lines);
        foreach (var line in lines)
        {
            using var record = JsonDocument.Parse(line);
            AssertValid(Session, record.RootElement, sample);
        }
    }

    [Theory]
    [InlineData("\"2016-09-08T00:39:47+00:00\"", "\"2016-09-08T00:39:47\"")]
    [InlineData("\"action\":\"succeeded\"", "\"action\":\"fine\"")]
    [InlineData("\"schema_version\":\"1\"", "\"schema_version\":\"0\"")]
    public void A_record_that_strays_from_the_schema_is_refused(string valid, string stray)
    {
        var line = Ndjson("vsftpd.log", TimeZoneInfo.Utc)[0];
        Assert.Contains(valid, line, StringComparison.Ordinal);

        using var record = JsonDocument.Parse(line.Replace(valid, stray, StringComparison.Ordinal));
        Assert.False(Session.Evaluate(record.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.Flag }).IsValid);
    }

    [Fact]
    public void The_ndjson_record_carries_every_tabular_column_under_loglens()
    {
        using var record = JsonDocument.Parse(Ndjson("vsftpd.log", TimeZoneInfo.Utc)[0]);

        var fields = record.RootElement.GetProperty("loglens").EnumerateObject().Select(p => p.Name).ToHashSet();
        Assert.Subset(fields, SessionColumns.All.Select(c => c.Name).ToHashSet());
    }

    [Theory]
    [InlineData("UTC", "2016-09-08T00:39:47+00:00")]
    [InlineData("Asia/Shanghai", "2016-09-08T00:39:47+08:00")]
    [InlineData("America/New_York", "2016-09-08T00:39:47-04:00")]
    public void A_time_without_an_offset_gets_the_zone_it_was_written_in(string zone, string expected)
    {
        using var record = JsonDocument.Parse(Ndjson("vsftpd.log", TimeZoneInfo.FindSystemTimeZoneById(zone))[0]);

        Assert.Equal(expected, record.RootElement.GetProperty("@timestamp").GetString());
        Assert.Equal(expected, record.RootElement.GetProperty("event").GetProperty("start").GetString());
    }

    [Fact]
    public void A_time_with_its_own_offset_keeps_it_whatever_the_zone()
    {
        using var record = JsonDocument.Parse(Ndjson("filezilla-server-1x.log", TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"))[0]);

        Assert.EndsWith("+00:00", record.RootElement.GetProperty("@timestamp").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("succeeded", "success")]
    [InlineData("login-failed", "failure")]
    [InlineData("too-many-connections-from-ip", "failure")]
    public void The_ecs_outcome_says_success_or_failure(string outcome, string ecs)
    {
        var records = Ndjson("vsftpd.log", TimeZoneInfo.Utc).Select(l => JsonDocument.Parse(l).RootElement).ToArray();

        var record = records.First(r => r.GetProperty("event").GetProperty("action").GetString() == outcome);
        Assert.Equal(ecs, record.GetProperty("event").GetProperty("outcome").GetString());
    }

    [Fact]
    public void A_yearless_syslog_time_takes_the_year_given()
    {
        var lines = Ndjson("pure-ftpd.log", TimeZoneInfo.Utc, year: 2019);

        using var record = JsonDocument.Parse(lines[0]);
        Assert.StartsWith("2019-", record.RootElement.GetProperty("@timestamp").GetString(), StringComparison.Ordinal);
    }

    private static string[] Ndjson(string sample, TimeZoneInfo zone, int? year = null)
    {
        using var stream = new MemoryStream();
        using (var writer = new NdjsonReportWriter(stream, Texts.English, zone, year))
        {
            LogAnalyzer.AnalyzeFileTo(SampleLogs.PathOf(sample), writer);
            writer.Complete();
        }

        return Encoding.UTF8.GetString(stream.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    private static void AssertValid(JsonSchema schema, JsonElement instance, string what)
    {
        var result = schema.Evaluate(instance, new EvaluationOptions { OutputFormat = OutputFormat.List });
        var errors = (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"));
        Assert.True(result.IsValid, $"{what}: " + string.Join("; ", errors.Take(10)));
    }

    private static JsonSchema Load(string name, [CallerFilePath] string here = "")
    {
        for (var dir = Path.GetDirectoryName(here); dir is not null; dir = Path.GetDirectoryName(dir))
        {
            var path = Path.Combine(dir, "src", "LogLens", "Reporting", "Schemas", name);
            if (File.Exists(path))
            {
                return JsonSchema.FromText(File.ReadAllText(path));
            }
        }

        throw new FileNotFoundException(name);
    }
}
