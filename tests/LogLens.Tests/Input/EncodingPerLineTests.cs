using System.Text;
using LogLens.Input;
using LogLens.Tests.Support;

namespace LogLens.Tests.Input;

/// <summary>A line that is not in its file's encoding is decoded on its own, with a diagnostic; its neighbours are not touched.</summary>
public class EncodingPerLineTests
{
    private static readonly Encoding Windows1252 = Encoding.GetEncoding(1252);

    static EncodingPerLineTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>UTF-8 lines with CJK and Latin letters, more than the 64 KB sample.</summary>
    private static string[] Utf8Lines(int count) =>
        Enumerable.Range(1, count).Select(i => i % 2 == 0 ? $"状态:> 正在连接到 ftp 服务器 {i}" : $"550 /home/josé/{i}: no such file").ToArray();

    public static TheoryData<string, Encoding, string, string, string> Foreign => new()
    {
        // file encoding, foreign line's encoding, foreign line, file encoding's name, line's
        { "GBK in UTF-8", Encoding.UTF8, "错误:> 无法连接到远程服务器。Socket 错误 = #10060。", "utf-8", "GB18030" },
        { "Windows-1252 in UTF-8", Encoding.UTF8, "550 /home/josé/café.txt: no such file", "utf-8", "Windows-1252" },
        { "UTF-8 in GB18030", Sources.Gb18030, "550 /home/josé/状态.txt: no such file", "gb18030", "UTF-8" },
        { "GBK in Windows-1252", Encoding.GetEncoding(1252), "错误:> 无法连接到远程服务器。", "windows-1252", "GB18030" },
    };

    [Theory]
    [MemberData(nameof(Foreign))]
    public void A_line_in_another_encoding_is_decoded_on_its_own_and_named(string description, Encoding fileEncoding, string foreign, string fileName, string lineName)
    {
        var lineEncoding = lineName switch { "GB18030" => Sources.Gb18030, "UTF-8" => Encoding.UTF8, _ => Windows1252 };
        var neighbours = fileEncoding.CodePage == 1252
            ? Enumerable.Range(1, 3000).Select(i => $"550 /home/josé/Größe-{i}: no such file").ToArray()
            : fileEncoding.CodePage == 54936
                ? Enumerable.Range(1, 3000).Select(i => $"状态:> 正在连接到 ftp 服务器 {i}").ToArray()
                : Utf8Lines(3000);
        foreach (var at in new[] { 3, 2500 }) // in the 64 KB sample, and past it
        {
            var bytes = new List<byte>();
            for (var i = 0; i < neighbours.Length; i++)
            {
                bytes.AddRange(i == at - 1 ? lineEncoding.GetBytes(foreign) : fileEncoding.GetBytes(neighbours[i]));
                bytes.AddRange("\r\n"u8.ToArray());
            }

            var read = Sources.ReadAll([.. bytes]);

            var expected = neighbours.ToArray();
            expected[at - 1] = foreign;
            Assert.True(expected.SequenceEqual(read.Texts), $"{description}, line {at}: {read.Texts[at - 1]}");
            Assert.Equal(fileName, read.Source.EncodingName);
            var diagnostic = Assert.Single(read.Diagnostics);
            Assert.Equal(
                new Diagnostic("test.log", at, DiagnosticSeverity.Warning, "line-encoding", $"this line is not {TextEncodings.DisplayName(fileEncoding)} like the file; read on its own as {lineName}"),
                diagnostic);
        }
    }

    [Fact]
    public void A_GBK_line_in_a_UTF8_transcript_loses_no_session()
    {
        var lines = File.ReadAllLines(SampleLogs.PathOf("cuteftp-zh-retry.log"), Encoding.UTF8);
        var utf8 = Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n");
        var mixed = lines.SelectMany((l, i) => (i == 4 ? Sources.Gb18030 : Encoding.UTF8).GetBytes(l + "\r\n")).ToArray();

        var whole = LogAnalyzer.AnalyzeStream(new MemoryStream(utf8), "zh.log");
        var read = LogAnalyzer.AnalyzeStream(new MemoryStream(mixed), "zh.log");

        Assert.Equal("utf-8", read.Encoding);
        Assert.Equal(whole.Format, read.Format);
        Assert.Equal(whole.Lines, read.Lines);
        Assert.Equal(
            whole.Sessions.Select(s => (s.Outcome.Kind, s.FirstLine, s.LastLine, s.Server, string.Join(" | ", s.EvidenceLines.Select(e => e.Text)))),
            read.Sessions.Select(s => (s.Outcome.Kind, s.FirstLine, s.LastLine, s.Server, string.Join(" | ", s.EvidenceLines.Select(e => e.Text)))));
        Assert.Equal(("line-encoding", 5), (Assert.Single(read.Diagnostics).Code, read.Diagnostics[0].Line));
    }

    public static TheoryData<string, string[], string> WholeFiles => new()
    {
        { "Latin words", ["550 /home/josé/x: no such file", "226 Müller.txt sent", "USER françois"], "windows-1252" },
        { "Latin punctuation", ["200 don’t – “quoted” © 2004", "150 Größe 5 €"], "windows-1252" },
        { "Chinese", ["状态:> 正在连接到 ftp 服务器", "错误:> 无法连接到远程服务器。", "状态:> 正在等候 30 秒..."], "gb18030" },
    };

    [Theory]
    [MemberData(nameof(WholeFiles))]
    public void A_legacy_file_is_read_in_the_code_page_it_reads_best_in(string description, string[] lines, string encoding)
    {
        var code = encoding == "gb18030" ? Sources.Gb18030 : Windows1252;

        var read = Sources.ReadAll(code.GetBytes(string.Join("\r\n", lines)));

        Assert.True(lines.SequenceEqual(read.Texts), $"{description}: {string.Join(" | ", read.Texts)}");
        Assert.Equal(encoding, read.Source.EncodingName);
        Assert.Empty(read.Diagnostics);
    }

    [Fact]
    public void ASCII_first_then_Windows_1252_later_switches_to_Windows_1252_at_that_line()
    {
        var ascii = string.Concat(Enumerable.Range(1, 3000).Select(i => $"226 Transfer complete, file {i}\r\n"));
        var bytes = (byte[])[.. Encoding.ASCII.GetBytes(ascii), .. Windows1252.GetBytes("550 /home/josé: no such file\r\n226 Müller ok\r\n")];

        var read = Sources.ReadAll(bytes);

        Assert.Equal(["550 /home/josé: no such file", "226 Müller ok"], read.Texts.Skip(3000));
        Assert.Equal("windows-1252", read.Source.EncodingName);
        var switched = Assert.Single(read.Diagnostics);
        Assert.Equal(("encoding-switched", 3001), (switched.Code, switched.Line));
        Assert.Contains("Windows-1252", switched.Message);
    }

    [Fact]
    public void Past_the_first_hundred_foreign_lines_are_counted_not_listed()
    {
        var bytes = (byte[])[
            .. Encoding.UTF8.GetBytes(string.Join("\r\n", Utf8Lines(3000)) + "\r\n"),
            .. Enumerable.Range(1, 130).SelectMany(i => Sources.Gb18030.GetBytes($"错误:> 无法连接 {i}\r\n")),
        ];

        var read = Sources.ReadAll(bytes);

        Assert.Equal(Enumerable.Range(1, 130).Select(i => $"错误:> 无法连接 {i}"), read.Texts.Skip(3000));
        Assert.Equal(100, read.Diagnostics.Count(d => d.Code == "line-encoding"));
        Assert.Equal("30 more lines were read in an encoding of their own; not listed one by one", Assert.Single(read.Diagnostics, d => d.Code == "line-encoding-not-listed").Message);
    }

    public static TheoryData<string, byte[], int, int> Lines => new()
    {
        // line, preferred (the file's) code page, code page guessed
        { "josé, Windows-1252", Windows1252.GetBytes("550 josé"), 65001, 1252 },
        { "Müller and Größe, Windows-1252", Windows1252.GetBytes("226 Müller Größe"), 65001, 1252 },
        { "a curly apostrophe, Windows-1252", Windows1252.GetBytes("don’t"), 54936, 1252 },
        { "josé, UTF-8, in a GB18030 file", Encoding.UTF8.GetBytes("550 josé"), 54936, 65001 },
        { "状态, UTF-8, in a GB18030 file", Encoding.UTF8.GetBytes("状态"), 54936, 65001 },
        { "状态, GBK (valid UTF-8 by chance)", Sources.Gb18030.GetBytes("状态"), 65001, 54936 },
        { "a Chinese status line, GBK", Sources.Gb18030.GetBytes("状态:> 正在连接到 ftp 服务器"), 1252, 54936 },
        { "full-width punctuation, GBK", Sources.Gb18030.GetBytes("错误：（无法连接）"), 65001, 54936 },
        { "nothing plausible: the file's wins", [0xE7, 0x8A], 54936, 54936 },
    };

    [Theory]
    [MemberData(nameof(Lines))]
    public void A_line_is_guessed_by_which_encoding_reads_as_plausible_text(string description, byte[] line, int preferred, int expected)
    {
        var guessed = TextEncodings.Guess(line, isFinal: true, Encoding.GetEncoding(preferred));

        Assert.True(expected == guessed.CodePage, $"{description}: {guessed.CodePage}");
    }
}
