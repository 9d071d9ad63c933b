using System.Buffers.Binary;
using System.IO.Compression;

namespace LogLens.Input;

/// <summary>
/// Decompresses gzip like <see cref="GZipStream"/>, but fails with <see cref="InvalidDataException"/>
/// when the compressed input ends before its last member does, where <see cref="GZipStream"/> just
/// ends quietly (a .gz still being written, a partial download). A complete member ends with its
/// uncompressed size (mod 2^32), so the input's last four bytes may not name more bytes than were
/// decompressed in all. Damaged data is reported as such, not in .NET's misleading words.
/// </summary>
internal sealed class GzipInputStream : ForwardOnlyStream
{
    /// <summary>The smallest complete member: a 10-byte header, an empty deflate block, an 8-byte trailer.</summary>
    private const int SmallestMember = 20;

    private readonly TailStream compressed;
    private readonly GZipStream gzip;
    private long decompressed;
    private bool endChecked;

    public GzipInputStream(Stream compressedInput)
    {
        compressed = new TailStream(compressedInput);
        gzip = new GZipStream(compressed, CompressionMode.Decompress);
    }

    public override int Read(Span<byte> destination)
    {
        int n;
        try
        {
            n = gzip.Read(destination);
        }
        catch (InvalidDataException e)
        {
            // .NET words a failed checksum or a bad block as "compressed using an unsupported compression method".
            throw new InvalidDataException("the compressed data is damaged", e);
        }

        if (n > 0)
        {
            decompressed += n;
            return n;
        }

        if (!destination.IsEmpty && !endChecked)
        {
            endChecked = true;
            if (compressed.Length < SmallestMember || (decompressed <= uint.MaxValue && compressed.LastUInt32 > decompressed))
            {
                throw new InvalidDataException("the compressed data ends early (a truncated .gz file?)");
            }
        }

        return 0;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            gzip.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>Passes reads through, counting the bytes and keeping the last four.</summary>
    private sealed class TailStream(Stream inner) : ForwardOnlyStream
    {
        private readonly byte[] last = new byte[4];
        private long length;

        /// <summary>The last four bytes read, little-endian (meaningful once four have been read).</summary>
        public uint LastUInt32 => BinaryPrimitives.ReadUInt32LittleEndian(last);

        /// <summary>How many bytes have been read so far.</summary>
        public override long Length => length;

        public override int Read(Span<byte> destination)
        {
            var n = inner.Read(destination);
            if (n >= last.Length)
            {
                destination[(n - last.Length)..n].CopyTo(last);
            }
            else if (n > 0)
            {
                last.AsSpan(n).CopyTo(last);
                destination[..n].CopyTo(last.AsSpan(last.Length - n));
            }

            length += n;
            return n;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
