using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace LogLens.Input;

/// <summary>
/// Names and detects the text encodings FTP logs come in: a byte order mark first, else UTF-8 when
/// the text is valid UTF-8, else GB18030 (the ANSI code page of Chinese Windows, a superset of GBK)
/// or Windows-1252 (that of Western Windows), whichever reads as the more plausible text.
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

    /// <summary>Windows-1252 (code page 1252), the ANSI code page of Western Windows.</summary>
    internal static Encoding Windows1252 { get; } = GetCodePage(1252);

    /// <summary>
    /// Looks up an encoding LogLens reads by name (<c>utf-8</c>, <c>gbk</c>, <c>gb18030</c>, <c>utf-16le</c>,
    /// <c>latin1</c>, <c>windows-1252</c>…): UTF-16, or any code page that writes ASCII as ASCII (lines
    /// are found by their line-feed byte). UTF-7 (which .NET no longer supports), UTF-32 and EBCDIC are refused.
    /// </summary>
    /// <param name="name">The name.</param>
    /// <param name="encoding">The encoding, when known.</param>
    /// <returns>Whether the name is known and LogLens reads it.</returns>
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
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            encoding = Utf8;
            return false;
        }

        if (encoding is UnicodeEncoding || WritesAsciiAsAscii(encoding))
        {
            return true;
        }

        encoding = Utf8;
        return false;
    }

    /// <summary>Whether an encoding writes line ends and ASCII text as their ASCII bytes (not UTF-32, not EBCDIC).</summary>
    private static bool WritesAsciiAsAscii(Encoding encoding)
    {
        const string Sample = "\r\n\t 09AZaz:[]()<>=.-_/\\\"'";
        try
        {
            return encoding.GetBytes(Sample).AsSpan().SequenceEqual(Encoding.ASCII.GetBytes(Sample));
        }
        catch (EncoderFallbackException)
        {
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

        // Each line that is not ASCII votes for the encoding it reads best in; the most votes win,
        // and a tie goes to UTF-8, then GB18030. (The sample's last line may be cut by the sample's end.)
        int utf8 = 0, gb18030 = 0, windows1252 = 0;
        while (!sample.IsEmpty)
        {
            var end = sample.IndexOfAny((byte)'\n', (byte)'\r');
            var line = end < 0 ? sample : sample[..end];
            sample = end < 0 ? default : sample[(end + 1)..];
            if (Ascii.IsValid(line))
            {
                continue;
            }

            switch (Guess(line, isFinal: end >= 0 || isWholeInput, Utf8).CodePage)
            {
                case 65001:
                    utf8++;
                    break;
                case 54936:
                    gb18030++;
                    break;
                default:
                    windows1252++;
                    break;
            }
        }

        var encoding = utf8 >= gb18030 && utf8 >= windows1252 ? Utf8 : gb18030 >= windows1252 ? Gb18030 : Windows1252;
        return new EncodingDetection(encoding, 0, EncodingEvidence.Content);
    }

    /// <summary>
    /// The encoding a line that is not ASCII reads best in: UTF-8 when it is valid UTF-8 and reads
    /// as letters, CJK or punctuation; else GB18030 or Windows-1252 by which reads as the more
    /// plausible text. Each is scored: UTF-8 two points a plausible character and minus two an
    /// unlikely one (GBK bytes that happen to be valid UTF-8 read as Hebrew, combining marks…);
    /// GB18030 a point a character of GB2312's common range (lead and trail bytes 0xA1 and up:
    /// hanzi and CJK punctuation) and minus one a byte sequence it cannot read; Windows-1252 two
    /// points a byte of 0x80 and up standing alone between ASCII bytes (an accented letter in a
    /// Latin word: in GBK such bytes come in pairs) and minus one a byte it leaves undefined. The
    /// highest score wins; a tie goes to <paramref name="preferred"/>, then UTF-8, then GB18030.
    /// </summary>
    /// <param name="line">The line's bytes, without its line end.</param>
    /// <param name="isFinal">Whether the line is whole (not cut inside a character at its end).</param>
    /// <param name="preferred">The encoding that wins a tie (the file's).</param>
    /// <returns>UTF-8, GB18030 or Windows-1252.</returns>
    internal static Encoding Guess(ReadOnlySpan<byte> line, bool isFinal, Encoding preferred)
    {
        var utf8 = IsValidUtf8(line, isFinal) ? Utf8Plausibility(line) : int.MinValue;
        var (gb18030, windows1252) = LegacyPlausibility(line, isFinal);
        var best = Math.Max(utf8, Math.Max(gb18030, windows1252));
        var preferredScore = preferred.CodePage switch
        {
            65001 => utf8,
            54936 => gb18030,
            1252 => windows1252,
            _ => int.MinValue,
        };
        return preferredScore == best ? preferred : utf8 == best ? Utf8 : gb18030 == best ? Gb18030 : Windows1252;
    }

    /// <summary>The short name of an encoding as a person writes it (<c>UTF-8</c>, <c>GB18030</c>, <c>Windows-1252</c>).</summary>
    internal static string DisplayName(Encoding encoding) => encoding.CodePage switch
    {
        65001 => "UTF-8",
        54936 => "GB18030",
        1252 => "Windows-1252",
        _ => NameOf(encoding),
    };

    /// <summary>Two points a character of valid UTF-8 that text is likely to hold, minus two any other (see <see cref="Guess"/>).</summary>
    private static int Utf8Plausibility(ReadOnlySpan<byte> bytes)
    {
        var score = 0;
        while (!bytes.IsEmpty)
        {
            var ascii = bytes.IndexOfAnyInRange((byte)0x80, (byte)0xFF);
            if (ascii < 0)
            {
                break;
            }

            bytes = bytes[ascii..];
            if (Rune.DecodeFromUtf8(bytes, out var rune, out var consumed) != OperationStatus.Done)
            {
                break; // a character cut at the end of a cut line
            }

            score += IsLikelyText(rune.Value) ? 2 : -2;
            bytes = bytes[consumed..];
        }

        return score;
    }

    /// <summary>Letters of Latin, Greek and Cyrillic scripts, CJK, kana, hangul, and common punctuation and symbols.</summary>
    private static bool IsLikelyText(int c) =>
        c is (>= 0xA0 and <= 0x17F) // Latin-1 punctuation and letters, Latin Extended-A
            or (>= 0x370 and <= 0x4FF) // Greek, Cyrillic
            or (>= 0x1E00 and <= 0x1EFF) // Latin Extended Additional (Vietnamese)
            or (>= 0x2000 and <= 0x206F) // general punctuation: dashes, quotes, ellipsis
            or (>= 0x20A0 and <= 0x20CF) // currency signs
            or (>= 0x2100 and <= 0x21FF) // letterlike symbols, arrows
            or (>= 0x2500 and <= 0x257F) // box drawing
            or (>= 0x3000 and <= 0x30FF) // CJK punctuation, kana
            or (>= 0x3400 and <= 0x4DBF) // CJK extension A
            or (>= 0x4E00 and <= 0x9FFF) // CJK ideographs
            or (>= 0xAC00 and <= 0xD7AF) // hangul
            or (>= 0xFF00 and <= 0xFFEF) // full-width forms
            or (>= 0x1F300 and <= 0x1FAFF); // emoji

    /// <summary>The GB18030 and Windows-1252 scores of a line (see <see cref="Guess"/>).</summary>
    private static (int Gb18030, int Windows1252) LegacyPlausibility(ReadOnlySpan<byte> bytes, bool isFinal)
    {
        int gb = 0, latin = 0;
        var first = bytes.IndexOfAnyInRange((byte)0x80, (byte)0xFF);
        if (first < 0)
        {
            return (0, 0);
        }

        for (var i = first; i < bytes.Length; i++)
        {
            var b = bytes[i];
            if (b < 0x80)
            {
                continue;
            }

            var alone = (i == 0 || bytes[i - 1] < 0x80) && (i == bytes.Length - 1 || bytes[i + 1] < 0x80);
            latin += b is 0x81 or 0x8D or 0x8F or 0x90 or 0x9D ? -1 : alone ? 2 : 0;
        }

        for (var i = first; i < bytes.Length;)
        {
            var b = bytes[i];
            if (b < 0x80)
            {
                i++;
                continue;
            }

            if (b is 0x80 or 0xFF)
            {
                gb--;
                i++;
                continue;
            }

            if (i + 1 >= bytes.Length)
            {
                gb -= isFinal ? 1 : 0; // a lead byte cut off from its trail by a cut line is no fault
                break;
            }

            var t = bytes[i + 1];
            if (t is (>= 0x40 and <= 0x7E) or (>= 0x80 and <= 0xFE))
            {
                gb += b >= 0xA1 && b <= 0xF7 && t >= 0xA1 ? 1 : 0;
                i += 2;
            }
            else if (t is >= 0x30 and <= 0x39 && i + 3 < bytes.Length && bytes[i + 2] is >= 0x81 and <= 0xFE && bytes[i + 3] is >= 0x30 and <= 0x39)
            {
                i += 4; // a four-byte sequence: a rare character, valid
            }
            else
            {
                gb--;
                i++;
            }
        }

        return (gb, latin);
    }

    /// <summary>Whether bytes are valid UTF-8, allowing a character cut at the end of a sample.</summary>
    /// <param name="bytes">The bytes.</param>
    /// <param name="isFinal">Whether nothing follows them.</param>
    /// <returns>Whether they are valid.</returns>
    internal static bool IsValidUtf8(ReadOnlySpan<byte> bytes, bool isFinal)
    {
        if (isFinal)
        {
            return System.Text.Unicode.Utf8.IsValid(bytes);
        }

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
