using LogLens.Events;
using LogLens.Input;
using LogLens.Parsing.Syslog;

namespace LogLens.Parsing.Formats.ProFtpd;

/// <summary>
/// Reads ProFTPD's messages for one file. ProFTPD forks one process per session, so the session
/// is the process id (renewed when the id comes back for another client, after the session closed,
/// or after two hours of silence); the client is the one the line's prefix names.
/// </summary>
/// <remarks>
/// Older versions log an unknown user twice (<c>no such user 'bob'</c>, then <c>USER bob: no such user
/// found from …</c>), and PAM logs a failure before ProFTPD does: the second telling continues the
/// first, so each attempt counts once.
/// </remarks>
internal sealed class ProFtpdParser() : DialectParser(TimeSpan.FromMinutes(15))
{
    /// <inheritdoc />
    protected override bool Claims(string program) => ProFtpdDialect.Claims(program);

    /// <inheritdoc />
    private protected override Reading Read(in DaemonMessage message, LogLine line, string text)
    {
        if (PamMessage.TryParse(message.Facility, message.Message, out var pam))
        {
            return ReadPam(pam, message, line, text);
        }

        var parts = ProFtpdGrammar.Split(message.Message);
        switch (parts.Shape)
        {
            case ProFtpdShape.Incomplete:
                return Reading.Incomplete;
            case ProFtpdShape.Server:
                return Notice(message, line, text);
            case ProFtpdShape.Session when ProFtpdGrammar.TryReadSessionBody(parts.Body, out var said):
                if (said.Event is ServerNotice)
                {
                    return Notice(message, line, text, parts.Client);
                }

                // The client is the prefix's, whatever the message says.
                var e = said.Event is ConnectEvent connect
                    ? connect with { Client = parts.Client, Server = parts.Server }
                    : said.Event with { Client = parts.Client };
                return Known(said with { Event = e }, message, line, text);
            case ProFtpdShape.Session:
                return Unknown(message, line, text, parts.Client);
        }

        if (TcpWrappers.TryRead(parts.Body, out var wrapped, out var cut))
        {
            return cut ? Reading.Incomplete : Known(wrapped, message, line, text);
        }

        return Unknown(message, line, text);
    }
}
