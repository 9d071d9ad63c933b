using LogLens.Events;
using LogLens.Input;
using LogLens.Parsing.Syslog;

namespace LogLens.Parsing.Formats.PureFtpd;

/// <summary>
/// Reads Pure-FTPd's messages for one file. Its syslog lines usually carry no process id, so a
/// session is the client's address: a connect line starts one, a logout ends it, and the same
/// client after fifteen minutes of silence (Pure-FTPd's default idle timeout) is another session.
/// With a process id (some builds log one), the session is the process.
/// </summary>
/// <remarks>
/// PAM's <c>authentication failure</c> and Pure-FTPd's <c>Authentication failed for user [x]</c> tell one
/// failure twice, and <c>pure-ftpd-wrapper: connect from</c> and <c>New connection from</c> one connect: the
/// second telling continues the first. Lines of the CLF transfer log (<c>host - user [date] "PUT /path"
/// 200 bytes</c>) are transfers of the client they name.
/// </remarks>
internal sealed class PureFtpdParser() : DialectParser(TimeSpan.FromMinutes(15))
{
    /// <inheritdoc />
    protected override bool Claims(string program) => PureFtpdDialect.Claims(program);

    /// <inheritdoc />
    private protected override bool KeysByProcess(in DaemonMessage message) =>
        message.Pid is not null && !PureFtpdDialect.IsWrapper(message.Program);

    /// <inheritdoc />
    protected override FtpEvent? ParseOwnLine(LogLine line, string text)
    {
        if (!PureFtpdTransferLog.TryRead(text, out var entry))
        {
            return null;
        }

        var transfer = new TransferEvent
        {
            Line = 0,
            Text = string.Empty,
            Client = entry.Client,
            Direction = entry.Direction,
            Path = entry.Path,
            Bytes = entry.Bytes,
            Succeeded = entry.Succeeded,
        };
        return Known(new Said(transfer), new DaemonMessage(entry.Time, "pure-ftpd", null, null, text), line, text).Event;
    }

    /// <inheritdoc />
    private protected override Reading Read(in DaemonMessage message, LogLine line, string text)
    {
        if (PamMessage.TryParse(message.Facility, message.Message, out var pam))
        {
            return ReadPam(pam, message, line, text);
        }

        if (!PureFtpdGrammar.TrySplit(message.Message, out var parts))
        {
            if (TcpWrappers.TryRead(message.Message, out var wrapped, out var cut))
            {
                return cut ? Reading.Incomplete : Known(wrapped, message, line, text);
            }

            return message.Message.StartsWith('(') && !message.Message.Contains(')') ? Reading.Incomplete : Unknown(message, line, text);
        }

        if (!PureFtpdGrammar.TryRead(parts, out var said))
        {
            return Unknown(message, line, text, parts.Client);
        }

        if (said.Event is ServerNotice)
        {
            return Notice(message, line, text, parts.Client);
        }

        var e = said.Event with { Client = said.Event.Client ?? parts.Client };
        e = e switch
        {
            LoginEvent login => login with { User = login.User ?? parts.User },
            DisconnectEvent disconnect => disconnect with { User = disconnect.User ?? parts.User },
            _ => e,
        };
        return Known(said with { Event = e }, message, line, text);
    }
}
