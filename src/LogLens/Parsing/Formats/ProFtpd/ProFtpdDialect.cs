using LogLens.Parsing.Syslog;

namespace LogLens.Parsing.Formats.ProFtpd;

/// <summary>ProFTPD: the <c>proftpd</c> program in syslog or the journal, and its own <c>proftpd.log</c>.</summary>
internal sealed class ProFtpdDialect : ISyslogDialect
{
    /// <inheritdoc />
    public string Name => "proftpd";

    /// <inheritdoc />
    public bool ClaimsProgram(string program) => Claims(program);

    /// <inheritdoc />
    public IDialectParser CreateParser() => new ProFtpdParser();

    /// <summary>Whether a program name is ProFTPD's (<c>proftpd</c>, <c>/usr/sbin/proftpd</c>).</summary>
    /// <param name="program">The program name.</param>
    /// <returns>Whether it is ProFTPD.</returns>
    internal static bool Claims(string program) =>
        program.Equals("proftpd", StringComparison.OrdinalIgnoreCase) || program.EndsWith("/proftpd", StringComparison.OrdinalIgnoreCase);
}
