namespace LogLens.Parquet.Tests.Support;

/// <summary>A fresh directory under the system's temporary one, deleted with its contents on dispose.</summary>
public sealed class TempDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("loglens-parquet-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Left for the system to clean.
        }
    }
}
