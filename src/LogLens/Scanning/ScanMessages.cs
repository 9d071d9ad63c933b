using LogLens.Input;

namespace LogLens.Scanning;

/// <summary>The diagnostics of walking folders, in one place.</summary>
internal static class ScanMessages
{
    public static Diagnostic BrokenLink(string path) =>
        new(path, null, DiagnosticSeverity.Error, "broken-link", "a symbolic link whose target does not exist");

    public static Diagnostic LinkCycle(string path) =>
        new(path, null, DiagnosticSeverity.Error, "link-cycle", "a symbolic link in a cycle: its links lead round to each other, never to a file or folder");

    /// <summary>Nothing is lost: the folder it leads to is being walked already (or was left out on purpose, above the path named).</summary>
    public static Diagnostic LinkToAncestor(string path, string target) =>
        new(path, null, DiagnosticSeverity.Warning, "link-to-ancestor", $"a symbolic link to {target}, a folder it is inside of: not followed, as it would lead back into itself");

    /// <summary>An entry in a folder that is not a regular file; nothing stored is lost by leaving it.</summary>
    public static Diagnostic NotAFile(string path, FileKind kind) =>
        new(path, null, DiagnosticSeverity.Warning, "not-a-file", kind switch
        {
            FileKind.Fifo => "a named pipe (FIFO), not a file: skipped, as reading it would wait for a writer",
            FileKind.Socket => "a socket, not a file: skipped, as it cannot be read",
            FileKind.CharacterDevice => "a character device, not a file: skipped",
            FileKind.BlockDevice => "a block device, not a file: skipped",
            _ => "not a regular file: skipped",
        });
}
