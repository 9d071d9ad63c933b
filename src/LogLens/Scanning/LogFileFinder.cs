using LogLens.Input;
using Microsoft.Extensions.FileSystemGlobbing;

namespace LogLens.Scanning;

/// <summary>
/// Turns the paths a user gave into the files to read: folders walked (recursively unless told
/// otherwise), hidden entries skipped, globs applied with Microsoft.Extensions.FileSystemGlobbing,
/// symbolic-link loops cut, and every entry that cannot be read named rather than skipped silently.
/// </summary>
internal static class LogFileFinder
{
    public static (IReadOnlyList<ScanInput> Inputs, IReadOnlyList<Diagnostic> Problems) Find(IEnumerable<string> paths, ScanOptions options)
    {
        var inputs = new Dictionary<string, ScanInput>(StringComparer.Ordinal);
        var problems = new List<Diagnostic>();
        var matcher = BuildMatcher(options);
        foreach (var path in paths)
        {
            if (IsBrokenLink(path))
            {
                problems.Add(ScanMessages.BrokenLink(path));
            }
            else if (Directory.Exists(path))
            {
                var visited = new HashSet<string>(StringComparer.Ordinal);
                Walk(path, path, options, matcher, visited, inputs, problems);
            }
            else if (File.Exists(path))
            {
                Add(path, inputs, problems);
            }
            else
            {
                problems.Add(DiagnosticMessages.NotFound(path));
            }
        }

        var skip = options.SkipFiles.Select(Path.GetFullPath).ToHashSet(StringComparer.Ordinal);
        var ordered = inputs.Values
            .Where(i => !skip.Contains(Path.GetFullPath(i.Path)))
            .OrderBy(i => i.Path, StringComparer.Ordinal)
            .ToArray();
        return (ordered, problems);
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

    private static void Walk(
        string root,
        string folder,
        ScanOptions options,
        Matcher matcher,
        HashSet<string> visited,
        Dictionary<string, ScanInput> inputs,
        List<Diagnostic> problems)
    {
        string real;
        try
        {
            real = new DirectoryInfo(folder).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? Path.GetFullPath(folder);
        }
        catch (IOException e)
        {
            problems.Add(DiagnosticMessages.Unreadable(folder, e.Message));
            return;
        }

        if (!visited.Add(Path.TrimEndingDirectorySeparator(real)))
        {
            return; // a link back to a folder already walked
        }

        IEnumerable<FileSystemInfo> entries;
        try
        {
            entries = new DirectoryInfo(folder).EnumerateFileSystemInfos().OrderBy(e => e.Name, StringComparer.Ordinal).ToArray();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problems.Add(DiagnosticMessages.Unreadable(folder, e.Message));
            return;
        }

        foreach (var entry in entries)
        {
            if (entry.Name.StartsWith('.') || entry.Attributes.HasFlag(FileAttributes.Hidden))
            {
                continue;
            }

            var path = Path.Combine(folder, entry.Name);
            if (entry is DirectoryInfo)
            {
                if (options.Recurse)
                {
                    Walk(root, path, options, matcher, visited, inputs, problems);
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
                problems.Add(ScanMessages.BrokenLink(path));
                continue;
            }

            Add(path, inputs, problems);
        }
    }

    private static void Add(string path, Dictionary<string, ScanInput> inputs, List<Diagnostic> problems)
    {
        try
        {
            // Keyed by full path: "logs/a.log", "./logs/a.log" and "/srv/logs/a.log" are one file, read once.
            inputs.TryAdd(Path.GetFullPath(path), new ScanInput(path, new FileInfo(path).Length));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problems.Add(DiagnosticMessages.Unreadable(path, e.Message));
        }
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
