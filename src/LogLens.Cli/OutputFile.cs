using LogLens.Scanning;
using Spectre.Console;

namespace LogLens.Cli;

/// <summary>
/// A file the command writes, which replaces the file of that name only once it is whole: it is written
/// to a temporary file beside it (a hidden one, <c>.report.csv.1a2b3c4d.tmp</c>, which a scan of that
/// folder skips), flushed to disk, and renamed over it by <see cref="Commit"/>, a step the system does at
/// once. A run that is interrupted, fails or is killed leaves the previous file as it was; disposed without
/// a commit, the temporary file is removed. Every file the command writes goes through here.
/// </summary>
/// <remarks>
/// A link is followed: the file it leads to is replaced and the link stays. A target that is no regular
/// file (<c>/dev/null</c>, a named pipe, <c>&gt;(gzip &gt; x.gz)</c>) is written straight to: it cannot be
/// replaced, and renaming over it would put a file in its place.
/// </remarks>
internal sealed class OutputFile : IDisposable
{
    private const int BufferSize = 1 << 16;

    private readonly string? temporary;
    private readonly string target;
    private bool done;

    private OutputFile(string target, string? temporary, FileStream stream)
    {
        this.target = target;
        this.temporary = temporary;
        Stream = stream;
    }

    /// <summary>Where to write.</summary>
    public FileStream Stream { get; }

    /// <summary>
    /// Starts the file, or names on <paramref name="error"/> why it cannot be written (a missing folder,
    /// no permission), as every command says it.
    /// </summary>
    /// <param name="path">The file to replace.</param>
    /// <param name="error">Where to name the problem.</param>
    /// <param name="file">The file, when it could be started.</param>
    /// <returns>Whether it could be started.</returns>
    public static bool TryCreate(string path, IAnsiConsole error, out OutputFile? file)
    {
        try
        {
            file = Create(path);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.MarkupLine($"[red]loglens:[/] {Rendering.TerminalText.Escape($"{path}: cannot be written: {e.Message}")}");
            file = null;
            return false;
        }
    }

    /// <summary>Opens the temporary file beside <paramref name="path"/> (or the special file itself).</summary>
    /// <param name="path">The file to write, as the user named it.</param>
    /// <returns>The file, open for writing.</returns>
    /// <exception cref="IOException">The folder cannot be written to.</exception>
    /// <exception cref="UnauthorizedAccessException">No permission.</exception>
    public static OutputFile Create(string path)
    {
        var target = FinalTarget(path);
        if (IsSpecial(target))
        {
            return new OutputFile(target, null, new FileStream(target, FileMode.Create, FileAccess.Write, FileShare.Read, BufferSize));
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(target))!;
        var temporary = Path.Combine(folder, $".{Path.GetFileName(target)}.{Guid.NewGuid().ToString("N")[..8]}.tmp");
        var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.Read, BufferSize);
        try
        {
            // The new file keeps the old one's permissions (a report readable by its owner alone stays so).
            if (!OperatingSystem.IsWindows() && File.Exists(target))
            {
                File.SetUnixFileMode(stream.SafeFileHandle, File.GetUnixFileMode(target));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Permissions of the new file stay the default ones.
        }

        return new OutputFile(target, temporary, stream);
    }

    /// <summary>Flushes the file to disk and puts it in place of the previous one.</summary>
    /// <exception cref="IOException">It cannot be put there (a folder of that name, say).</exception>
    public void Commit()
    {
        Stream.Flush(flushToDisk: temporary is not null);
        Stream.Dispose();
        if (temporary is not null)
        {
            File.Move(temporary, target, overwrite: true);
        }

        done = true;
    }

    /// <summary>Closes the file; without a commit, the temporary file is removed and the previous one kept.</summary>
    public void Dispose()
    {
        Stream.Dispose();
        if (!done && temporary is not null)
        {
            try
            {
                File.Delete(temporary);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Best effort: the previous file is intact whatever happens here.
            }
        }

        done = true;
    }

    /// <summary>The file a path leads to through any links (a broken link: the file it would create).</summary>
    private static string FinalTarget(string path)
    {
        try
        {
            return File.ResolveLinkTarget(path, returnFinalTarget: true)?.FullName ?? path;
        }
        catch (IOException)
        {
            return path; // a link cycle: opening it will say so
        }
    }

    /// <summary>Whether the target exists and is no regular file: a device, a named pipe, a socket.</summary>
    private static bool IsSpecial(string target) =>
        FileKinds.Of(target) is FileKind.CharacterDevice or FileKind.BlockDevice or FileKind.Fifo or FileKind.Socket
        || (OperatingSystem.IsWindows() && Path.GetFileNameWithoutExtension(target).ToUpperInvariant() is "NUL" or "CON");
}
