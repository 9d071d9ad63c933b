namespace LogLens.Input;

/// <summary>A read-only stream of some bytes already read, then the rest of another stream.</summary>
internal sealed class ConcatenatedStream(byte[] head, Stream tail) : ForwardOnlyStream
{
    private int position;

    public override int Read(Span<byte> destination)
    {
        if (position < head.Length)
        {
            var n = Math.Min(destination.Length, head.Length - position);
            head.AsSpan(position, n).CopyTo(destination);
            position += n;
            return n;
        }

        return tail.Read(destination);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            tail.Dispose();
        }

        base.Dispose(disposing);
    }
}

/// <summary>Wraps a caller's stream so that disposing the wrapper leaves it open.</summary>
internal sealed class NonClosingStream(Stream inner) : ForwardOnlyStream
{
    public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

    public override int Read(Span<byte> destination) => inner.Read(destination);
}
