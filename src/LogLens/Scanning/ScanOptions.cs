namespace LogLens.Scanning;

/// <summary>What to scan and how.</summary>
public sealed record ScanOptions
{
    /// <summary>How to analyse each file (format, encoding, line bound).</summary>
    public AnalysisOptions Analysis { get; init; } = new();

    /// <summary>
    /// Globs a file inside a folder must match (all files when empty). A pattern without a <c>/</c>
    /// matches at any depth (<c>*.gz</c> is <c>**/*.gz</c>). Files named on the command line are
    /// always taken. An empty glob is refused (<see cref="LogScan.Find"/> throws): it would match nothing.
    /// </summary>
    public IReadOnlyList<string> Include { get; init; } = [];

    /// <summary>
    /// Globs that leave a file inside a folder out, in the same syntax as <see cref="Include"/>. An empty
    /// glob is refused: it would leave every file out.
    /// </summary>
    public IReadOnlyList<string> Exclude { get; init; } = [];

    /// <summary>Files never to read, by full path (the scan's own output file, for one).</summary>
    public IReadOnlyCollection<string> SkipFiles { get; init; } = [];

    /// <summary>Whether folders are walked recursively (the default) or only their own files are taken.</summary>
    public bool Recurse { get; init; } = true;

    /// <summary>
    /// How many threads the scan uses: files are analysed that many at once, and when there are at
    /// least two per file (one large file, two jobs), each file is parsed on one thread while another
    /// groups its sessions. The output is the same whatever it is.
    /// </summary>
    public int Jobs { get; init; } = Environment.ProcessorCount;
}

/// <summary>A file a scan will read.</summary>
/// <param name="Path">Its path, as found (relative when the folder was given relative).</param>
/// <param name="Length">Its size in bytes when found.</param>
public sealed record ScanInput(string Path, long Length);

/// <summary>How far a scan has come.</summary>
/// <param name="FilesDone">Files finished.</param>
/// <param name="FilesTotal">Files to read.</param>
/// <param name="BytesDone">Bytes read (of the files as stored).</param>
/// <param name="BytesTotal">Bytes to read.</param>
public sealed record ScanProgress(int FilesDone, int FilesTotal, long BytesDone, long BytesTotal);
