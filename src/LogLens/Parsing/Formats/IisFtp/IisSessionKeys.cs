using System.Globalization;
using LogLens.Events;

namespace LogLens.Parsing.Formats.IisFtp;

/// <summary>What a row does to its session's lifetime.</summary>
internal enum IisRowRole
{
    /// <summary>Anything within a session.</summary>
    Within,

    /// <summary>The control connection opened (<c>ControlChannelOpened</c>).</summary>
    Opens,

    /// <summary>The client said QUIT.</summary>
    Quits,

    /// <summary>The control connection closed (<c>ControlChannelClosed</c>, IIS 5/6 <c>closed</c>).</summary>
    Closes,
}

/// <summary>
/// Gives each row its session key, and remembers per session the user named by its last USER.
/// <list type="bullet">
/// <item>IIS 7 and later: the <c>x-session</c> column, a GUID per control connection.</item>
/// <item>IIS 5/6: the connection id before the method (<c>[62]</c>). IIS counts connections from
/// the service's start and writes its header again when it restarts; when the first id after such
/// a header is lower than the ids before it, the count started over, and each id from there on is
/// another connection (the session stage names it <c>62-2</c>). A header after which ids go on
/// rising (fields changed, or files concatenated) changes nothing.</item>
/// <item>Neither: the client's address, and another connection (<c>198.51.100.7-2</c>) when the
/// client opens another control connection, comes back after its session ended (QUIT or a closed
/// connection), or after more than ten minutes of silence. A closing row never starts a connection
/// of its own: the close that follows QUIT stays with the session it closes.</item>
/// </list>
/// </summary>
internal sealed class IisSessionKeys
{
    private const double GapSeconds = 10 * 60;
    private const int MaxRemembered = 100_000;

    private readonly Dictionary<string, ClientTrack> clients = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Key, long Connection), string> users = [];
    private int generation = 1;
    private long connections;
    private long highestId;
    private bool headerSeen;

    /// <summary>A header line followed rows: IIS may have restarted.</summary>
    public void HeaderAfterRows() => headerSeen = true;

    /// <summary>The session key of a row, or <see langword="null"/> when the row names no session and no client.</summary>
    /// <param name="row">The row.</param>
    /// <param name="time">Its timestamp.</param>
    /// <param name="role">What it does to its session.</param>
    /// <returns>The key.</returns>
    public (string? Key, long Connection) KeyFor(IisRow row, LogTimestamp? time, IisRowRole role)
    {
        if (row.Session is { } session)
        {
            return (session, 0);
        }

        if (row.Method.ConnectionId is { } id)
        {
            var n = long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : 0;
            if (headerSeen && n < highestId)
            {
                generation++;
                highestId = 0;
            }

            headerSeen = false;
            highestId = Math.Max(highestId, n);
            return generation == 1 ? (id, 0) : (id, ((long)generation << 40) | (n & ((1L << 40) - 1)));
        }

        if (row.Client is not { } client)
        {
            return (null, 0);
        }

        if (!clients.TryGetValue(client, out var track))
        {
            if (clients.Count >= MaxRemembered)
            {
                clients.Clear();
            }

            track = new ClientTrack();
            clients[client] = track;
        }

        return (client, track.Next(time, role, ref connections));
    }

    /// <summary>The user the session's last USER named, if any.</summary>
    /// <param name="session">The session key and connection.</param>
    /// <returns>The user or <see langword="null"/>.</returns>
    public string? UserOf((string? Key, long Connection) session) => session.Key is { } key ? users.GetValueOrDefault((key, session.Connection)) : null;

    /// <summary>Remembers the user a USER named.</summary>
    /// <param name="session">The session key and connection.</param>
    /// <param name="user">The user.</param>
    public void SetUser((string? Key, long Connection) session, string? user)
    {
        if (session.Key is not { } key || user is null)
        {
            return;
        }

        if (users.Count >= MaxRemembered)
        {
            users.Clear();
        }

        users[(key, session.Connection)] = user;
    }

    /// <summary>Forgets a session that ended.</summary>
    /// <param name="session">The session key and connection.</param>
    public void Forget((string? Key, long Connection) session)
    {
        if (session.Key is { } key)
        {
            users.Remove((key, session.Connection));
        }
    }

    /// <summary>One client's connections when the log has no session column.</summary>
    private sealed class ClientTrack
    {
        private long connection;
        private bool ended;
        private LogTimestamp? last;

        /// <summary>The connection a row belongs to: the current one, or the next of the file's when the row starts another.</summary>
        public long Next(LogTimestamp? time, IisRowRole role, ref long connections)
        {
            var gap = time is { } now && last is { } before && now.SecondsSince(before) > GapSeconds;
            var fresh = connection == 0 || role switch
            {
                IisRowRole.Opens => true,
                IisRowRole.Closes => gap,
                _ => ended || gap,
            };
            if (fresh)
            {
                connection = ++connections;
                ended = false;
            }

            last = time ?? last;
            ended |= role is IisRowRole.Quits or IisRowRole.Closes;
            return connection;
        }
    }
}
