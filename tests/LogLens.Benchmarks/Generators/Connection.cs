namespace LogLens.Benchmarks.Generators;

/// <summary>One client connection while it runs: its number (its truth id) once it has begun, its client, its start.</summary>
/// <param name="client">The client's address as the server writes it.</param>
internal sealed class Connection(string client)
{
    /// <summary>The client's address as the server writes it.</summary>
    public string Client { get; } = client;

    /// <summary>Its number, from 1 in the order connections begin; 0 until it begins.</summary>
    public int Number { get; set; }

    /// <summary>When it began (its first line).</summary>
    public DateTime Start { get; set; }
}
