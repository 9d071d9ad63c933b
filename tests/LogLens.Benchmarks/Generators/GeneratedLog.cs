namespace LogLens.Benchmarks.Generators;

/// <summary>What a generator wrote.</summary>
/// <param name="Format">The LogLens format name of the log (<c>vsftpd</c>, <c>servu</c>, …).</param>
/// <param name="Seed">The seed it was generated from.</param>
/// <param name="Lines">Lines written (the truth file has as many).</param>
/// <param name="Connections">Client connections in the log: the distinct ids of the truth file.</param>
/// <param name="Bytes">Bytes of log written (UTF-8, every line ending in <c>\n</c>).</param>
internal sealed record GeneratedLog(string Format, int Seed, int Lines, int Connections, long Bytes);
