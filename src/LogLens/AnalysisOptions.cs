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
    /// diagnostic says how many were not listed.
    /// </summary>
    public int MaxUnrecognizedListed { get; init; } = 10_000;
}
