using System.IO.Compression;
using System.Text;
using LogLens.Input;
using LogLens.Tests.Support;

namespace LogLens.Tests;

public sealed class LogAnalyzerTests : IDisposable
{
    private static readonly AnalysisOptions Arrow = new() { Format = new ArrowFormat() };
    private readonly TempFiles files = new();

    public void Dispose() => files.Dispose();

    public static TheoryData<string, int, int, int, int> Accounting => new()
    {
        { "> USER bob\n< 331 Password required\n\ngarbage here\n   \n< 230 Logged in", 6, 3, 1, 2 },
        { "> USER bob\r\n< 331 Password required\r\n> PASS hunter2\r\n< 530 Not logged in\r\n", 4, 4, 0, 0 },
        { "", 0, 0, 0, 0 },
        { "\n", 1, 0, 0, 1 },
        { "\n\r\n\r\t\n", 4, 0, 0, 4 },
        { "just some words\nand more words", 2, 0, 2, 0 },
        { "< 220 ready\n<\n< 22\n>\n> NOOP", 5, 2, 3, 0 },
        { "x\r\r\r< 200 ok\r", 4, 1, 1, 2 },
    };

    [Theory]
    [MemberData(nameof(Accounting))]
    public void Every_line_is_recognized_unrecognized_or_blank_exactly_once(string text, int total, int recognized, int unrecognized, int blank)
    {
        var analysis = AnalyzeText(text, Arrow);

        Assert.Equal(new LineCounts(total, recognized, unrecognized, blank), analysis.Lines);
        Assert.Equal(analysis.Lines.Total, analysis.Lines.Recognized + analysis.Lines.Unrecognized + analysis.Lines.Blank);
        Assert.Equal(unrecognized, analysis.Unrecognized.Count);
        Assert.Equal("test-arrow", analysis.Format);
    }

    [Fact]
    public void Accounting_holds_over_a_large_mixed_input()
    {
        var random = new Random(7);
        var lines = Enumerable.Range(1, 20_000).Select(_ => random.Next(4) switch
        {
            0 => "> RETR file.txt",
            1 => "< 226 Transfer complete",
            2 => random.Next(2) == 0 ? string.Empty : " \t ",
            _ => "some noise the dialect does not know",
        }).ToArray();

        var analysis = AnalyzeText(string.Join("\r\n", lines), Arrow);

        Assert.Equal(20_000, analysis.Lines.Total);
        Assert.Equal(lines.Count(l => l.StartsWith('>') || l.StartsWith('<')), analysis.Lines.Recognized);
        Assert.Equal(lines.Count(string.IsNullOrWhiteSpace), analysis.Lines.Blank);
        Assert.Equal(lines.Count(l => l.StartsWith('s')), analysis.Lines.Unrecognized);
        Assert.Equal(
            Enumerable.Range(1, lines.Length).Where(i => lines[i - 1].StartsWith('s')).Select(i => (long)i),
            analysis.Unrecognized.Select(u => u.Line));
    }

    [Fact]
    public void With_no_format_recognized_every_non_blank_line_is_unrecognized_and_a_warning_says_so()
    {
        var analysis = AnalyzeText("lorem ipsum dolor\n\nsit amet, consectetur\n  \nadipiscing elit\n");

        Assert.Null(analysis.Format);
        Assert.Equal(new LineCounts(5, 0, 3, 2), analysis.Lines);
        Assert.Equal([1, 3, 5], analysis.Unrecognized.Select(u => u.Line));
        Assert.Equal(["lorem ipsum dolor", "sit amet, consectetur", "adipiscing elit"], analysis.Unrecognized.Select(u => u.Text));
        Assert.All(analysis.Unrecognized, u => Assert.Equal("garbage.log", u.File));
        var warning = Assert.Single(analysis.Diagnostics);
        Assert.Equal("format-unknown", warning.Code);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Empty(analysis.Sessions);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n  \n")]
    public void Input_with_no_text_does_not_warn_about_the_format(string text)
    {
        var analysis = AnalyzeText(text);

        Assert.DoesNotContain(analysis.Diagnostics, d => d.Code == "format-unknown");
        Assert.Equal(0, analysis.Lines.Unrecognized);
    }

    [Theory]
    [InlineData(0, 7)]
    [InlineData(1, 7)]
    [InlineData(3, 7)]
    [InlineData(6, 7)]
    public void At_most_MaxUnrecognizedListed_lines_are_listed_and_the_rest_counted(int max, int garbage)
    {
        var text = string.Join("\n", Enumerable.Range(1, garbage).Select(i => $"noise {i}").Prepend("> USER bob"));

        var analysis = AnalyzeText(text, Arrow with { MaxUnrecognizedListed = max });

        Assert.Equal(garbage, analysis.Lines.Unrecognized);
        Assert.Equal(Enumerable.Range(1, max).Select(i => $"noise {i}"), analysis.Unrecognized.Select(u => u.Text));
        Assert.Equal(Enumerable.Range(2, max).Select(i => (long)i), analysis.Unrecognized.Select(u => u.Line));
        var notListed = Assert.Single(analysis.Diagnostics, d => d.Code == "unrecognized-not-listed");
        Assert.Equal(DiagnosticSeverity.Warning, notListed.Severity);
        Assert.StartsWith($"{garbage - max} more unrecognized lines", notListed.Message);
    }

    [Theory]
    [InlineData(7)]
    [InlineData(100)]
    public void When_every_unrecognized_line_is_listed_nothing_is_said_about_it(int max)
    {
        var text = string.Join("\n", Enumerable.Range(1, 7).Select(i => $"noise {i}"));

        var analysis = AnalyzeText(text, Arrow with { MaxUnrecognizedListed = max });

        Assert.Equal(7, analysis.Unrecognized.Count);
        Assert.DoesNotContain(analysis.Diagnostics, d => d.Code == "unrecognized-not-listed");
    }

    [Fact]
    public void AnalyzeStream_leaves_the_callers_stream_open()
    {
        var stream = new ChunkedStream(Encoding.ASCII.GetBytes("> USER bob\n< 331 ok\n"), 3);

        var analysis = LogAnalyzer.AnalyzeStream(stream, "pipe", Arrow);

        Assert.False(stream.IsDisposed);
        Assert.Equal(2, analysis.Lines.Recognized);
        Assert.Equal("pipe", analysis.Path);
    }

    [Fact]
    public void AnalyzeStream_leaves_a_memory_stream_usable()
    {
        using var stream = new MemoryStream(Encoding.ASCII.GetBytes("noise\n"));

        LogAnalyzer.AnalyzeStream(stream, "memory");

        Assert.True(stream.CanRead);
        stream.Position = 0;
        Assert.Equal((int)'n', stream.ReadByte());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_password_on_an_unrecognized_line_is_redacted(bool withFormat)
    {
        var analysis = AnalyzeText("> USER bob\nbroken line PASS hunter2\n-> PASS hunter2 \n", withFormat ? Arrow : null);

        Assert.Equal(["broken line PASS ***", "-> PASS ***"], analysis.Unrecognized.Select(u => u.Text).Skip(withFormat ? 0 : 1));
        Assert.DoesNotContain(analysis.Unrecognized, u => u.Text.Contains("hunter2", StringComparison.Ordinal));
    }

    [Fact]
    public void A_password_in_a_recognized_command_never_reaches_the_session()
    {
        var analysis = AnalyzeText("> USER bob\n> PASS hunter2\n< 230 Logged in\n", Arrow);

        Assert.Equal(3, analysis.Lines.Recognized);
        Assert.DoesNotContain("hunter2", System.Text.Json.JsonSerializer.Serialize(analysis.Sessions));
    }

    [Fact]
    public void A_file_is_analysed_by_its_path()
    {
        var path = files.Write(Encoding.UTF8.GetBytes("> USER bob\r\n\r\nnoise\r\n"));

        var analysis = LogAnalyzer.AnalyzeFile(path, Arrow);

        Assert.Equal(path, analysis.Path);
        Assert.Equal(new LineCounts(3, 1, 1, 1), analysis.Lines);
        Assert.Equal("utf-8", analysis.Encoding);
        Assert.False(analysis.IsCompressed);
        Assert.False(analysis.HasErrors);
    }

    [Fact]
    public void Reading_progress_is_told_on_the_calling_thread_rising_and_within_the_file()
    {
        var text = string.Concat(Enumerable.Repeat("> USER bob\nnoise\n", 5000));
        var path = files.Write(Encoding.UTF8.GetBytes(text));
        var reports = new List<(long Bytes, int Thread)>();

        var analysis = LogAnalyzer.AnalyzeFile(path, Arrow, new Recorder(bytes => reports.Add((bytes, Environment.CurrentManagedThreadId))));

        Assert.Equal(10_000, analysis.Lines.Total);
        Assert.Equal(9, reports.Count);
        Assert.All(reports, r => Assert.Equal(Environment.CurrentManagedThreadId, r.Thread));
        Assert.Equal(reports.Select(r => r.Bytes).Order(), reports.Select(r => r.Bytes));
        Assert.InRange(reports[^1].Bytes, 1, text.Length);
    }

    [Fact]
    public void A_missing_file_gives_an_error_and_no_lines()
    {
        var path = files.NewPath();

        var analysis = LogAnalyzer.AnalyzeFile(path);

        Assert.Equal(new LineCounts(0, 0, 0, 0), analysis.Lines);
        Assert.True(analysis.HasErrors);
        Assert.Null(analysis.Encoding);
        Assert.Equal("not-found", Assert.Single(analysis.Diagnostics).Code);
    }

    [Fact]
    public void A_binary_file_gives_an_error_and_no_lines()
    {
        var analysis = LogAnalyzer.AnalyzeStream(new MemoryStream([1, 2, 0, 0, 0, 7, 0, 9]), "blob.bin");

        Assert.Equal(0, analysis.Lines.Total);
        Assert.Null(analysis.Encoding);
        Assert.Equal(["binary"], analysis.Diagnostics.Select(d => d.Code));
    }

    [Fact]
    public void A_compressed_input_is_counted_like_a_plain_one()
    {
        using var gz = new MemoryStream();
        using (var gzip = new GZipStream(gz, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(Encoding.ASCII.GetBytes("> USER bob\n\nnoise\n< 331 ok\n"));
        }

        gz.Position = 0;
        var analysis = LogAnalyzer.AnalyzeStream(gz, "ftp.log.gz", Arrow);

        Assert.True(analysis.IsCompressed);
        Assert.Equal(new LineCounts(4, 2, 1, 1), analysis.Lines);
    }

    [Fact]
    public void Input_diagnostics_come_first_and_cut_lines_still_count_once()
    {
        var text = "> USER bob\n" + new string('z', 1000) + "\nnoise\n";

        var analysis = AnalyzeText(text, Arrow with { MaxLineBytes = 300, MaxUnrecognizedListed = 1 });

        Assert.Equal(new LineCounts(3, 1, 2, 0), analysis.Lines);
        Assert.Equal(["line-too-long", "unrecognized-not-listed"], analysis.Diagnostics.Select(d => d.Code));
        Assert.Equal(300, analysis.Unrecognized[0].Text.Length);
    }

    [Fact]
    public void The_reported_encoding_is_the_one_switched_to()
    {
        var ascii = string.Concat(Enumerable.Range(1, 3000).Select(i => $"noise line number {i}\r\n"));
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var bytes = (byte[])[.. Encoding.ASCII.GetBytes(ascii), .. Encoding.GetEncoding("gb18030").GetBytes("状态:> 正在连接到 ftp 服务器\r\n")];

        var analysis = LogAnalyzer.AnalyzeStream(new MemoryStream(bytes), "late.log", Arrow);

        Assert.Equal("gb18030", analysis.Encoding);
        Assert.Equal("状态:> 正在连接到 ftp 服务器", analysis.Unrecognized[^1].Text);
        Assert.Contains(analysis.Diagnostics, d => d.Code == "encoding-switched" && d.Line == 3001);
    }

    [Fact]
    public void A_forced_encoding_is_used()
    {
        var analysis = LogAnalyzer.AnalyzeStream(
            new MemoryStream(Encoding.Latin1.GetBytes("550 café\n")), "latin.log", Arrow with { Encoding = Encoding.Latin1 });

        Assert.Equal("iso-8859-1", analysis.Encoding);
        Assert.Equal("550 café", Assert.Single(analysis.Unrecognized).Text);
    }

    [Fact]
    public void Cancellation_stops_the_work_between_lines()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var text = string.Concat(Enumerable.Repeat("noise\n", 5000));

        Assert.ThrowsAny<OperationCanceledException>(
            () => LogAnalyzer.AnalyzeStream(new MemoryStream(Encoding.ASCII.GetBytes(text)), "big.log", cancellationToken: cancelled.Token));
    }

    [Fact]
    public void Null_arguments_are_caller_mistakes()
    {
        Assert.Throws<ArgumentNullException>("path", () => LogAnalyzer.AnalyzeFile(null!));
        Assert.Throws<ArgumentNullException>("stream", () => LogAnalyzer.AnalyzeStream(null!, "x"));
        Assert.Throws<ArgumentNullException>("name", () => LogAnalyzer.AnalyzeStream(new MemoryStream(), null!));
        Assert.Throws<ArgumentNullException>("source", () => LogAnalyzer.Analyze(null!));
    }

    private static FileAnalysis AnalyzeText(string text, AnalysisOptions? options = null) =>
        LogAnalyzer.AnalyzeStream(new MemoryStream(Encoding.UTF8.GetBytes(text)), "garbage.log", options);

    private sealed class Recorder(Action<long> record) : IProgress<long>
    {
        public void Report(long value) => record(value);
    }
}
