using LogLens.Events;
using LogLens.Input;

namespace LogLens.Parsing.Syslog;

/// <summary>
/// An FTP daemon whose lines travel inside syslog or the journal under its program name, and which
/// may also write a log file of its own. Each lives in its folder under <c>Parsing/Formats/</c>;
/// <see cref="Formats.Syslog.SyslogFormat"/> finds them all by reflection.
/// </summary>
internal interface ISyslogDialect
{
    /// <summary>The dialect's name (also the name of its own format).</summary>
    string Name { get; }

    /// <summary>Whether a program name in an envelope is this daemon's (<c>vsftpd</c>, <c>in.ftpd</c>…).</summary>
    /// <param name="program">The program name as written.</param>
    /// <returns>Whether this dialect reads its messages.</returns>
    bool ClaimsProgram(string program);

    /// <summary>A parser for one file; it may keep state across lines (to stitch sessions).</summary>
    /// <returns>A fresh parser.</returns>
    IDialectParser CreateParser();
}

/// <summary>Reads one dialect's lines of one file, in order.</summary>
internal interface IDialectParser
{
    /// <summary>A message inside an envelope whose program this dialect claims.</summary>
    /// <param name="entry">The envelope.</param>
    /// <param name="line">The line as read.</param>
    /// <param name="text">The whole line, passwords redacted.</param>
    /// <returns>The event, or null when no rule matches.</returns>
    FtpEvent? ParseMessage(in SyslogEntry entry, LogLine line, string text);

    /// <summary>A line of the daemon's own log file, outside any envelope (for example vsftpd.log).</summary>
    /// <param name="line">The line as read.</param>
    /// <param name="text">The line, passwords redacted.</param>
    /// <returns>The event, or null when it is not one of this dialect's own lines.</returns>
    FtpEvent? ParseNative(LogLine line, string text);
}
