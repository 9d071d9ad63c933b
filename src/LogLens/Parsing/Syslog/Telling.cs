using LogLens.Events;

namespace LogLens.Parsing.Syslog;

/// <summary>
/// What a line tells about a session, so that two lines telling the same thing are counted once:
/// a verdict (<c>fail</c>, <c>connect</c>…), who tells it (<c>pam</c>, <c>daemon</c>, <c>wrapper</c>…), and
/// the user it is about.
/// </summary>
/// <param name="Verdict">What happened.</param>
/// <param name="Source">Which part of the system wrote the line.</param>
/// <param name="User">The user, when the line names one.</param>
internal readonly record struct Telling(string Verdict, string Source, string? User = null);

/// <summary>
/// A daemon message read by a dialect's grammar: the event it means (with line 0 and empty text,
/// for the parser to fill in) and, when the same thing may be told twice, what it tells.
/// </summary>
/// <param name="Event">The event template.</param>
/// <param name="Telling">What it tells, or null.</param>
internal readonly record struct Said(FtpEvent Event, Telling? Telling = null);
