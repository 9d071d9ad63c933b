using LogLens.Events;
using LogLens.Input;
using LogLens.Parsing.Grammar;

namespace LogLens.Parsing.Syslog;

/// <summary>A daemon's message with whatever of its envelope the line had.</summary>
/// <param name="Time">When, or null for a line whose timestamp was cut off.</param>
/// <param name="Program">The program name.</param>
/// <param name="Facility">The parenthesised facility (<c>pam_unix</c>), or null.</param>
/// <param name="Pid">The process id, or null.</param>
/// <param name="Message">The message.</param>
internal readonly record struct DaemonMessage(LogTimestamp? Time, string Program, string? Facility, string? Pid, string Message);

/// <summary>How completely a dialect understood a message.</summary>
internal enum Understanding
{
    /// <summary>A message the dialect knows: the event says what it means.</summary>
    Known,

    /// <summary>A message of the daemon's that no rule knows: an <see cref="UnrecognizedLine"/> with its time and key.</summary>
    Unknown,

    /// <summary>A message cut short (a wrapped line): its rest is on the next lines.</summary>
    Incomplete,
}

/// <summary>A dialect's reading of one message.</summary>
/// <param name="Event">The event (null when incomplete).</param>
/// <param name="Understanding">How completely the message was understood.</param>
/// <param name="SecretFollows">
/// Whether the message ends with a secret that may go on over the next lines (an anonymous login's
/// password): bare lines right after it are masked whole.
/// </param>
internal readonly record struct Reading(FtpEvent? Event, Understanding Understanding, bool SecretFollows = false)
{
    /// <summary>A message cut short.</summary>
    public static Reading Incomplete => new(null, Understanding.Incomplete);
}

/// <summary>
/// Base for a syslog dialect's parser: it hands the dialect each message of its programs, from a
/// whole syslog line or from what is left of one, and reassembles lines that were wrapped.
/// </summary>
/// <remarks>
/// Besides whole lines (<see cref="ParseMessage"/>), a daemon's lines turn up indented (copied from
/// documentation), without their timestamp (<c>pure-ftpd: (?@192.0.2.7) …</c>), and wrapped over several
/// lines (<c>Nov 9 05:00:07 ensim</c> / <c>proftpd[21141]: ensim.example.com</c> / <c>(client[192.0.2</c> /
/// <c>.7]) - FTP session opened.</c>). A wrapped entry's pieces are <see cref="ContinuationLine"/>s
/// until the piece that completes its message, which carries the event.
/// <para>Every event gets its session key from a <see cref="SessionStitcher"/>: by process id when the
/// line has one (<see cref="KeysByProcess"/>), else by the client's address.</para>
/// </remarks>
internal abstract class DialectParser : IDialectParser
{
    private const int MaxPieces = 8;

    private readonly SessionStitcher byProcess;
    private readonly SessionStitcher byClient;
    private Fragment? open;
    private long secretLine = -1;
    private (long Line, LogTimestamp Time)? head;

    /// <summary>Creates the parser.</summary>
    /// <param name="clientSilence">
    /// How long a client's session (lines without a process id) may stay silent before the client's
    /// next line starts another. A process's session is let go when the session stage closes it
    /// (<see cref="Analysis.SessionContract.CloseAfter"/>).
    /// </param>
    private protected DialectParser(TimeSpan clientSilence)
    {
        var connections = new ConnectionNumbers();
        byProcess = new SessionStitcher(Analysis.SessionContract.Default.CloseAfter, splitOnNewAddress: true, connections);
        byClient = new SessionStitcher(clientSilence, splitOnNewAddress: false, connections);
    }

    /// <inheritdoc />
    public FtpEvent? ParseMessage(in SyslogEntry entry, LogLine line, string text) =>
        Take(new DaemonMessage(entry.Time, entry.Program, entry.Facility, entry.Pid, entry.Message), line, text);

    /// <inheritdoc />
    public FtpEvent? ParseNative(LogLine line, string text)
    {
        if (open is { } fragment && line.Number == fragment.LastLine + 1 && !LooksLikeEntry(text))
        {
            return Continue(fragment, line, text);
        }

        if (secretLine >= 0 && line.Number == secretLine + 1 && !LooksLikeEntry(text))
        {
            secretLine = line.Number;
            return new ContinuationLine { Line = line.Number, Text = Redaction.Mark };
        }

        open = null;
        secretLine = -1;

        // Lines copied from documentation come indented.
        var trimmed = text.TrimStart();
        if (trimmed.Length < text.Length && SyslogGrammar.TryParse(trimmed, out var indented))
        {
            return Claims(indented.Program) ? ParseMessage(indented, line, text) : null;
        }

        if (LooseEnvelopes.TryHead(trimmed, out var time))
        {
            head = (line.Number, time);
            return new ContinuationLine { Line = line.Number, Text = text, Time = time };
        }

        if (LooseEnvelopes.TryBare(trimmed, out var bare) && Claims(bare.Program))
        {
            LogTimestamp? headTime = head is { } h && h.Line == line.Number - 1 ? h.Time : null;
            return Take(new DaemonMessage(headTime, bare.Program, bare.Facility, bare.Pid, bare.Message), line, text);
        }

        return ParseOwnLine(line, text);
    }

    /// <summary>Whether a program name is one of this dialect's.</summary>
    /// <param name="program">The program name as written.</param>
    /// <returns>Whether this dialect reads its messages.</returns>
    protected abstract bool Claims(string program);

    /// <summary>Reads one message of the daemon.</summary>
    /// <param name="message">The message and its envelope.</param>
    /// <param name="line">The line that completes it.</param>
    /// <param name="text">That line's text, passwords redacted: the event's text.</param>
    /// <returns>The reading.</returns>
    private protected abstract Reading Read(in DaemonMessage message, LogLine line, string text);

    /// <summary>A line of the daemon's own log file that is not syslog's (Pure-FTPd's transfer log).</summary>
    /// <param name="line">The line.</param>
    /// <param name="text">Its text, passwords redacted.</param>
    /// <returns>The event, or null when it is not the daemon's.</returns>
    protected virtual FtpEvent? ParseOwnLine(LogLine line, string text) => null;

    /// <summary>Whether a message's session is its process (true when it has a process id).</summary>
    /// <param name="message">The message.</param>
    /// <returns>Whether to key by process id rather than by client.</returns>
    private protected virtual bool KeysByProcess(in DaemonMessage message) => message.Pid is not null;

    /// <summary>A known message's event: the template filled in with the line, its text and time, and its session key.</summary>
    /// <param name="said">The event template and what it tells.</param>
    /// <param name="message">The message.</param>
    /// <param name="line">The line.</param>
    /// <param name="text">The event's text.</param>
    /// <returns>The reading.</returns>
    private protected Reading Known(in Said said, in DaemonMessage message, LogLine line, string text)
    {
        var e = said.Event with { Line = line.Number, Text = text, Time = message.Time, Telling = said.Telling };
        return new Reading(
            KeysByProcess(message) ? byProcess.Place(e, message.Pid!) : byClient.Place(e, e.Client ?? message.Program),
            Understanding.Known);
    }

    /// <summary>A known message that belongs to no session (a server's start, module chatter, PAM's notes).</summary>
    /// <param name="message">The message.</param>
    /// <param name="line">The line.</param>
    /// <param name="text">The event's text.</param>
    /// <param name="client">The client it names, if any.</param>
    /// <returns>The reading.</returns>
    private protected static Reading Notice(in DaemonMessage message, LogLine line, string text, string? client = null) =>
        new(new ServerNotice { Line = line.Number, Text = text, Time = message.Time, Client = client }, Understanding.Known);

    /// <summary>A message of the daemon's that no rule knows: unrecognized, but with its time, client and session key.</summary>
    /// <param name="message">The message.</param>
    /// <param name="line">The line.</param>
    /// <param name="text">The line's text.</param>
    /// <param name="client">The client it names, if any.</param>
    /// <returns>The reading.</returns>
    private protected Reading Unknown(in DaemonMessage message, LogLine line, string text, string? client = null)
    {
        var (key, connection) = KeysByProcess(message) ? byProcess.Current(message.Pid!) : client is null ? (null, 0) : byClient.Current(client);
        return new(new UnrecognizedLine { Line = line.Number, Text = text, Time = message.Time, Client = client, SessionKey = key, Connection = connection }, Understanding.Unknown);
    }

    /// <summary>
    /// A PAM module's line: its <c>authentication failure</c> is a failed login of the user it names,
    /// from its <c>rhost</c>; anything else PAM says belongs to no session.
    /// </summary>
    /// <param name="pam">The PAM message.</param>
    /// <param name="message">The daemon message it came in.</param>
    /// <param name="line">The line.</param>
    /// <param name="text">The line's text.</param>
    /// <returns>The reading.</returns>
    private protected Reading ReadPam(in PamMessage pam, in DaemonMessage message, LogLine line, string text)
    {
        if (!pam.IsAuthFailure)
        {
            return Notice(message, line, text);
        }

        var login = new LoginEvent
        {
            Line = 0,
            Text = string.Empty,
            User = pam.User,
            Succeeded = false,
            Detail = "authentication failure",
            Client = pam.RemoteHost is { } host ? Addresses.Normalize(host) : null,
        };
        return Known(new Said(login, new Telling("fail", "pam", pam.User)), message, line, text);
    }

    private static bool LooksLikeEntry(string text)
    {
        var trimmed = text.TrimStart();
        return LooseEnvelopes.TryHead(trimmed, out _) || LooseEnvelopes.TryBare(trimmed, out _) || SyslogGrammar.TryParse(trimmed, out _);
    }

    private static string Join(string first, string next) => next.StartsWith('.') ? first + next : first + " " + next;

    private static ContinuationLine Piece(in DaemonMessage message, LogLine line, string text) =>
        new() { Line = line.Number, Text = text, Time = message.Time };

    private FtpEvent? Take(in DaemonMessage message, LogLine line, string text)
    {
        open = null;
        secretLine = -1;
        var reading = Read(message, line, text);
        switch (reading.Understanding)
        {
            case Understanding.Known:
                secretLine = reading.SecretFollows ? line.Number : -1;
                return reading.Event;
            case Understanding.Unknown:
                return reading.Event;
            default:
                open = new Fragment(message, line.Number, 1);
                return Piece(message, line, text);
        }
    }

    private FtpEvent Continue(Fragment fragment, LogLine line, string text)
    {
        var joined = fragment.Message with { Message = Join(fragment.Message.Message, text.Trim()) };
        var reading = Read(joined, line, text);
        if (reading.Understanding == Understanding.Known && reading.Event is { } done)
        {
            open = null;
            secretLine = reading.SecretFollows ? line.Number : -1;
            return done;
        }

        open = fragment.Pieces + 1 < MaxPieces ? new Fragment(joined, line.Number, fragment.Pieces + 1) : null;
        return Piece(joined, line, text);
    }

    private sealed record Fragment(DaemonMessage Message, long LastLine, int Pieces);
}
