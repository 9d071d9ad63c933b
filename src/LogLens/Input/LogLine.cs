namespace LogLens.Input;

/// <summary>One line of input text.</summary>
/// <param name="Number">1-based line number.</param>
/// <param name="ByteOffset">Offset of the line's first byte in the (decompressed) input; for UTF-16 input, in its UTF-8 transcoding.</param>
/// <param name="Text">The decoded text without its line end.</param>
/// <param name="Truncated">Whether the line was longer than the bound and was cut.</param>
public readonly record struct LogLine(long Number, long ByteOffset, string Text, bool Truncated = false);
