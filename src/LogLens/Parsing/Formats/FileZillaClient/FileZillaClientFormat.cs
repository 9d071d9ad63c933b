namespace LogLens.Parsing.Formats.FileZillaClient;

/// <summary>
/// The FileZilla client's log: <c>Status:</c>, <c>Command:</c>, <c>Response:</c>, <c>Error:</c>,
/// <c>Trace:</c> and <c>Listing:</c> lines, as the log file writes them
/// (<c>2023-07-16 10:20:30 4120 1 Status: Connecting to 203.0.113.5:21...</c>: date, time, process id,
/// engine id) or as copied from the message log (<c>Status: Logged in</c>, tab-separated, optionally after a time of
/// day), in English or simplified Chinese (<c>状态:</c>, <c>命令:</c>, <c>响应:</c>, <c>错误:</c>). Each
/// engine of the log file is its own connection (session key <c>pid/engine</c>); an attempt begins at
/// <c>Resolving address of …</c> or <c>Connecting to …</c>.
/// </summary>
public sealed class FileZillaClientFormat : LogFormat
{
    private static readonly string[] Samples =
    [
        "2023-07-16 10:20:28 4120 1 Status: Resolving address of ftp.example.com",
        "2023-07-16 10:20:28 4120 1 Status: Connecting to 203.0.113.5:21...",
        "2023-07-16 10:20:29 4120 1 Status: Connection attempt failed with \"ECONNREFUSED - Connection refused by server\".",
        "2023-07-16 10:20:29 4120 1 Error: Could not connect to server",
        "2023-07-16 10:20:29 4120 1 Status: Waiting to retry...",
        "2023-07-16 10:20:34 4120 1 Status: Connecting to 203.0.113.5:21...",
        "2023-07-16 10:20:34 4120 1 Status: Connection established, waiting for welcome message...",
        "2023-07-16 10:20:34 4120 1 Response: 220-Welcome to the example.com file drop",
        "2023-07-16 10:20:34 4120 1 Response: 220 Please log in.",
        "2023-07-16 10:20:34 4120 1 Command: USER carol",
        "2023-07-16 10:20:34 4120 1 Response: 331 Password required for carol",
        "2023-07-16 10:20:35 4120 1 Command: PASS ********",
        "2023-07-16 10:20:35 4120 1 Response: 230 Logged on",
        "2023-07-16 10:20:35 4120 1 Status: Logged in",
        "2023-07-16 10:20:35 4120 1 Trace: CFtpControlSocket::ParseResponse() code = 2",
        "2023-07-16 10:20:36 4120 1 Status: Retrieving directory listing...",
        "2023-07-16 10:20:40 4120 1 Command: RETR q2 report.pdf",
        "2023-07-16 10:20:40 4120 1 Response: 150 Opening data channel for file download from server of \"/reports/q2 report.pdf\"",
        "2023-07-16 10:20:42 4120 1 Response: 226 Successfully transferred \"/reports/q2 report.pdf\"",
        "2023-07-16 10:20:42 4120 1 Status: File transfer successful, transferred 1,048,576 bytes in 2 seconds",
        "Status:\tConnecting to 198.51.100.20:21...",
        "Response:\t530 Login incorrect.",
        "Error:\tCritical error: Could not connect to server",
        "10:31:02\tError:\tConnection timed out after 20 seconds of inactivity",
        "Error:\tCritical file transfer error",
        "状态:\t正在连接 203.0.113.5:21...",
        "错误:\t无法连接到服务器",
    ];

    /// <summary>A client's transcript: one stream, split into attempts by what the client says.</summary>
    internal override Analysis.SessionContract Sessions => Analysis.SessionContract.Transcript;

    /// <inheritdoc />
    public override string Name => "filezilla-client";

    /// <inheritdoc />
    public override string Description =>
        "FileZilla client log (Status: / Command: / Response: / Error: / Trace:, optionally after date, time, pid and engine id)";

    /// <inheritdoc />
    public override IReadOnlyList<string> SampleLines => Samples;

    /// <inheritdoc />
    /// <remarks>At a glance: its message kinds.</remarks>
    protected override bool Resembles(string line) => line.Contains(" Status:", StringComparison.Ordinal) || line.Contains(" Command:", StringComparison.Ordinal) || line.Contains(" Response:", StringComparison.Ordinal);

    /// <inheritdoc />
    public override ILineParser CreateParser() => new FileZillaClientLineParser();
}
