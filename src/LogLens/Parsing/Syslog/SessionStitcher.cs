using LogLens.Events;

namespace LogLens.Parsing.Syslog;

/// <summary>
/// Session keys for syslog daemons, and the stitching that goes with them. A session is identified
/// by a process id (ProFTPD, wu-ftpd and BSD ftpd fork one process per session) or, for lines
/// without one, by the client's address; either comes back later for another session (pids wrap,
/// clients reconnect), so the id starts another connection (which the session stage names
/// <c>4711-2</c>) when the earlier session ended, when a connect line starts another, when the line
/// comes after a long silence, or (for process ids) when another client's address shows up under the
/// same id.
/// </summary>
/// <param name="maxSilence">How long a session may stay silent before the same id means another session.</param>
/// <param name="splitOnNewAddress">Whether another client address under the same id starts another session.</param>
/// <param name="connections">The file's connection numbers, shared by the stitchers of one parser.</param>
internal sealed class SessionStitcher(TimeSpan maxSilence, bool splitOnNewAddress, ConnectionNumbers connections)
{
    private readonly Dictionary<string, Track> tracks = new(StringComparer.Ordinal);

    /// <summary>Gives an event its session key and connection.</summary>
    /// <param name="e">The event, without a session key.</param>
    /// <param name="id">The process id or the client address the line is about.</param>
    /// <returns>The event with its session key and connection.</returns>
    public FtpEvent Place(FtpEvent e, string id)
    {
        if (!tracks.TryGetValue(id, out var track))
        {
            track = new Track(id);
            tracks[id] = track;
        }

        if (StartsAnother(track, e))
        {
            track.Renew(connections.Next());
        }

        track.Client ??= e.Client;
        track.SawOther |= e is not ConnectEvent;
        track.Ended |= e is DisconnectEvent;
        track.Touch(e.Time);
        return e with { SessionKey = track.Key, Connection = track.Connection };
    }

    /// <summary>The key and connection of the session currently open under an id, for lines that do not change it.</summary>
    /// <param name="id">The process id or client address.</param>
    /// <returns>The key (null when nothing was seen under the id) and connection.</returns>
    public (string? Key, long Connection) Current(string id) => tracks.TryGetValue(id, out var track) ? (track.Key, track.Connection) : (null, 0);

    private bool StartsAnother(Track track, FtpEvent e)
    {
        if (track.Connection == 0)
        {
            return true;
        }

        if (track.Ended)
        {
            // A second closing line (a timeout, then "FTP session closed.") still closes the same session.
            return e is not DisconnectEvent;
        }

        if (track.LastTime is { } last && e.Time is { } now && Math.Abs(now.SecondsSince(last)) > maxSilence.TotalSeconds)
        {
            return true;
        }

        if (splitOnNewAddress && RemoteIdent.IsAddress(track.Client) && RemoteIdent.IsAddress(e.Client) && track.Client != e.Client)
        {
            return true;
        }

        return e is ConnectEvent && track.SawOther;
    }

    private sealed class Track(string id)
    {
        public string Key { get; } = id;

        /// <summary>The connection open under the id, or 0 before the first.</summary>
        public long Connection { get; private set; }

        public string? Client { get; set; }

        public LogTimestamp? LastTime { get; private set; }

        public bool SawOther { get; set; }

        public bool Ended { get; set; }

        public void Renew(long connection)
        {
            Connection = connection;
            Client = null;
            LastTime = null;
            SawOther = false;
            Ended = false;
        }

        public void Touch(LogTimestamp? time) => LastTime = time ?? LastTime;
    }
}
