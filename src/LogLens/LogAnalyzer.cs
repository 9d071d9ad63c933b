using LogLens.Analysis;
using LogLens.Events;
using LogLens.Input;
using LogLens.Parsing;
using LogLens.Reporting;

namespace LogLens;

/// <summary>
/// The whole pipeline for one input: lines, format detection, events, sessions, outcomes.
/// Bad input never throws: it shows up in <see cref="FileAnalysis.Diagnostics"/> and the line counts.
/// </summary>
public static class LogAnalyzer
{
    /// <summary>Analyses a file (plain or gzip).</summary>
    /// <param name="path">The file's path.</param>
    /// <param name="options">How to analyse it.</param>
    /// <param name="cancellationToken">Stops the work between lines.</param>
    /// <returns>What was found.</returns>
    public static FileAnalysis AnalyzeFile(string path, AnalysisOptions? options = null, CancellationToken cancellationToken = default) =>
        AnalyzeFile(path, options, null, cancellationToken);

    /// <summary>Analyses a file (plain or gzip), telling how far the reading has come.</summary>
    /// <param name="path">The file's path.</param>
    /// <param name="options">How to analyse it.</param>
    /// <param name="bytesRead">
    /// Told how many bytes have been read so far (of the decompressed text, for gzip input), every
    /// thousand lines or so, on the calling thread.
    /// </param>
    /// <param name="cancellationToken">Stops the work between lines.</param>
    /// <returns>What was found.</returns>
    public static FileAnalysis AnalyzeFile(string path, AnalysisOptions? options, IProgress<long>? bytesRead, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        options ??= new AnalysisOptions();
        using var source = LogSource.Open(path, SourceOptions(options));
        return Run(source, options, bytesRead, cancellationToken);
    }

    /// <summary>Analyses a stream (plain or gzip).</summary>
    /// <param name="stream">The stream; it is left open.</param>
    /// <param name="name">The name to report.</param>
    /// <param name="options">How to analyse it.</param>
    /// <param name="cancellationToken">Stops the work between lines.</param>
    /// <returns>What was found.</returns>
    public static FileAnalysis AnalyzeStream(Stream stream, string name, AnalysisOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new AnalysisOptions();
        using var source = LogSource.FromStream(stream, name, SourceOptions(options), leaveOpen: true);
        return Analyze(source, options, cancellationToken);
    }

    /// <summary>Analyses an opened source; reads its lines once.</summary>
    /// <param name="source">The source.</param>
    /// <param name="options">How to analyse it.</param>
    /// <param name="cancellationToken">Stops the work between lines.</param>
    /// <returns>What was found.</returns>
    public static FileAnalysis Analyze(LogSource source, AnalysisOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        return Run(source, options ?? new AnalysisOptions(), null, cancellationToken);
    }

    /// <summary>
    /// Analyses a file (plain or gzip) and hands each session to a writer as soon as it is known, so that
    /// memory follows the open sessions, not the size of the log.
    /// </summary>
    /// <param name="path">The file's path.</param>
    /// <param name="writer">Told of the file's start, each session in order, and its end.</param>
    /// <param name="options">How to analyse it.</param>
    /// <param name="bytesRead">Told how many bytes have been read so far, as in <see cref="AnalyzeFile(string, AnalysisOptions?, IProgress{long}?, CancellationToken)"/>.</param>
    /// <param name="cancellationToken">Stops the work between lines.</param>
    /// <returns>What was found besides the sessions (its <see cref="FileAnalysis.Sessions"/> are empty: they went to the writer).</returns>
    public static FileAnalysis AnalyzeFileTo(string path, ISessionWriter writer, AnalysisOptions? options = null, IProgress<long>? bytesRead = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(writer);
        options ??= new AnalysisOptions();
        using var source = LogSource.Open(path, SourceOptions(options));
        return RunTo(source, writer, options, bytesRead, cancellationToken);
    }

    /// <summary>Analyses a stream (plain or gzip) and hands each session to a writer as soon as it is known.</summary>
    /// <param name="stream">The stream; it is left open.</param>
    /// <param name="name">The name to report.</param>
    /// <param name="writer">Told of the input's start, each session in order, and its end.</param>
    /// <param name="options">How to analyse it.</param>
    /// <param name="cancellationToken">Stops the work between lines.</param>
    /// <returns>What was found besides the sessions (its <see cref="FileAnalysis.Sessions"/> are empty: they went to the writer).</returns>
    public static FileAnalysis AnalyzeStreamTo(Stream stream, string name, ISessionWriter writer, AnalysisOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(writer);
        options ??= new AnalysisOptions();
        using var source = LogSource.FromStream(stream, name, SourceOptions(options), leaveOpen: true);
        return RunTo(source, writer, options, null, cancellationToken);
    }

    private static FileAnalysis RunTo(LogSource source, ISessionWriter writer, AnalysisOptions options, IProgress<long>? bytesRead, CancellationToken cancellationToken)
    {
        var run = new AnalysisRun(source, options, cancellationToken) { ReadProgress = bytesRead is null ? null : bytesRead.Report };
        writer.BeginFile(source.Name);
        foreach (var session in run.Sessions())
        {
            writer.WriteSession(session);
        }

        var result = run.Result([]);
        writer.EndFile(result);
        return result;
    }

    private static FileAnalysis Run(LogSource source, AnalysisOptions options, IProgress<long>? bytesRead, CancellationToken cancellationToken)
    {
        var run = new AnalysisRun(source, options, cancellationToken) { ReadProgress = bytesRead is null ? null : bytesRead.Report };
        var sessions = run.Sessions().ToList();
        return run.Result(sessions);
    }

    /// <summary>Options for the input stage, taken from analysis options.</summary>
    internal static LogSourceOptions SourceOptions(AnalysisOptions options) =>
        new() { Encoding = options.Encoding, MaxLineBytes = options.MaxLineBytes };
}
