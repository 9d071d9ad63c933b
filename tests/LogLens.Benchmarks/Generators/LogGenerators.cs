using System.Text;

namespace LogLens.Benchmarks.Generators;

/// <summary>
/// Synthetic FTP server logs with ground truth: for every line, the connection it truly belongs to.
/// One generator per format; each is a seeded simulation, so a format, a seed and the options give
/// the same log every time.
/// </summary>
internal static class LogGenerators
{
    /// <summary>The formats there is a generator for, by their LogLens names.</summary>
    public static IReadOnlyList<string> Formats { get; } = ["vsftpd", "servu", "filezilla-server", "proftpd"];

    /// <summary>Generates a log and its truth.</summary>
    /// <param name="format">A name of <see cref="Formats"/>.</param>
    /// <param name="options">How much, from which seed.</param>
    /// <param name="log">Where the log goes (lines end in <c>\n</c>).</param>
    /// <param name="truth">Where the truth goes: per log line, <c>c17</c> (its connection) or <c>-</c> (none).</param>
    /// <returns>What was written.</returns>
    public static GeneratedLog Generate(string format, GeneratorOptions options, TextWriter log, TextWriter truth)
    {
        ArgumentNullException.ThrowIfNull(options);
        var writer = new LogWriter(log, truth);
        ServerGenerator generator = format switch
        {
            "vsftpd" => new VsftpdGenerator(options, writer),
            "servu" => new ServUGenerator(options, writer),
            "filezilla-server" => new FileZillaServerGenerator(options, writer),
            "proftpd" => new ProFtpdGenerator(options, writer),
            _ => throw new ArgumentException($"no generator for the format '{format}' (there are: {string.Join(", ", Formats)})", nameof(format)),
        };
        return generator.Run();
    }

    /// <summary>Generates a log into a file, and its truth beside it (<c>FILE.truth</c>).</summary>
    /// <param name="format">A name of <see cref="Formats"/>.</param>
    /// <param name="path">The log file to write.</param>
    /// <param name="options">How much, from which seed.</param>
    /// <returns>What was written.</returns>
    public static GeneratedLog GenerateFiles(string format, string path, GeneratorOptions options)
    {
        var utf8 = new UTF8Encoding(false);
        using var log = new StreamWriter(path, false, utf8, 1 << 20);
        using var truth = new StreamWriter(path + ".truth", false, utf8, 1 << 16);
        return Generate(format, options, log, truth);
    }
}
