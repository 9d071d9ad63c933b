using LogLens.Events;

namespace LogLens.Parsing.Formats.CuteFtp;

/// <summary>
/// The transcript of the English edition of CuteFTP: <c>STATUS:&gt;</c>, <c>ERROR:&gt;</c> and
/// <c>COMMAND:&gt;</c> lines between the server's bare replies, in later versions with a
/// <c>[9/8/2009 10:08:07 PM]</c> timestamp after the prefix and before each reply.
/// </summary>
public sealed class CuteFtpEnglishFormat : LogFormat
{
    private static readonly CuteFtpGrammar Grammar = new(new CuteFtpVocabulary
    {
        StatusPrefix = "STATUS",
        ErrorPrefix = "ERROR",
        CommandPrefix = "COMMAND",
        GettingListing = ["Getting listing"],
        Connecting = ["Connecting to FTP server"],
        SocketConnected = ["Socket connected"],
        Authenticating = ["Connected. Authenticating"],
        LoginSucceeded = ["Login successful"],
        ConnectFailed = ["Can't connect to remote server", "Cannot connect to remote server", "Could not connect to remote server"],
        SocketError = ["Socket error"],
        Waiting = ["Waiting"],
        NotLoggedIn = ["Not logged in"],
        ConnectionClosed = ["Connection closed"],
        ControlConnectionClosed = ["Control connection closed"],
        TimedOut = ["Timed out", "Connection timed out", "Operation timed out", "Timeout"],
        TransferComplete = ["Transfer complete"],
        TransferFailed = ["Transfer failed"],
    });

    /// <summary>A client's transcript: one stream, split into attempts by what the client says.</summary>
    internal override Analysis.SessionContract Sessions => Analysis.SessionContract.Transcript;

    /// <inheritdoc />
    public override string Name => "cuteftp-en";

    /// <inheritdoc />
    public override string Description => "CuteFTP client transcript, English edition (STATUS:> / COMMAND:> / ERROR:> and server replies, optionally timestamped)";

    /// <inheritdoc />
    public override IReadOnlyList<string> SampleLines { get; } =
    [
        "STATUS:> Getting listing \"\"...",
        "STATUS:> Connecting to FTP server ftp.example.com:21 (ip = 203.0.113.5)...",
        "STATUS:> Socket connected. Waiting for welcome message...",
        "220 ProFTPD Server (Example FTP) [203.0.113.5]",
        "STATUS:> Connected. Authenticating...",
        "COMMAND:> USER software",
        "331 User name okay, need password.",
        "COMMAND:> PASS *****",
        "230-Welcome to the example.com archive.",
        "230 User logged in, proceed.",
        "STATUS:> Login successful.",
        "COMMAND:> PWD",
        "257 \"/\" is current directory.",
        "COMMAND:> TYPE I",
        "200 Type set to I.",
        "COMMAND:> PASV",
        "227 Entering Passive Mode (203,0,113,5,195,80).",
        "COMMAND:> RETR release notes 2.1.txt",
        "150 Opening BINARY mode data connection for release notes 2.1.txt (48213 bytes).",
        "226 Transfer complete.",
        "STATUS:> Transfer complete.",
        "ERROR:> Transfer failed.",
        "STATUS:> Resolving host name ftp.example.com...",
        "ERROR:> Can't connect to remote server. Socket error = #10061.",
        "STATUS:> Waiting 30 seconds...",
        "530 Not logged in, unauthorized IP address.",
        "ERROR:> Not logged in.",
        "STATUS:> Connection closed.",
        "ERROR:> Control connection closed.",
        "ERROR:> Connection timed out",
        "STATUS:>   [9/8/2009 10:08:07 PM] Connecting to FTP server ftp.example.com:21 (ip = 203.0.113.5:21)...",
        "COMMAND:>   [9/8/2009 10:08:08 PM] TYPE I",
        "        [9/8/2009 10:08:08 PM] 200 Type set to I.",
        "ERROR:>   [9/8/2009 10:08:40 PM] Can't open data connection. The server may be behind a firewall that",
        "        blocks incoming data connections; try passive mode.",
    ];

    /// <inheritdoc />
    public override ILineParser CreateParser() => new CuteFtpLineParser(Grammar);

    /// <inheritdoc />
    /// <remarks>At a glance: its prefixes.</remarks>
    protected override bool Resembles(string line) => line.Contains("STATUS:>", StringComparison.Ordinal) || line.Contains("COMMAND:>", StringComparison.Ordinal) || line.Contains("ERROR:>", StringComparison.Ordinal);

    /// <inheritdoc />
    protected override bool IsDistinctive(FtpEvent parsed) => CuteFtpLineParser.IsPrefixed(parsed);
}
