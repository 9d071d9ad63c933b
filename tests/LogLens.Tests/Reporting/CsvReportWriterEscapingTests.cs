using System.Globalization;
using System.Text;
using CsvHelper;
using LogLens.Analysis;
using LogLens.Reporting;

namespace LogLens.Tests.Reporting;

public class CsvReportWriterEscapingTests
{
    [Theory]
    [InlineData("=1+2")]
    [InlineData("+1")]
    [InlineData("-1")]
    [InlineData("@SUM(A1)")]
    [InlineData("=HYPERLINK(\"http://x.example/\",\"a, b\")")]
    public void A_cell_from_log_content_that_would_start_a_formula_is_escaped_in_every_text_column(string value)
    {
        var session = Session() with { File = value, Id = value, Client = value, Server = value, User = value };

        var row = WriteAndReadBack(session);

        foreach (var column in new[] { "file", "session", "client", "server", "user" })
        {
            Assert.Equal("'" + value, row[column]);
        }
    }

    [Theory]
    [InlineData("张伟")]
    [InlineData("用户, \"引号\"")]
    [InlineData("'quoted")]
    [InlineData("a=b")]
    public void Other_text_round_trips_unchanged(string value)
    {
        var row = WriteAndReadBack(Session() with { User = value });

        Assert.Equal(value, row["user"]);
    }

    [Fact]
    public void Bytes_start_with_the_utf8_byte_order_mark_and_the_header_row()
    {
        using var stream = new MemoryStream();
        using (new CsvReportWriter(stream))
        {
        }

        Assert.Equal(
            [0xEF, 0xBB, 0xBF, .. Encoding.ASCII.GetBytes(string.Join(",", CsvReportWriter.Columns) + "\r\n")],
            stream.ToArray());
    }

    private static FtpSession Session() => new()
    {
        File = "ftp.log",
        Id = "1",
        Format = "servu",
        Outcome = new SessionOutcome(OutcomeKind.Succeeded, null, 230, []),
        FirstLine = 1,
        LastLine = 2,
    };

    private static Dictionary<string, string> WriteAndReadBack(FtpSession session)
    {
        using var stream = new MemoryStream();
        using (var writer = new CsvReportWriter(stream))
        {
            writer.Write(session);
        }

        stream.Position = 0;
        using var csv = new CsvReader(new StreamReader(stream, Encoding.UTF8), CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        Assert.True(csv.Read());
        return csv.HeaderRecord!.ToDictionary(h => h, h => csv.GetField(h)!);
    }
}
