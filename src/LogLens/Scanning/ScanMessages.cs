using System.Globalization;
using System.Text;
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

    /// <summary>A name .NET cannot open: it reads names as UTF-8 and shows other bytes as U+FFFD.</summary>
    public static Diagnostic NameNotUtf8(string path) =>
        new(path, null, DiagnosticSeverity.Error, "name-not-utf8",
            "its name is not valid UTF-8 (the \uFFFD marks stand for the bytes that are not), and a file or folder by such a name cannot be opened: rename it to UTF-8 (convmv can) to have it read");

    /// <summary>A path longer than the system opens (its folder could be listed, it cannot).</summary>
    public static Diagnostic PathTooLong(string path) =>
        new(path, null, DiagnosticSeverity.Error, "path-too-long",
            string.Create(CultureInfo.InvariantCulture, $"its path is {Encoding.UTF8.GetByteCount(Path.GetFullPath(path))} bytes long, more than the {CanonicalPath.MaxPathBytes} the system opens: move it higher up to have it read"));
}
