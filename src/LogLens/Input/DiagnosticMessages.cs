using LogLens.Localization;

namespace LogLens.Input;

/// <summary>
/// Every diagnostic LogLens writes about its input, in one place. The sentences live in the
/// resources (<c>Diagnostic.&lt;code&gt;</c>, in English and Chinese); a diagnostic carries the English one.
/// </summary>
internal static class DiagnosticMessages
{
    public static Diagnostic NotFound(string file) =>
        new(file, null, DiagnosticSeverity.Error, "not-found", Text("not-found"));

    public static Diagnostic Unreadable(string file, string reason) =>
        new(file, null, DiagnosticSeverity.Error, "unreadable", Text("unreadable", reason));

    public static Diagnostic ReadFailed(string file, long afterLine, string reason) =>
        new(file, afterLine + 1, DiagnosticSeverity.Error, "read-failed", Text("read-failed", afterLine, reason));

    public static Diagnostic Binary(string file) =>
        new(file, null, DiagnosticSeverity.Error, "binary", Text("binary"));

    public static Diagnostic Empty(string file) =>
        new(file, null, DiagnosticSeverity.Info, "empty", Text("empty"));

    public static Diagnostic LineTooLong(string file, long line, long bytes, int bound) =>
        new(file, line, DiagnosticSeverity.Warning, "line-too-long", Text("line-too-long", bytes, bound));

    /// <summary>A run of NUL bytes removed from a line (one diagnostic a run).</summary>
    public static Diagnostic NulBytes(string file, long line, long bytes) =>
        new(file, line, DiagnosticSeverity.Warning, "nul-bytes", Text("nul-bytes", bytes));

    public static Diagnostic NulBytesNotListed(string file, long runs, long bytes) =>
        new(file, null, DiagnosticSeverity.Warning, "nul-bytes-not-listed", Text("nul-bytes-not-listed", runs, bytes));

    public static Diagnostic LinesTooLongNotListed(string file, long lines, int bound) =>
        new(file, null, DiagnosticSeverity.Warning, "line-too-long-not-listed", Text("line-too-long-not-listed", lines, bound));

    /// <summary>The first line that is not ASCII, in a file whose first 64 KB were, settles its encoding.</summary>
    public static Diagnostic EncodingSwitched(string file, long line, string encoding) =>
        new(file, line, DiagnosticSeverity.Info, "encoding-switched", Text("encoding-switched", encoding));

    /// <summary>A line that is not in the file's encoding, decoded on its own.</summary>
    public static Diagnostic LineEncoding(string file, long line, string fileEncoding, string lineEncoding) =>
        new(file, line, DiagnosticSeverity.Warning, "line-encoding", Text("line-encoding", fileEncoding, lineEncoding));

    public static Diagnostic LineEncodingNotListed(string file, long lines) =>
        new(file, null, DiagnosticSeverity.Warning, "line-encoding-not-listed", Text("line-encoding-not-listed", lines));

    /// <summary>Bytes after a complete gzip member that are not gzip (ignored); <paramref name="exact"/> when their count is exact, not a least.</summary>
    public static Diagnostic GzipTrailingData(string file, long bytes, bool exact) =>
        new(file, null, DiagnosticSeverity.Warning, "gzip-trailing-data", exact ? Text("gzip-trailing-data", bytes) : Text("gzip-trailing-data-at-least", bytes));

    public static Diagnostic UnrecognizedNotListed(string file, long count) =>
        new(file, null, DiagnosticSeverity.Warning, "unrecognized-not-listed", Text("unrecognized-not-listed", count));

    public static Diagnostic FormatNotRecognized(string file) =>
        new(file, null, DiagnosticSeverity.Warning, "format-unknown", Text("format-unknown"));

    /// <summary>Lines the format's parser failed on (a bug to report), which were counted as unrecognized.</summary>
    public static Diagnostic ParserFailed(string file, long firstLine, long count, string format) =>
        new(file, firstLine, DiagnosticSeverity.Warning, "parser-failed", Text("parser-failed", format, count, firstLine));

    /// <summary>The English text of a diagnostic, its placeholders filled in.</summary>
    private static string Text(string key, params object[] args) => Texts.Format("Diagnostic." + key, Texts.English, args);
}
