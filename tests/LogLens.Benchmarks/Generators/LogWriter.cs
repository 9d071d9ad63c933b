namespace LogLens.Benchmarks.Generators;

/// <summary>
/// Writes a generated log and, line for line, its ground truth: the connection each line belongs to
/// (<c>c17</c>), or <c>-</c> for a line of no connection (a server's start, another program's line).
/// </summary>
/// <param name="log">Where the log goes.</param>
/// <param name="truth">Where the truth goes: one line per log line.</param>
internal sealed class LogWriter(TextWriter log, TextWriter truth)
{
    /// <summary>The truth of a line that belongs to no connection.</summary>
    public const string NoConnection = "-";

    /// <summary>Lines written so far.</summary>
    public int Lines { get; private set; }

    /// <summary>Bytes of log written so far (generated lines are ASCII).</summary>
    public long Bytes { get; private set; }

    /// <summary>The truth id of a connection: <c>c</c> and its number.</summary>
    /// <param name="connection">The connection's number, from 1.</param>
    /// <returns>The id.</returns>
    public static string TruthId(int connection) => "c" + connection.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Writes one log line and its truth.</summary>
    /// <param name="text">The line, without its line break.</param>
    /// <param name="connection">The connection it belongs to (from 1), or null for none.</param>
    public void Write(string text, int? connection)
    {
        log.Write(text);
        log.Write('\n');
        truth.Write(connection is { } c ? TruthId(c) : NoConnection);
        truth.Write('\n');
        Lines++;
        Bytes += text.Length + 1;
    }
}
