using System.Globalization;

namespace LogLens.Input;

/// <summary>Every diagnostic LogLens writes about its input, in one place.</summary>
internal static class DiagnosticMessages
{
    public static Diagnostic NotFound(string file) =>
        new(file, null, DiagnosticSeverity.Error, "not-found", "no such file or folder");

    public static Diagnostic Unreadable(string file, string reason) =>
        new(file, null, DiagnosticSeverity.Error, "unreadable", $"cannot be read: {reason}");

    public static Diagnostic ReadFailed(string file, int afterLine, string reason) =>
        new(file, afterLine + 1, DiagnosticSeverity.Error, "read-failed",
            string.Create(CultureInfo.InvariantCulture, $"reading stopped after line {afterLine}: {reason}"));

    public static Diagnostic Binary(string file) =>
        new(file, null, DiagnosticSeverity.Error, "binary", "not a text log: it contains NUL bytes (a binary file?); skipped");

    public static Diagnostic Empty(string file) =>
        new(file, null, DiagnosticSeverity.Info, "empty", "the file is empty");

    public static Diagnostic LineTooLong(string file, int line, long bytes, int bound) =>
        new(file, line, DiagnosticSeverity.Warning, "line-too-long",
            string.Create(CultureInfo.InvariantCulture, $"line of {bytes} bytes cut to its first {bound} bytes"));

    public static Diagnostic SwitchedToGb18030(string file, int line) =>
        new(file, line, DiagnosticSeverity.Info, "encoding-switched",
            "bytes that are not UTF-8 from this line on; reading the rest as GB18030");

    public static Diagnostic UnrecognizedNotListed(string file, int count) =>
        new(file, null, DiagnosticSeverity.Warning, "unrecognized-not-listed",
            string.Create(CultureInfo.InvariantCulture, $"{count} more unrecognized lines are counted but not listed"));

    public static Diagnostic FormatNotRecognized(string file) =>
        new(file, null, DiagnosticSeverity.Warning, "format-unknown",
            "no known FTP log format recognized in the first lines; all lines reported as unrecognized (try --format)");

    /// <summary>Lines the format's parser failed on (a bug to report), which were counted as unrecognized.</summary>
    public static Diagnostic ParserFailed(string file, int firstLine, int count, string format) =>
        new(file, firstLine, DiagnosticSeverity.Warning, "parser-failed",
            string.Create(CultureInfo.InvariantCulture, $"the {format} reader failed on {count} line(s), counted as unrecognized (first: line {firstLine}); please report it"));
}
