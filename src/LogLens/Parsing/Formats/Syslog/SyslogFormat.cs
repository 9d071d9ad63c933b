using LogLens.Parsing.Syslog;

namespace LogLens.Parsing.Formats.Syslog;

/// <summary>
/// A system log (syslog, the journal) holding lines of any FTP daemon LogLens knows, mixed with
/// other programs' lines. Each FTP line is read by its daemon's dialect; other programs' lines are
/// counted as other.
/// </summary>
public sealed class SyslogFormat : SyslogFormatBase
{
    /// <summary>Creates the format over every dialect LogLens knows.</summary>
    public SyslogFormat()
        : base(AllDialects)
    {
    }

    /// <summary>Any FTP daemon of a system log: the longest of their default idle timeouts (netkit ftpd and Pure-FTPd, 15 minutes); netkit ftpd's <c>unknown</c> is no user.</summary>
    internal override Analysis.SessionContract Sessions { get; } = new() { IdleTimeout = TimeSpan.FromMinutes(15), PlaceholderUsers = ["unknown"] };

    /// <inheritdoc />
    public override string Name => "syslog";

    /// <inheritdoc />
    public override string Description => "System log or journal mixing FTP daemons (vsftpd, ProFTPD, Pure-FTPd, ftpd) with other programs";

    /// <inheritdoc />
    /// <remarks>Two lines of each daemon's own format, and a line of another program.</remarks>
    public override IReadOnlyList<string> SampleLines =>
    [
        .. FormatRegistry.BuiltIn.OfType<SyslogFormatBase>().Where(f => f is not SyslogFormat).SelectMany(f => f.SampleLines.Take(2)),
        "Oct 11 01:06:50 files sshd[2211]: Accepted publickey for backup from 192.0.2.50 port 50122 ssh2",
    ];

    /// <inheritdoc />
    private protected override double ScoreWeight => 0.99;
}
