using System.Text;
using LogLens.Input;
using LogLens.Tests.Support;

namespace LogLens.Tests.Input;

public class EncodingDetectionTests
{
    private const string Chinese = "状态:> 正在连接到 ftp 服务器";
    private const string Text = "状态:> 正在连接到 ftp 服务器\r\n错误:> 无法连接\r\n220 欢迎\r\n";
    private static readonly string[] Expected = ["状态:> 正在连接到 ftp 服务器", "错误:> 无法连接", "220 欢迎"];

    public static TheoryData<string, byte[], string> Encoded => new()
    {
        { "UTF-8", Encoding.UTF8.GetBytes(Text), "utf-8" },
        { "UTF-8 with BOM", [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Text)], "utf-8" },
        { "UTF-16 LE with BOM", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Text)], "utf-16le" },
        { "UTF-16 BE with BOM", [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(Text)], "utf-16be" },
        { "GB18030", Sources.Gb18030.GetBytes(Text), "gb18030" },
        { "GBK (code page 936)", Encoding.GetEncoding(936).GetBytes(Text), "gb18030" },
    };

    static EncodingDetectionTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Theory]
    [MemberData(nameof(Encoded))]
    public void Chinese_text_is_detected_and_decoded(string description, byte[] bytes, string encoding)
    {
        var read = Sources.ReadAll(bytes);

        Assert.True(read.Texts.SequenceEqual(Expected), $"{description}: {string.Join(" | ", read.Texts)}");
        Assert.Equal(encoding, read.Source.EncodingName);
        Assert.Equal([1, 2, 3], read.Lines.Select(l => l.Number));
        Assert.Empty(read.Diagnostics);
    }

    [Fact]
    public void UTF16_LE_without_a_byte_order_mark_is_detected_from_its_zero_bytes()
    {
        var bytes = Encoding.Unicode.GetBytes("220 Serv-U FTP Server v6.4 ready...\r\nUSER anonymous\r\n331 User name okay\r\n");

        var read = Sources.ReadAll(bytes);

        Assert.Equal("utf-16le", read.Source.EncodingName);
        Assert.Equal(["220 Serv-U FTP Server v6.4 ready...", "USER anonymous", "331 User name okay"], read.Texts);
        Assert.Empty(read.Diagnostics);
    }

    [Fact]
    public void UTF16_input_larger_than_the_sample_decodes_every_line()
    {
        var lines = Enumerable.Range(1, 20_000).Select(i => $"{i} {Chinese}").ToArray();
        var bytes = (byte[])[.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(string.Join("\r\n", lines))];

        var read = Sources.ReadAll(bytes, chunk: 4093);

        Assert.Equal(lines, read.Texts);
        Assert.Equal(Enumerable.Range(1, lines.Length).Select(i => (long)i), read.Lines.Select(l => l.Number));
    }

    [Fact]
    public void UTF16_offsets_are_those_of_the_UTF8_transcoding()
    {
        var read = Sources.ReadAll([.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("ab\r\n状态\r\nz")]);

        Assert.Equal(["ab", "状态", "z"], read.Texts);
        Assert.Equal([0L, 4L, 12L], read.Lines.Select(l => l.ByteOffset));
    }

    [Fact]
    public void The_chinese_client_status_line_in_GB18030_is_read_as_GB18030()
    {
        var read = Sources.ReadAll(Sources.Gb18030.GetBytes(Chinese));

        Assert.Equal("gb18030", read.Source.EncodingName);
        Assert.Equal(54936, read.Source.Encoding.CodePage);
        Assert.Equal([Chinese], read.Texts);
    }

    [Fact]
    public void Pure_ASCII_is_reported_as_UTF8()
    {
        var read = Sources.ReadAll(Sources.Utf8("220 ready\r\nUSER bob\r\n"));

        Assert.Equal("utf-8", read.Source.EncodingName);
        Assert.Equal(["220 ready", "USER bob"], read.Texts);
    }

    public static TheoryData<string, byte[], string, string> Forced => new()
    {
        // Latin-1 "café" is not UTF-8 (detection would guess Windows-1252, which agrees on it).
        { "windows-1252", Encoding.Latin1.GetBytes("550 café: no such file"), "550 café: no such file", "windows-1252" },
        { "latin1", Encoding.Latin1.GetBytes("550 café: no such file"), "550 café: no such file", "iso-8859-1" },
        // Valid UTF-8 read as GB18030 because the user says so.
        { "gb18030", Encoding.UTF8.GetBytes("é"), Sources.Gb18030.GetString(Encoding.UTF8.GetBytes("é")), "gb18030" },
        // GB18030 bytes read as UTF-8 because the user says so: replacement characters, no GB18030.
        { "utf-8", Sources.Gb18030.GetBytes("状态"), Encoding.UTF8.GetString(Sources.Gb18030.GetBytes("状态")), "utf-8" },
        // UTF-16 without a mark, forced.
        { "utf-16le", Encoding.Unicode.GetBytes("状态 ok"), "状态 ok", "utf-16le" },
        { "utf-16be", Encoding.BigEndianUnicode.GetBytes("状态 ok"), "状态 ok", "utf-16be" },
    };

    [Theory]
    [MemberData(nameof(Forced))]
    public void A_forced_encoding_overrides_detection(string name, byte[] bytes, string text, string reported)
    {
        Assert.True(TextEncodings.TryGet(name, out var encoding));

        var read = Sources.ReadAll(bytes, new LogSourceOptions { Encoding = encoding });

        Assert.Equal([text], read.Texts);
        Assert.Equal(reported, read.Source.EncodingName);
        Assert.DoesNotContain(read.Diagnostics, d => d.Code == "encoding-switched");
    }

    [Fact]
    public void A_forced_encoding_that_matches_the_byte_order_mark_skips_the_mark()
    {
        var read = Sources.ReadAll([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes("ok\nnext")], new LogSourceOptions { Encoding = Encoding.UTF8 });

        Assert.Equal(["ok", "next"], read.Texts);
        Assert.Equal(3, read.Lines[0].ByteOffset);
    }

    [Fact]
    public void A_forced_encoding_is_not_switched_when_later_lines_are_not_UTF8()
    {
        var bytes = (byte[])[.. AsciiLines(70_000, out var count), .. Sources.Gb18030.GetBytes(Chinese + "\n")];

        var read = Sources.ReadAll(bytes, new LogSourceOptions { Encoding = TextEncodings.Utf8 });

        Assert.Equal("utf-8", read.Source.EncodingName);
        Assert.DoesNotContain(read.Diagnostics, d => d.Code == "encoding-switched");
        Assert.NotEqual(Chinese, read.Lines[count].Text);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(1000)]
    public void ASCII_first_then_GBK_later_switches_to_GB18030_at_that_line(int? chunk)
    {
        var bytes = (byte[])[
            .. AsciiLines(70_000, out var count),
            .. Sources.Gb18030.GetBytes(Chinese + "\r\n"),
            .. Encoding.ASCII.GetBytes("226 Transfer complete\r\n"),
            .. Sources.Gb18030.GetBytes("错误:> 无法连接\r\n"),
        ];

        var read = Sources.ReadAll(bytes, chunk: chunk);

        Assert.Equal(count + 3, read.Lines.Count);
        Assert.Equal(Chinese, read.Lines[count].Text);
        Assert.Equal(count + 1, read.Lines[count].Number);
        Assert.Equal("226 Transfer complete", read.Lines[count + 1].Text);
        Assert.Equal("错误:> 无法连接", read.Lines[count + 2].Text);
        var switched = Assert.Single(read.Diagnostics);
        Assert.Equal(new Diagnostic("test.log", count + 1, DiagnosticSeverity.Info, "encoding-switched", switched.Message), switched);
        Assert.Contains("GB18030", switched.Message);
        Assert.Equal("gb18030", read.Source.EncodingName);
        Assert.Equal(54936, read.Source.Encoding.CodePage);
    }

    [Fact]
    public void ASCII_first_then_UTF8_later_stays_UTF8()
    {
        var bytes = (byte[])[.. AsciiLines(70_000, out var count), .. Encoding.UTF8.GetBytes(Chinese + "\n" + "café\n")];

        var read = Sources.ReadAll(bytes);

        Assert.Equal([Chinese, "café"], read.Texts.Skip(count));
        Assert.Equal("utf-8", read.Source.EncodingName);
        Assert.Empty(read.Diagnostics);
    }

    [Fact]
    public void A_UTF8_line_cut_inside_a_character_does_not_switch_to_GB18030()
    {
        // 1 ASCII byte then two-byte characters: the 256-byte bound falls inside a character.
        var longLine = "x" + new string('é', 200);
        var bytes = (byte[])[.. AsciiLines(70_000, out var count), .. Encoding.UTF8.GetBytes(longLine + "\ncafé\n")];

        var read = Sources.ReadAll(bytes, new LogSourceOptions { MaxLineBytes = 256 });

        Assert.True(read.Lines[count].Truncated);
        Assert.StartsWith("x" + new string('é', 127), read.Lines[count].Text);
        Assert.Equal("café", read.Lines[count + 1].Text);
        Assert.Equal("utf-8", read.Source.EncodingName);
        Assert.Equal(["line-too-long"], read.Codes);
    }

    /// <summary>ASCII lines filling at least <paramref name="bytes"/> bytes, so the detection sample sees nothing else.</summary>
    private static byte[] AsciiLines(int bytes, out int count)
    {
        var text = new StringBuilder();
        count = 0;
        while (text.Length < bytes)
        {
            count++;
            text.Append("STATUS:> Getting listing \"\"... line ").Append(count).Append("\r\n");
        }

        return Encoding.ASCII.GetBytes(text.ToString());
    }
}
