using LogLens.Parsing.Syslog;

namespace LogLens.Parsing.Formats.Ftpd;

/// <summary>
/// wu-ftpd and the BSD, Solaris, HP-UX, AIX and macOS ftpd family: the programs <c>ftpd</c>,
/// <c>in.ftpd</c>, <c>wu-ftpd</c>, <c>wu.ftpd</c>, <c>in.wuftpd</c>, <c>gssftpd</c>, <c>tnftpd</c> in syslog.
/// </summary>
internal sealed class FtpdDialect : ISyslogDialect
{
    private static readonly HashSet<string> Programs = new(StringComparer.OrdinalIgnoreCase)
    {
        "ftpd", "in.ftpd", "wu-ftpd", "wu.ftpd", "wuftpd", "in.wuftpd", "in.wu-ftpd", "gssftpd", "tnftpd", "lukemftpd",
    };

    /// <inheritdoc />
    public string Name => "ftpd";

    /// <inheritdoc />
    public bool ClaimsProgram(string program) => Claims(program);

    /// <inheritdoc />
    public IDialectParser CreateParser() => new FtpdParser();

    /// <summary>Whether a program name is one of the family's (also as a path: <c>/usr/libexec/ftpd</c>).</summary>
    /// <param name="program">The program name.</param>
    /// <returns>Whether this dialect reads it.</returns>
    internal static bool Claims(string program)
    {
        var slash = program.LastIndexOf('/');
        return Programs.Contains(slash < 0 ? program : program[(slash + 1)..]);
    }
}
