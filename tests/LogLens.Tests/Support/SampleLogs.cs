using System.Runtime.CompilerServices;
using LogLens.Input;

namespace LogLens.Tests.Support;

/// <summary>The project's own sample logs under <c>samples/</c>, read through the real input stage.</summary>
public static class SampleLogs
{
    /// <summary>The non-blank lines of <c>samples/<paramref name="fileName"/></c>.</summary>
    public static IReadOnlyList<LogLine> Read(string fileName)
    {
        using var source = LogSource.Open(Path.Combine(SamplesDirectory(), fileName));
        return source.ReadLines().Where(l => !string.IsNullOrWhiteSpace(l.Text)).ToArray();
    }

    /// <summary>The full path of <c>samples/<paramref name="fileName"/></c>.</summary>
    public static string PathOf(string fileName) => Path.Combine(SamplesDirectory(), fileName);

    // Found from this source file, not from the build output, which may live anywhere (--artifacts-path).
    private static string SamplesDirectory([CallerFilePath] string here = "")
    {
        for (var dir = Path.GetDirectoryName(here); dir is not null; dir = Path.GetDirectoryName(dir))
        {
            var samples = Path.Combine(dir, "samples");
            if (File.Exists(Path.Combine(dir, "LogLens.sln")) && Directory.Exists(samples))
            {
                return samples;
            }
        }

        throw new DirectoryNotFoundException("samples/ not found above " + here);
    }
}
