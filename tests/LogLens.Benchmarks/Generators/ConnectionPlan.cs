namespace LogLens.Benchmarks.Generators;

/// <summary>How a connection ends.</summary>
internal enum Ending
{
    /// <summary>The client says QUIT.</summary>
    Quit,

    /// <summary>The client hangs up (or its network goes away) without a word.</summary>
    Vanish,

    /// <summary>The client stays silent until the server's idle (or login) timeout drops it.</summary>
    IdleTimeout,
}

/// <summary>What a logged-in client does.</summary>
internal enum ActivityKind
{
    /// <summary>Downloads a file.</summary>
    Download,

    /// <summary>Uploads a file.</summary>
    Upload,

    /// <summary>Lists a directory.</summary>
    List,

    /// <summary>Changes directory.</summary>
    ChangeDirectory,

    /// <summary>Creates a directory.</summary>
    MakeDirectory,

    /// <summary>Deletes a file.</summary>
    Delete,
}

/// <summary>One thing a logged-in client does.</summary>
/// <param name="Kind">What.</param>
/// <param name="Directory">The directory it happens in (<c>/pub</c>).</param>
/// <param name="Name">The file or directory name (may hold spaces).</param>
/// <param name="Bytes">Bytes a transfer moves (for a failed one, before it broke off).</param>
/// <param name="Seconds">How long a transfer takes.</param>
/// <param name="Succeeds">Whether it works.</param>
internal sealed record Activity(ActivityKind Kind, string Directory, string Name, long Bytes, double Seconds, bool Succeeds)
{
    /// <summary>The full path, <c>/pub/report 2016.pdf</c>.</summary>
    public string Path => Directory + "/" + Name;

    /// <summary>The transfer rate in KiB a second, as servers compute it.</summary>
    public double KilobytesPerSecond => Bytes / 1024.0 / Math.Max(Seconds, 0.01);
}

/// <summary>
/// What one client connection does, whatever the server: drawn once, then written by a format's
/// generator in that server's words. The mix (probes, failed logins, sessions with transfers, how
/// they end) is the same for every format.
/// </summary>
/// <param name="Client">The client's address as the server logs it.</param>
/// <param name="User">The user name it tries.</param>
/// <param name="Anonymous">Whether it logs in anonymously (the user is <c>anonymous</c>).</param>
/// <param name="Probe">Whether it only connects and never sends USER (a scanner, a health check).</param>
/// <param name="FailedAttempts">Logins that fail (wrong password, unknown user) before the outcome below.</param>
/// <param name="LogsIn">Whether a login finally succeeds.</param>
/// <param name="Activities">What it does once logged in.</param>
/// <param name="Ending">How it ends (for a failed client, after its last attempt, unless the server hangs up first).</param>
internal sealed record ConnectionPlan(
    string Client,
    string User,
    bool Anonymous,
    bool Probe,
    int FailedAttempts,
    bool LogsIn,
    IReadOnlyList<Activity> Activities,
    Ending Ending)
{
    private static readonly string[] Users = ["alice", "bob", "carol", "dave", "erin", "backup", "www-data", "mirror", "frank", "grace", "reports"];
    private static readonly string[] Guesses = ["admin", "root", "test", "guest", "oracle", "ftpuser", "user", "support", "administrator", "ftp1"];
    private static readonly string[] Directories = ["/pub", "/pub/linux", "/incoming", "/data", "/home/shared", "/backup/2016"];
    private static readonly string[] Files = ["report 2016.pdf", "linux.iso", "notes.txt", "export.csv", "README", "site backup.tar.gz", "photo_0042.jpg", "index.html", "db.sql.gz", "Q3 figures.xlsx"];

    /// <summary>Whether the user is one a password guesser tries (the server does not know it).</summary>
    public bool Guessing => Array.IndexOf(Guesses, User) >= 0;

    /// <summary>Draws a connection's plan.</summary>
    /// <param name="random">The generator's random source.</param>
    /// <param name="client">The client address.</param>
    /// <param name="regular">A user of this client's (a client that comes back logs in as the same user).</param>
    /// <returns>The plan.</returns>
    public static ConnectionPlan Draw(Random random, string client, string? regular = null)
    {
        var kind = random.Next(100);
        if (kind < 8)
        {
            return new ConnectionPlan(client, string.Empty, false, true, 0, false, [], random.Next(5) == 0 ? Ending.IdleTimeout : Ending.Vanish);
        }

        if (kind < 35)
        {
            var guesser = random.Next(2) == 0;
            var user = guesser ? Guesses[random.Next(Guesses.Length)] : regular ?? Users[random.Next(Users.Length)];
            var attempts = guesser ? random.Next(1, 6) : random.Next(1, 4);
            return new ConnectionPlan(client, user, false, false, attempts, false, [], random.Next(10) < 3 ? Ending.Quit : Ending.Vanish);
        }

        var anonymous = random.Next(12) == 0;
        var name = anonymous ? "anonymous" : regular ?? Users[random.Next(Users.Length)];
        var failures = anonymous || random.Next(5) != 0 ? 0 : random.Next(1, 3);
        var activities = new List<Activity>();
        for (var n = random.Next(0, 6); n > 0; n--)
        {
            activities.Add(DrawActivity(random, anonymous));
        }

        var end = random.Next(100);
        return new ConnectionPlan(client, name, anonymous, false, failures, true, activities, end < 75 ? Ending.Quit : end < 90 ? Ending.Vanish : Ending.IdleTimeout);
    }

    private static Activity DrawActivity(Random random, bool anonymous)
    {
        var directory = anonymous ? Directories[random.Next(2)] : Directories[random.Next(Directories.Length)];
        var name = Files[random.Next(Files.Length)];
        var roll = random.Next(100);
        var kind = roll switch
        {
            < 40 => ActivityKind.Download,
            < 60 => anonymous ? ActivityKind.Download : ActivityKind.Upload,
            < 80 => ActivityKind.List,
            < 90 => ActivityKind.ChangeDirectory,
            < 95 => anonymous ? ActivityKind.List : ActivityKind.MakeDirectory,
            _ => anonymous ? ActivityKind.List : ActivityKind.Delete,
        };
        if (kind == ActivityKind.MakeDirectory)
        {
            name = "new " + random.Next(1000).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        // Sizes and rates spread over orders of magnitude; a transfer lasts at most a quarter of an
        // hour, so that no session falls silent for as long as a server's or LogLens's limits.
        var bytes = (long)Math.Pow(10, 3 + (random.NextDouble() * 5.3));
        var rate = Math.Pow(10, 4.7 + (random.NextDouble() * 2.6));
        var seconds = Math.Min(bytes / rate, 900);
        var succeeds = random.Next(20) != 0;
        if (!succeeds)
        {
            bytes = (long)(bytes * random.NextDouble());
            seconds *= random.NextDouble();
        }

        return new Activity(kind, directory, name, Math.Max(bytes, 1), seconds, succeeds);
    }
}
