using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace LogLens.Input;

/// <summary>
/// Names and detects the text encodings FTP logs come in: a byte order mark first, else UTF-8 when
/// the bytes are valid UTF-8, else GB18030 (the ANSI code page of Chinese Windows, a superset of GBK).
/// </summary>
public static class TextEncodings
{
    /// <summary>Bytes that text does not hold: C0 controls but tab, line ends, form feed, SUB (a DOS end of file) and escape (colours); and DEL. NUL is counted apart.</summary>
    private static readonly SearchValues<byte> ControlBytes = SearchValues.Create(
        [0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x0B, 0x0E, 0x0F, 0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19, 0x1C, 0x1D, 0x1E, 0x1F, 0x7F]);

    static TextEncodings() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>UTF-8 that replaces invalid bytes rather than throwing.</summary>
    public static Encoding Utf8 { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    /// <summary>GB18030 (code page 54936).</summary>
    public static Encoding Gb18030 { get; } = GetCodePage(54936);

    /// <summary>Looks up an encoding by name (<c>utf-8</c>, <c>gbk</c>, <c>gb18030</c>, <c>utf-16le</c>, <c>latin1</c>, <c>windows-1252</c>…).</summary>
    /// <param name="name">The name.</param>
    /// <param name="encoding">The encoding, when known.</param>
    /// <returns>Whether the name is known.</returns>
    public static bool TryGet(string name, out Encoding encoding)
    {
        ArgumentNullException.ThrowIfNull(name);
        try
        {
            encoding = name.Trim().ToLowerInvariant() switch
            {
                "utf8" or "utf-8" => Utf8,
                "gb18030" => Gb18030,
                "utf16" or "utf-16" or "utf-16le" or "utf16le" => Encoding.Unicode,
                "utf-16be" or "utf16be" => Encoding.BigEndianUnicode,
                var other => Encoding.GetEncoding(other),
            };
            return true;
        }
        catch (ArgumentException)
        {
            encoding = Utf8;
            return false;
        }
    }

    /// <summary>The short lower-case name LogLens reports for an encoding.</summary>
    /// <param name="encoding">The encoding.</param>
    /// <returns>For example <c>utf-8</c>, <c>utf-16le</c>, <c>gb18030</c>, <c>gbk</c>.</returns>
    public static string NameOf(Encoding encoding)
    {
        ArgumentNullException.ThrowIfNull(encoding);
        return encoding.CodePage switch
        {
            65001 => "utf-8",
            1200 => "utf-16le",
            1201 => "utf-16be",
            54936 => "gb18030",
            936 => "gbk", // .NET's web name, gb2312, names a smaller character set
            _ => encoding.WebName.ToLowerInvariant(),
        };
    }

    /// <summary>What the first bytes of a file say about its encoding.</summary>
    /// <param name="sample">The first bytes (up to some tens of kilobytes).</param>
    /// <param name="isWholeInput">Whether <paramref name="sample"/> is the whole input (so a cut character at its end is an error).</param>
    /// <returns>The detection.</returns>
    internal static EncodingDetection Detect(ReadOnlySpan<byte> sample, bool isWholeInput)
    {
        if (sample.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return new EncodingDetection(Utf8, 3, EncodingEvidence.ByteOrderMark);
        }

        if (sample.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return new EncodingDetection(Encoding.Unicode, 2, EncodingEvidence.ByteOrderMark);
        }

        if (sample.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return new EncodingDetection(Encoding.BigEndianUnicode, 2, EncodingEvidence.ByteOrderMark);
        }

        if (LooksLikeUtf16WithoutMark(sample, out var utf16))
        {
            return new EncodingDetection(utf16, 0, EncodingEvidence.Content);
        }

        if (sample.Contains((byte)0) && LooksBinary(sample, isWholeInput))
        {
            return new EncodingDetection(Utf8, 0, EncodingEvidence.Binary);
        }

        if (Ascii.IsValid(sample))
        {
            return new EncodingDetection(Utf8, 0, EncodingEvidence.AsciiOnly);
        }

        return IsValidUtf8(sample, isWholeInput)
            ? new EncodingDetection(Utf8, 0, EncodingEvidence.Content)
            : new EncodingDetection(Gb18030, 0, EncodingEvidence.Content);
    }

    /// <summary>Whether bytes are valid UTF-8, allowing a character cut at the end of a sample.</summary>
    /// <param name="bytes">The bytes.</param>
    /// <param name="isFinal">Whether nothing follows them.</param>
    /// <returns>Whether they are valid.</returns>
    internal static bool IsValidUtf8(ReadOnlySpan<byte> bytes, bool isFinal)
    {
        var chars = ArrayPool<char>.Shared.Rent(Math.Max(bytes.Length, 1));
        try
        {
            var status = System.Text.Unicode.Utf8.ToUtf16(bytes, chars, out _, out _, replaceInvalidSequences: false, isFinalBlock: isFinal);
            return status is System.Buffers.OperationStatus.Done or System.Buffers.OperationStatus.NeedMoreData;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    /// <summary>
    /// Whether a sample with NUL bytes is binary. NUL bytes alone do not say so: a crash or a
    /// preallocated log leaves runs of them in text, and the reader removes them. What is not NUL
    /// decides: the sample is binary when at least as many of those bytes are on lines with control
    /// bytes (not text) as on lines of text, or when it is nothing but NUL bytes and line ends and
    /// is the whole input. (Taken literally, "no line of text at all" would call a zip or a JPEG
    /// text: random bytes hold many short runs of printable bytes between line ends.)
    /// </summary>
    /// <param name="sample">The first bytes of the input.</param>
    /// <param name="isWholeInput">Whether the sample is all of the input.</param>
    /// <returns>Whether to skip the input as binary.</returns>
    internal static bool LooksBinary(ReadOnlySpan<byte> sample, bool isWholeInput)
    {
        long text = 0, binary = 0;
        while (!sample.IsEmpty)
        {
            var end = sample.IndexOfAny((byte)'\n', (byte)'\r');
            var line = end < 0 ? sample : sample[..end];
            sample = end < 0 ? default : sample[(end + 1)..];
            var bytes = line.Length - line.Count((byte)0);
            if (bytes == 0)
            {
                continue;
            }

            if (line.IndexOfAny(ControlBytes) >= 0)
            {
                binary += bytes;
            }
            else
            {
                text += bytes;
            }
        }

        return text + binary == 0 ? isWholeInput : binary >= text;
    }

    private static bool LooksLikeUtf16WithoutMark(ReadOnlySpan<byte> sample, out Encoding encoding)
    {
        encoding = Encoding.Unicode;
        var pairs = Math.Min(sample.Length / 2, 512);
        if (pairs < 4)
        {
            return false;
        }

        int zeroEven = 0, zeroOdd = 0;
        for (var i = 0; i < pairs * 2; i += 2)
        {
            zeroEven += sample[i] == 0 ? 1 : 0;
            zeroOdd += sample[i + 1] == 0 ? 1 : 0;
        }

        // ASCII-heavy UTF-16 text: one byte of nearly every pair is zero, the other almost never.
        if (zeroOdd > pairs * 0.6 && zeroEven < pairs * 0.05)
        {
            return true;
        }

        if (zeroEven > pairs * 0.6 && zeroOdd < pairs * 0.05)
        {
            encoding = Encoding.BigEndianUnicode;
            return true;
        }

        return false;
    }

    private static Encoding GetCodePage(int codePage)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(codePage);
    }
}

/// <summary>What an encoding guess rests on.</summary>
internal enum EncodingEvidence
{
    ByteOrderMark,
    Content,
    AsciiOnly,
    Binary,
}

/// <summary>The result of encoding detection.</summary>
/// <param name="Encoding">The encoding to read with.</param>
/// <param name="PreambleLength">Bytes of byte order mark to skip.</param>
/// <param name="Evidence">What the guess rests on.</param>
internal readonly record struct EncodingDetection(Encoding Encoding, int PreambleLength, EncodingEvidence Evidence);
