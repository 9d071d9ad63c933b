using System.Text;
using LogLens.Input;
using LogLens.Tests.Support;

namespace LogLens.Tests.Input;

/// <summary>Runs of NUL bytes (a crash's zeroed tail, a copytruncate's zeroed head) are removed and reported, wherever they are.</summary>
public class NulBytesTests
{
    private const string Log = "220 Serv-U FTP Server v6.4 for WinSock ready...\r\nUSER anonymous\r\n331 User name okay\r\n";

    /// <summary>Input; the lines expected; each run expected as (line, length).</summary>
    public static TheoryData<string, byte[], string[], (int Line, long Length)[]> Runs => new()
    {
        { "a crash's zeroed tail", [.. Ascii(Log), .. new byte[4096]], ["220 Serv-U FTP Server v6.4 for WinSock ready...", "USER anonymous", "331 User name okay", ""], [(4, 4096)] },
        { "a zeroed tail, then a line end", [.. Ascii(Log), .. new byte[4096], .. Ascii("\r\n")], ["220 Serv-U FTP Server v6.4 for WinSock ready...", "USER anonymous", "331 User name okay", ""], [(4, 4096)] },
        { "a zeroed head (copytruncate)", [.. new byte[100_000], .. Ascii(Log)], ["220 Serv-U FTP Server v6.4 for WinSock ready...", "USER anonymous", "331 User name okay"], [(1, 100_000)] },
        { "inside a line", Ascii("USER bob\0\0\0\r\n331 ok\r\n"), ["USER bob", "331 ok"], [(1, 3)] },
        { "two runs on one line", Ascii("a\0\0b\0c\nd"), ["abc", "d"], [(1, 2), (1, 1)] },
        { "a line of nothing else", Ascii("a\n\0\0\0\nb"), ["a", "", "b"], [(2, 3)] },
        { "at the start of lines", Ascii("\0x\r\n\0\0y\r\n"), ["x", "y"], [(1, 1), (2, 2)] },
        { "a zeroed block past the sample", [.. Ascii(Filler), .. new byte[4096], .. Ascii("226 Transfer complete\r\n")], [.. FillerLines, "226 Transfer complete"], [(FillerLines.Length + 1, 4096)] },
    };

    private static string Filler { get; } = string.Concat(Enumerable.Range(1, 3000).Select(i => $"STATUS:> line {i} of a long enough log\r\n"));

    private static string[] FillerLines { get; } = Filler.Split("\r\n")[..^1];

    [Theory]
    [MemberData(nameof(Runs))]
    public void A_run_of_NUL_bytes_is_removed_and_reported_once_with_its_line_and_length(string description, byte[] bytes, string[] lines, (int Line, long Length)[] runs)
    {
        foreach (var chunk in new int?[] { null, 1, 7, 4096 })
        {
            var read = Sources.ReadAll(bytes, chunk: chunk);

            Assert.True(lines.SequenceEqual(read.Texts), $"{description}, chunk {chunk}: {string.Join(" | ", read.Texts)}");
            Assert.True(read.Source.IsReadable, description);
            Assert.False(read.Source.HasErrors, description);
            Assert.Equal(
                runs.Select(r => new Diagnostic("test.log", r.Line, DiagnosticSeverity.Warning, "nul-bytes", $"{r.Length} NUL bytes removed (such runs are what a crash or a preallocated file leaves)")),
                read.Diagnostics);
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData(5)]
    public void Offsets_stay_those_of_the_input(int? chunk)
    {
        var read = Sources.ReadAll(Ascii("ab\0\0\r\n\0cd\nef"), chunk: chunk);

        Assert.Equal([new LogLine(1, 0, "ab"), new LogLine(2, 6, "cd"), new LogLine(3, 10, "ef")], read.Lines);
    }

    [Fact]
    public void A_run_longer_than_the_line_bound_is_not_a_long_line()
    {
        var read = Sources.ReadAll([.. Ascii("first\n"), .. new byte[10_000], .. Ascii("second\nthird")], new LogSourceOptions { MaxLineBytes = 256 });

        Assert.Equal(["first", "second", "third"], read.Texts);
        Assert.Equal(["nul-bytes"], read.Codes);
        Assert.Equal(2, read.Diagnostics[0].Line);
    }

    [Fact]
    public void A_Serv_U_log_with_a_zeroed_tail_keeps_its_sessions()
    {
        var log = File.ReadAllBytes(SampleLogs.PathOf("servu.log"));
        var whole = LogAnalyzer.AnalyzeStream(new MemoryStream(log), "servu.log");

        var crashed = LogAnalyzer.AnalyzeStream(new MemoryStream([.. log, .. new byte[4096]]), "servu.log");

        Assert.Equal("servu", crashed.Format);
        Assert.Equal(whole.Sessions.Select(s => (s.Outcome.Kind, s.FirstLine, s.LastLine)), crashed.Sessions.Select(s => (s.Outcome.Kind, s.FirstLine, s.LastLine)));
        Assert.Equal(whole.Lines with { Total = whole.Lines.Total + 1, Blank = whole.Lines.Blank + 1 }, crashed.Lines);
        var nul = Assert.Single(crashed.Diagnostics);
        Assert.Equal(("nul-bytes", whole.Lines.Total + 1), (nul.Code, nul.Line));
    }

    [Fact]
    public void Past_the_first_hundred_runs_are_counted_not_listed()
    {
        var text = string.Concat(Enumerable.Range(1, 150).Select(i => $"line {i}\0\0\n"));

        var read = Sources.ReadAll(Ascii(text));

        Assert.Equal(Enumerable.Range(1, 150).Select(i => $"line {i}"), read.Texts);
        Assert.Equal(Enumerable.Range(1, 100).Select(i => (long?)i), read.Diagnostics.Where(d => d.Code == "nul-bytes").Select(d => d.Line));
        var rest = Assert.Single(read.Diagnostics, d => d.Code == "nul-bytes-not-listed");
        Assert.Equal("50 more runs of NUL bytes (100 bytes in all) were removed; not listed one by one", rest.Message);
    }

    [Fact]
    public void A_forced_encoding_keeps_NUL_bytes_as_they_are()
    {
        var read = Sources.ReadAll(Ascii("a\0b\n"), new LogSourceOptions { Encoding = TextEncodings.Utf8 });

        Assert.Equal(["a\0b"], read.Texts);
        Assert.Empty(read.Diagnostics);
    }

    public static TheoryData<string, byte[], bool, bool> Samples => new()
    {
        { "text, then NULs", [.. Ascii(Log), .. new byte[4096]], true, false },
        { "NULs, then text", [.. new byte[4096], .. Ascii(Log)], true, false },
        { "nothing but NULs, the whole input", new byte[4096], true, true },
        { "nothing but NULs, more to come", new byte[65_536], false, false },
        { "NULs and line ends, the whole input", [0, 0, (byte)'\n', 0, (byte)'\r', (byte)'\n'], true, true },
        { "an executable's header", [(byte)'M', (byte)'Z', 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xFF, 0xFF, 0, 0], true, true },
        { "GBK text, then NULs", [.. Sources.Gb18030.GetBytes("状态:> 正在连接到 ftp 服务器\r\n"), .. new byte[512]], true, false },
        { "mostly text, a little binary", [.. Ascii(Log + Log + Log), 1, 2, 0, 3, 0], true, false },
        { "mostly binary, a little text", [.. Ascii("ok\n"), .. Enumerable.Range(0, 300).Select(i => (byte)(i % 7))], true, true },
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public void A_sample_with_NUL_bytes_is_binary_only_when_what_is_not_NUL_is_not_mostly_text(string description, byte[] sample, bool whole, bool binary)
    {
        Assert.True(binary == TextEncodings.LooksBinary(sample, whole), description);
    }

    private static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);
}
