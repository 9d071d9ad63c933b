using System.Globalization;
using System.Runtime.CompilerServices;

namespace LogLens.Tests.Analysis;

/// <summary>
/// A transcript under <c>Cases/&lt;format&gt;/</c> with its expected sessions in its header, one
/// <c># expect:</c> line per session in order of first line:
/// <code>
/// # free text describing the case
/// # expect: outcome=login-failed reason=bad-credentials code=530 evidence=9,10,11,12
/// # expect: outcome=succeeded reason=- code=230 evidence=21,22 retry=1 after=30 hammering=false
/// </code>
/// <c>-</c> stands for null; <c>after=?</c> and <c>hammering=?</c> for an unknown interval. Without
/// <c>retry=</c> the session must not be a retry. Header lines are read as blank lines, so the line
/// numbers in an expectation are the file's own.
/// </summary>
public sealed record TranscriptCase(string Name, string Format, string Text, IReadOnlyList<string> FileLines, IReadOnlyList<ExpectedSession> Sessions)
{
    private const string ExpectPrefix = "# expect:";

    /// <summary>The folder of the case files, found from this source file (the build output may be anywhere).</summary>
    public static string Directory { get; } = FindDirectory();

    /// <summary>Every case, by its path under <c>Cases/</c> (<c>cuteftp-zh/login-failed.txt</c>).</summary>
    public static IEnumerable<string> Names() =>
        System.IO.Directory.EnumerateFiles(Directory, "*.txt", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(Directory, p).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

    /// <summary>Reads a case by name.</summary>
    public static TranscriptCase Load(string name)
    {
        var fileLines = File.ReadAllLines(Path.Combine(Directory, name));
        var sessions = fileLines
            .Where(l => l.StartsWith(ExpectPrefix, StringComparison.Ordinal))
            .Select(l => ExpectedSession.Parse(l[ExpectPrefix.Length..], name))
            .ToArray();
        if (sessions.Length == 0)
        {
            throw new InvalidDataException($"{name}: no '{ExpectPrefix}' line");
        }

        var text = string.Join("\n", fileLines.Select(l => l.StartsWith('#') ? string.Empty : l)) + "\n";
        return new TranscriptCase(name, name.Split('/')[0], text, fileLines, sessions);
    }

    public override string ToString() => Name;

    private static string FindDirectory([CallerFilePath] string here = "") =>
        Path.Combine(Path.GetDirectoryName(here) ?? throw new InvalidOperationException(here), "Cases");
}

/// <summary>What one session of a case must come to.</summary>
public sealed record ExpectedSession(
    string Outcome,
    string? Reason,
    int? Code,
    IReadOnlyList<int> Evidence,
    string? RetryOf,
    double? RetryAfter,
    bool? Hammering)
{
    /// <summary>Parses <c>outcome=… reason=… code=… evidence=… [retry=… after=… hammering=…]</c>.</summary>
    public static ExpectedSession Parse(string text, string caseName)
    {
        var fields = text.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(f => f.Split('=', 2))
            .ToDictionary(kv => kv[0], kv => kv.Length == 2 ? kv[1] : throw new InvalidDataException($"{caseName}: '{kv[0]}' has no value"));
        string[] known = ["outcome", "reason", "code", "evidence", "retry", "after", "hammering"];
        if (fields.Keys.Except(known).FirstOrDefault() is { } stray)
        {
            throw new InvalidDataException($"{caseName}: unknown key '{stray}'");
        }

        string? Get(string key) => fields.TryGetValue(key, out var v) && v is not ("-" or "?") ? v : null;
        var retry = Get("retry");
        return new ExpectedSession(
            fields.TryGetValue("outcome", out var outcome) ? outcome : throw new InvalidDataException($"{caseName}: no outcome"),
            Get("reason"),
            Get("code") is { } code ? int.Parse(code, CultureInfo.InvariantCulture) : null,
            Get("evidence")?.Split(',').Select(n => int.Parse(n, CultureInfo.InvariantCulture)).ToArray() ?? [],
            retry,
            Get("after") is { } after ? double.Parse(after, CultureInfo.InvariantCulture) : null,
            Get("hammering") is { } hammering ? bool.Parse(hammering) : null);
    }
}
