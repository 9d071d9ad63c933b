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
/// a header is lower than the ids before it, the count started over, and keys from there on are
/// <c>62#2</c> (then <c>62#3</c> after another restart). A header after which ids go on rising
/// (fields changed, or files concatenated) changes nothing.</item>
/// <item>Neither: the client's address, and a fresh key (<c>198.51.100.7#2</c>) when the client
/// opens another control connection, comes back after its session ended (QUIT or a closed
/// connection), or after more than ten minutes of silence. A closing row never starts a key of
/// its own: the close that follows QUIT stays with the session it closes.</item>
/// </list>
/// </summary>
internal sealed class IisSessionKeys
{
    private const double GapSeconds = 10 * 60;
    private const int MaxRemembered = 100_000;

    private readonly Dictionary<string, ClientTrack> clients = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> users = new(StringComparer.Ordinal);
    private int generation = 1;
    private long highestId;
    private bool headerSeen;

    /// <summary>A header line followed rows: IIS may have restarted.</summary>
    public void HeaderAfterRows() => headerSeen = true;

    /// <summary>The session key of a row, or <see langword="null"/> when the row names no session and no client.</summary>
    /// <param name="row">The row.</param>
    /// <param name="time">Its timestamp.</param>
    /// <param name="role">What it does to its session.</param>
    /// <returns>The key.</returns>
    public string? KeyFor(IisRow row, LogTimestamp? time, IisRowRole role)
    {
        if (row.Session is { } session)
        {
            return session;
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
            return generation == 1 ? id : string.Create(CultureInfo.InvariantCulture, $"{id}#{generation}");
        }

        if (row.Client is not { } client)
        {
            return null;
        }

        if (!clients.TryGetValue(client, out var track))
        {
            if (clients.Count >= MaxRemembered)
            {
                clients.Clear();
            }

            track = new ClientTrack(client);
            clients[client] = track;
        }

        return track.Next(time, role);
    }

    /// <summary>The user the session's last USER named, if any.</summary>
    /// <param name="key">The session key.</param>
    /// <returns>The user or <see langword="null"/>.</returns>
    public string? UserOf(string? key) => key is not null ? users.GetValueOrDefault(key) : null;

    /// <summary>Remembers the user a USER named.</summary>
    /// <param name="key">The session key.</param>
    /// <param name="user">The user.</param>
    public void SetUser(string? key, string? user)
    {
        if (key is null || user is null)
        {
            return;
        }

        if (users.Count >= MaxRemembered)
        {
            users.Clear();
        }

        users[key] = user;
    }

    /// <summary>Forgets a session that ended.</summary>
    /// <param name="key">The session key.</param>
    public void Forget(string? key)
    {
        if (key is not null)
        {
            users.Remove(key);
        }
    }

    /// <summary>One client's keys when the log has no session column.</summary>
    private sealed class ClientTrack(string client)
    {
        private int count = 1;
        private bool used;
        private bool ended;
        private LogTimestamp? last;

        private string Key => count == 1 ? client : string.Create(CultureInfo.InvariantCulture, $"{client}#{count}");

        public string Next(LogTimestamp? time, IisRowRole role)
        {
            var gap = time is { } now && last is { } before && now.SecondsSince(before) > GapSeconds;
            var fresh = used && role switch
            {
                IisRowRole.Opens => true,
                IisRowRole.Closes => gap,
                _ => ended || gap,
            };
            if (fresh)
            {
                count++;
                ended = false;
            }

            used = true;
            last = time ?? last;
            ended |= role is IisRowRole.Quits or IisRowRole.Closes;

            return Key;
        }
    }
}
