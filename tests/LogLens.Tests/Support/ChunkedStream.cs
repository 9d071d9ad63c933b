namespace LogLens.Tests.Support;

/// <summary>
/// A read-only stream over bytes that hands out at most <c>chunk</c> bytes per read, the way a pipe
/// or a socket may, so that tests can put buffer boundaries where they want them.
/// </summary>
public sealed class ChunkedStream(byte[] bytes, int chunk) : Stream
{
    private int position;

    public bool IsDisposed { get; private set; }

    public override bool CanRead => !IsDisposed;

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
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        var n = Math.Min(Math.Min(chunk, destination.Length), bytes.Length - position);
        bytes.AsSpan(position, n).CopyTo(destination);
        position += n;
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        IsDisposed = true;
        base.Dispose(disposing);
    }
}
