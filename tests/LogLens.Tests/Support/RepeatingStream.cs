namespace LogLens.Tests.Support;

/// <summary>
/// A read-only stream of <c>length</c> bytes that repeat <c>pattern</c>, made as it is read (so a
/// test can feed gigabytes without holding them), counting how many bytes were read.
/// </summary>
internal sealed class RepeatingStream(byte[] pattern, long length) : LogLens.Input.ForwardOnlyStream
{
    private long position;

    /// <summary>How many bytes have been read so far.</summary>
    public long BytesRead => position;

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
}
