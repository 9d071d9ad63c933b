using System.Runtime.CompilerServices;

namespace LogLens.Parquet.Tests.Support;

/// <summary>The project's own sample logs under <c>samples/</c>.</summary>
public static class Samples
{
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
