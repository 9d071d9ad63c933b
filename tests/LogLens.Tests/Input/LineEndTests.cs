using System.Text;
using LogLens.Input;
using LogLens.Tests.Support;

namespace LogLens.Tests.Input;

public class LineEndTests
{
    /// <summary>Input, its lines joined by '|', and each line's byte offset.</summary>
    public static TheoryData<string, string, string> LineEnds => new()
    {
        { "a\nbb\nccc", "a|bb|ccc", "0,2,5" },
        { "a\nbb\nccc\n", "a|bb|ccc", "0,2,5" },
        { "a\r\nbb\r\nccc", "a|bb|ccc", "0,3,7" },
        { "a\r\nbb\r\nccc\r\n", "a|bb|ccc", "0,3,7" },
        { "a\rbb\rccc", "a|bb|ccc", "0,2,5" },
        { "a\rbb\rccc\r", "a|bb|ccc", "0,2,5" },
        { "a\r\nbb\nccc\rdddd", "a|bb|ccc|dddd", "0,3,6,10" },
        { "\n\nx\n", "||x", "0,1,2" },
        { "\r\n\r\nx", "||x", "0,2,4" },
        { "a\r\r\nb", "a||b", "0,2,4" },
        { "a\n\rb", "a||b", "0,2,3" },
        { "a\n\n\nb\n", "a|||b", "0,2,3,4" },
        { "\n", "", "0" },
        { "\r\n", "", "0" },
        { "\r", "", "0" },
        { "x", "x", "0" },
        { "  \t ", "  \t ", "0" },
    };

    /// <summary>Every line-end case at several read sizes, after enough text that reads really are split.</summary>
    public static TheoryData<string, string, string, int> LineEndsAtEveryAlignment()
    {
        var data = new TheoryData<string, string, string, int>();
        foreach (var row in LineEnds)
        {
            foreach (var chunk in new[] { 1, 2, 3, 7, 4096 })
            {
                data.Add((string)row[0], (string)row[1], (string)row[2], chunk);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(LineEnds))]
    public void Lines_split_on_LF_CRLF_and_CR_without_their_line_ends(string input, string texts, string offsets)
    {
        var read = Sources.ReadAll(Sources.Utf8(input));

        Assert.Equal(texts.Split('|'), read.Texts);
        Assert.Equal(offsets.Split(',').Select(long.Parse), read.Lines.Select(l => l.ByteOffset));
        Assert.Equal(Enumerable.Range(1, read.Lines.Count).Select(i => (long)i), read.Lines.Select(l => l.Number));
        Assert.All(read.Lines, l => Assert.False(l.Truncated));
        Assert.Empty(read.Diagnostics);
    }

    [Theory]
    [MemberData(nameof(LineEndsAtEveryAlignment))]
    public void Line_ends_are_found_whatever_the_size_of_each_read(string input, string texts, string offsets, int chunk)
    {
        // 1,000 lines of 70 bytes: more than the 64 KiB detection sample, so later reads are chunked.
        var filler = string.Concat(Enumerable.Range(1, 1000).Select(i => $"filler {i,5} ".PadRight(69, '.') + "\n"));
        Assert.Equal(70_000, filler.Length);

        var read = Sources.ReadAll(Sources.Utf8(filler + input), chunk: chunk);

        Assert.Equal(Enumerable.Range(1, read.Lines.Count).Select(i => (long)i), read.Lines.Select(l => l.Number));
        var tail = read.Lines.Skip(1000).ToArray();
        Assert.Equal(texts.Split('|'), tail.Select(l => l.Text));
        Assert.Equal(offsets.Split(',').Select(o => 70_000 + long.Parse(o)), tail.Select(l => l.ByteOffset));
        Assert.Equal("filler  1000 ".PadRight(69, '.'), read.Lines[999].Text);
        Assert.Empty(read.Diagnostics);
    }

    [Fact]
    public void Empty_input_has_no_lines()
    {
        var read = Sources.ReadAll([]);

        Assert.Empty(read.Lines);
    }

    [Theory]
    [InlineData(131_069)]
    [InlineData(131_070)]
    [InlineData(131_071)] // the last byte of the first 128 KiB read: the LF comes only with the next read
    [InlineData(131_072)]
    [InlineData(131_073)]
    [InlineData(262_143)]
    public void A_CRLF_split_between_two_reads_is_one_line_end(int crAt)
    {
        var (bytes, expected) = CrlfLinesWithCrAt(crAt);

        var read = Sources.ReadAll(bytes);

        AssertLines(expected, read.Lines);
    }

    [Theory]
    [InlineData(131_071)]
    [InlineData(131_072)]
    public void A_CRLF_split_between_two_reads_of_a_file_is_one_line_end(int crAt)
    {
        using var files = new TempFiles();
        var (bytes, expected) = CrlfLinesWithCrAt(crAt);
        var path = files.Write(bytes);

        using var source = LogSource.Open(path);
        var lines = source.ReadLines().ToList();

        AssertLines(expected, lines);
        Assert.Empty(source.Diagnostics);
    }

    [Theory]
    [InlineData(65_536)]
    [InlineData(100_000)]
    [InlineData(131_072)]
    public void A_CRLF_split_by_a_read_of_exactly_that_size_is_one_line_end(int chunk)
    {
        // The CR is the last byte of the first read of the given size, the LF the first of the next.
        var (bytes, expected) = CrlfLinesWithCrAt(chunk - 1);

        var read = Sources.ReadAll(bytes, chunk: chunk);

        AssertLines(expected, read.Lines);
    }

    [Fact]
    public void Offsets_skip_a_UTF8_byte_order_mark()
    {
        var read = Sources.ReadAll([0xEF, 0xBB, 0xBF, .. Sources.Utf8("first\r\nsecond\nthird")]);

        Assert.Equal(["first", "second", "third"], read.Texts);
        Assert.Equal([3L, 10L, 17L], read.Lines.Select(l => l.ByteOffset));
        Assert.Equal([1, 2, 3], read.Lines.Select(l => l.Number));
    }

    [Fact]
    public void Offsets_count_bytes_not_characters()
    {
        var read = Sources.ReadAll(Sources.Utf8("状态:> 连接\nok\n"));

        Assert.Equal(["状态:> 连接", "ok"], read.Texts);
        Assert.Equal([0L, Encoding.UTF8.GetByteCount("状态:> 连接\n")], read.Lines.Select(l => l.ByteOffset));
    }

    [Fact]
    public void Line_numbers_and_offsets_run_on_through_many_refills()
    {
        var text = string.Concat(Enumerable.Range(1, 50_000).Select(i => $"line {i}\r\n"));

        var read = Sources.ReadAll(Sources.Utf8(text));

        Assert.Equal(50_000, read.Lines.Count);
        long offset = 0;
        for (var i = 0; i < read.Lines.Count; i++)
        {
            Assert.Equal(i + 1, read.Lines[i].Number);
            Assert.Equal($"line {i + 1}", read.Lines[i].Text);
            Assert.Equal(offset, read.Lines[i].ByteOffset);
            offset += read.Lines[i].Text.Length + 2;
        }
    }

    /// <summary>Lines ending in CRLF, built so that one line's CR is at byte <paramref name="crAt"/>.</summary>
    private static (byte[] Bytes, List<(string Text, long Offset)> Lines) CrlfLinesWithCrAt(int crAt)
    {
        var lines = new List<(string, long)>();
        var text = new StringBuilder();
        while (crAt - text.Length > 200)
        {
            var line = $"filler line {lines.Count + 1}".PadRight(98, '-');
            lines.Add((line, text.Length));
            text.Append(line).Append("\r\n");
        }

        var target = new string('t', crAt - text.Length);
        lines.Add((target, text.Length));
        text.Append(target).Append("\r\n");
        Assert.Equal('\r', text[crAt]);
        foreach (var after in new[] { "after the boundary", "last line" })
        {
            lines.Add((after, text.Length));
            text.Append(after).Append("\r\n");
        }

        return (Encoding.ASCII.GetBytes(text.ToString()), lines);
    }

    private static void AssertLines(List<(string Text, long Offset)> expected, IReadOnlyList<LogLine> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(new LogLine(i + 1, expected[i].Offset, expected[i].Text), actual[i]);
        }
    }
}
