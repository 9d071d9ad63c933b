using System.Globalization;
using System.Text;

namespace LogLens.Benchmarks.Generators;

/// <summary>
/// A <c>vsftpd.log</c> with protocol logging on (<c>log_ftp_protocol=YES</c>), written as vsftpd's
/// processes write it. For each connection the standalone listener forks a privileged parent Q;
/// Q forks the unprivileged pre-login child P (usually Q+1), which logs CONNECT (or the refusal,
/// when the address already has <c>max_per_ip</c> connections) and the USER/PASS dialogue; Q logs
/// OK LOGIN / FAIL LOGIN; after a failed login Q sleeps a second (<c>delay_failed_login</c>) before
/// P answers 530, and P hangs up after the third (<c>max_login_fails</c>). At a successful login P
/// exits and Q forks the post-login process R, the next free pid at that moment (other connections
/// and other programs have forked since P), which logs everything after. Pids come from a
/// <see cref="PidTable"/>, so they wrap and come back.
/// </summary>
internal sealed class VsftpdGenerator : ServerGenerator
{
    private const int MaxLoginFails = 3;
    private const double IdleSessionTimeout = 300;
    private const double DelayFailedLogin = 1;

    private readonly PidTable pids;
    private readonly int maxPerIp;
    private readonly StringBuilder line = new(256);

    /// <summary>Sets up the server: its pid space, its <c>max_per_ip</c>, whether it listens on IPv6.</summary>
    /// <param name="options">What to generate.</param>
    /// <param name="writer">Where the log and its truth go.</param>
    public VsftpdGenerator(GeneratorOptions options, LogWriter writer)
        : base(options, writer, new Random(options.Seed).Next(3) == 0 ? AddressStyle.DualStackMapped : AddressStyle.Ipv4)
    {
        pids = new PidTable(Random, options.PidMax, meanSecondsBetweenForks: 0.5);
        maxPerIp = Random.Next(4, 6);
        pids.Fork(); // the standalone listener
    }

    /// <inheritdoc />
    protected override string Format => "vsftpd";

    /// <inheritdoc />
    protected override void OnTimePassing(long millis) => pids.AdvanceTo(millis);

    /// <inheritdoc />
    protected override IEnumerable<double> Script(Connection connection, ConnectionPlan plan)
    {
        var c = $"Client \"{connection.Client}\"";
        var parent = pids.Fork();
        if (Random.Next(50) == 0)
        {
            // Another program forked between the listener's fork and the parent's.
            pids.ForkOther(Millis);
        }

        var prelogin = pids.Fork();
        if (OpenFrom(connection.Client) > maxPerIp)
        {
            Log(connection, prelogin, null, $"CONNECT: {c}, \"Connection refused: too many sessions for this address.\"");
            Log(connection, prelogin, null, $"FTP response: {c}, \"421 There are too many connections from your internet address.\"");
            pids.Exit(prelogin);
            pids.Exit(parent);
            yield break;
        }

        Log(connection, prelogin, null, $"CONNECT: {c}");
        Log(connection, prelogin, null, $"FTP response: {c}, \"220 (vsFTPd 3.0.3)\"");
        if (plan.Probe)
        {
            if (plan.Ending == Ending.IdleTimeout)
            {
                yield return IdleSessionTimeout;
                Log(connection, prelogin, null, $"FTP response: {c}, \"421 Timeout.\"");
            }
            else
            {
                yield return Think();
            }

            pids.Exit(prelogin);
            pids.Exit(parent);
            yield break;
        }

        var user = plan.User;
        for (var attempt = 0; ; attempt++)
        {
            yield return Think();
            Log(connection, prelogin, null, $"FTP command: {c}, \"USER {user}\"");
            yield return Reply();
            Log(connection, prelogin, user, $"FTP response: {c}, \"331 Please specify the password.\"");
            yield return Think();
            Log(connection, prelogin, user, $"FTP command: {c}, \"PASS <password>\"");
            yield return 0.005 + (Random.NextDouble() * 0.2); // the parent asks PAM
            if (plan.LogsIn && attempt == plan.FailedAttempts)
            {
                break;
            }

            Log(connection, parent, user, $"FAIL LOGIN: {c}");
            yield return DelayFailedLogin + Reply();
            Log(connection, prelogin, user, $"FTP response: {c}, \"530 Login incorrect.\"");
            if (attempt + 1 >= MaxLoginFails)
            {
                // vsftpd hangs up; P exits, and with it Q.
                pids.Exit(prelogin);
                pids.Exit(parent);
                yield break;
            }

            if (!plan.LogsIn && attempt + 1 >= plan.FailedAttempts)
            {
                yield return Think();
                if (plan.Ending == Ending.Quit)
                {
                    // The failed login emptied the user name: no prefix.
                    Log(connection, prelogin, null, $"FTP command: {c}, \"QUIT\"");
                    Log(connection, prelogin, null, $"FTP response: {c}, \"221 Goodbye.\"");
                }

                pids.Exit(prelogin);
                pids.Exit(parent);
                yield break;
            }
        }

        // The parent logs the login (as "ftp" for an anonymous one), tells P, waits for it to exit,
        // and forks the post-login process: the next free pid now, far from P.
        var who = plan.Anonymous ? "ftp" : user;
        Log(connection, parent, who, plan.Anonymous ? $"OK LOGIN: {c}, anon password \"?\"" : $"OK LOGIN: {c}");
        yield return 0.002;
        pids.Exit(prelogin);
        var postlogin = pids.Fork();
        Log(connection, postlogin, who, $"FTP response: {c}, \"230 Login successful.\"");
        var session = new PostLogin(this, connection, postlogin, who, c);
        foreach (var pause in session.Run(plan))
        {
            yield return pause;
        }

        pids.Exit(postlogin);
        pids.Exit(parent);
    }

    private void Log(Connection connection, int pid, string? user, string message)
    {
        var now = Now;
        line.Clear()
            .Append(now.ToString("ddd MMM ", CultureInfo.InvariantCulture))
            .Append(now.Day.ToString(CultureInfo.InvariantCulture).PadLeft(2))
            .Append(now.ToString(" HH:mm:ss yyyy", CultureInfo.InvariantCulture))
            .Append(" [pid ");
        Number(line, pid).Append("] ");
        if (user is not null)
        {
            line.Append('[').Append(user).Append("] ");
        }

        line.Append(message);
        Write(connection, line.ToString());
    }

    /// <summary>The post-login process R: the client's commands and vsftpd's answers, transfers, the end.</summary>
    private sealed class PostLogin(VsftpdGenerator server, Connection connection, int pid, string user, string c)
    {
        public IEnumerable<double> Run(ConnectionPlan plan)
        {
            if (server.Random.Next(2) == 0)
            {
                // What most clients ask first.
                yield return server.Think();
                Command("SYST", "215 UNIX Type: L8");
                yield return server.Think();
                Command("PWD", "257 \"/\" is the current directory");
                yield return server.Think();
                Command("TYPE I", "200 Switching to Binary mode.");
            }

            foreach (var activity in plan.Activities)
            {
                yield return server.Think();
                var path = activity.Path;
                switch (activity.Kind)
                {
                    case ActivityKind.Download:
                    case ActivityKind.Upload:
                        var upload = activity.Kind == ActivityKind.Upload;
                        Command("PASV", $"227 Entering Passive Mode ({server.PassiveAddress()}).");
                        yield return server.Think();
                        Command(
                            (upload ? "STOR " : "RETR ") + path,
                            upload ? "150 Ok to send data." : $"150 Opening BINARY mode data connection for {path} ({activity.Bytes.ToString(CultureInfo.InvariantCulture)} bytes).");
                        yield return activity.Seconds;
                        var rate = activity.KilobytesPerSecond.ToString("0.00", CultureInfo.InvariantCulture);
                        Say($"{(activity.Succeeds ? "OK" : "FAIL")} {(upload ? "UPLOAD" : "DOWNLOAD")}: {c}, \"{path}\", {activity.Bytes.ToString(CultureInfo.InvariantCulture)} bytes, {rate}Kbyte/sec");
                        Response(activity.Succeeds ? "226 Transfer complete." : upload ? "426 Failure reading network stream." : "426 Failure writing network stream.");
                        break;
                    case ActivityKind.List:
                        Command("PASV", $"227 Entering Passive Mode ({server.PassiveAddress()}).");
                        yield return server.Think();
                        Command("LIST", "150 Here comes the directory listing.");
                        yield return server.Reply();
                        Response("226 Directory send OK.");
                        break;
                    case ActivityKind.ChangeDirectory:
                        Command("CWD " + activity.Directory, activity.Succeeds ? "250 Directory successfully changed." : "550 Failed to change directory.");
                        break;
                    case ActivityKind.MakeDirectory:
                        Request("MKD " + path);
                        Say(activity.Succeeds ? $"OK MKDIR: {c}, \"{path}\"" : $"FAIL MKDIR: {c}, \"{path}\"");
                        Response(activity.Succeeds ? $"257 \"{path}\" created" : "550 Create directory operation failed.");
                        break;
                    default:
                        Request("DELE " + path);
                        Say(activity.Succeeds ? $"OK DELETE: {c}, \"{path}\"" : $"FAIL DELETE: {c}, \"{path}\"");
                        Response(activity.Succeeds ? "250 Delete operation successful." : "550 Delete operation failed.");
                        break;
                }
            }

            switch (plan.Ending)
            {
                case Ending.Quit:
                    yield return server.Think();
                    Command("QUIT", "221 Goodbye.");
                    break;
                case Ending.IdleTimeout:
                    yield return IdleSessionTimeout;
                    Response("421 Timeout.");
                    break;
                default:
                    // The client hangs up: vsftpd exits without a word.
                    yield return server.Think();
                    break;
            }
        }

        private void Command(string command, string response)
        {
            Request(command);
            Response(response);
        }

        private void Request(string command) => Say($"FTP command: {c}, \"{command}\"");

        private void Response(string response) => Say($"FTP response: {c}, \"{response}\"");

        private void Say(string message) => server.Log(connection, pid, user, message);
    }
}
