using LogLens.Input;

namespace LogLens.Parsing;

/// <summary>
/// The formats LogLens knows. Every non-abstract <see cref="ILogFormat"/> of this assembly with a
/// public parameterless constructor is one; adding a dialect is adding its folder under
/// <c>Parsing/Formats/</c>, nothing more.
/// </summary>
public static class FormatRegistry
{
    /// <summary>
    /// How many non-blank lines from the start of a file detection looks at, at most: it stops
    /// sooner at the end of the first 4096 lines or 256 KiB of text, blank lines included, so that
    /// what it holds never depends on the input (a file that starts with more blank lines than that
    /// is not detected; <c>--format</c> names its format).
    /// </summary>
    public const int DetectionSampleSize = 200;

    /// <summary>How many lines, blank or not, detection looks at, at most.</summary>
    internal const int DetectionMaxLines = 4096;

    /// <summary>How many characters of text, blank lines included, detection looks at, at most (the line that crosses it is the last).</summary>
    internal const int DetectionMaxChars = 256 * 1024;

    /// <summary>Every built-in format, by name.</summary>
    public static IReadOnlyList<ILogFormat> BuiltIn { get; } = Implementations.Of<ILogFormat>(nonPublic: false)
        .OrderBy(f => f.Name, StringComparer.Ordinal)
        .ToArray();

    /// <summary>The built-in format with this name (case-insensitive).</summary>
    /// <param name="name">A name such as <c>servu</c>.</param>
    /// <returns>The format, or <see langword="null"/>.</returns>
    public static ILogFormat? Find(string name) =>
        BuiltIn.FirstOrDefault(f => f.Name.Equals(name?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>Picks the format that scores highest on a sample of a file's first non-blank lines.</summary>
    /// <param name="sample">The sample.</param>
    /// <param name="candidates">The formats to choose from; all built-in ones by default.</param>
    /// <returns>The best format and its score, or a null format when none recognizes any line.</returns>
    public static (ILogFormat? Format, double Score) Detect(IReadOnlyList<LogLine> sample, IEnumerable<ILogFormat>? candidates = null)
    {
        ArgumentNullException.ThrowIfNull(sample);

        // The formats the sample most resembles are scored first, and a format that reads every line
        // (the highest score there is) ends the search: the others are neither scored nor built, which
        // is most of what detection costs (compiling their grammars). Ties go to the earlier format in
        // the given order, as before, among the formats scored.
        var ordered = (candidates ?? BuiltIn)
            .Select((format, index) => (Format: format, Index: index, Resemblance: format.Resemblance(sample)))
            .OrderByDescending(c => c.Resemblance)
            .ThenBy(c => c.Index);
        ILogFormat? best = null;
        var bestScore = 0.0;
        var bestIndex = int.MaxValue;
        foreach (var (format, index, _) in ordered)
        {
            var score = format.Score(sample);
            if (score > bestScore || (score == bestScore && score > 0 && index < bestIndex))
            {
                best = format;
                bestScore = score;
                bestIndex = index;
            }

            if (score >= 1.0)
            {
                break;
            }
        }

        return (best, bestScore);
    }
}
