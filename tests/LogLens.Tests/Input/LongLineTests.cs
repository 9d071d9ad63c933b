using System.Text;
using LogLens.Input;
using LogLens.Tests.Support;

namespace LogLens.Tests.Input;

public class LongLineTests
{
    private const int Bound = 256;

    /// <summary>Line lengths around the bound, each read whole and in several read sizes.</summary>
    public static TheoryData<int, int?, string> Lengths()
    {
        var data = new TheoryData<int, int?, string>();
        foreach (var length in new[] { 255, 256, 257, 300, 1000, 100_000 })
        {
            foreach (var chunk in new int?[] { null, 1, 100, 255, 256, 4096 })
            {
                foreach (var end in new[] { "\n", "\r\n" })
                {
                    data.Add(length, chunk, end);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void A_line_longer_than_the_bound_is_cut_to_it_with_one_warning(int length, int? chunk, string end)
    {
        var filler = Filler(out var count);
        var longLine = LongText(length);
        var bytes = Encoding.ASCII.GetBytes(filler + longLine + end + "next line" + end + "last");

        var read = Sources.ReadAll(bytes, new LogSourceOptions { MaxLineBytes = Bound }, chunk);

        Assert.Equal(count + 3, read.Lines.Count);
        var cut = read.Lines[count];
        Assert.Equal(count + 1, cut.Number);
        Assert.Equal(filler.Length, cut.ByteOffset);
        Assert.Equal(longLine[..Math.Min(length, Bound)], cut.Text);
        Assert.Equal(length > Bound, cut.Truncated);
        Assert.Equal(new LogLine(count + 2, filler.Length + length + end.Length, "next line"), read.Lines[count + 1]);
        Assert.Equal(new LogLine(count + 3, filler.Length + length + 2 * end.Length + 9, "last"), read.Lines[count + 2]);
        if (length > Bound)
        {
            var warning = Assert.Single(read.Diagnostics);
            Assert.Equal(
                new Diagnostic("test.log", count + 1, DiagnosticSeverity.Warning, "line-too-long", $"line of {length} bytes cut to its first {Bound} bytes"),
                warning);
        }
        else
        {
            Assert.Empty(read.Diagnostics);
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData(1000)]
    public void A_long_last_line_without_a_line_end_is_cut_with_its_true_length(int? chunk)
    {
        var bytes = Encoding.ASCII.GetBytes("first\n" + LongText(5000));

        var read = Sources.ReadAll(bytes, new LogSourceOptions { MaxLineBytes = Bound }, chunk);

        Assert.Equal(["first", LongText(Bound)], read.Texts);
        Assert.True(read.Lines[1].Truncated);
        var warning = Assert.Single(read.Diagnostics);
        Assert.Equal(2, warning.Line);
        Assert.Contains("line of 5000 bytes", warning.Message);
    }

    [Fact]
    public void Several_long_lines_each_get_their_own_warning()
    {
        var bytes = Encoding.ASCII.GetBytes($"{LongText(300)}\n{LongText(400)}\r\nshort\n{LongText(500)}\n");

        var read = Sources.ReadAll(bytes, new LogSourceOptions { MaxLineBytes = Bound });

        Assert.Equal([true, true, false, true], read.Lines.Select(l => l.Truncated));
        Assert.Equal([1, 2, 4], read.Diagnostics.Select(d => d.Line!.Value));
        Assert.Equal(
            ["line of 300 bytes cut to its first 256 bytes", "line of 400 bytes cut to its first 256 bytes", "line of 500 bytes cut to its first 256 bytes"],
            read.Diagnostics.Select(d => d.Message));
        Assert.Equal("short", read.Lines[2].Text);
    }

    [Fact]
    public void Past_the_first_hundred_cut_lines_are_counted_not_listed()
    {
        var bytes = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat(LongText(300) + "\n", 130)));

        var read = Sources.ReadAll(bytes, new LogSourceOptions { MaxLineBytes = Bound });

        Assert.All(read.Lines, l => Assert.True(l.Truncated));
        Assert.Equal(Enumerable.Range(1, 100).Select(i => (long?)i), read.Diagnostics.Where(d => d.Code == "line-too-long").Select(d => d.Line));
        var rest = Assert.Single(read.Diagnostics, d => d.Code == "line-too-long-not-listed");
        Assert.Equal("30 more lines were cut to their first 256 bytes; not listed one by one", rest.Message);
    }

    [Fact]
    public void The_default_bound_is_64_KiB()
    {
        var bytes = Encoding.ASCII.GetBytes(LongText(100_000) + "\nafter");

        var read = Sources.ReadAll(bytes);

        Assert.Equal(LogSourceOptions.DefaultMaxLineBytes, read.Lines[0].Text.Length);
        Assert.True(read.Lines[0].Truncated);
        Assert.Equal(new LogLine(2, 100_001, "after"), read.Lines[1]);
    }

    [Fact]
    public void Bounds_below_256_bytes_are_raised_to_256()
    {
        var read = Sources.ReadAll(Encoding.ASCII.GetBytes(LongText(200)), new LogSourceOptions { MaxLineBytes = 10 });

        Assert.Equal(200, read.Lines[0].Text.Length);
        Assert.False(read.Lines[0].Truncated);
    }

    [Fact]
    public void A_10_MB_line_without_a_line_end_is_cut_without_reading_it_into_memory()
    {
        var bytes = new byte[10_000_000];
        bytes.AsSpan().Fill((byte)'x');
        using var stream = new MemoryStream(bytes, writable: false);
        using var source = LogSource.FromStream(stream, "huge.log");

        var before = GC.GetAllocatedBytesForCurrentThread();
        var lines = source.ReadLines().ToList();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        var line = Assert.Single(lines);
        Assert.Equal(LogSourceOptions.DefaultMaxLineBytes, line.Text.Length);
        Assert.True(line.Truncated);
        Assert.True(allocated < 4_000_000, $"allocated {allocated} bytes");
        var warning = Assert.Single(source.Diagnostics);
        Assert.Equal(1, warning.Line);
        Assert.Contains("line of 10000000 bytes", warning.Message);
    }

    [Fact]
    public void A_10_MB_line_in_the_middle_leaves_the_next_line_numbers_right()
    {
        var bytes = (byte[])[.. Encoding.ASCII.GetBytes("220 ready\r\n"), .. Enumerable.Repeat((byte)'y', 10_000_000), .. Encoding.ASCII.GetBytes("\r\nUSER bob\r\n331 ok")];

        var read = Sources.ReadAll(bytes);

        Assert.Equal(4, read.Lines.Count);
        Assert.Equal(LogSourceOptions.DefaultMaxLineBytes, read.Lines[1].Text.Length);
        Assert.Equal(new LogLine(3, 11 + 10_000_000 + 2, "USER bob"), read.Lines[2]);
        Assert.Equal(4, read.Lines[3].Number);
        Assert.Equal("331 ok", read.Lines[3].Text);
        var warning = Assert.Single(read.Diagnostics);
        Assert.Equal(2, warning.Line);
        Assert.Contains("line of 10000000 bytes", warning.Message);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(64)]
    public void A_line_of_exactly_the_bound_is_never_cut_however_it_arrives(int chunk)
    {
        var filler = Filler(out var count);
        var bytes = Encoding.ASCII.GetBytes(filler + LongText(Bound) + "\n" + LongText(Bound) + "\r\nend");

        var read = Sources.ReadAll(bytes, new LogSourceOptions { MaxLineBytes = Bound }, chunk);

        Assert.Equal([LongText(Bound), LongText(Bound), "end"], read.Texts.Skip(count));
        Assert.All(read.Lines, l => Assert.False(l.Truncated));
        Assert.Empty(read.Diagnostics);
    }

    /// <summary>Printable text of the given length that shows where it was cut.</summary>
    private static string LongText(int length) =>
        string.Create(length, 0, (span, _) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = (char)('a' + (i % 26));
            }
        });

    /// <summary>Short lines longer than the 64 KiB detection sample, so that later reads are really chunked.</summary>
    private static string Filler(out int count)
    {
        var text = new StringBuilder();
        count = 0;
        while (text.Length < 66_000)
        {
            count++;
            text.Append("filler ").Append(count).Append('\n');
        }

        return text.ToString();
    }
}
