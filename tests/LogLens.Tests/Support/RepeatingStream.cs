namespace LogLens.Tests.Support;

/// <summary>
/// A read-only stream of <c>length</c> bytes that repeat <c>pattern</c>, made as it is read (so a
/// test can feed gigabytes without holding them), counting how many bytes were read.
/// </summary>
public sealed class RepeatingStream(byte[] pattern, long length) : Stream
{
    private long position;

    /// <summary>How many bytes have been read so far.</summary>
    public long BytesRead => position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> destination)
    {
        var n = (int)Math.Min(destination.Length, length - position);
        for (var i = 0; i < n; i++)
        {
            destination[i] = pattern[(int)((position + i) % pattern.Length)];
        }

        position += n;
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
