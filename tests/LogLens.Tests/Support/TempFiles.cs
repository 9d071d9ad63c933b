namespace LogLens.Tests.Support;

/// <summary>Files a test writes under the temp folder, each with a unique name, deleted when the test ends.</summary>
public sealed class TempFiles : IDisposable
{
    private readonly List<string> paths = [];

    /// <summary>A fresh path that does not exist yet (deleted at the end if the test creates it).</summary>
    public string NewPath(string extension = ".log")
    {
        var path = Path.Combine(Path.GetTempPath(), $"loglens-test-{Guid.NewGuid():N}{extension}");
        paths.Add(path);
        return path;
    }

    /// <summary>Writes bytes to a fresh file and returns its path.</summary>
    public string Write(byte[] bytes, string extension = ".log")
    {
        var path = NewPath(extension);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>Creates a fresh empty folder and returns its path.</summary>
    public string NewFolder()
    {
        var path = NewPath(string.Empty);
        Directory.CreateDirectory(path);
        return path;
    }

    public void Dispose()
    {
        foreach (var path in paths)
        {
            try
            {
                if (Directory.Exists(path))
                {
                    Directory.Delete(path, recursive: true);
                }
                else if (File.Exists(path))
                {
                    File.Delete(path);
                }
            }
            catch (IOException)
            {
                // Best effort: a leftover temp file must not fail a test.
            }
        }
    }
}
