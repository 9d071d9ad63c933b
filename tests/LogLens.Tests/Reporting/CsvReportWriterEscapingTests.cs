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
    [InlineData("logs/a\nb.log", "logs/a\nb.log")]
    [InlineData("logs/a\rb.log", "logs/a\rb.log")]
    [InlineData("logs/a\n=HYPERLINK(\"http://x.example/\",\"open\").log", "logs/a\n'=HYPERLINK(\"http://x.example/\",\"open\").log")]
    [InlineData("logs/a\r=1+2", "logs/a\r'=1+2")]
    [InlineData("logs/a\r\n@SUM(A1)", "logs/a\r\n'@SUM(A1)")]
    [InlineData("a\n\n-1\n+1\n\t2", "a\n\n'-1\n'+1\n'\t2")]
    [InlineData("=1\n=2", "'=1\n'=2")]
    [InlineData("\r=1", "'\r'=1")]
    [InlineData("a\n'=1", "a\n'=1")]
    public void A_cell_with_a_line_break_is_quoted_whole_and_no_line_inside_it_starts_a_formula(string value, string read)
    {
        var session = Session() with { File = value, Id = value, Client = value, Server = value, User = value };

        var document = Write(session);
        var row = WriteAndReadBack(session);

        foreach (var column in new[] { "file", "session", "client", "server", "user" })
        {
            Assert.Equal(read, row[column]);
        }

        Assert.All(document.Split('\r', '\n'), line => Assert.False(line.Length > 0 && "=+-@\t".Contains(line[0], StringComparison.Ordinal), line));
    }

    [Theory]
    [InlineData("a\nb")]
    [InlineData("a\rb")]
    [InlineData("a\r\nb")]
    public void A_line_break_in_a_cell_never_splits_its_row(string value)
    {
        var document = Write(Session() with { File = value, User = "bob" });

        using var csv = new CsvReader(new StringReader(document), CultureInfo.InvariantCulture);
        var records = csv.GetRecords<dynamic>().ToArray();

        Assert.Single(records);
        Assert.Equal("bob", ((IDictionary<string, object>)records[0])["user"]);
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

    /// <summary>The document written for one session, without its byte order mark.</summary>
    private static string Write(FtpSession session)
    {
        using var stream = new MemoryStream();
        using (var writer = new CsvReportWriter(stream))
        {
            writer.WriteSession(session);
        }

        return new UTF8Encoding(false).GetString(stream.ToArray()).TrimStart('\uFEFF');
    }

    private static Dictionary<string, string> WriteAndReadBack(FtpSession session)
    {
        using var stream = new MemoryStream();
        using (var writer = new CsvReportWriter(stream))
        {
            writer.WriteSession(session);
        }

        stream.Position = 0;
        using var csv = new CsvReader(new StreamReader(stream, Encoding.UTF8), CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        Assert.True(csv.Read());
        return csv.HeaderRecord!.ToDictionary(h => h, h => csv.GetField(h)!);
    }
}
