using LogLens.Events;

namespace LogLens.Parsing.Syslog;

/// <summary>
/// A daemon message read by a dialect's grammar: the event it means (with line 0 and empty text,
/// for the parser to fill in) and, when the same thing may be told twice, what it tells.
/// </summary>
/// <param name="Event">The event template.</param>
/// <param name="Telling">What it tells, or null.</param>
internal readonly record struct Said(FtpEvent Event, Telling? Telling = null);
