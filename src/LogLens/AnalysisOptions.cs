using System.Text;
using LogLens.Input;
using LogLens.Parsing;

namespace LogLens;

/// <summary>How to analyse a log.</summary>
public sealed record AnalysisOptions
{
    /// <summary>Forces a format instead of detecting one; <see langword="null"/> detects per file.</summary>
    public ILogFormat? Format { get; init; }

    /// <summary>Forces an encoding instead of detecting one; <see langword="null"/> detects per file.</summary>
    public Encoding? Encoding { get; init; }

    /// <summary>Lines longer than this many bytes are cut, with a diagnostic.</summary>
    public int MaxLineBytes { get; init; } = LogSourceOptions.DefaultMaxLineBytes;

    /// <summary>
    /// How many unrecognized lines a file lists with their text; the rest are still counted, and a
    /// diagnostic says how many were not listed. The listing also stops once its texts add up to
    /// 4 Mi characters, so that long lines cannot make it large.
    /// </summary>
    public int MaxUnrecognizedListed { get; init; } = 10_000;

    /// <summary>How many characters of text the unrecognized lines of a file listed may add up to.</summary>
    internal const int MaxUnrecognizedListedChars = 4 * 1024 * 1024;
}
