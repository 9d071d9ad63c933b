using System.Globalization;
using LogLens.Events;
using LogLens.Input;
using LogLens.Parsing.Grammar;
using LogLens.Parsing.Syslog;
using Pidgin;

namespace LogLens.Parsing.Formats.Vsftpd;

/// <summary>
/// Turns one file's vsftpd lines into events, native (<c>vsftpd.log</c>) or inside syslog, and gives
/// each the key of its stitched session (see <see cref="VsftpdStitcher"/>).
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>CONNECT</c> is a <see cref="ConnectEvent"/>; a refused one (<c>"Connection refused: too many
/// sessions for this address."</c>) carries the logged reason as its <see cref="ConnectEvent.Refusal"/>.</item>
/// <item><c>OK/FAIL LOGIN</c> is a <see cref="LoginEvent"/>; so is PAM's <c>authentication failure</c>.
/// Each says who tells it (<see cref="Telling"/>), so that the session stage counts PAM's failure and
/// vsftpd's FAIL LOGIN after it as one attempt.</item>
/// <item><c>FTP command</c> / <c>FTP response</c> are commands and replies. A 530 with no USER logged
/// before it (a log that starts there) is a failed login of the user in its <c>[user]</c> prefix;
/// after <c>221 Goodbye.</c> or a 421 the process exits, and vsftpd's contract ends the session there.</item>
/// <item>Uploads and downloads are <see cref="TransferEvent"/>s; MKDIR, RMDIR, DELETE, RENAME and
/// CHMOD are the commands they report (<c>MKD</c>, <c>RMD</c>, <c>DELE</c>, <c>RNTO</c>, <c>SITE</c>).</item>
/// </list>
/// </remarks>
internal sealed class VsftpdDialectParser : IDialectParser
{
    private readonly VsftpdStitcher sessions = new();

    // A native line's grammar, ending in this parser's own reading of it. What it reads comes from
    // the line being parsed (a parser serves one file, one line at a time).
    private readonly Parser<char, FtpEvent?> native;
    private LogLine currentLine;
    private string currentText = string.Empty;
    private int nativeAt;

    public VsftpdDialectParser()
    {
        native = VsftpdGrammar.Native((time, pid, at, message) => FromMessage(message, time, pid, nativeAt + at, currentLine, currentText));
    }

    /// <inheritdoc />
    public FtpEvent? ParseMessage(in SyslogEntry entry, LogLine line, string text)
    {
        var message = entry.Message;

        // vsftpd.log lines forwarded to syslog whole keep their own timestamp and pid.
        if (ReadNative(message, line, text) is { } forwarded)
        {
            return forwarded;
        }

        int? pid = int.TryParse(entry.Pid, NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : null;
        if (VsftpdGrammar.TryParseMessage(message, out var parsed))
        {
            return FromMessage(parsed, entry.Time, pid, text.Length - message.Length, line, text);
        }

        if (VsftpdPam.TryParse(message, entry.Facility, out var pam))
        {
            return FromPam(pam, entry.Time, pid, line, text);
        }

        return null;
    }

    /// <inheritdoc />
    public FtpEvent? ParseNative(LogLine line, string text) => ReadNative(text, line, text);

    /// <summary>Reads a native line (<paramref name="nativeText"/> ends <paramref name="text"/>), or null when it is none.</summary>
    private FtpEvent? ReadNative(string nativeText, LogLine line, string text)
    {
        if (!VsftpdGrammar.MayBeNative(nativeText))
        {
            return null;
        }

        currentLine = line;
        currentText = text;
        nativeAt = text.Length - nativeText.Length;
        var result = native.Parse(nativeText);
        return result.Success ? result.Value : null;
    }

    private FtpEvent? FromMessage(in VsftpdMessage m, LogTimestamp time, int? pid, int messageAt, LogLine line, string text)
    {
        if (m.PasswordAt >= 0)
        {
            text = RedactPassword(text, messageAt + m.PasswordAt, m.PasswordLength);
        }

        if (m.Action == VsftpdAction.Debug)
        {
            return new ServerNotice { Line = line.Number, Text = text, Time = time, Client = m.Client, SessionKey = sessions.Find(pid, m.Client)?.Key };
        }

        if (m.Action == VsftpdAction.Connect)
        {
            var connect = sessions.Connect(pid, m.Client, time);
            if (m.Payload is not { } refusal)
            {
                return new ConnectEvent { Line = line.Number, Text = text, Time = time, Client = m.Client, SessionKey = connect.Key, Connection = connect.Connection };
            }

            // vsftpd writes this line, sends 421 (or 550 for tcp_wrappers) and hangs up.
            VsftpdStitcher.Refuse(connect);
            return new ConnectEvent { Line = line.Number, Text = text, Time = time, Client = m.Client, SessionKey = connect.Key, Connection = connect.Connection, Refusal = refusal };
        }

        var session = sessions.Resolve(RoleOf(m), pid, m.Client, m.User, time);
        if (m.User is { Length: > 0 } named)
        {
            session.User ??= named;
        }

        return m.Action switch
        {
            VsftpdAction.Login => Login(m, session, line, text, time),
            VsftpdAction.Upload or VsftpdAction.Download => new TransferEvent
            {
                Line = line.Number,
                Text = text,
                Time = time,
                Client = m.Client,
                SessionKey = session.Key, Connection = session.Connection,
                Direction = m.Action == VsftpdAction.Upload ? TransferDirection.Upload : TransferDirection.Download,
                Path = m.Payload ?? string.Empty,
                Bytes = m.Bytes ?? 0,
                Rate = m.Rate,
                Succeeded = m.Succeeded,
            },
            VsftpdAction.Command => Command(m, session, line, text, time),
            VsftpdAction.Response => Response(m, session, line, text, time),
            _ => new CommandEvent
            {
                Line = line.Number,
                Text = text,
                Time = time,
                Client = m.Client,
                SessionKey = session.Key, Connection = session.Connection,
                Command = FileOperationVerb(m.Action),
                Argument = m.Action == VsftpdAction.Chmod ? "CHMOD " + m.Payload : m.Payload,
            },
        };
    }

    private FtpEvent Login(VsftpdMessage m, VsftpdSession session, LogLine line, string text, LogTimestamp time)
    {
        session.User = m.User ?? session.User;
        if (m.Succeeded)
        {
            sessions.LoggedIn(session);
        }

        // After PAM's failure this line tells the same failure again: the session stage counts it once.
        session.VerdictGiven = true;
        return new LoginEvent
        {
            Line = line.Number, Text = text, Time = time, Client = m.Client, SessionKey = session.Key, Connection = session.Connection,
            User = m.User, Succeeded = m.Succeeded, Detail = m.Payload, Telling = new Telling(m.Succeeded ? "ok" : "fail", "daemon", m.User),
        };
    }

    private static FtpEvent Command(VsftpdMessage m, VsftpdSession session, LogLine line, string text, LogTimestamp time)
    {
        string verb;
        string? argument;
        if (m.Command is { } command)
        {
            (verb, argument) = command;
        }
        else
        {
            var payload = m.Payload ?? string.Empty;
            // vsftpd logs whatever the client sent, known verb or not.
            var space = payload.IndexOf(' ');
            verb = (space < 0 ? payload : payload[..space]).ToUpperInvariant();
            argument = space < 0 || space == payload.Length - 1 ? null : payload[(space + 1)..];
        }

        session.LastVerb = verb;
        if (verb is "USER" or "PASS")
        {
            session.VerdictGiven = false;
            if (verb == "USER" && argument is not null)
            {
                session.User = argument;
            }
        }

        return new CommandEvent
        {
            Line = line.Number, Text = text, Time = time, Client = m.Client, SessionKey = session.Key, Connection = session.Connection,
            Command = verb, Argument = argument,
        };
    }

    private FtpEvent? Response(VsftpdMessage m, VsftpdSession session, LogLine line, string text, LogTimestamp time)
    {
        if (m.Reply is not { } reply)
        {
            return null;
        }

        if (reply.Code == 530 && !session.VerdictGiven && session.LastVerb is null && m.User is { Length: > 0 } user)
        {
            // The log starts here: no USER line names the user, but the prefix does. vsftpd's 530 to
            // USER or PASS is its verdict on the login.
            session.VerdictGiven = true;
            return new LoginEvent
            {
                Line = line.Number, Text = text, Time = time, Client = m.Client, SessionKey = session.Key, Connection = session.Connection,
                User = user, Succeeded = false, Detail = reply.Message,
            };
        }

        if (reply.Code == 530)
        {
            session.VerdictGiven = true;
        }

        if (reply.Code is 221 or 421 && reply.IsFinal)
        {
            // vsftpd's last words: the process exits after them.
            sessions.End(session);
        }

        return new ReplyEvent
        {
            Line = line.Number, Text = text, Time = time, Client = m.Client, SessionKey = session.Key, Connection = session.Connection,
            Code = reply.Code, Message = reply.Message, IsFinal = reply.IsFinal,
        };
    }

    private FtpEvent FromPam(VsftpdPamLine pam, LogTimestamp time, int? pid, LogLine line, string text)
    {
        var client = pam.Host is { Length: > 0 } host ? Addresses.Normalize(host) : null;
        if (!pam.IsAuthFailure)
        {
            return new ServerNotice { Line = line.Number, Text = text, Time = time, Client = client, SessionKey = sessions.Find(pid, client)?.Key };
        }

        var session = sessions.Resolve(VsftpdRole.Parent, pid, client, pam.User, time);
        session.User = pam.User ?? session.User;
        session.VerdictGiven = true;
        return new LoginEvent
        {
            Line = line.Number, Text = text, Time = time, Client = client, SessionKey = session.Key, Connection = session.Connection,
            User = pam.User, Succeeded = false, Detail = "authentication failure", Telling = new Telling("fail", "pam", pam.User),
        };
    }

    private static VsftpdRole RoleOf(in VsftpdMessage m) => m.Action switch
    {
        VsftpdAction.Login => VsftpdRole.Parent,
        VsftpdAction.Command => m.User is null || m.Command?.Verb is "USER" or "PASS"
            || (m.Command is null && (m.Payload is null
                || m.Payload.StartsWith("USER", StringComparison.OrdinalIgnoreCase)
                || m.Payload.StartsWith("PASS", StringComparison.OrdinalIgnoreCase)))
            ? VsftpdRole.PreLogin
            : VsftpdRole.PostLogin,
        VsftpdAction.Response => m.User is null || m.Reply is not { } reply || reply.Code is 220 or 331 or 530
            ? VsftpdRole.PreLogin
            : VsftpdRole.PostLogin,
        _ => VsftpdRole.PostLogin,
    };

    private static string FileOperationVerb(VsftpdAction action) => action switch
    {
        VsftpdAction.Mkdir => "MKD",
        VsftpdAction.Rmdir => "RMD",
        VsftpdAction.Delete => "DELE",
        VsftpdAction.Rename => "RNTO",
        _ => "SITE",
    };

    /// <summary>
    /// Hides a password the grammar found: an anonymous login's e-mail address (a password all the same),
    /// or the whole argument of a quoted PASS command, which redaction before parsing may have cut short
    /// at a quote inside it.
    /// </summary>
    private static string RedactPassword(string text, int at, int length) =>
        at < 0 || at + length > text.Length ? text : string.Concat(text.AsSpan(0, at), Redaction.Mark, text.AsSpan(at + length));
}
