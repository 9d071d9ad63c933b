using System.IO.Compression;
using System.Text;
using LogLens.Input;
using LogLens.Tests.Support;

namespace LogLens.Tests.Input;

public class GzipInputTests
{
    private static readonly string[] Transcript =
    [
        "220 Serv-U FTP Server v6.4 for WinSock ready...",
        "USER anonymous",
        "331 User name okay, please send complete E-mail address as password.",
        "PASS ***",
        "530 Not logged in.",
    ];

    [Theory]
    [InlineData(null)]
    [InlineData(1)]
    [InlineData(5)]
    public void A_gzip_stream_is_read_transparently(int? chunk)
    {
        var read = Sources.ReadAll(Gzip(Encoding.UTF8.GetBytes(string.Join("\r\n", Transcript) + "\r\n")), chunk: chunk);

        Assert.True(read.Source.IsCompressed);
        Assert.Equal(Transcript, read.Texts);
        Assert.Equal([1, 2, 3, 4, 5], read.Lines.Select(l => l.Number));
        Assert.Equal(0, read.Lines[0].ByteOffset);
        Assert.Equal(Transcript[0].Length + 2, read.Lines[1].ByteOffset);
        Assert.Empty(read.Diagnostics);
    }

    [Fact]
    public void A_gz_file_is_read_transparently()
    {
        using var files = new TempFiles();
        var path = files.Write(Gzip(Encoding.UTF8.GetBytes(string.Join("\n", Transcript))), ".log.gz");

        using var source = LogSource.Open(path);

        Assert.Equal(Transcript, source.ReadLines().Select(l => l.Text));
        Assert.True(source.IsCompressed);
        Assert.True(source.IsReadable);
        Assert.Empty(source.Diagnostics);
    }

    [Fact]
    public void A_plain_file_is_not_compressed()
    {
        var read = Sources.ReadAll(Encoding.UTF8.GetBytes(Transcript[0]));

        Assert.False(read.Source.IsCompressed);
    }

    [Fact]
    public void Compressed_text_still_has_its_encoding_detected()
    {
        var read = Sources.ReadAll(Gzip(Sources.Gb18030.GetBytes("状态:> 正在连接到 ftp 服务器\r\n错误:> 无法连接\r\n")));

        Assert.True(read.Source.IsCompressed);
        Assert.Equal("gb18030", read.Source.EncodingName);
        Assert.Equal(["状态:> 正在连接到 ftp 服务器", "错误:> 无法连接"], read.Texts);
    }

    [Fact]
    public void Compressed_UTF16_is_read()
    {
        var read = Sources.ReadAll(Gzip([.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("a\r\n状态\r\n")]));

        Assert.True(read.Source.IsCompressed);
        Assert.Equal("utf-16le", read.Source.EncodingName);
        Assert.Equal(["a", "状态"], read.Texts);
    }

    [Fact]
    public void A_large_compressed_file_is_read_in_full()
    {
        var lines = ManyLines(30_000);

        var read = Sources.ReadAll(Gzip(Encoding.ASCII.GetBytes(string.Join("\n", lines))));

        Assert.Equal(lines, read.Texts);
        Assert.Empty(read.Diagnostics);
    }

    [Fact]
    public void Concatenated_gzip_members_are_read_as_one_input()
    {
        var read = Sources.ReadAll([.. Gzip(Encoding.ASCII.GetBytes("first\n")), .. Gzip(Encoding.ASCII.GetBytes("second\n"))]);

        Assert.Equal(["first", "second"], read.Texts);
    }

    [Fact]
    public void A_gzip_of_nothing_is_an_empty_input()
    {
        // What gzip(1) writes for an empty file (GZipStream writes nothing at all when given nothing).
        byte[] emptyMember = [0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0x03, 0x00, 0, 0, 0, 0, 0, 0, 0, 0];

        var read = Sources.ReadAll(emptyMember);

        Assert.True(read.Source.IsCompressed);
        Assert.Empty(read.Lines);
        Assert.Equal(["empty"], read.Codes);
        Assert.Equal(DiagnosticSeverity.Info, read.Diagnostics[0].Severity);
    }

    [Fact]
    public void A_gzip_header_followed_by_garbage_is_an_error_not_an_exception()
    {
        var header = Gzip(Encoding.ASCII.GetBytes("x"))[..10];
        var garbage = Enumerable.Range(0, 4000).Select(i => (byte)(i * 7919 % 251 + 3)).ToArray();

        var read = Sources.ReadAll([.. header, .. garbage]);

        Assert.True(read.Source.IsCompressed);
        Assert.Empty(read.Lines);
        var error = Assert.Single(read.Diagnostics);
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        Assert.Equal(new Diagnostic("test.log", null, DiagnosticSeverity.Error, "unreadable", "cannot be read: the compressed data is damaged"), error);
        Assert.False(read.Source.IsReadable);
    }

    [Theory]
    [InlineData(10)] // the header alone
    [InlineData(0.1)]
    [InlineData(0.5)]
    [InlineData(0.9)]
    public void A_truncated_gzip_gives_the_lines_before_the_cut_and_an_error(double keep)
    {
        var lines = ManyLines(30_000);
        var gz = Gzip(Encoding.ASCII.GetBytes(string.Join("\n", lines) + "\n"));
        var cut = keep >= 1 ? (int)keep : (int)(gz.Length * keep);

        var read = Sources.ReadAll(gz[..cut]);

        AssertPrefixThenError(lines, read);
    }

    [Fact]
    public void A_gzip_cut_anywhere_is_an_error()
    {
        var gz = Gzip(Encoding.ASCII.GetBytes(string.Join("\r\n", Transcript) + "\r\n"));

        for (var cut = 2; cut < gz.Length; cut++)
        {
            var read = Sources.ReadAll(gz[..cut]);

            Assert.True(read.Source.IsCompressed);
            Assert.True(read.Source.HasErrors, $"cut at {cut} of {gz.Length}");
            Assert.Contains("the compressed data ends early", read.Diagnostics.Single().Message);
            Assert.All(read.Lines.SkipLast(1), l => Assert.Equal(Transcript[l.Number - 1], l.Text));
        }
    }

    [Fact]
    public void A_complete_member_followed_by_a_cut_one_is_an_error()
    {
        var first = Gzip(Encoding.ASCII.GetBytes("first\n"));
        var second = Gzip(Encoding.ASCII.GetBytes(string.Join("\n", ManyLines(1000))));

        var read = Sources.ReadAll([.. first, .. second[..(second.Length / 2)]]);

        Assert.Equal("first", read.Texts[0]);
        Assert.Equal("read-failed", Assert.Single(read.Diagnostics).Code);
    }

    [Fact]
    public void Zero_bytes_after_the_last_member_are_ignored()
    {
        var read = Sources.ReadAll([.. Gzip(Encoding.ASCII.GetBytes("first\nsecond\n")), 0, 0, 0, 0, 0, 0, 0, 0]);

        Assert.Equal(["first", "second"], read.Texts);
        Assert.Empty(read.Diagnostics);
    }

    public static TheoryData<string, byte[]> Junk => new()
    {
        { "a line of text", Encoding.ASCII.GetBytes("garbage after the end\n") },
        { "one byte", [(byte)'x'] },
        { "a lone gzip magic byte", [0x1F] },
        { "an error page", Encoding.ASCII.GetBytes("<html><body><h1>502 Bad Gateway</h1></body></html>\r\n") },
        { "random bytes", RandomBytes(1, 5000) },
        { "random bytes, more than one read", RandomBytes(2, 60_000) },
        { "a long tail", RandomBytes(4, 1_000_000) },
        { "zero bytes, then text", [0, 0, 0, 0, .. Encoding.ASCII.GetBytes("tail")] },
    };

    [Theory]
    [MemberData(nameof(Junk))]
    public void Bytes_after_a_complete_gzip_are_ignored_and_told_as_such_not_as_a_cut(string description, byte[] junk)
    {
        var lines = ManyLines(3000);
        var gz = Gzip(Encoding.ASCII.GetBytes(string.Join("\n", lines) + "\n"));

        foreach (var chunk in new int?[] { null, 1000 })
        {
            var read = Sources.ReadAll([.. gz, .. junk], chunk: chunk);

            Assert.Equal(lines, read.Texts);
            Assert.False(read.Source.HasErrors, description);
            Assert.Equal(
                new Diagnostic("test.log", null, DiagnosticSeverity.Warning, "gzip-trailing-data", $"the compressed data is complete, but {junk.Length} bytes after it are not gzip; they were ignored"),
                Assert.Single(read.Diagnostics));
        }
    }

    [Fact]
    public void After_several_members_trailing_data_is_told_as_at_least_what_was_left_unread()
    {
        var junk = RandomBytes(3, 300_000);
        byte[] gz = [.. Gzip(Encoding.ASCII.GetBytes("first\n")), .. Gzip(Encoding.ASCII.GetBytes("second\n"))];

        var read = Sources.ReadAll([.. gz, .. junk]);

        Assert.Equal(["first", "second"], read.Texts);
        var warning = Assert.Single(read.Diagnostics);
        Assert.Equal(("gzip-trailing-data", DiagnosticSeverity.Warning), (warning.Code, warning.Severity));
        var atLeast = long.Parse(System.Text.RegularExpressions.Regex.Match(warning.Message, "at least ([0-9]+) bytes").Groups[1].Value);
        Assert.InRange(atLeast, junk.Length - 70_000, junk.Length);
    }

    [Fact]
    public void Zero_bytes_after_the_end_are_padding_however_many()
    {
        var read = Sources.ReadAll([.. Gzip(Encoding.ASCII.GetBytes("first\nsecond\n")), .. new byte[200_000]]);

        Assert.Equal(["first", "second"], read.Texts);
        Assert.Empty(read.Diagnostics);
    }

    [Fact]
    public void A_gzip_corrupted_in_the_middle_gives_the_lines_before_and_an_error()
    {
        var lines = ManyLines(30_000);
        var gz = Gzip(Encoding.ASCII.GetBytes(string.Join("\n", lines) + "\n"));
        for (var i = gz.Length / 2; i < gz.Length / 2 + 64; i++)
        {
            gz[i] ^= 0x5A;
        }

        var read = Sources.ReadAll(gz);

        // Deflate cannot tell bad data from good until the checksum at the end, so lines after the
        // damage may come out garbled before the error; the lines before it are intact.
        Assert.Equal(lines[..1000], read.Texts.Take(1000));
        var error = Assert.Single(read.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal("read-failed", error.Code);
        Assert.Equal(read.Lines.Count + 1, error.Line);
        Assert.EndsWith(": the compressed data is damaged", error.Message);
    }

    [Fact]
    public void A_corrupt_gz_file_is_reported_with_its_path()
    {
        using var files = new TempFiles();
        var gz = Gzip(Encoding.ASCII.GetBytes(string.Join("\n", ManyLines(30_000))));
        var path = files.Write(gz[..(gz.Length / 2)], ".gz");

        using var source = LogSource.Open(path);
        var lines = source.ReadLines().ToList();

        Assert.NotEmpty(lines);
        var error = Assert.Single(source.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal(path, error.File);
    }

    /// <summary>
    /// Whatever was delivered is the start of the real lines (the last one may be cut short), and one
    /// error says after which delivered line reading stopped.
    /// </summary>
    private static void AssertPrefixThenError(string[] lines, Sources.Read read)
    {
        var got = read.Texts;
        Assert.True(got.Count < lines.Length, "a truncated input cannot give every line");
        for (var i = 0; i < got.Count; i++)
        {
            if (i == got.Count - 1)
            {
                Assert.StartsWith(got[i], lines[i]);
            }
            else
            {
                Assert.Equal(lines[i], got[i]);
            }
        }

        var error = Assert.Single(read.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Contains(error.Code, new[] { "unreadable", "read-failed" });
        if (error.Code == "read-failed")
        {
            Assert.Equal(got.Count + 1, error.Line);
            Assert.Contains($"after line {got.Count}:", error.Message);
        }
        else
        {
            Assert.Empty(got);
        }
    }

    private static byte[] RandomBytes(int seed, int size)
    {
        var bytes = new byte[size];
        new Random(seed).NextBytes(bytes);
        bytes[0] = bytes[0] == 0x1F ? (byte)0x20 : bytes[0]; // not the start of another member
        return bytes;
    }

    private static string[] ManyLines(int count)
    {
        var random = new Random(20260101);
        return Enumerable.Range(1, count)
            .Select(i => $"({i:D6}) 07/03/2004 11:46:{i % 60:D2} - user{random.Next(1000)} ({random.Next():X8}) 226 Transfer complete {random.Next()}")
            .ToArray();
    }

    private static byte[] Gzip(byte[] content)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(content);
        }

        return output.ToArray();
    }
}
