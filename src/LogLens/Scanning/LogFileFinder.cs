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
            if (IsBrokenLink(path))
            {
                Problems.Add(ScanMessages.BrokenLink(path));
                return;
            }

            var resolved = CanonicalPath.Resolve(path);
            switch (resolved.State)
            {
                case PathState.Resolved:
                    break;
                case PathState.Missing when Path.Exists(path):
                    // The system opens what a path-by-path reading cannot follow (/dev/fd/3, whose target is "pipe:[…]").
                    resolved = resolved with { State = PathState.Resolved, Path = Path.GetFullPath(path) };
                    break;
                case PathState.Missing:
                    Problems.Add(DiagnosticMessages.NotFound(path));
                    return;
                case PathState.Cycle:
                    Problems.Add(ScanMessages.BrokenLink(path));
                    return;
                default:
                    Problems.Add(DiagnosticMessages.Unreadable(path, resolved.Reason ?? "the path is too long"));
                    return;
            }

            if (Directory.Exists(resolved.Path))
            {
                Walk(path, path, resolved.Path, throughLink: false, new HashSet<string>(CanonicalPath.Comparer));
            }
            else
            {
                Add(path, resolved.Path);
            }
        }

        /// <summary>
        /// Walks a folder. One reached through a link is walked only when it has not been already; one
        /// reached by its own path always is (there it cannot loop), so that its files are taken under
        /// their own names even when a link led to them first.
        /// </summary>
        private void Walk(string root, string folder, string canonicalFolder, bool throughLink, HashSet<string> walked)
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
                Problems.Add(DiagnosticMessages.Unreadable(folder, e.Message));
                return;
            }

            foreach (var entry in entries)
            {
                if (entry.Name.StartsWith('.') || entry.Attributes.HasFlag(FileAttributes.Hidden))
                {
                    continue;
                }

                var path = Path.Combine(folder, entry.Name);
                var canonical = Path.Join(canonicalFolder, entry.Name);
                var isFolder = entry is DirectoryInfo;
                var isLink = entry.LinkTarget is not null;
                if (isLink)
                {
                    var resolved = CanonicalPath.Resolve(canonicalFolder, entry.Name);
                    if (resolved.State == PathState.Resolved)
                    {
                        canonical = resolved.Path;
                        isFolder = Directory.Exists(canonical);
                    }
                }

                if (isFolder)
                {
                    if (options.Recurse)
                    {
                        Walk(root, path, canonical, throughLink || isLink, walked);
                    }

                    continue;
                }

                var relative = Path.GetRelativePath(root, path).Replace('\\', '/');
                if (!matcher.Match(relative).HasMatches)
                {
                    continue;
                }

                if (IsBrokenLink(path))
                {
                    Problems.Add(ScanMessages.BrokenLink(path));
                    continue;
                }

                Add(path, canonical);
            }
        }

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
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Problems.Add(DiagnosticMessages.Unreadable(path, e.Message));
            }
        }
    }

    private static Matcher BuildMatcher(ScanOptions options)
    {
        var matcher = new Matcher(StringComparison.Ordinal);
        if (options.Include.Count == 0)
        {
            matcher.AddInclude("**/*");
        }

        foreach (var pattern in options.Include)
        {
            matcher.AddInclude(AnyDepth(pattern));
        }

        foreach (var pattern in options.Exclude)
        {
            matcher.AddExclude(AnyDepth(pattern));
        }

        return matcher;
    }

    private static string AnyDepth(string pattern)
    {
        var p = pattern.Replace('\\', '/').TrimStart('/');
        return p.Contains('/') ? p : "**/" + p;
    }

    /// <summary>A symbolic link whose final target does not exist (or that loops back on itself).</summary>
    private static bool IsBrokenLink(string path)
    {
        try
        {
            var info = new FileInfo(path);
            if (info.LinkTarget is null)
            {
                return false;
            }

            var target = info.ResolveLinkTarget(returnFinalTarget: true);
            return target is null || !(File.Exists(target.FullName) || Directory.Exists(target.FullName));
        }
        catch (IOException)
        {
            return true;
        }
        catch (Exception e) when (e is UnauthorizedAccessException or ArgumentException)
        {
            return false;
        }
    }
}
