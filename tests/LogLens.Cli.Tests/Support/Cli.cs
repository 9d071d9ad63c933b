using System.Text;
using Spectre.Console.Testing;

namespace LogLens.Cli.Tests.Support;

/// <summary>What one run of the real <c>loglens</c> command line produced.</summary>
public sealed record CliResult(int ExitCode, string Output, string Error, string RawOutput)
{
    /// <summary>Everything the command wrote, for "never contains" assertions.</summary>
    public string All => Output + Error + RawOutput;
}

/// <summary>Runs the real command line with captured consoles.</summary>
public static class CliRunner
{
    public static CliResult Run(params string[] args) => Run(null, false, args, default);

    /// <summary>Runs with <paramref name="input"/> on standard input, piped in or typed at a terminal.</summary>
    public static CliResult RunWithInput(byte[] input, bool typed, params string[] args) => Run(new MemoryStream(input), typed, args, default);

    /// <summary>Runs until done or <paramref name="interrupted"/> (what Ctrl+C does to the real command).</summary>
    public static CliResult RunUntil(CancellationToken interrupted, params string[] args) => Run(null, false, args, interrupted);

    private static CliResult Run(Stream? input, bool typed, string[] args, CancellationToken interrupted)
    {
        var output = new TestConsole().Width(250);
        var error = new TestConsole().Width(250);
        using var raw = new MemoryStream();
        var exit = CliApp.Run(args, new CliConsoles(output, error, raw, In: input, InputIsTerminal: typed), interrupted);
        return new CliResult(exit, output.Output, error.Output, Encoding.UTF8.GetString(raw.ToArray()));
    }
}

/// <summary>Paths of the repository the tests run from.</summary>
public static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string Sample(string name) => Path.Combine(Root, "samples", name);

    // Looked for above this source file first: the build output may live anywhere (--artifacts-path).
    private static string FindRoot([System.Runtime.CompilerServices.CallerFilePath] string here = "")
    {
        foreach (var start in new[] { Path.GetDirectoryName(here), AppContext.BaseDirectory })
        {
            for (var dir = start is null ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "LogLens.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException("LogLens.sln not found above " + here + " or " + AppContext.BaseDirectory);
    }
}

/// <summary>A temporary file deleted on dispose.</summary>
public sealed class TempFile : IDisposable
{
    public TempFile(string contents, string extension = ".log")
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"loglens-cli-{Guid.NewGuid():N}{extension}");
        File.WriteAllText(Path, contents, new UTF8Encoding(false));
    }

    public string Path { get; }

    public void Dispose() => File.Delete(Path);
}
