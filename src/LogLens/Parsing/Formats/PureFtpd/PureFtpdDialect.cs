using LogLens.Parsing.Syslog;

namespace LogLens.Parsing.Formats.PureFtpd;

/// <summary>Pure-FTPd: <c>pure-ftpd</c> (and its wrapper) in syslog, and its CLF transfer log.</summary>
internal sealed class PureFtpdDialect : ISyslogDialect
{
    /// <inheritdoc />
    public string Name => "pure-ftpd";

    /// <inheritdoc />
    public bool ClaimsProgram(string program) => Claims(program);

    /// <inheritdoc />
    public IDialectParser CreateParser() => new PureFtpdParser();

    /// <summary>Whether a program name is Pure-FTPd's (<c>pure-ftpd</c>, <c>pure-ftpd-wrapper</c>, <c>pure-ftpd-mysql</c>…).</summary>
    /// <param name="program">The program name.</param>
    /// <returns>Whether it is Pure-FTPd.</returns>
    internal static bool Claims(string program) =>
        program.StartsWith("pure-ftpd", StringComparison.OrdinalIgnoreCase) || program.Contains("/pure-ftpd", StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether a program name is the wrapper that starts Pure-FTPd (its pid is not the session's).</summary>
    /// <param name="program">The program name.</param>
    /// <returns>Whether it is the wrapper.</returns>
    internal static bool IsWrapper(string program) => program.EndsWith("-wrapper", StringComparison.OrdinalIgnoreCase);
}
