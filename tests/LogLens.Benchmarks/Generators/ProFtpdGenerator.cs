using System.Globalization;
using System.Text;

namespace LogLens.Benchmarks.Generators;

/// <summary>
/// ProFTPD's lines in syslog: <c>Oct 11 01:06:47 files proftpd[4711]: files.example.com
/// (198.51.100.7[198.51.100.7]) - FTP session opened.</c>. The master process forks one process per
/// connection, which logs the session's opening, its login verdicts (after PAM's own failure line,
/// for a wrong password), timeouts and its closing (<c>FTP session closed.</c>, at every exit, after
/// a timeout's own line too). Transfers are not in syslog. Pids come from a <see cref="PidTable"/>,
/// so they wrap and come back; other programs' lines (cron) are in the same file.
/// </summary>
internal sealed class ProFtpdGenerator : ServerGenerator
{
    private const int MaxLoginAttempts = 3;
    private const double TimeoutIdle = 600;
    private const double TimeoutLogin = 300;

    private static readonly string[] CronJobs =
    [
        "   cd / && run-parts --report /etc/cron.hourly",
        "command -v debian-sa1 > /dev/null && debian-sa1 1 1",
        "[ -x /usr/lib/php/sessionclean ] && /usr/lib/php/sessionclean",
        "/usr/local/bin/sync-mirror --quiet",
    ];

    private readonly StringBuilder line = new(256);
    private readonly PidTable pids;
    private readonly int master;

    /// <summary>Sets up the server and the system it runs on.</summary>
    /// <param name="options">What to generate.</param>
    /// <param name="writer">Where the log and its truth go.</param>
    public ProFtpdGenerator(GeneratorOptions options, LogWriter writer)
        : base(options, writer, AddressStyle.DualStack)
    {
        pids = new PidTable(Random, options.PidMax, meanSecondsBetweenForks: 0.5) { OtherFork = OtherProgram };
        master = pids.Fork();
    }

    /// <inheritdoc />
    protected override string Format => "proftpd";

    /// <inheritdoc />
    protected override void OnStart() =>
        WriteOther(Envelope(Now, "proftpd", master).Append("files.example.com - ProFTPD 1.3.6 (stable) (built Tue Jan 24 2017 14:57:42 UTC) standalone mode STARTUP").ToString());

    /// <inheritdoc />
    protected override void OnTimePassing(long millis) => pids.AdvanceTo(millis);

    /// <inheritdoc />
    protected override IEnumerable<double> Script(Connection connection, ConnectionPlan plan)
    {
        var pid = pids.Fork();
        var client = connection.Client;
        void Log(string message) =>
            Write(connection, Envelope(Now, "proftpd", pid).Append("files.example.com (").Append(client).Append('[').Append(client).Append("]) - ").Append(message).ToString());

        Log("FTP session opened.");
        if (plan.Probe)
        {
            if (plan.Ending == Ending.IdleTimeout)
            {
                yield return TimeoutLogin;
                Log("FTP login timed out, disconnected.");
            }
            else
            {
                yield return Think();
            }

            Log("FTP session closed.");
            pids.Exit(pid);
            yield break;
        }

        var user = plan.User;
        for (var attempt = 0; ; attempt++)
        {
            yield return Think() + Think(); // USER and PASS: not logged
            if (plan.LogsIn && attempt == plan.FailedAttempts)
            {
                break;
            }

            if (plan.Guessing && user != "root")
            {
                Log($"USER {user}: no such user found from {client} [{client}] to 192.0.2.10:21");
            }
            else
            {
                // PAM says it first, then ProFTPD.
                Write(connection, Envelope(Now, "proftpd", pid).Append("pam_unix(proftpd:auth): authentication failure; logname= uid=0 euid=0 tty=/dev/ftpd")
                    .Append(pid.ToString(CultureInfo.InvariantCulture)).Append(" ruser=").Append(user).Append(" rhost=").Append(client).Append("  user=").Append(user).ToString());
                yield return Reply();
                Log($"USER {user} (Login failed): Incorrect password");
            }

            if (attempt + 1 >= MaxLoginAttempts)
            {
                yield return Reply();
                Log($"Maximum login attempts ({MaxLoginAttempts}) exceeded");
                Log("FTP session closed.");
                pids.Exit(pid);
                yield break;
            }

            if (!plan.LogsIn && attempt + 1 >= plan.FailedAttempts)
            {
                yield return Think();
                Log("FTP session closed.");
                pids.Exit(pid);
                yield break;
            }
        }

        Log(plan.Anonymous ? "ANON anonymous: Login successful." : $"USER {user}: Login successful.");
        foreach (var activity in plan.Activities)
        {
            yield return Think() + (activity.Kind is ActivityKind.Download or ActivityKind.Upload ? activity.Seconds : 0);
            if (activity.Kind is ActivityKind.Download or ActivityKind.List && Random.Next(25) == 0)
            {
                // A client behind NAT sends its private address.
                Log(string.Create(CultureInfo.InvariantCulture, $"Refused PORT 10,0,0,{Random.Next(2, 250)},{Random.Next(4, 250)},{Random.Next(256)} (address mismatch)"));
            }
        }

        if (plan.Ending == Ending.IdleTimeout)
        {
            yield return TimeoutIdle;
            Log("FTP session idle timeout, disconnected.");
        }
        else
        {
            yield return Think();
        }

        Log("FTP session closed.");
        pids.Exit(pid);
    }

    /// <summary>Another program's fork: cron logs its jobs.</summary>
    private void OtherProgram(int pid, long millis, bool cron)
    {
        if (cron)
        {
            var job = CronJobs[Random.Next(CronJobs.Length)];
            WriteOther(Envelope(Start.AddMilliseconds(millis), "CRON", pid).Append("(root) CMD (").Append(job).Append(')').ToString());
        }
    }

    /// <summary><c>Oct 11 01:06:47 files proftpd[4711]: </c>.</summary>
    private StringBuilder Envelope(DateTime time, string program, int pid)
    {
        line.Clear()
            .Append(time.ToString("MMM ", CultureInfo.InvariantCulture))
            .Append(time.Day.ToString(CultureInfo.InvariantCulture).PadLeft(2))
            .Append(time.ToString(" HH:mm:ss", CultureInfo.InvariantCulture))
            .Append(" files ").Append(program).Append('[');
        return Number(line, pid).Append("]: ");
    }
}
