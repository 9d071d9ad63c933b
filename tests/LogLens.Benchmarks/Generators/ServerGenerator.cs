using System.Globalization;
using System.Text;

namespace LogLens.Benchmarks.Generators;

/// <summary>
/// The common part of every format's generator: a seeded discrete-event simulation of an FTP
/// server's connections. Clients arrive at random (sometimes several connections at once from one
/// address); each connection is a script (<see cref="Script"/>) that writes its lines at the current
/// simulated time and yields how many seconds pass before its next step, so that connections
/// interleave as they would on a real server. Every line is written with its truth.
/// </summary>
internal abstract class ServerGenerator
{
    private readonly PriorityQueue<Running, (long Due, long Order)> queue = new();
    private readonly Dictionary<string, int> activeByClient = new(StringComparer.Ordinal);
    private readonly ClientPool clients;
    private readonly int targetConnections;
    private readonly long targetBytes;
    private long order;
    private int scheduled;
    private int begun;
    private int untilRestart;

    /// <summary>Sets up the simulation.</summary>
    /// <param name="options">What to generate.</param>
    /// <param name="writer">Where the log and its truth go.</param>
    /// <param name="style">How this server writes client addresses.</param>
    protected ServerGenerator(GeneratorOptions options, LogWriter writer, AddressStyle style)
    {
        Options = options;
        Writer = writer;
        Random = new Random(options.Seed);
        Start = new DateTime(2016, 3, 1, 0, 0, 0, DateTimeKind.Unspecified).AddDays(Random.Next(200)).AddSeconds(Random.Next(86400));
        clients = new ClientPool(Random, style);
        targetConnections = options.Connections ?? (options.Bytes is null ? 1000 : int.MaxValue);
        targetBytes = options.Bytes ?? long.MaxValue;
        untilRestart = NextRestart();
    }

    /// <summary>What to generate.</summary>
    protected GeneratorOptions Options { get; }

    /// <summary>The seeded source of every choice.</summary>
    protected Random Random { get; }

    /// <summary>Where lines go.</summary>
    protected LogWriter Writer { get; }

    /// <summary>When the log begins.</summary>
    protected DateTime Start { get; }

    /// <summary>Simulated milliseconds since <see cref="Start"/>.</summary>
    protected long Millis { get; private set; }

    /// <summary>The simulated time now.</summary>
    protected DateTime Now => Start.AddMilliseconds(Millis);

    /// <summary>Mean seconds between two arrivals.</summary>
    protected virtual double MeanArrivalSeconds => 1.2;

    /// <summary>
    /// How many connections, on average, the server serves between two crashes or restarts (which
    /// drop every connection without a word and start the server's session ids again); null: never.
    /// </summary>
    protected virtual int? ConnectionsPerRestart => null;

    /// <summary>The format's name in LogLens.</summary>
    protected abstract string Format { get; }

    /// <summary>Runs the simulation to its end.</summary>
    /// <returns>What was written.</returns>
    public GeneratedLog Run()
    {
        OnStart();
        var nextArrival = 0L;
        while (true)
        {
            var arriving = scheduled < targetConnections && Writer.Bytes < targetBytes;
            var pending = queue.TryPeek(out _, out var due);
            if (!arriving && !pending)
            {
                break;
            }

            if (arriving && (!pending || nextArrival <= due.Due))
            {
                AdvanceTo(nextArrival);
                Arrive();
                nextArrival = Millis + Math.Max(1, (long)(-Math.Log(1 - Random.NextDouble()) * MeanArrivalSeconds * 1000));
                continue;
            }

            var running = queue.Dequeue();
            AdvanceTo(due.Due);
            Step(running);
        }

        return new GeneratedLog(Format, Options.Seed, Writer.Lines, begun, Writer.Bytes);
    }

    /// <summary>One connection's lines, written as it goes; yields the seconds until its next step.</summary>
    /// <param name="connection">The connection (begun: its number and start are set).</param>
    /// <param name="plan">What its client does.</param>
    /// <returns>The pauses between its steps.</returns>
    protected abstract IEnumerable<double> Script(Connection connection, ConnectionPlan plan);

    /// <summary>Writes what the server logs before any client (a start-up line), if anything.</summary>
    protected virtual void OnStart()
    {
    }

    /// <summary>Time passes from <see cref="Millis"/> to <paramref name="millis"/>: other programs may fork, log.</summary>
    /// <param name="millis">The new time.</param>
    protected virtual void OnTimePassing(long millis)
    {
    }

    /// <summary>The server comes back after a crash or restart: its start-up lines, its ids from the start.</summary>
    protected virtual void OnRestart()
    {
    }

    /// <summary>How many connections from this address are open now, this one included.</summary>
    /// <param name="client">The address.</param>
    /// <returns>The count.</returns>
    protected int OpenFrom(string client) => activeByClient.GetValueOrDefault(client);

    /// <summary>Writes a line of a connection.</summary>
    /// <param name="connection">The connection.</param>
    /// <param name="text">The whole line.</param>
    protected void Write(Connection connection, string text) => Writer.Write(text, connection.Number);

    /// <summary>Writes a line of no connection.</summary>
    /// <param name="text">The whole line.</param>
    protected void WriteOther(string text) => Writer.Write(text, null);

    /// <summary>A client's pause before its next command: mostly under a second, sometimes many.</summary>
    /// <returns>Seconds.</returns>
    protected double Think() => Math.Min(0.05 + (-Math.Log(1 - Random.NextDouble()) * 0.8), 30);

    /// <summary>The server's time to answer a command.</summary>
    /// <returns>Seconds.</returns>
    protected double Reply() => 0.001 + (Random.NextDouble() * 0.03);

    /// <summary>How long a connection has lasted, as servers write it: <c>00:01:06</c>.</summary>
    /// <param name="connection">The connection.</param>
    /// <returns>The duration.</returns>
    protected string Connected(Connection connection) => (Now - connection.Start).ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture);

    /// <summary>A passive-mode address for a 227 reply: <c>192,0,2,10,195,80</c>.</summary>
    /// <returns>The six numbers.</returns>
    protected string PassiveAddress() => string.Create(CultureInfo.InvariantCulture, $"192,0,2,10,{Random.Next(195, 235)},{Random.Next(256)}");

    /// <summary>Appends a number to a line being built, without culture.</summary>
    /// <param name="line">The line.</param>
    /// <param name="value">The number.</param>
    /// <param name="digits">Zero-padded to this many digits.</param>
    /// <returns>The line.</returns>
    protected static StringBuilder Number(StringBuilder line, long value, int digits = 1) =>
        line.Append(value.ToString(new string('0', digits), CultureInfo.InvariantCulture));

    private void Arrive()
    {
        if (ConnectionsPerRestart is not null && untilRestart <= 0)
        {
            Restart();
        }

        var arrival = clients.Next();
        var count = Math.Min(arrival.Connections, targetConnections - scheduled);
        string? user = null;
        for (var i = 0; i < count; i++)
        {
            var plan = ConnectionPlan.Draw(Random, arrival.Address, user);
            if (count > 1 && plan.LogsIn && !plan.Anonymous)
            {
                // Parallel connections of one client log in as one user.
                user ??= plan.User;
            }

            var connection = new Connection(arrival.Address);
            var running = new Running(connection, plan);
            scheduled++;
            untilRestart--;
            var delay = i == 0 ? 0 : (long)(Random.NextDouble() * 1500);
            queue.Enqueue(running, (Millis + delay, order++));
        }
    }

    private void Step(Running running)
    {
        var connection = running.Connection;
        if (running.Steps is null)
        {
            connection.Number = ++begun;
            connection.Start = Now;
            activeByClient[connection.Client] = OpenFrom(connection.Client) + 1;
            running.Steps = Script(connection, running.Plan).GetEnumerator();
        }

        if (running.Steps.MoveNext())
        {
            queue.Enqueue(running, (Millis + Math.Max(0, (long)Math.Round(running.Steps.Current * 1000)), order++));
            return;
        }

        running.Steps.Dispose();
        Close(connection);
    }

    private void Close(Connection connection)
    {
        var open = OpenFrom(connection.Client) - 1;
        if (open > 0)
        {
            activeByClient[connection.Client] = open;
        }
        else
        {
            activeByClient.Remove(connection.Client);
        }
    }

    private void Restart()
    {
        // Every connection dies with the server, mid-sentence; those not begun never will.
        foreach (var (running, _) in queue.UnorderedItems)
        {
            if (running.Steps is null)
            {
                scheduled--;
            }
            else
            {
                Close(running.Connection);
            }

            running.Steps?.Dispose();
        }

        queue.Clear();
        AdvanceTo(Millis + Random.Next(5_000, 120_000));
        untilRestart = NextRestart();
        OnRestart();
    }

    private int NextRestart() => ConnectionsPerRestart is { } mean ? Random.Next(mean / 2, (mean * 3 / 2) + 1) : int.MaxValue;

    private void AdvanceTo(long millis)
    {
        if (millis > Millis)
        {
            OnTimePassing(millis);
            Millis = millis;
        }
    }

    private sealed class Running(Connection connection, ConnectionPlan plan)
    {
        public Connection Connection { get; } = connection;

        public ConnectionPlan Plan { get; } = plan;

        public IEnumerator<double>? Steps { get; set; }
    }
}
