namespace LogLens.Input;

/// <summary>How much a diagnostic matters.</summary>
public enum DiagnosticSeverity
{
    /// <summary>Worth knowing; nothing was lost.</summary>
    Info,

    /// <summary>Something was changed to keep going (a line cut, a format guessed).</summary>
    Warning,

    /// <summary>Some input could not be read.</summary>
    Error,
}

/// <summary>A message about the input, naming the file and, where it applies, the line.</summary>
/// <param name="File">The input's name or path.</param>
/// <param name="Line">The 1-based line, or <see langword="null"/> for the whole file.</param>
/// <param name="Severity">How much it matters.</param>
/// <param name="Code">A stable kebab-case id (<c>line-too-long</c>, <c>unreadable</c>, <c>binary</c>).</param>
/// <param name="Message">The message in English.</param>
public sealed record Diagnostic(string File, long? Line, DiagnosticSeverity Severity, string Code, string Message)
{
    /// <summary><c>file:line: message</c>, the form compilers use.</summary>
    /// <returns>The formatted diagnostic.</returns>
    public override string ToString() => Line is { } n ? $"{File}:{n}: {Message}" : $"{File}: {Message}";
}
