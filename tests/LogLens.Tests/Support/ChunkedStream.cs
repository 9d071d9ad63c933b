namespace LogLens.Tests.Support;

/// <summary>
/// A read-only stream over bytes that hands out at most <c>chunk</c> bytes per read, the way a pipe
/// or a socket may, so that tests can put buffer boundaries where they want them.
/// </summary>
internal sealed class ChunkedStream(byte[] bytes, int chunk) : LogLens.Input.ForwardOnlyStream
{
    private int position;

    public bool IsDisposed { get; private set; }

    public override bool CanRead => !IsDisposed;

    public override int Read(Span<byte> destination)
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        var n = Math.Min(Math.Min(chunk, destination.Length), bytes.Length - position);
        bytes.AsSpan(position, n).CopyTo(destination);
        position += n;
        return n;
    }

    protected override void Dispose(bool disposing)
    {
        IsDisposed = true;
        base.Dispose(disposing);
    }
}
