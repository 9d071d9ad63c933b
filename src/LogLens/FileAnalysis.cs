using LogLens.Analysis;
using LogLens.Input;

namespace LogLens;

/// <summary>Where each line of a file went: <c>Recognized + Unrecognized + Blank + Other == Total</c>.</summary>
/// <param name="Total">All lines.</param>
/// <param name="Recognized">Lines a rule of the format matched.</param>
/// <param name="Unrecognized">Non-blank lines no rule matched.</param>
/// <param name="Blank">Empty or white-space lines.</param>
/// <param name="Other">Lines of other programs in a shared log (syslog), recognized as not about FTP.</param>
public sealed record LineCounts(long Total, long Recognized, long Unrecognized, long Blank, long Other = 0);

/// <summary>A line no rule matched, kept so that nothing the user gave is lost.</summary>
/// <param name="File">The input's name.</param>
/// <param name="Line">The line number.</param>
/// <param name="Text">The text, passwords redacted.</param>
public sealed record UnrecognizedEntry(string File, long Line, string Text);

/// <summary>Everything LogLens found in one input.</summary>
public sealed record FileAnalysis
{
    /// <summary>The input's path or name.</summary>
    public required string Path { get; init; }

    /// <summary>The format used (detected or forced), or <see langword="null"/> when none was recognized.</summary>
    public string? Format { get; init; }

    /// <summary>The encoding read with (<c>utf-8</c>, <c>gb18030</c>, …), or <see langword="null"/> when the input could not be read.</summary>
    public string? Encoding { get; init; }

    /// <summary>Whether the input was gzip-compressed.</summary>
    public bool IsCompressed { get; init; }

    /// <summary>Line accounting.</summary>
    public required LineCounts Lines { get; init; }

    /// <summary>The sessions, in order of their first line.</summary>
    public IReadOnlyList<FtpSession> Sessions { get; init; } = [];

    /// <summary>The unrecognized lines, in order (at most <see cref="AnalysisOptions.MaxUnrecognizedListed"/>).</summary>
    public IReadOnlyList<UnrecognizedEntry> Unrecognized { get; init; } = [];

    /// <summary>What was noticed about the input: read errors, cut lines, a guessed encoding.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; init; } = [];

    /// <summary>Whether some or all of the input could not be read.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
}
