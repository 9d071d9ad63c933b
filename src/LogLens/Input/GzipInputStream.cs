using System.IO.Compression;

namespace LogLens.Input;

/// <summary>
/// Decompresses gzip like <see cref="GZipStream"/>, but fails with <see cref="InvalidDataException"/>
/// when the compressed input ends before its last member does, where <see cref="GZipStream"/> just
/// ends quietly (a .gz still being written, a partial download). A complete member ends with its
/// uncompressed size (mod 2^32), so the input's last four bytes may not name more bytes than were
/// decompressed in all. Damaged data is reported as such, not in .NET's misleading words.
/// <para>
/// <see cref="GZipStream"/> also ends quietly at bytes after a complete member that are not gzip,
/// leaving unread those it did not take with its last read. They are told apart from a cut (which
/// it reads to its end): bytes are left unread, or the member's size is found among the last bytes
/// read with more after it (<see cref="TrailingBytes"/>). Zero bytes after the end are padding, not
/// said. (After several members the count is a least, and a tail that came whole with the last
/// read is not seen: only the whole input's size is known, not the last member's.)
/// </para>
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

    /// <summary>
    /// Bytes after the end of the compressed data that are not gzip (and were ignored), once the end
    /// was read; zero when there were none.
    /// </summary>
    public long TrailingBytes { get; private set; }

    /// <summary>Whether <see cref="TrailingBytes"/> is their exact count, or only how many there were at least.</summary>
    public bool TrailingBytesExact { get; private set; }

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
            CheckEnd();
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

    /// <summary>At the end of the decompressed data: whether the input was cut, or went on past it.</summary>
    private void CheckEnd()
    {
        if (compressed.Length < SmallestMember)
        {
            throw new InvalidDataException("the compressed data ends early (a truncated .gz file?)");
        }

        // GZipStream stops reading at bytes after a member that are not another member's header
        // (some of them may have come with its last read); a cut input it reads to its end.
        var size = (uint)decompressed;
        var read = compressed.Length;
        var end = compressed.LastUInt32 == size ? read : compressed.FindEndOf(size, SmallestMember);
        var readAfter = end is { } e ? read - e : 0;
        var zerosAfter = compressed.TrailingZeros >= readAfter;
        var (unread, unreadZeros) = compressed.ReadRest();
        if (readAfter + unread > 0)
        {
            if (!(zerosAfter && unreadZeros))
            {
                // The count is exact when the member's end was found (one member), else it is what was left unread.
                TrailingBytes = readAfter + unread;
                TrailingBytesExact = end is not null;
            }

            return;
        }

        if (end is null && decompressed <= uint.MaxValue && compressed.LastUInt32 > decompressed)
        {
            throw new InvalidDataException("the compressed data ends early (a truncated .gz file?)");
        }
    }

    /// <summary>Passes reads through, counting the bytes and keeping the last 64 KiB.</summary>
    private sealed class TailStream(Stream inner) : ForwardOnlyStream
    {
        private const int Kept = 64 * 1024;
        private readonly byte[] last = new byte[Kept];
        private long length;

        /// <summary>The last four bytes read, little-endian (meaningful once four have been read).</summary>
        public uint LastUInt32 => length < 4 ? 0 : Value(length);

        /// <summary>How many bytes have been read so far.</summary>
        public override long Length => length;

        /// <summary>How many of the last bytes read are zero.</summary>
        public long TrailingZeros { get; private set; }

        /// <summary>
        /// The first place among the bytes kept, at least <paramref name="from"/> bytes in and short
        /// of the end, where four bytes read <paramref name="value"/> (little-endian): the offset just past them.
        /// </summary>
        public long? FindEndOf(uint value, long from)
        {
            for (var end = Math.Max(from, length - Kept + 4); end < length; end++)
            {
                if (Value(end) == value)
                {
                    return end;
                }
            }

            return null;
        }

        /// <summary>Reads what is left of the input, keeping nothing: how many bytes, and whether all were zero.</summary>
        public (long Bytes, bool AllZero) ReadRest()
        {
            var scratch = new byte[8192];
            long bytes = 0;
            var allZero = true;
            int n;
            while ((n = inner.Read(scratch)) > 0)
            {
                bytes += n;
                allZero = allZero && !scratch.AsSpan(0, n).ContainsAnyExcept((byte)0);
            }

            return (bytes, allZero);
        }

        public override int Read(Span<byte> destination)
        {
            var n = inner.Read(destination);
            var read = destination[..n];
            var keep = read.Length > Kept ? read[^Kept..] : read;
            var at = (int)((length + read.Length - keep.Length) % Kept);
            var first = Math.Min(keep.Length, Kept - at);
            keep[..first].CopyTo(last.AsSpan(at));
            keep[first..].CopyTo(last);
            var nonZero = read.LastIndexOfAnyExcept((byte)0);
            TrailingZeros = nonZero < 0 ? TrailingZeros + n : n - nonZero - 1;
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

        /// <summary>The four bytes before offset <paramref name="end"/>, little-endian (they must still be kept).</summary>
        private uint Value(long end) =>
            (uint)(At(end - 4) | (At(end - 3) << 8) | (At(end - 2) << 16) | (At(end - 1) << 24));

        private int At(long offset) => last[(int)(offset % Kept)];
    }
}
