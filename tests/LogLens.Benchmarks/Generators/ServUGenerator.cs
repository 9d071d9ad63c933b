using System.Globalization;
using System.Text;

namespace LogLens.Benchmarks.Generators;

/// <summary>
/// A Serv-U 6.x log: <c>[2] Thu 07Mar02 11:44:56 - (000012) Connected to 198.51.100.7 (Local address 192.0.2.10)</c>.
/// Serv-U numbers its sessions from 000001 each time it starts; every line of a session carries the
/// number. The server crashes or is restarted now and then: its sessions stop mid-way, without a
/// closing line, and the numbers start again, so an id comes back while its earlier session never
/// said it ended. Failed logins, transfers, QUIT, hang-ups and timeouts end sessions as Serv-U says.
/// </summary>
internal sealed class ServUGenerator : ServerGenerator
{
    private const int MaxPasswordTries = 3;
    private const double IdleTimeout = 600;

    private readonly StringBuilder line = new(256);
    private int sessionIds;

    /// <summary>Sets up the server.</summary>
    /// <param name="options">What to generate.</param>
    /// <param name="writer">Where the log and its truth go.</param>
    public ServUGenerator(GeneratorOptions options, LogWriter writer)
        : base(options, writer, AddressStyle.DualStack)
    {
    }

    /// <inheritdoc />
    protected override string Format => "servu";

    /// <inheritdoc />
    protected override int? ConnectionsPerRestart => 1200;

    /// <inheritdoc />
    protected override void OnStart() => WriteOther(Prefix(1, null).Append("FTP Server listening on port number 21, IP 192.0.2.10").ToString());

    /// <inheritdoc />
    protected override void OnRestart()
    {
        sessionIds = 0;
        OnStart();
    }

    /// <inheritdoc />
    protected override IEnumerable<double> Script(Connection connection, ConnectionPlan plan)
    {
        var id = ++sessionIds;
        void Log(int level, string message) => Write(connection, Prefix(level, id).Append(message).ToString());

        Log(2, $"Connected to {connection.Client} (Local address 192.0.2.10)");
        Log(6, "220 Serv-U FTP Server v6.4 for WinSock ready...");
        if (plan.Probe)
        {
            if (plan.Ending == Ending.IdleTimeout)
            {
                yield return IdleTimeout;
                Log(2, "Session timed out, closing connection");
            }
            else
            {
                yield return Think();
                Log(2, $"Closing connection for {connection.Client} ({Connected(connection)} connected)");
            }

            yield break;
        }

        var user = plan.User;
        for (var attempt = 0; ; attempt++)
        {
            yield return Think();
            Log(5, "USER " + user);
            Log(6, plan.Anonymous ? "331 User name okay, please send complete E-mail address as password." : "331 User name okay, need password.");
            yield return Think();
            Log(5, "PASS ***");
            yield return Reply();
            if (plan.LogsIn && attempt == plan.FailedAttempts)
            {
                break;
            }

            Log(6, "530 Not logged in.");
            if (attempt + 1 >= MaxPasswordTries)
            {
                Log(2, $"Password wrong too many times for user {user} - disconnecting");
                yield break;
            }

            if (!plan.LogsIn && attempt + 1 >= plan.FailedAttempts)
            {
                yield return Think();
                if (plan.Ending == Ending.Quit)
                {
                    Log(5, "QUIT");
                    Log(6, "221 Goodbye!");
                }

                Log(2, $"Closing connection for {connection.Client} ({Connected(connection)} connected)");
                yield break;
            }
        }

        Log(6, "230 User logged in, proceed.");
        Log(2, $"User {user} logged in");
        foreach (var activity in plan.Activities)
        {
            yield return Think();
            var path = activity.Path;
            var local = @"D:\ftproot" + path.Replace('/', '\\');
            switch (activity.Kind)
            {
                case ActivityKind.Download:
                case ActivityKind.Upload:
                    var upload = activity.Kind == ActivityKind.Upload;
                    var bytes = activity.Bytes.ToString(CultureInfo.InvariantCulture);
                    Log(5, "PASV");
                    Log(6, $"227 Entering Passive Mode ({PassiveAddress()})");
                    yield return Think();
                    Log(5, (upload ? "STOR " : "RETR ") + activity.Name);
                    Log(6, upload ? $"150 Opening BINARY mode data connection for {activity.Name}." : $"150 Opening BINARY mode data connection for {activity.Name} ({bytes} Bytes).");
                    yield return activity.Seconds;
                    var rate = activity.KilobytesPerSecond.ToString("0.0", CultureInfo.InvariantCulture);
                    Log(3, $"{(upload ? "Received" : "Sent")} file {local} {(activity.Succeeds ? "successfully" : "aborted")} ({rate} kB/sec - {bytes} Bytes)");
                    Log(6, activity.Succeeds ? "226 Transfer complete." : "426 Connection closed; transfer aborted.");
                    break;
                case ActivityKind.List:
                    Log(5, "PASV");
                    Log(6, $"227 Entering Passive Mode ({PassiveAddress()})");
                    yield return Think();
                    Log(5, "LIST");
                    Log(6, "150 Opening ASCII mode data connection for /bin/ls.");
                    yield return Reply();
                    Log(6, "226 Transfer complete.");
                    break;
                case ActivityKind.ChangeDirectory:
                    Log(5, "CWD " + activity.Directory);
                    Log(6, activity.Succeeds ? $"250 Directory changed to {activity.Directory}" : $"550 {activity.Directory}: No such file or directory.");
                    break;
                case ActivityKind.MakeDirectory:
                    Log(5, "MKD " + activity.Name);
                    Log(6, activity.Succeeds ? $"257 \"{path}\" directory created." : $"550 {activity.Name}: Permission denied.");
                    break;
                default:
                    Log(5, "DELE " + activity.Name);
                    Log(6, activity.Succeeds ? "250 DELE command successful." : $"550 {activity.Name}: Permission denied.");
                    break;
            }
        }

        switch (plan.Ending)
        {
            case Ending.Quit:
                yield return Think();
                Log(5, "QUIT");
                Log(6, "221 Goodbye!");
                Log(2, $"Closing connection for user {user.ToUpperInvariant()} ({Connected(connection)} connected)");
                break;
            case Ending.IdleTimeout:
                yield return IdleTimeout;
                Log(2, "Session timed out, closing connection");
                break;
            default:
                yield return Think();
                Log(2, $"Closing connection for user {user.ToUpperInvariant()} ({Connected(connection)} connected)");
                break;
        }
    }

    /// <summary><c>[2] Thu 07Mar02 11:44:56 - (000012) </c>, or without a session for the server's own lines.</summary>
    private StringBuilder Prefix(int level, int? session)
    {
        var now = Now;
        line.Clear().Append('[');
        Number(line, level).Append("] ")
            .Append(now.ToString("ddd ddMMMyy HH:mm:ss", CultureInfo.InvariantCulture))
            .Append(" - ");
        if (session is { } id)
        {
            line.Append('(');
            Number(line, id, 6).Append(") ");
        }

        return line;
    }
}
