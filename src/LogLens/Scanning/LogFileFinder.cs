using LogLens.Input;
using Microsoft.Extensions.FileSystemGlobbing;

namespace LogLens.Scanning;

/// <summary>
/// Turns the paths a user gave into the files to read: folders walked (recursively unless told
/// otherwise), hidden entries skipped, globs applied with Microsoft.Extensions.FileSystemGlobbing,
/// symbolic-link loops cut, each file taken once however many paths lead to it (by its
/// <see cref="CanonicalPath"/>), and every entry that cannot be read named rather than skipped silently.
/// </summary>
internal static class LogFileFinder
{
    public static (IReadOnlyList<ScanInput> Inputs, IReadOnlyList<Diagnostic> Problems) Find(IEnumerable<string> paths, ScanOptions options)
    {
        var walker = new Walker(options);
        foreach (var path in paths)
        {
            walker.Take(path);
        }

        var skip = options.SkipFiles.Select(CanonicalOrFull).ToHashSet(CanonicalPath.Comparer);
        var ordered = walker.Inputs
            .Where(i => !skip.Contains(i.Key))
            .Select(i => i.Value.Input)
            .OrderBy(i => i.Path, StringComparer.Ordinal)
            .ToArray();
        return (ordered, walker.Problems);
    }

    private static string CanonicalOrFull(string path) =>
        CanonicalPath.Resolve(path) is { State: PathState.Resolved } resolved ? resolved.Path : Path.GetFullPath(path);

    /// <summary>One finding: the files taken so far, keyed by canonical path, and the problems named.</summary>
    private sealed class Walker(ScanOptions options)
    {
        private readonly Matcher matcher = BuildMatcher(options);

        /// <summary>The files taken, by canonical path, each with whether the path it is taken under passes a link.</summary>
        public Dictionary<string, (ScanInput Input, bool ThroughLink)> Inputs { get; } = new(CanonicalPath.Comparer);

        public List<Diagnostic> Problems { get; } = [];

        /// <summary>A path the user named: a file is taken whatever the globs say, a folder is walked.</summary>
        public void Take(string path)
        {
            if (string.IsNullOrEmpty(path) || path.Contains('\0', StringComparison.Ordinal))
            {
                Problems.Add(DiagnosticMessages.NotFound(path ?? string.Empty));
                return;
            }

            var resolved = CanonicalPath.Resolve(path);
            var kind = FileKinds.Of(path);
            if (resolved.State != PathState.Resolved && kind is not (FileKind.Unknown or FileKind.Missing or FileKind.LinkCycle or FileKind.TooLong))
            {
                // The system opens what a path-by-path reading cannot follow (/dev/fd/3, whose target is "pipe:[…]").
                resolved = new PathResolution(PathState.Resolved, Path.GetFullPath(path), null);
            }

            if (resolved.State != PathState.Resolved)
            {
                Problems.Add(Unresolved(path, resolved, IsLink(path)));
            }
            else if (kind == FileKind.Directory || (kind == FileKind.Unknown && Directory.Exists(resolved.Path)))
            {
                Walk(path, string.Empty, resolved.Path, throughLink: false, [resolved.Path], new HashSet<string>(CanonicalPath.Comparer));
            }
            else if (kind == FileKind.Socket)
            {
                Problems.Add(ScanMessages.NotAFile(path, kind));
            }
            else
            {
                // Named on purpose, a pipe or a device is read: "loglens scan <(zcat old.gz)" is a pipe.
                Add(path, resolved.Path);
            }
        }

        /// <summary>
        /// Walks a folder. A link to a folder the walk is inside of is named and not followed. Any other
        /// folder reached through a link is walked only when it has not been already; one reached by its
        /// own path always is (there it cannot loop), so that its files are taken under their own names
        /// even when a link led to them first.
        /// </summary>
        /// <param name="folder">This folder, as the user will see it named.</param>
        /// <param name="relative">This folder's path under the one the user named, in names joined by <c>/</c> (for globs).</param>
        /// <param name="canonicalFolder">This folder's canonical path.</param>
        /// <param name="throughLink">Whether a link led here.</param>
        /// <param name="inside">The canonical paths of the folders the walk is inside of, this one last.</param>
        /// <param name="walked">The canonical paths of the folders walked so far.</param>
        private void Walk(string folder, string relative, string canonicalFolder, bool throughLink, List<string> inside, HashSet<string> walked)
        {
            if (!walked.Add(canonicalFolder) && throughLink)
            {
                return;
            }

            IEnumerable<FileSystemInfo> entries;
            try
            {
                entries = new DirectoryInfo(folder).EnumerateFileSystemInfos().OrderBy(e => e.Name, StringComparer.Ordinal).ToArray();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Problems.Add(e is PathTooLongException ? ScanMessages.PathTooLong(folder) : DiagnosticMessages.Unreadable(folder, e.Message));
                return;
            }

            foreach (var entry in entries)
            {
                if (IsHidden(entry))
                {
                    continue;
                }

                // The name as it is, backslashes included: on Unix a backslash is part of a name.
                var path = Path.Combine(folder, entry.Name);
                var entryRelative = relative.Length == 0 ? entry.Name : relative + "/" + entry.Name;
                if (CanonicalPath.IsTooLong(Path.GetFullPath(path)))
                {
                    // Nothing can open it, nor list it if it is a folder: named, whatever the globs say of a folder.
                    if (entry is DirectoryInfo ? options.Recurse : matcher.Match(entryRelative).HasMatches)
                    {
                        Problems.Add(ScanMessages.PathTooLong(path));
                    }

                    continue;
                }

                var isLink = entry.LinkTarget is not null;
                var resolved = isLink
                    ? CanonicalPath.Resolve(canonicalFolder, entry.Name)
                    : new PathResolution(PathState.Resolved, Path.Join(canonicalFolder, entry.Name), null);
                var canonical = resolved.Path;
                if (resolved.State == PathState.Resolved && (isLink ? Directory.Exists(canonical) : entry is DirectoryInfo))
                {
                    if (!options.Recurse)
                    {
                        continue;
                    }

                    if (isLink && (inside.Contains(canonical, CanonicalPath.Comparer) || CanonicalPath.IsSameOrInside(canonical, canonicalFolder)))
                    {
                        Problems.Add(ScanMessages.LinkToAncestor(path, canonical));
                        continue;
                    }

                    if (!isLink && !Directory.Exists(path))
                    {
                        Problems.Add(Missing(path)); // listed, yet not there by its name: a name that is not UTF-8
                        continue;
                    }

                    inside.Add(canonical);
                    Walk(path, entryRelative, canonical, throughLink || isLink, inside, walked);
                    inside.RemoveAt(inside.Count - 1);
                    continue;
                }

                // A file, or a link that leads to no folder: the globs say whether it is wanted.
                if (!matcher.Match(entryRelative).HasMatches)
                {
                    continue;
                }

                if (resolved.State != PathState.Resolved)
                {
                    Problems.Add(Unresolved(path, resolved, isLink));
                    continue;
                }

                // Only regular files are opened: a named pipe would wait for a writer, forever if none comes.
                var kind = FileKinds.Of(canonical);
                switch (kind)
                {
                    case FileKind.Fifo or FileKind.Socket or FileKind.CharacterDevice or FileKind.BlockDevice:
                        Problems.Add(ScanMessages.NotAFile(path, kind));
                        break;
                    case FileKind.Missing:
                        Problems.Add(Missing(path));
                        break;
                    case FileKind.TooLong:
                        Problems.Add(ScanMessages.PathTooLong(path));
                        break;
                    case FileKind.LinkCycle:
                        Problems.Add(ScanMessages.LinkCycle(path));
                        break;
                    default:
                        Add(path, canonical);
                        break;
                }
            }
        }

        /// <summary>The problem of a path that leads nowhere.</summary>
        private static Diagnostic Unresolved(string path, PathResolution resolved, bool isLink) => resolved.State switch
        {
            PathState.Cycle => ScanMessages.LinkCycle(path),
            PathState.Missing when isLink => ScanMessages.BrokenLink(path),
            PathState.Missing => Missing(path),
            PathState.TooLong => ScanMessages.PathTooLong(path),
            _ => DiagnosticMessages.Unreadable(path, resolved.Reason ?? string.Empty),
        };

        /// <summary>
        /// An entry that is not there by its name. .NET reads names as UTF-8 and puts U+FFFD for bytes that
        /// are not: such a name, listed in its folder, opens nothing.
        /// </summary>
        private static Diagnostic Missing(string path) =>
            path.Contains('\uFFFD', StringComparison.Ordinal) ? ScanMessages.NameNotUtf8(path) : DiagnosticMessages.NotFound(path);

        /// <summary>A name starting with a dot, or marked hidden (Windows, macOS); not for an entry the system cannot describe.</summary>
        private static bool IsHidden(FileSystemInfo entry) =>
            entry.Name.StartsWith('.') || ((int)entry.Attributes != -1 && entry.Attributes.HasFlag(FileAttributes.Hidden));

        private void Add(string path, string canonical)
        {
            // Keyed by canonical path: "logs/a.log", "./logs/a.log", "/srv/logs/a.log" and a link to any
            // of them are one file, read once: under the first path found that passes no link (its own
            // name, the same whatever order the paths come in), else under the first path found.
            var throughLink = !CanonicalPath.Comparer.Equals(Path.GetFullPath(path), canonical);
            if (Inputs.TryGetValue(canonical, out var taken) && (throughLink || !taken.ThroughLink))
            {
                return;
            }

            try
            {
                Inputs[canonical] = (new ScanInput(path, new FileInfo(path).Length), throughLink);
            }
            catch (FileNotFoundException)
            {
                Problems.Add(Missing(path));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Problems.Add(DiagnosticMessages.Unreadable(path, e.Message));
            }
        }
    }

    /// <summary>The globs as one matcher.</summary>
    /// <exception cref="ArgumentException">A glob is empty, or not one that FileSystemGlobbing takes.</exception>
    private static Matcher BuildMatcher(ScanOptions options)
    {
        var matcher = new Matcher(StringComparison.Ordinal);
        if (options.Include.Count == 0)
        {
            matcher.AddInclude("**/*");
        }

        foreach (var pattern in options.Include)
        {
            Add(pattern, nameof(ScanOptions.Include), "would match no file; give a pattern such as *.log", matcher.AddInclude);
        }

        foreach (var pattern in options.Exclude)
        {
            Add(pattern, nameof(ScanOptions.Exclude), "would leave every file out; give a pattern such as *.old", matcher.AddExclude);
        }

        return matcher;

        static void Add(string pattern, string list, string ifEmpty, Func<string, Matcher> add)
        {
            // "" would become "**/", which matches no file name: as an exclusion it silently emptied a scan.
            if (string.IsNullOrEmpty(pattern))
            {
                throw new ArgumentException($"An empty glob in {list} {ifEmpty}.");
            }

            try
            {
                add(AnyDepth(pattern));
            }
            catch (ArgumentException e)
            {
                throw new ArgumentException($"'{pattern}' is not a glob LogLens can use: {e.Message}", e);
            }
        }
    }

    private static string AnyDepth(string pattern)
    {
        var p = pattern.Replace('\\', '/').TrimStart('/');
        return p.Contains('/') ? p : "**/" + p;
    }

    /// <summary>Whether a path names a symbolic link itself (whatever it leads to).</summary>
    private static bool IsLink(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget is not null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
