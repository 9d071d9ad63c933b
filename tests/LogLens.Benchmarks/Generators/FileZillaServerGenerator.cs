using System.Globalization;
using System.Text;

namespace LogLens.Benchmarks.Generators;

/// <summary>
/// A FileZilla Server 0.9 log, the layout LogLens reads whole (every line of a session names it):
/// <c>(000012) 16.06.2012 09:15:02 - (not logged in) (198.51.100.7)&gt; USER bob</c>, the user in place
/// of <c>(not logged in)</c> from the login on. FileZilla numbers sessions from 000001 each time the
/// service starts; it is restarted now and then, dropping its sessions without a word, so ids come
/// back while their earlier sessions never said they ended.
/// </summary>
internal sealed class FileZillaServerGenerator : ServerGenerator
{
    private const double IdleTimeout = 120;
    private const double LoginTimeout = 60;

    private readonly StringBuilder line = new(256);
    private int sessionIds;

    /// <summary>Sets up the server.</summary>
    /// <param name="options">What to generate.</param>
    /// <param name="writer">Where the log and its truth go.</param>
    public FileZillaServerGenerator(GeneratorOptions options, LogWriter writer)
        : base(options, writer, AddressStyle.DualStack)
    {
    }

    /// <inheritdoc />
    protected override string Format => "filezilla-server";

    /// <inheritdoc />
    protected override int? ConnectionsPerRestart => 1000;

    /// <inheritdoc />
    protected override void OnRestart() => sessionIds = 0;

    /// <inheritdoc />
    protected override IEnumerable<double> Script(Connection connection, ConnectionPlan plan)
    {
        var id = ++sessionIds;
        string? who = null;
        void Log(string message)
        {
            var now = Now;
            line.Clear().Append('(');
            Number(line, id, 6).Append(") ")
                .Append(now.ToString("dd.MM.yyyy HH:mm:ss", CultureInfo.InvariantCulture))
                .Append(" - ")
                .Append(who ?? "(not logged in)")
                .Append(" (").Append(connection.Client).Append(")> ")
                .Append(message);
            Write(connection, line.ToString());
        }

        Log("Connected, sending welcome message...");
        Log("220-FileZilla Server 0.9.60 beta");
        Log("220-written by Tim Kosse (tim.kosse@filezilla-project.org)");
        Log("220 Please visit https://filezilla-project.org/");
        if (plan.Probe)
        {
            if (plan.Ending == Ending.IdleTimeout)
            {
                yield return LoginTimeout;
                Log("421 Login time exceeded. Closing control connection.");
            }
            else
            {
                yield return Think();
            }

            Log("disconnected.");
            yield break;
        }

        var user = plan.User;
        for (var attempt = 0; ; attempt++)
        {
            yield return Think();
            Log("USER " + user);
            Log(plan.Anonymous ? "331 Password required for anonymous" : "331 Password required for " + user);
            yield return Think();
            Log("PASS ****");
            yield return Reply();
            if (plan.LogsIn && attempt == plan.FailedAttempts)
            {
                break;
            }

            Log("530 Login or password incorrect!");
            if (!plan.LogsIn && attempt + 1 >= plan.FailedAttempts)
            {
                // FileZilla keeps the connection open: the client gives up.
                yield return Think();
                if (plan.Ending == Ending.Quit)
                {
                    Log("QUIT");
                    Log("221 Goodbye");
                }

                Log("disconnected.");
                yield break;
            }
        }

        who = user;
        Log("230 Logged on");
        if (Random.Next(2) == 0)
        {
            yield return Think();
            Log("PWD");
            Log("257 \"/\" is current directory.");
            yield return Think();
            Log("TYPE I");
            Log("200 Type set to I");
        }

        foreach (var activity in plan.Activities)
        {
            yield return Think();
            var path = activity.Path;
            switch (activity.Kind)
            {
                case ActivityKind.Download:
                case ActivityKind.Upload:
                    var upload = activity.Kind == ActivityKind.Upload;
                    Log("PASV");
                    Log($"227 Entering Passive Mode ({PassiveAddress()})");
                    yield return Think();
                    Log((upload ? "STOR " : "RETR ") + path);
                    Log(upload ? $"150 Opening data channel for file upload to server of \"{path}\"" : $"150 Opening data channel for file download from server of \"{path}\"");
                    yield return activity.Seconds;
                    Log(activity.Succeeds ? $"226 Successfully transferred \"{path}\"" : $"426 Connection closed; aborted transfer of \"{path}\"");
                    break;
                case ActivityKind.List:
                    Log("PASV");
                    Log($"227 Entering Passive Mode ({PassiveAddress()})");
                    yield return Think();
                    Log("MLSD");
                    Log($"150 Opening data channel for directory listing of \"{activity.Directory}\"");
                    yield return Reply();
                    Log($"226 Successfully transferred \"{activity.Directory}\"");
                    break;
                case ActivityKind.ChangeDirectory:
                    Log("CWD " + activity.Directory);
                    Log(activity.Succeeds ? $"250 CWD successful. \"{activity.Directory}\" is current directory." : "550 CWD failed. The directory does not exist.");
                    break;
                case ActivityKind.MakeDirectory:
                    Log("MKD " + path);
                    Log(activity.Succeeds ? $"257 \"{path}\" created successfully" : "550 Can't create directory. Permission denied");
                    break;
                default:
                    Log("DELE " + path);
                    Log(activity.Succeeds ? "250 File deleted successfully" : "550 Permission denied");
                    break;
            }
        }

        switch (plan.Ending)
        {
            case Ending.Quit:
                yield return Think();
                Log("QUIT");
                Log("221 Goodbye");
                break;
            case Ending.IdleTimeout:
                yield return IdleTimeout;
                Log("421 Connection timed out.");
                break;
            default:
                yield return Think();
                break;
        }

        Log("disconnected.");
    }
}
