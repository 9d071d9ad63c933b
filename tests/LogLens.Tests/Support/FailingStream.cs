namespace LogLens.Tests.Support;

/// <summary>A stream that gives some bytes, at most <c>chunk</c> per read, then fails the way a dropped network share does.</summary>
internal sealed class FailingStream(byte[] bytes, int chunk) : LogLens.Input.ForwardOnlyStream
{
    private int position;

    public override int Read(Span<byte> destination)
    {
        if (position == bytes.Length)
        {
            throw new IOException("the network name is no longer available");
        }

        var n = Math.Min(Math.Min(chunk, destination.Length), bytes.Length - position);
        bytes.AsSpan(position, n).CopyTo(destination);
        position += n;
        return n;
    }
}
