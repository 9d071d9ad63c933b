namespace LogLens.Benchmarks.Generators;

/// <summary>
/// The kernel's process ids as Linux hands them out: each fork takes the next id after the last
/// one handed out that no live process holds, up to <c>pid_max - 1</c>, then from 300 again (ids
/// below 300 are left to early boot). Other programs fork too (a Poisson stream of short-lived
/// commands, some lingering for minutes, a burst from cron every minute), so a server's forks are
/// rarely consecutive, and ids wrap and come back.
/// </summary>
internal sealed class PidTable
{
    /// <summary>Where Linux starts again after <c>pid_max</c> (<c>RESERVED_PIDS</c>).</summary>
    public const int WrapFloor = 300;

    private readonly Random random;
    private readonly int pidMax;
    private readonly double meanSecondsBetweenForks;
    private readonly HashSet<int> live = [];
    private readonly PriorityQueue<int, long> lingering = new();
    private int last;
    private long nextFork;
    private long nextMinute;

    /// <summary>Creates the table, with the daemons of a running system holding some ids already.</summary>
    /// <param name="random">The generator's random source.</param>
    /// <param name="pidMax">The kernel's <c>pid_max</c>.</param>
    /// <param name="meanSecondsBetweenForks">Mean seconds between two forks of other programs.</param>
    public PidTable(Random random, int pidMax, double meanSecondsBetweenForks)
    {
        if (pidMax < WrapFloor + 500)
        {
            throw new ArgumentOutOfRangeException(nameof(pidMax), pidMax, "pid_max leaves too few ids above 300");
        }

        this.random = random;
        this.pidMax = pidMax;
        this.meanSecondsBetweenForks = meanSecondsBetweenForks;
        for (var pid = WrapFloor; pid < pidMax; pid++)
        {
            // Long-lived daemons: dense among the first ids handed out at boot, sparse above.
            if (random.NextDouble() < (pid < WrapFloor + 400 ? 0.3 : 0.01))
            {
                live.Add(pid);
            }
        }

        last = random.Next(WrapFloor, pidMax);
        nextFork = NextGap();
        nextMinute = 60_000 - random.Next(60_000);
    }

    /// <summary>How many times the ids have wrapped.</summary>
    public int Wraps { get; private set; }

    /// <summary>Called for each fork of another program: its pid, when (ms), and whether cron forked it.</summary>
    public Action<int, long, bool>? OtherFork { get; init; }

    /// <summary>Forks a process: the next free id.</summary>
    /// <returns>Its pid.</returns>
    public int Fork()
    {
        if (live.Count >= pidMax - WrapFloor)
        {
            throw new InvalidOperationException("no free pid");
        }

        do
        {
            last++;
            if (last >= pidMax)
            {
                last = WrapFloor;
                Wraps++;
            }
        }
        while (live.Contains(last));

        live.Add(last);
        return last;
    }

    /// <summary>A process exits: its id is free again.</summary>
    /// <param name="pid">Its pid.</param>
    public void Exit(int pid) => live.Remove(pid);

    /// <summary>Another program forks, now: a short-lived command (or, now and then, one that stays a while).</summary>
    /// <param name="millis">The time, in simulated milliseconds.</param>
    /// <param name="cron">Whether cron forked it.</param>
    public void ForkOther(long millis, bool cron = false)
    {
        var pid = Fork();
        OtherFork?.Invoke(pid, millis, cron);
        if (random.Next(10) == 0)
        {
            lingering.Enqueue(pid, millis + random.Next(1_000, 600_000));
        }
        else
        {
            Exit(pid);
        }
    }

    /// <summary>Lets time pass: the other programs' forks and exits due by then happen, in order.</summary>
    /// <param name="millis">The new time, in simulated milliseconds.</param>
    public void AdvanceTo(long millis)
    {
        while (true)
        {
            var exit = lingering.TryPeek(out _, out var exitAt) ? exitAt : long.MaxValue;
            var next = Math.Min(exit, Math.Min(nextFork, nextMinute));
            if (next > millis)
            {
                return;
            }

            if (next == exit)
            {
                Exit(lingering.Dequeue());
            }
            else if (next == nextFork)
            {
                ForkOther(nextFork);
                nextFork += NextGap();
            }
            else
            {
                for (var n = random.Next(1, 5); n > 0; n--)
                {
                    ForkOther(nextMinute, cron: true);
                }

                nextMinute += 60_000;
            }
        }
    }

    private long NextGap() => Math.Max(1, (long)(-Math.Log(1 - random.NextDouble()) * meanSecondsBetweenForks * 1000));
}
