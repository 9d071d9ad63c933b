using LogLens.Events;
using LogLens.Parsing.Grammar;

namespace LogLens.Parsing.Formats.CuteFtp;

/// <summary>One transcript line as the grammar reads it, before it becomes an event.</summary>
/// <param name="Time">The <c>[timestamp]</c> the line carried, if any.</param>
internal abstract record CuteFtpLine(LogTimestamp? Time);

/// <summary>A <c>STATUS:&gt;</c> or <c>ERROR:&gt;</c> line.</summary>
/// <param name="Time">Its timestamp, if any.</param>
/// <param name="Severity">Status or error.</param>
/// <param name="Meaning">What the message says.</param>
/// <param name="Message">The message text after the prefix and timestamp.</param>
internal sealed record CuteFtpMessageLine(LogTimestamp? Time, ClientMessageSeverity Severity, MessageMeaning Meaning, string Message)
    : CuteFtpLine(Time);

/// <summary>A <c>COMMAND:&gt;</c> line.</summary>
/// <param name="Time">Its timestamp, if any.</param>
/// <param name="Command">The command, PASS already redacted.</param>
/// <param name="VerbOffset">Where the verb starts in the (left-trimmed) line.</param>
internal sealed record CuteFtpCommandLine(LogTimestamp? Time, CommandLine Command, int VerbOffset) : CuteFtpLine(Time);

/// <summary>A bare server reply line, possibly after a timestamp.</summary>
/// <param name="Time">Its timestamp, if any.</param>
/// <param name="Reply">The reply.</param>
internal sealed record CuteFtpReplyLine(LogTimestamp? Time, ReplyLine Reply) : CuteFtpLine(Time);

/// <summary>Unprefixed text that is not a reply: a wrapped message's continuation, or nothing known.</summary>
/// <param name="Time">Its timestamp, if any.</param>
internal sealed record CuteFtpPlainLine(LogTimestamp? Time) : CuteFtpLine(Time);

/// <summary>What a status or error message means, with the values it carries.</summary>
/// <param name="Kind">The kind of message.</param>
/// <param name="Host">For a connect message: the host as written.</param>
/// <param name="Port">For a connect message: the port, unless missing or masked.</param>
/// <param name="Address">For a connect message: the <c>ip = …</c> text as written.</param>
/// <param name="SocketError">For a connect failure: the socket error number.</param>
/// <param name="Seconds">For a wait: the seconds.</param>
internal readonly record struct MessageMeaning(
    ClientMessageKind Kind,
    string? Host = null,
    int? Port = null,
    string? Address = null,
    int? SocketError = null,
    int? Seconds = null);
