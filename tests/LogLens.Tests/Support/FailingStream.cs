namespace LogLens.Tests.Support;

/// <summary>A stream that gives some bytes, at most <c>chunk</c> per read, then fails the way a dropped network share does.</summary>
public sealed class FailingStream(byte[] bytes, int chunk) : Stream
{
    private int position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (position == bytes.Length)
        {
            throw new IOException("the network name is no longer available");
        }

        var n = Math.Min(Math.Min(chunk, count), bytes.Length - position);
        bytes.AsSpan(position, n).CopyTo(buffer.AsSpan(offset));
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
