using System.Text;

namespace LogLens.Input;

/// <summary>How to read an input.</summary>
public sealed record LogSourceOptions
{
    /// <summary>The default bound on one line, in bytes.</summary>
    public const int DefaultMaxLineBytes = 64 * 1024;

    /// <summary>Forces an encoding instead of detecting one; <see langword="null"/> detects.</summary>
    public Encoding? Encoding { get; init; }

    /// <summary>Lines longer than this many bytes are cut, with a diagnostic.</summary>
    public int MaxLineBytes { get; init; } = DefaultMaxLineBytes;
}
