using System.Text;
using LogLens.Input;
using LogLens.Tests.Support;

namespace LogLens.Tests.Input;

public sealed class BadInputTests : IDisposable
{
    private readonly TempFiles files = new();

    public void Dispose() => files.Dispose();

    [Fact]
    public void A_missing_file_is_an_error_not_an_exception()
    {
        var path = files.NewPath();

        using var source = LogSource.Open(path);

        Assert.Empty(source.ReadLines());
        Assert.False(source.IsReadable);
        Assert.True(source.HasErrors);
        Assert.Equal(new Diagnostic(path, null, DiagnosticSeverity.Error, "not-found", "no such file or folder"), Assert.Single(source.Diagnostics));
    }

    [Fact]
    public void A_file_in_a_missing_folder_is_not_found()
    {
        var path = Path.Combine(files.NewPath(string.Empty), "ftp.log");

        using var source = LogSource.Open(path);

        Assert.Equal("not-found", Assert.Single(source.Diagnostics).Code);
        Assert.Empty(source.ReadLines());
    }

    [Fact]
    public void A_folder_is_unreadable_and_the_message_says_it_is_a_folder()
    {
        var folder = files.NewFolder();

        using var source = LogSource.Open(folder);

        Assert.Empty(source.ReadLines());
        Assert.False(source.IsReadable);
        var error = Assert.Single(source.Diagnostics);
        Assert.Equal("unreadable", error.Code);
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        Assert.Equal(folder, error.File);
        Assert.Null(error.Line);
        Assert.Contains("folder", error.Message);
    }

    [Fact]
    public void An_empty_file_has_no_lines_and_an_info()
    {
        var path = files.Write([]);

        using var source = LogSource.Open(path);

        Assert.Empty(source.ReadLines());
        Assert.True(source.IsReadable);
        Assert.False(source.HasErrors);
        Assert.Equal(new Diagnostic(path, null, DiagnosticSeverity.Info, "empty", "the file is empty"), Assert.Single(source.Diagnostics));
    }

    [Fact]
    public void An_empty_stream_has_no_lines_and_an_info()
    {
        var read = Sources.ReadAll([]);

        Assert.Empty(read.Lines);
        Assert.Equal(["empty"], read.Codes);
    }

    public static TheoryData<string, byte[]> BinaryContent => new()
    {
        { "executable header", [(byte)'M', (byte)'Z', 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0x00, 0x00, 0xB8, 0x00] },
        { "random bytes", RandomBytes(3, 70_000) },
        { "random bytes, the whole input", RandomBytes(4, 3000) },
        { "zip", [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00, 0x21, 0x00, 0xB7, 0x1C, 0x0A, 0x0D] },
        { "all zero", new byte[4096] },
    };

    [Theory]
    [MemberData(nameof(BinaryContent))]
    public void Binary_content_is_an_error_and_gives_no_lines(string description, byte[] bytes)
    {
        var read = Sources.ReadAll(bytes);

        Assert.True(read.Lines.Count == 0, description);
        Assert.False(read.Source.IsReadable);
        var error = Assert.Single(read.Diagnostics);
        Assert.Equal("binary", error.Code);
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
    }

    private static byte[] RandomBytes(int seed, int size)
    {
        var bytes = new byte[size];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    [Fact]
    public void A_binary_file_is_reported_with_its_path()
    {
        var path = files.Write([0x7F, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0x3E, 0]);

        using var source = LogSource.Open(path);

        Assert.Empty(source.ReadLines());
        Assert.Equal(new Diagnostic(path, null, DiagnosticSeverity.Error, "binary", "not a text log: its start is binary data (NUL and control bytes) rather than lines of text; skipped"), Assert.Single(source.Diagnostics));
    }

    [Theory]
    [InlineData(1, 100)]
    [InlineData(2, 5000)]
    [InlineData(3, 70_000)]
    [InlineData(4, 300_000)]
    [InlineData(5, 1)]
    public void Random_bytes_without_NUL_never_throw_and_come_out_as_lines(int seed, int size)
    {
        var random = new Random(seed);
        var bytes = new byte[size];
        random.NextBytes(bytes);
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] = bytes[i] == 0 ? (byte)1 : bytes[i];
        }

        var read = Sources.ReadAll(bytes, new LogSourceOptions { MaxLineBytes = 1024 }, chunk: seed * 997);

        Assert.True(read.Source.IsReadable);
        Assert.False(read.Source.HasErrors);
        Assert.NotEmpty(read.Lines);
        Assert.Equal(Enumerable.Range(1, read.Lines.Count).Select(i => (long)i), read.Lines.Select(l => l.Number));
        Assert.Equal(0, read.Lines[0].ByteOffset);
        Assert.All(read.Lines.Zip(read.Lines.Skip(1)), pair => Assert.True(pair.First.ByteOffset < pair.Second.ByteOffset));
        Assert.All(read.Lines, l => Assert.True(l.ByteOffset < size));
    }

    [Fact]
    public void A_stream_that_fails_at_once_is_unreadable()
    {
        using var source = LogSource.FromStream(new FailingStream([], 1), "share.log");

        Assert.Empty(source.ReadLines());
        Assert.False(source.IsReadable);
        Assert.Equal(
            new Diagnostic("share.log", null, DiagnosticSeverity.Error, "unreadable", "cannot be read: the network name is no longer available"),
            Assert.Single(source.Diagnostics));
    }

    [Theory]
    [InlineData(3, 4096)] // the failure comes while the first 64 KiB are sampled
    [InlineData(3000, 4096)] // the failure comes while lines are read
    [InlineData(3000, 1_000_000)]
    public void A_stream_that_fails_part_way_gives_its_lines_then_names_the_last_one(int count, int chunk)
    {
        var text = string.Concat(Enumerable.Range(1, count).Select(i => $"line {i} of a log on a share\r\n")) + "half a li";

        using var source = LogSource.FromStream(new FailingStream(Encoding.ASCII.GetBytes(text), chunk), "share.log");
        var lines = source.ReadLines().ToList();

        Assert.Equal(count + 1, lines.Count);
        Assert.Equal("half a li", lines[^1].Text);
        Assert.True(source.IsReadable);
        Assert.Equal(
            new Diagnostic("share.log", count + 2, DiagnosticSeverity.Error, "read-failed", $"reading stopped after line {count + 1}: the network name is no longer available"),
            Assert.Single(source.Diagnostics));
    }

    [Fact]
    public void A_path_the_system_cannot_take_is_unreadable()
    {
        using var source = LogSource.Open("bad\0name.log");

        Assert.Empty(source.ReadLines());
        Assert.Equal("unreadable", Assert.Single(source.Diagnostics).Code);
    }

    [Fact]
    public void A_forced_encoding_reads_even_NUL_bytes()
    {
        var read = Sources.ReadAll(Encoding.ASCII.GetBytes("a\0b\nc"), new LogSourceOptions { Encoding = Encoding.ASCII });

        Assert.Equal(["a\0b", "c"], read.Texts);
        Assert.Empty(read.Diagnostics);
    }

    [Fact]
    public void Lines_can_be_read_only_once()
    {
        using var source = LogSource.FromStream(new MemoryStream(Encoding.ASCII.GetBytes("a\nb")), "twice.log");

        _ = source.ReadLines();

        Assert.Throws<InvalidOperationException>(() => source.ReadLines());
    }

    [Fact]
    public void Lines_can_be_read_only_once_even_after_reading_them_all()
    {
        var path = files.Write(Encoding.ASCII.GetBytes("a\nb"));
        using var source = LogSource.Open(path);

        Assert.Equal(2, source.ReadLines().Count());

        Assert.Throws<InvalidOperationException>(() => source.ReadLines());
    }

    [Fact]
    public void A_stream_that_cannot_be_read_is_a_caller_mistake()
    {
        var closed = new MemoryStream();
        closed.Dispose();

        Assert.Throws<ArgumentException>("stream", () => LogSource.FromStream(closed, "closed.log"));
    }

    [Fact]
    public void A_write_only_stream_is_a_caller_mistake()
    {
        using var writeOnly = new FileStream(files.NewPath(), FileMode.CreateNew, FileAccess.Write);

        Assert.Throws<ArgumentException>("stream", () => LogSource.FromStream(writeOnly, "write-only.log"));
    }

    [Fact]
    public void Null_arguments_are_caller_mistakes()
    {
        using var stream = new MemoryStream();

        Assert.Throws<ArgumentNullException>("path", () => LogSource.Open(null!));
        Assert.Throws<ArgumentNullException>("stream", () => LogSource.FromStream(null!, "x"));
        Assert.Throws<ArgumentNullException>("name", () => LogSource.FromStream(stream, null!));
    }

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, false)]
    public void Disposing_the_source_closes_the_stream_unless_asked_to_leave_it_open(bool leaveOpen, bool closed)
    {
        var stream = new ChunkedStream(Encoding.ASCII.GetBytes("a\nb\n"), 100);
        var source = LogSource.FromStream(stream, "s.log", leaveOpen: leaveOpen);
        Assert.Equal(["a", "b"], source.ReadLines().Select(l => l.Text));

        source.Dispose();
        source.Dispose();

        Assert.Equal(closed, stream.IsDisposed);
    }

    [Fact]
    public void A_file_is_closed_when_the_source_is_disposed()
    {
        var path = files.Write(Encoding.ASCII.GetBytes("a\nb\n"));

        using (var source = LogSource.Open(path))
        {
            Assert.Equal(2, source.ReadLines().Count());
        }

        File.Delete(path);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void The_name_is_the_path_or_the_name_given()
    {
        var path = files.Write(Encoding.ASCII.GetBytes("x"));

        using var file = LogSource.Open(path);
        using var stream = LogSource.FromStream(new MemoryStream(), "stdin");

        Assert.Equal(path, file.Name);
        Assert.Equal("stdin", stream.Name);
    }
}
