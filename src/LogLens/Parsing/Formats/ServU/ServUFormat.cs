namespace LogLens.Parsing.Formats.ServU;

/// <summary>
/// The Serv-U FTP server's log, 6.x and 15.x:
/// <c>[2] Thu 07Mar02 11:44:56 - (000012) Connected to 198.51.100.7 (Local address 192.0.2.10)</c>.
/// The session key is Serv-U's six-digit session id.
/// </summary>
public sealed class ServUFormat : LogFormat
{
    private static readonly string[] Samples =
    [
        "[2] Thu 07Mar02 11:44:56 - (000012) Connected to 198.51.100.7 (Local address 192.0.2.10)",
        "[6] Thu 07Mar02 11:44:56 - (000012) 220 Serv-U FTP Server v6.0 for WinSock ready...",
        "[5] Thu 07Mar02 11:44:57 - (000012) USER carol",
        "[6] Thu 07Mar02 11:44:57 - (000012) 331 User name okay, need password.",
        "[5] Thu 07Mar02 11:44:57 - (000012) PASS ***",
        "[6] Thu 07Mar02 11:44:57 - (000012) 230-Welcome to the archive.",
        "[2] Thu 07Mar02 11:44:57 - (000012) User carol logged in",
        "[3] Thu 07Mar02 11:45:09 - (000012) Sent file D:\\pub\\manual 2002.pdf successfully (64.0 kB/sec - 786432 Bytes)",
        "[3] Thu 07Mar02 11:45:30 - (000012) Received file D:\\incoming\\notes.txt successfully (12.5 kB/sec - 20480 Bytes)",
        "[3] Thu 07Mar02 11:45:41 - (000012) Received file D:\\incoming\\big.iso aborted (40.1 kB/sec - 52428800 Bytes)",
        "[2] Thu 07Mar02 11:46:02 - (000012) Closing connection for user CAROL (00:01:06 connected)",
        "[2] Thu 07Mar02 11:50:15 - (000013) Password wrong too many times for user \"dave\" - disconnecting",
        "[2] Thu 07Mar02 11:52:40 - (000014) Session timed out, closing connection",
        "[2] Thu 07Mar02 11:52:40 - (000015) Closing connection for 203.0.113.9 (00:00:20 connected)",
        "[2] Thu 07Mar02 11:52:41 - (000016) Disconnected",
        "[02] Thu 26Nov15 14:30:16 - (000003) Connected to 203.0.113.40 (local address 192.0.2.10, port 21)",
        "[02] Thu 26Nov15 14:30:18 - (000003) Invalid login credentials; user: \"erin\"; password: \"***\"",
        "[02] Thu 26Nov15 14:30:25 - (000003) User \"erin\" logged in",
        "[10] Thu 26Nov15 14:30:31 - (000003) Sent file \"E:\\share\\plan.xlsx\" successfully (310.42 KB/sec - 48,211 Bytes)",
        "[11] Thu 26Nov15 14:30:40 - (000003) Error receiving file \"E:\\share\\upload\\draft.docx\"",
        "[12] Thu 26Nov15 14:30:44 - (000003) File deleted: \"E:\\share\\old.txt\"",
        "[01]Thu 26Nov15 14:31:02 - (000003) Closed session",
    ];

    /// <summary>Serv-U numbers its connections; its idle time-out is set per domain, commonly 10 minutes.</summary>
    internal override Analysis.SessionContract Sessions { get; } = new() { IdleTimeout = TimeSpan.FromMinutes(10) };

    /// <inheritdoc />
    public override string Name => "servu";

    /// <inheritdoc />
    public override string Description => "Serv-U FTP server log (6.x and 15.x): [level] Thu 07Mar02 11:44:56 - (session) message";

    /// <inheritdoc />
    public override IReadOnlyList<string> SampleLines => Samples;

    /// <inheritdoc />
    /// <remarks>At a glance: the session number in parentheses after the time.</remarks>
    protected override bool Resembles(string line) => line.Contains(" - (", StringComparison.Ordinal);

    /// <inheritdoc />
    public override ILineParser CreateParser() => new ServULineParser();

    /// <inheritdoc />
    protected override bool KnowsPrefixOfUnrecognized => true;
}
