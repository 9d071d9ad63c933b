using LogLens.Input;
using LogLens.Tests.Support;

namespace LogLens.Tests.Input;

public class ConcatenatedStreamTests
{
    [Theory]
    [InlineData(0, 0, 1)]
    [InlineData(0, 5, 3)]
    [InlineData(5, 0, 2)]
    [InlineData(5, 7, 1)]
    [InlineData(5, 7, 4)]
    [InlineData(5, 7, 100)]
    [InlineData(1000, 3, 333)]
    public void Reads_the_head_then_the_tail(int headLength, int tailLength, int readSize)
    {
        var head = Enumerable.Range(0, headLength).Select(i => (byte)i).ToArray();
        var tail = Enumerable.Range(0, tailLength).Select(i => (byte)(200 + i)).ToArray();
        using var stream = new ConcatenatedStream(head, new MemoryStream(tail));

        var read = new List<byte>();
        var buffer = new byte[readSize];
        int n;
        while ((n = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            read.AddRange(buffer.AsSpan(0, n).ToArray());
        }

        Assert.Equal([.. head, .. tail], read);
    }

    [Fact]
    public void Reads_through_an_offset_into_the_buffer()
    {
        using var stream = new ConcatenatedStream([1, 2, 3], new MemoryStream([4]));
        var buffer = new byte[6];

        Assert.Equal(2, stream.Read(buffer, 2, 2));
        Assert.Equal([0, 0, 1, 2, 0, 0], buffer);
    }

    [Fact]
    public void A_read_never_spans_the_head_and_the_tail()
    {
        using var stream = new ConcatenatedStream([1, 2], new MemoryStream([3, 4]));
        var buffer = new byte[10];

        Assert.Equal(2, stream.Read(buffer));
        Assert.Equal(2, stream.Read(buffer));
        Assert.Equal(0, stream.Read(buffer));
    }

    [Fact]
    public void Copies_to_another_stream()
    {
        using var stream = new ConcatenatedStream([1, 2], new MemoryStream([3, 4, 5]));
        using var copy = new MemoryStream();

        stream.CopyTo(copy);

        Assert.Equal([1, 2, 3, 4, 5], copy.ToArray());
    }

    [Fact]
    public void Is_read_only_and_forward_only()
    {
        using var stream = new ConcatenatedStream([1], new MemoryStream());

        Assert.True(stream.CanRead);
        Assert.False(stream.CanSeek);
        Assert.False(stream.CanWrite);
        Assert.Throws<NotSupportedException>(() => stream.Length);
        Assert.Throws<NotSupportedException>(() => stream.Position);
        Assert.Throws<NotSupportedException>(() => stream.Position = 0);
        Assert.Throws<NotSupportedException>(() => stream.Seek(0, SeekOrigin.Begin));
        Assert.Throws<NotSupportedException>(() => stream.SetLength(0));
        Assert.Throws<NotSupportedException>(() => stream.Write([1], 0, 1));
    }

    [Fact]
    public void Disposing_it_disposes_the_tail()
    {
        var tail = new ChunkedStream([1, 2], 1);

        new ConcatenatedStream([0], tail).Dispose();

        Assert.True(tail.IsDisposed);
    }

    [Fact]
    public void A_non_closing_wrapper_reads_through_and_leaves_its_stream_open()
    {
        var inner = new ChunkedStream([1, 2, 3], 2);
        var wrapper = new NonClosingStream(inner);
        var buffer = new byte[3];

        Assert.Equal(2, wrapper.Read(buffer, 0, 3));
        Assert.Equal(1, wrapper.Read(buffer.AsSpan(2)));
        wrapper.Dispose();

        Assert.Equal([1, 2, 3], buffer);
        Assert.False(inner.IsDisposed);
        Assert.False(wrapper.CanSeek);
        Assert.False(wrapper.CanWrite);
    }
}
