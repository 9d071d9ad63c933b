namespace LogLens.Benchmarks.Generators;

/// <summary>
/// What to generate: how much, from which seed, and on how small a pid space. The same options
/// always give the same log, byte for byte.
/// </summary>
internal sealed record GeneratorOptions
{
    /// <summary>The seed of every random choice.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>
    /// Stop after exactly this many connections (each one then runs to its end). When neither this
    /// nor <see cref="Bytes"/> is set, 1000 connections.
    /// </summary>
    public int? Connections { get; init; }

    /// <summary>Stop starting connections once the log holds this many bytes (the ones begun run to their end).</summary>
    public long? Bytes { get; init; }

    /// <summary>
    /// The kernel's <c>pid_max</c> for the formats that log process ids: pids go up to
    /// <c>PidMax - 1</c>, then start again at 300. Linux's default is 32768; a few thousand makes pids
    /// wrap and come back within a short log.
    /// </summary>
    public int PidMax { get; init; } = 32768;
}
