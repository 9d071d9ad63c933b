namespace LogLens.Parsing.Formats.IisFtp;

/// <summary>
/// The FTP service of Microsoft IIS: W3C extended log files driven by their <c>#Fields:</c> header
/// (IIS 7 and later: <c>2011-05-12 04:03:19 198.51.100.7 - 192.0.2.10 21 PASS *** 530 1326 41
/// 3c2fb1e4-… /</c>; IIS 5/6 W3C with <c>MSFTPSVC1</c> columns), and IIS 5/6's short form
/// <c>14:03:19 198.51.100.7 [62]PASS - 530 1326</c>. Each row is a command with the reply it got;
/// sessions are keyed by <c>x-session</c>, by IIS 5/6's connection id, or else by client and time.
/// </summary>
public sealed class IisFtpFormat : LogFormat
{
    private static readonly string[] Samples =
    [
        "#Software: Microsoft Internet Information Services 7.5",
        "#Version: 1.0",
        "#Date: 2011-05-12 04:03:11",
        "#Fields: date time c-ip cs-username s-ip s-port cs-method cs-uri-stem sc-status sc-win32-status sc-substatus x-session x-fullpath",
        "2011-05-12 04:03:11 198.51.100.7 - 192.0.2.10 21 ControlChannelOpened - - 0 0 5d3f0a6e-9c1b-4f2a-8e47-0b6c2d9e1a34 -",
        "2011-05-12 04:03:12 198.51.100.7 - 192.0.2.10 21 USER bob 331 0 0 5d3f0a6e-9c1b-4f2a-8e47-0b6c2d9e1a34 -",
        "2011-05-12 04:03:12 198.51.100.7 - 192.0.2.10 21 PASS *** 530 1326 41 5d3f0a6e-9c1b-4f2a-8e47-0b6c2d9e1a34 -",
        "2011-05-12 04:03:20 198.51.100.7 - 192.0.2.10 21 ControlChannelClosed - - 0 0 5d3f0a6e-9c1b-4f2a-8e47-0b6c2d9e1a34 -",
        "2011-05-12 04:10:02 203.0.113.25 - 192.0.2.10 21 ControlChannelOpened - - 0 0 a81e44c2-07d5-4b9e-b3f1-6e2a9c0d7f58 -",
        "2011-05-12 04:10:03 203.0.113.25 - 192.0.2.10 21 USER carol 331 0 0 a81e44c2-07d5-4b9e-b3f1-6e2a9c0d7f58 -",
        "2011-05-12 04:10:03 203.0.113.25 WEB01\\carol 192.0.2.10 21 PASS *** 230 0 0 a81e44c2-07d5-4b9e-b3f1-6e2a9c0d7f58 /",
        "2011-05-12 04:10:05 203.0.113.25 WEB01\\carol 192.0.2.10 21 PASV - 227 0 0 a81e44c2-07d5-4b9e-b3f1-6e2a9c0d7f58 -",
        "2011-05-12 04:10:05 203.0.113.25 WEB01\\carol 192.0.2.10 50112 DataChannelOpened - - 0 0 a81e44c2-07d5-4b9e-b3f1-6e2a9c0d7f58 -",
        "2011-05-12 04:10:09 203.0.113.25 WEB01\\carol 192.0.2.10 50112 DataChannelClosed - - 0 0 a81e44c2-07d5-4b9e-b3f1-6e2a9c0d7f58 -",
        "2011-05-12 04:10:09 203.0.113.25 WEB01\\carol 192.0.2.10 21 RETR reports/q1.pdf 226 0 0 a81e44c2-07d5-4b9e-b3f1-6e2a9c0d7f58 /reports/q1.pdf",
        "2011-05-12 04:10:15 203.0.113.25 WEB01\\carol 192.0.2.10 21 RETR reports/q9.pdf 550 2 0 a81e44c2-07d5-4b9e-b3f1-6e2a9c0d7f58 /reports/q9.pdf",
        "2011-05-12 04:10:20 203.0.113.25 WEB01\\carol 192.0.2.10 21 QUIT - 221 0 0 a81e44c2-07d5-4b9e-b3f1-6e2a9c0d7f58 -",
        "#Fields: time c-ip cs-method cs-uri-stem sc-status sc-win32-status",
        "14:03:19 198.51.100.7 [62]USER bob 331 0",
        "14:03:19 198.51.100.7 [62]PASS - 530 1326",
        "14:05:40 203.0.113.25 [63]USER carol 331 0",
        "14:05:41 203.0.113.25 [63]PASS - 230 0",
        "14:06:02 203.0.113.25 [63]sent /pub/manual.pdf 226 0",
        "14:06:30 203.0.113.25 [63]created /incoming/notes.txt 226 0",
        "14:07:12 203.0.113.25 [63]QUIT - 226 0",
        "14:09:55 198.51.100.7 [64]closed - 426 1236",
    ];

    /// <summary>IIS closes an idle control channel after 120 seconds by default (<c>controlChannelTimeout</c>).</summary>
    internal override Analysis.SessionContract Sessions { get; } = new() { IdleTimeout = TimeSpan.FromSeconds(120) };

    /// <inheritdoc />
    public override string Name => "iis-ftp";

    /// <inheritdoc />
    public override string Description =>
        "Microsoft IIS FTP log: W3C extended (#Fields: date time c-ip … cs-method … x-session) and IIS 5/6 short form (14:03:19 ip [62]PASS - 530 1326)";

    /// <inheritdoc />
    public override IReadOnlyList<string> SampleLines => Samples;

    /// <inheritdoc />
    /// <remarks>At a glance: its W3C header.</remarks>
    protected override bool Resembles(string line) => line.StartsWith("#Fields:", StringComparison.Ordinal) || line.StartsWith("#Software: Microsoft", StringComparison.Ordinal);

    /// <inheritdoc />
    public override ILineParser CreateParser() => new IisFtpLineParser();
}
