using LogLens.Parsing.Syslog;

namespace LogLens.Parsing.Formats.Vsftpd;

/// <summary>
/// vsftpd: its own <c>vsftpd.log</c>, the same messages in syslog or the journal (<c>vsftpd[1658]: …</c>),
/// and PAM's lines under its name (<c>vsftpd(pam_unix)[15522]: …</c>, <c>vsftpd: pam_unix(vsftpd:auth): …</c>).
/// </summary>
internal sealed class VsftpdDialect : ISyslogDialect
{
    /// <inheritdoc />
    public string Name => "vsftpd";

    /// <inheritdoc />
    public bool ClaimsProgram(string program) =>
        program.Equals("vsftpd", StringComparison.OrdinalIgnoreCase)
        || program.EndsWith("/vsftpd", StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public IDialectParser CreateParser() => new VsftpdDialectParser();
}
