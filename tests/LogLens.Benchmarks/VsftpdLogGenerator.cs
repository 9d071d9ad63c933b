using System.Globalization;
using System.Text;

namespace LogLens.Benchmarks;

/// <summary>
/// Writes a large, realistic synthetic vsftpd log (protocol logging on): interleaved sessions, the
/// three-pid pattern (the pre-login process logs CONNECT and the USER/PASS dialogue, its parent the
/// OK/FAIL LOGIN, a later post-login process the rest), pids that wrap, failed logins, refused
/// connections and transfers. Seeded, so the same size gives the same file.
/// </summary>
internal sealed class VsftpdLogGenerator
{
    private static readonly string[] Users = ["alice", "bob", "carol", "dave", "erin", "backup", "www-data", "mirror"];
    private static readonly string[] Files = ["/pub/report 2016.pdf", "/pub/linux.iso", "/incoming/notes.txt", "/data/export.csv", "/pub/README"];

    private readonly Random random = new(20161108);
    private readonly List<Session> active = [];
    private DateTime clock = new(2016, 9, 8, 0, 0, 0, DateTimeKind.Unspecified);
    private int pid = 32000;
    private int clients;

    public static void Write(string path, long megabytes)
    {
        var generator = new VsftpdLogGenerator();
        var target = megabytes * 1_000_000;
        using var output = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
        long written = 0;
        var line = new StringBuilder(256);
        while (written < target)
        {
            generator.Next(line);
            output.Write(line);
            written += line.Length;
            line.Clear();
        }
    }

    private void Next(StringBuilder line)
    {
        clock = clock.AddMilliseconds(random.Next(0, 400));
        if (active.Count < 12 && (active.Count == 0 || random.Next(4) == 0))
        {
            active.Add(NewSession());
        }

        var session = active[random.Next(active.Count)];
        if (!session.Steps.MoveNext())
        {
            active.Remove(session);
            return;
        }

        var (stepPid, user, message) = session.Steps.Current;
        line.Append(clock.ToString("ddd MMM ", CultureInfo.InvariantCulture))
            .Append(clock.Day.ToString(CultureInfo.InvariantCulture).PadLeft(2))
            .Append(clock.ToString(" HH:mm:ss yyyy", CultureInfo.InvariantCulture))
            .Append(" [pid ").Append(stepPid.ToString(CultureInfo.InvariantCulture)).Append("] ");
        if (user is not null)
        {
            line.Append('[').Append(user).Append("] ");
        }

        line.Append(message).Append('\n');
    }

    private int NextPid()
    {
        pid = pid >= 32767 ? 300 : pid + 1;
        return pid;
    }

    private Session NewSession()
    {
        clients++;
        var client = random.Next(10) == 0
            ? $"::ffff:203.0.113.{clients % 250 + 1}"
            : $"198.51.{clients / 250 % 250}.{clients % 250 + 1}";
        var user = Users[random.Next(Users.Length)];
        var parent = NextPid();
        var prelogin = NextPid();
        return new Session(Steps(client, user, parent, prelogin));
    }

    private IEnumerator<(int Pid, string? User, string Message)> Steps(string client, string user, int parent, int prelogin)
    {
        var c = $"Client \"{client}\"";
        var kind = random.Next(100);
        if (kind < 4)
        {
            yield return (prelogin, null, $"CONNECT: {c}, \"Connection refused: too many sessions for this address.\"");
            yield break;
        }

        yield return (prelogin, null, $"CONNECT: {c}");

        yield return (prelogin, null, $"FTP response: {c}, \"220 (vsFTPd 3.0.3)\"");
        var attempts = kind < 35 ? random.Next(1, 4) : 1;
        var succeeds = kind >= 35;
        for (var attempt = 1; attempt <= attempts; attempt++)
        {
            yield return (prelogin, null, $"FTP command: {c}, \"USER {user}\"");
            yield return (prelogin, user, $"FTP response: {c}, \"331 Please specify the password.\"");
            yield return (prelogin, user, $"FTP command: {c}, \"PASS <password>\"");
            if (!succeeds || attempt < attempts)
            {
                yield return (parent, user, $"FAIL LOGIN: {c}");
                yield return (prelogin, user, $"FTP response: {c}, \"530 Login incorrect.\"");
            }
        }

        if (!succeeds)
        {
            yield break;
        }

        yield return (parent, user, $"OK LOGIN: {c}");
        var postlogin = NextPid(); // other sessions may have forked in between
        yield return (postlogin, user, $"FTP response: {c}, \"230 Login successful.\"");
        for (var transfer = random.Next(0, 4); transfer > 0; transfer--)
        {
            var file = Files[random.Next(Files.Length)];
            var upload = random.Next(3) == 0;
            var bytes = random.Next(1, 50_000_000);
            yield return (postlogin, user, $"FTP command: {c}, \"PASV\"");
            yield return (postlogin, user, $"FTP response: {c}, \"227 Entering Passive Mode (192,0,2,10,195,{random.Next(256)}).\"");
            yield return (postlogin, user, $"FTP command: {c}, \"{(upload ? "STOR" : "RETR")} {file}\"");
            yield return (postlogin, user, $"FTP response: {c}, \"150 Opening BINARY mode data connection for {file} ({bytes} bytes).\"");
            var ok = random.Next(20) != 0;
            yield return (postlogin, user, $"{(ok ? "OK" : "FAIL")} {(upload ? "UPLOAD" : "DOWNLOAD")}: {c}, \"{file}\", {bytes} bytes, {random.Next(100, 90000)}.{random.Next(100):00}Kbyte/sec");
            yield return (postlogin, user, ok ? $"FTP response: {c}, \"226 Transfer complete.\"" : $"FTP response: {c}, \"426 Failure writing network stream.\"");
        }

        yield return (postlogin, user, $"FTP command: {c}, \"QUIT\"");
        yield return (postlogin, user, $"FTP response: {c}, \"221 Goodbye.\"");
    }

    private sealed class Session(IEnumerator<(int Pid, string? User, string Message)> steps)
    {
        public IEnumerator<(int Pid, string? User, string Message)> Steps { get; } = steps;
    }
}
