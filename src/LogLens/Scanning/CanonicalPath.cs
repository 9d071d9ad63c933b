using System.Text;

namespace LogLens.Scanning;

/// <summary>
/// Where a path really leads: each symbolic link on the way followed (a relative target read from the
/// link's own folder), <c>..</c> taken after the link before it as the system takes it, and the result
/// an absolute path with no link, <c>.</c> or <c>..</c> left in it.
/// </summary>
/// <remarks>
/// <para>
/// A scan reads a file once however many paths lead to it, so it needs each file's identity. On Unix the
/// sound identity is the pair of device and inode numbers, but .NET exposes neither: reading them means
/// calling <c>stat</c> through P/Invoke, whose structure layout and symbol names change with the C
/// library, the architecture and its version (glibc's <c>__xstat</c>, macOS's <c>stat$INODE64</c>), and a
/// wrong guess there reads garbage without any error. The canonical path is found here with .NET's own
/// calls (<see cref="FileSystemInfo.LinkTarget"/>, one path component at a time), behaves the same on
/// every platform, and is also what a scan needs to tell a link cycle or a link to an ancestor folder
/// from a broken link.
/// </para>
/// <para>
/// What a path cannot show: two hard links to one file, or one folder mounted twice (a bind mount), have
/// two canonical paths, and such a file is read twice. Log folders rarely hold either.
/// </para>
/// </remarks>
internal static class CanonicalPath
{
    /// <summary>Links followed in one path before giving up, as Linux does (MAXSYMLINKS): beyond it is a cycle.</summary>
    internal const int MaxLinks = 40;

    /// <summary>How paths compare on this system: without regard to case on Windows and macOS.</summary>
    public static StringComparer Comparer { get; } =
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

    /// <summary>
    /// The longest path, in UTF-8 bytes, the system opens (PATH_MAX less its NUL: 4096 on Linux, 1024 on
    /// macOS and the BSDs); Windows has no such limit for .NET, which writes long paths in its own way.
    /// </summary>
    internal static int MaxPathBytes { get; } =
        OperatingSystem.IsLinux() ? 4095 : OperatingSystem.IsWindows() ? int.MaxValue : 1023;

    /// <summary>Resolves a path as given (relative to the current folder, or absolute).</summary>
    /// <param name="path">The path.</param>
    /// <returns>Where it leads, or why it leads nowhere.</returns>
    public static PathResolution Resolve(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);

        // Windows takes ".." by the letter before it looks at links, as GetFullPath does; Unix does not.
        var absolute = OperatingSystem.IsWindows() ? Path.GetFullPath(path)
            : Path.IsPathRooted(path) ? path
            : Path.Join(Directory.GetCurrentDirectory(), path);
        var root = Path.GetPathRoot(absolute)!;
        var pending = new Stack<string>();
        Push(pending, absolute[root.Length..]);
        return Follow(root, pending);
    }

    /// <summary>Resolves one entry of a folder whose canonical path is already known.</summary>
    /// <param name="canonicalFolder">The folder, canonical.</param>
    /// <param name="name">The entry's name.</param>
    /// <returns>Where it leads, or why it leads nowhere.</returns>
    public static PathResolution Resolve(string canonicalFolder, string name)
    {
        var pending = new Stack<string>();
        pending.Push(name);
        return Follow(canonicalFolder, pending);
    }

    /// <summary>Whether <paramref name="folder"/> is <paramref name="ancestor"/> or lies inside it (both canonical).</summary>
    /// <param name="ancestor">The possible ancestor.</param>
    /// <param name="folder">The folder.</param>
    /// <returns>Whether it does.</returns>
    public static bool IsSameOrInside(string ancestor, string folder)
    {
        var a = Path.TrimEndingDirectorySeparator(ancestor);
        var f = Path.TrimEndingDirectorySeparator(folder);
        if (Comparer.Equals(a, f))
        {
            return true;
        }

        var prefix = Path.EndsInDirectorySeparator(ancestor) ? ancestor : ancestor + Path.DirectorySeparatorChar;
        return f.StartsWith(prefix, OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
    }

    /// <summary>Whether a path is too long for the system to open.</summary>
    /// <param name="path">The path, absolute.</param>
    /// <returns>Whether it is.</returns>
    public static bool IsTooLong(string path) =>
        path.Length > MaxPathBytes / 3 && Encoding.UTF8.GetByteCount(path) > MaxPathBytes;

    private static PathResolution Follow(string current, Stack<string> pending)
    {
        var links = 0;
        while (pending.TryPop(out var part))
        {
            if (part.Length == 0 || part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                current = Path.GetDirectoryName(current) ?? current;
                continue;
            }

            var next = Path.Join(current, part);
            if (IsTooLong(next))
            {
                return new PathResolution(PathState.TooLong, next, null);
            }

            string? target;
            try
            {
                target = new FileInfo(next).LinkTarget;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return new PathResolution(PathState.Failed, next, e.Message);
            }

            if (target is null)
            {
                // Not a link: it must be there, and be a folder when more of the path follows.
                if (!Path.Exists(next) || (pending.Count > 0 && !Directory.Exists(next)))
                {
                    return new PathResolution(PathState.Missing, next, null);
                }

                current = next;
                continue;
            }

            if (++links > MaxLinks)
            {
                return new PathResolution(PathState.Cycle, next, null);
            }

            if (Path.IsPathRooted(target))
            {
                current = Path.GetPathRoot(target)!;
                Push(pending, target[current.Length..]);
            }
            else
            {
                Push(pending, target);
            }
        }

        return new PathResolution(PathState.Resolved, current, null);
    }

    /// <summary>Pushes a path's components so that the first is popped first.</summary>
    private static void Push(Stack<string> pending, string path)
    {
        var parts = path.Split(Separators);
        for (var i = parts.Length - 1; i >= 0; i--)
        {
            pending.Push(parts[i]);
        }
    }

    private static readonly char[] Separators = [Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar];
}

/// <summary>How a path resolved.</summary>
internal enum PathState
{
    /// <summary>To an entry that exists: <see cref="PathResolution.Path"/> is canonical.</summary>
    Resolved,

    /// <summary>To nothing: <see cref="PathResolution.Path"/> is where it broke off.</summary>
    Missing,

    /// <summary>Round a cycle of links (or through more than <see cref="CanonicalPath.MaxLinks"/> of them).</summary>
    Cycle,

    /// <summary>To a path longer than the system opens.</summary>
    TooLong,

    /// <summary>The system refused to say (no permission): <see cref="PathResolution.Reason"/> says why.</summary>
    Failed,
}

/// <summary>Where a path leads.</summary>
/// <param name="State">Whether it leads anywhere.</param>
/// <param name="Path">The canonical path when resolved, else where resolving stopped.</param>
/// <param name="Reason">The system's words when it failed.</param>
internal readonly record struct PathResolution(PathState State, string Path, string? Reason);
