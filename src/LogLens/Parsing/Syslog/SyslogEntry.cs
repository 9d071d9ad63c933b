using LogLens.Events;

namespace LogLens.Parsing.Syslog;

/// <summary>A line's syslog or journal envelope: when, which host, which program, and the message.</summary>
/// <param name="Time">When (classic syslog has no year).</param>
/// <param name="Host">The host that logged it.</param>
/// <param name="Program">The program name (<c>vsftpd</c>, <c>proftpd</c>, <c>pure-ftpd</c>, <c>in.ftpd</c>).</param>
/// <param name="Facility">A parenthesised part after the program (<c>pam_unix</c> in <c>vsftpd(pam_unix)[15522]</c>), or null.</param>
/// <param name="Pid">The process id, or null.</param>
/// <param name="Message">The message after the envelope.</param>
internal readonly record struct SyslogEntry(LogTimestamp Time, string Host, string Program, string? Facility, string? Pid, string Message);
