namespace LogLens.Parsing.Formats.Xferlog;

/// <summary>
/// The xferlog transfer log of wu-ftpd, vsftpd (<c>xferlog_std_format=YES</c>) and ProFTPD:
/// <c>Thu Sep  8 00:41:16 2016 1 198.51.100.7 1048576 /pub/file name with spaces.iso b _ o r alice ftp 0 * c</c>.
/// One transfer per line; a session is one user's transfers from one client without a pause of more
/// than ten minutes.
/// </summary>
public sealed class XferlogFormat : LogFormat
{
    private static readonly string[] Samples =
    [
        "Thu Sep  8 00:41:16 2016 1 198.51.100.7 1048576 /pub/file name with spaces.iso b _ o r alice ftp 0 * c",
        "Thu Sep  8 00:42:03 2016 12 198.51.100.7 52428800 /incoming/backup.tar.gz b _ i r alice ftp 0 * c",
        "Thu Sep  8 00:44:30 2016 60 198.51.100.7 1310720 /incoming/big.iso b _ i r alice ftp 0 * i",
        "Thu Sep  8 00:45:02 2016 0 198.51.100.7 0 /incoming/old.txt a _ d r alice ftp 0 * c",
        "Fri Sep  9 10:02:11 2016 2 ::ffff:203.0.113.40 42930 /pub/README b _ o a visitor@example.com ftp 0 * c",
        "Fri Sep  9 10:05:47 2016 3 203.0.113.41 8192 /home/carol/notes.txt a _ o g carol ftp 0 * c",
        "Fri Sep  9 11:30:00 2016 5 ftp.example.net 20480 /pub/list.txt b _ o r dave ftp 1 dave",
    ];

    /// <summary>A transfer log: a client's transfers close together are one session, as a server's usual idle timeout would keep them.</summary>
    internal override Analysis.SessionContract Sessions { get; } = new() { IdleTimeout = TimeSpan.FromMinutes(15), SeesConnections = false };

    /// <inheritdoc />
    public override string Name => "xferlog";

    /// <inheritdoc />
    public override string Description => "xferlog transfer log (wu-ftpd, vsftpd xferlog_std_format, ProFTPD): one line per transfer";

    /// <inheritdoc />
    public override IReadOnlyList<string> SampleLines => Samples;

    /// <inheritdoc />
    /// <remarks>At a glance: the completion status that ends a transfer line.</remarks>
    protected override bool Resembles(string line) => line.EndsWith(" c", StringComparison.Ordinal) || line.EndsWith(" i", StringComparison.Ordinal);

    /// <inheritdoc />
    public override ILineParser CreateParser() => new XferlogLineParser();
}
