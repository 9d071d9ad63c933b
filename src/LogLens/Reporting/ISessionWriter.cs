using LogLens.Analysis;

namespace LogLens.Reporting;

/// <summary>
/// An output of the analysis, fed as it goes: each input's start, its sessions in order, its end, and
/// once after the last input. A writer keeps only what its document needs beyond the session in
/// hand, so that memory follows the open sessions, never the size of the log.
/// </summary>
/// <remarks>
/// <see cref="LogAnalyzer.AnalyzeFileTo"/> and <see cref="LogAnalyzer.AnalyzeStreamTo"/> drive a writer
/// for one input; call <see cref="Complete"/> once all inputs are written.
/// </remarks>
public interface ISessionWriter
{
    /// <summary>An input begins.</summary>
    /// <param name="path">The input's path or name.</param>
    void BeginFile(string path);

    /// <summary>A session of the input begun last, in order of its first line.</summary>
    /// <param name="session">The session.</param>
    void WriteSession(FtpSession session);

    /// <summary>The input begun last has ended.</summary>
    /// <param name="file">What was found in it: line counts, diagnostics, unrecognized lines (its <see cref="FileAnalysis.Sessions"/> are empty: they were written).</param>
    void EndFile(FileAnalysis file);

    /// <summary>All inputs are written: the writer finishes its document and flushes it.</summary>
    void Complete();
}
