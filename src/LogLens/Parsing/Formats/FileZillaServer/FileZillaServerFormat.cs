namespace LogLens.Parsing.Formats.FileZillaServer;

/// <summary>
/// The FileZilla Server log, 0.9.x
/// (<c>(000043) 4/1/2009 16:20:06 PM - bob (192.0.2.5)&gt; 230 Logged on</c>, in the server's date style)
/// and 1.x (<c>2023-07-16T02:30:06.860Z &lt;&lt; [FTP Session 2857 192.0.2.5 bob] 230 Login successful.</c>,
/// with its <c>&gt;&gt;</c>, <c>&lt;&lt;</c>, <c>!!</c>, <c>==</c> and debug markers). The session key is
/// FileZilla's session id.
/// </summary>
public sealed class FileZillaServerFormat : LogFormat
{
    private static readonly string[] Samples =
    [
        "(000043) 4/1/2009 16:20:05 PM - (not logged in) (192.0.2.5)> Connected, sending welcome message...",
        "(000043) 4/1/2009 16:20:05 PM - (not logged in) (192.0.2.5)> 220-FileZilla Server version 0.9.41 beta",
        "(000043) 4/1/2009 16:20:05 PM - (not logged in) (192.0.2.5)> 220 Welcome to the example.com archive",
        "(000043) 4/1/2009 16:20:06 PM - (not logged in) (192.0.2.5)> USER bob",
        "(000043) 4/1/2009 16:20:06 PM - (not logged in) (192.0.2.5)> 331 Password required for bob",
        "(000043) 4/1/2009 16:20:06 PM - (not logged in) (192.0.2.5)> PASS ****",
        "(000043) 4/1/2009 16:20:06 PM - (not logged in) (192.0.2.5)> 530 Login or password incorrect!",
        "(000043) 4/1/2009 16:20:09 PM - (not logged in) (192.0.2.5)> disconnected.",
        "(000044) 16.06.2012 09:15:02 - (not logged in) (198.51.100.7)> Connected on port 21, sending welcome message...",
        "(000044) 16.06.2012 09:15:04 - carol (198.51.100.7)> 230 Logged on",
        "(000044) 16.06.2012 09:15:06 - carol (198.51.100.7)> RETR reports/q2.pdf",
        "(000044) 16.06.2012 09:15:06 - carol (198.51.100.7)> 150 Opening data channel for file download from server of \"/reports/q2.pdf\"",
        "(000044) 16.06.2012 09:15:09 - carol (198.51.100.7)> 226 Successfully transferred \"/reports/q2.pdf\"",
        "(000045) 2012-06-16 09:20:11 - dave (203.0.113.9)> SSL connection established",
        "(000045) 2012-06-16 09:20:12 - dave (203.0.113.9)> 211-Features:",
        "(000045) 2012-06-16 09:20:12 - dave (203.0.113.9)> MDTM",
        "(000045) 2012-06-16 09:20:12 - dave (203.0.113.9)> 211 End",
        "2023-07-16T02:30:06.782Z << [FTP Session 2857 192.0.2.5] 220 Welcome to the example.com archive",
        "2023-07-16T02:30:06.782Z >> [FTP Session 2857 192.0.2.5] USER bob",
        "2023-07-16T02:30:06.782Z << [FTP Session 2857 192.0.2.5] 331 Please, specify the password.",
        "2023-07-16T02:30:06.790Z >> [FTP Session 2857 192.0.2.5] PASS ****",
        "2023-07-16T02:30:06.801Z DI [Throttled Authenticator, FTP Session: 2857] Recording failed login for user bob from IP 192.0.2.5.",
        "2023-07-16T02:30:06.802Z << [FTP Session 2857 192.0.2.5] 530 Login incorrect.",
        "2023-07-16T02:30:07.112Z == [FTP Server] Session 2857 ended gracefully.",
        "2023-07-16T02:31:40.004Z << [FTP Session 2858 198.51.100.7 carol] 230 Login successful.",
        "2023-07-16T02:31:52.640Z !! [FTP Session 2858 198.51.100.7 carol] Control channel closed with error from source 0. Reason: ECONNABORTED - Connection aborted.",
        "2023-07-16T02:26:50.089Z == [FTP Server] Listening on 0.0.0.0:21.",
        "2023-07-16T02:26:50.073Z == ===== FileZilla Server 1.8.0 new logging started =====",
    ];

    /// <summary>FileZilla Server drops a connection after 120 seconds without activity by default, and names nobody <c>(not logged in)</c>.</summary>
    internal override Analysis.SessionContract Sessions { get; } = new() { IdleTimeout = TimeSpan.FromSeconds(120), PlaceholderUsers = ["(not logged in)"] };

    /// <inheritdoc />
    public override string Name => "filezilla-server";

    /// <inheritdoc />
    public override string Description =>
        "FileZilla Server log, 0.9.x ((000043) 4/1/2009 16:20:06 PM - user (ip)> message) and 1.x (2023-07-16T02:30:06.860Z << [FTP Session 2857 ip user] message)";

    /// <inheritdoc />
    public override IReadOnlyList<string> SampleLines => Samples;

    /// <inheritdoc />
    /// <remarks>At a glance: its session markers.</remarks>
    protected override bool Resembles(string line) => line.Contains("(not logged in)", StringComparison.Ordinal) || line.Contains("FTP Session", StringComparison.Ordinal) || line.Contains("FileZilla Server", StringComparison.Ordinal);

    /// <inheritdoc />
    public override ILineParser CreateParser() => new FileZillaServerLineParser();

    /// <inheritdoc />
    protected override bool KnowsPrefixOfUnrecognized => true;
}
