using System.Text;
using System.Text.Json;
using LogLens.Localization;
using LogLens.Reporting;
using LogLens.Scanning;
using LogLens.Tests.Support;

namespace LogLens.Tests.Scanning;

/// <summary>A scan feeds any writer: each file in order (one without sessions too), its sessions, its end.</summary>
public class ScanWriterTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task A_scan_writes_every_file_in_order_with_its_sessions_to_a_json_document(int jobs)
    {
        var samples = Path.GetDirectoryName(SampleLogs.PathOf("vsftpd.log"))!;
        var scan = LogScan.Find([samples], new ScanOptions { Jobs = jobs, Include = ["*.log"] });
        using var output = new MemoryStream();

        using (var writer = new JsonReportWriter(output, Texts.English))
        {
            await scan.WriteToAsync(writer);
        }

        using var document = JsonDocument.Parse(output.ToArray());
        var files = document.RootElement.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("path").GetString()).ToArray();
        Assert.Equal(scan.Inputs.Select(i => i.Path), files);
        var sessions = document.RootElement.GetProperty("sessions").EnumerateArray().ToArray();
        Assert.Equal(scan.Files.Sum(f => (long)f.Lines.Total), document.RootElement.GetProperty("files").EnumerateArray().Sum(f => f.GetProperty("lines").GetProperty("total").GetInt64()));
        Assert.True(sessions.Length > 20);
        Assert.Equal(files.Where(f => sessions.Any(s => s.GetProperty("file").GetString() == f)), sessions.Select(s => s.GetProperty("file").GetString()).Distinct());
    }

    [Fact]
    public async Task The_document_is_the_same_whatever_the_number_of_jobs()
    {
        Assert.Equal(await Scan(1), await Scan(2));

        static async Task<string> Scan(int jobs)
        {
            var samples = Path.GetDirectoryName(SampleLogs.PathOf("vsftpd.log"))!;
            using var output = new MemoryStream();
            using (var writer = new NdjsonReportWriter(output, Texts.English, TimeZoneInfo.Utc, 2020))
            {
                await LogScan.Find([samples], new ScanOptions { Jobs = jobs }).WriteToAsync(writer);
            }

            return Encoding.UTF8.GetString(output.ToArray());
        }
    }
}
