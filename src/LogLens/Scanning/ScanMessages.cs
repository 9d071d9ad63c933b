using LogLens.Input;

namespace LogLens.Scanning;

/// <summary>The diagnostics of walking folders, in one place.</summary>
internal static class ScanMessages
{
    public static Diagnostic BrokenLink(string path) =>
        new(path, null, DiagnosticSeverity.Error, "broken-link", "a symbolic link whose target does not exist");
}
