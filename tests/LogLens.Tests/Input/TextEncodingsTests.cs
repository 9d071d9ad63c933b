using System.Text;
using LogLens.Input;
using LogLens.Tests.Support;

namespace LogLens.Tests.Input;

public class TextEncodingsTests
{
    [Theory]
    [InlineData("utf-8", 65001)]
    [InlineData("UTF-8", 65001)]
    [InlineData("utf8", 65001)]
    [InlineData(" utf-8 ", 65001)]
    [InlineData("gbk", 936)]
    [InlineData("GBK", 936)]
    [InlineData("gb18030", 54936)]
    [InlineData("utf-16le", 1200)]
    [InlineData("utf-16", 1200)]
    [InlineData("utf-16be", 1201)]
    [InlineData("latin1", 28591)]
    [InlineData("iso-8859-1", 28591)]
    [InlineData("windows-1252", 1252)]
    [InlineData("us-ascii", 20127)]
    [InlineData("big5", 950)]
    [InlineData("shift_jis", 932)]
    [InlineData("euc-kr", 51949)]
    [InlineData("koi8-r", 20866)]
    public void Known_names_give_their_encoding(string name, int codePage)
    {
        Assert.True(TextEncodings.TryGet(name, out var encoding));
        Assert.Equal(codePage, encoding.CodePage);
    }

    [Theory]
    [InlineData("klingon")]
    [InlineData("utf-9")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("utf-7")] // known to .NET, which no longer supports it (it threw NotSupportedException)
    [InlineData("UTF-7")]
    [InlineData("utf-32")] // known, but lines are found by their line-feed byte: not 0A 00 00 00
    [InlineData("utf-32be")]
    [InlineData("ibm037")] // EBCDIC: a line feed is 25
    [InlineData("ibm500")]
    public void Unknown_names_and_encodings_LogLens_cannot_read_are_refused_without_throwing(string name)
    {
        Assert.False(TextEncodings.TryGet(name, out var encoding));
        Assert.NotNull(encoding);
    }

    [Fact]
    public void A_null_name_is_a_caller_mistake()
    {
        Assert.Throws<ArgumentNullException>(() => TextEncodings.TryGet(null!, out _));
    }

    [Fact]
    public void UTF8_by_name_replaces_bad_bytes_rather_than_throwing()
    {
        Assert.True(TextEncodings.TryGet("utf-8", out var encoding));

        Assert.Equal("a\uFFFDb", encoding.GetString([(byte)'a', 0xFF, (byte)'b']));
    }

    public static TheoryData<int, string> Names => new()
    {
        { 65001, "utf-8" },
        { 1200, "utf-16le" },
        { 1201, "utf-16be" },
        { 54936, "gb18030" },
        { 936, "gbk" },
        { 1252, "windows-1252" },
        { 28591, "iso-8859-1" },
    };

    [Theory]
    [MemberData(nameof(Names))]
    public void NameOf_gives_the_short_lower_case_name(int codePage, string name)
    {
        _ = TextEncodings.Utf8; // registers the code pages provider
        Assert.Equal(name, TextEncodings.NameOf(Encoding.GetEncoding(codePage)));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void NameOf_gives_a_name_TryGet_knows(int codePage, string name)
    {
        Assert.True(TextEncodings.TryGet(name, out var encoding));
        Assert.Equal(codePage, encoding.CodePage);
    }

    [Fact]
    public void NameOf_names_the_library_encodings()
    {
        Assert.Equal("utf-8", TextEncodings.NameOf(TextEncodings.Utf8));
        Assert.Equal("gb18030", TextEncodings.NameOf(TextEncodings.Gb18030));
        Assert.Throws<ArgumentNullException>(() => TextEncodings.NameOf(null!));
    }

    public static TheoryData<string, byte[], bool, int, int, string> Detections => new()
    {
        { "UTF-8 mark", [0xEF, 0xBB, 0xBF, (byte)'a'], true, 65001, 3, "ByteOrderMark" },
        { "UTF-16 LE mark", [0xFF, 0xFE, (byte)'a', 0], true, 1200, 2, "ByteOrderMark" },
        { "UTF-16 BE mark", [0xFE, 0xFF, 0, (byte)'a'], true, 1201, 2, "ByteOrderMark" },
        { "UTF-16 LE, no mark", Encoding.Unicode.GetBytes("USER anonymous\r\n"), true, 1200, 0, "Content" },
        { "UTF-16 BE, no mark", Encoding.BigEndianUnicode.GetBytes("USER anonymous\r\n"), true, 1201, 0, "Content" },
        { "ASCII", Encoding.ASCII.GetBytes("220 ready\r\n"), true, 65001, 0, "AsciiOnly" },
        { "UTF-8", Encoding.UTF8.GetBytes("状态:> 连接\r\n"), true, 65001, 0, "Content" },
        { "GB18030", Sources.Gb18030.GetBytes("状态:> 连接\r\n"), true, 54936, 0, "Content" },
        { "NUL bytes", [(byte)'M', (byte)'Z', 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xFF, 0xFF, 0, 0], true, 65001, 0, "Binary" },
        { "UTF-8 cut at the end of a sample", [.. Encoding.UTF8.GetBytes("状态"), 0xE8], false, 65001, 0, "Content" },
        { "UTF-8 cut at the end of the input", [.. Encoding.UTF8.GetBytes("状态"), 0xE8], true, 54936, 0, "Content" },
        { "empty", [], true, 65001, 0, "AsciiOnly" },
    };

    [Theory]
    [MemberData(nameof(Detections))]
    public void Detection_reads_the_mark_then_the_content(string description, byte[] sample, bool whole, int codePage, int preamble, string evidence)
    {
        var found = TextEncodings.Detect(sample, whole);

        Assert.True(codePage == found.Encoding.CodePage, $"{description}: {found.Encoding.CodePage}");
        Assert.Equal(preamble, found.PreambleLength);
        Assert.Equal(evidence, found.Evidence.ToString());
    }

    [Theory]
    [InlineData(new byte[] { 0x61, 0x62 }, true, true)]
    [InlineData(new byte[] { 0xE7, 0x8A, 0xB6 }, true, true)] // 状
    [InlineData(new byte[] { 0xE7, 0x8A }, false, true)] // 状 cut: more may follow
    [InlineData(new byte[] { 0xE7, 0x8A }, true, false)] // 状 cut at the end
    [InlineData(new byte[] { 0xD5, 0xFD, 0xD4, 0xDA }, true, false)] // 正在 in GB18030
    [InlineData(new byte[] { 0xFF }, false, false)]
    [InlineData(new byte[] { }, true, true)]
    public void IsValidUtf8_allows_a_cut_character_only_when_more_may_follow(byte[] bytes, bool isFinal, bool valid)
    {
        Assert.Equal(valid, TextEncodings.IsValidUtf8(bytes, isFinal));
    }
}
