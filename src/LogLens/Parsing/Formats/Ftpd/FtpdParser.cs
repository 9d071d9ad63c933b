using LogLens.Input;
using LogLens.Parsing.Syslog;

namespace LogLens.Parsing.Formats.Ftpd;

/// <summary>
/// Reads wu-ftpd's and the BSD/Solaris ftpd's messages for one file. These daemons run one process
/// per session (from inetd), so the session is the process id, renewed like ProFTPD's; a line
/// without one belongs to its client's session.
/// </summary>
/// <remarks>
/// PAM's <c>authentication failure</c> before the daemon's <c>failed login</c>, BSD ftpd's failure logged
/// once without and once with the user name, and tcpd's <c>connect from</c> before the daemon's
/// <c>connection from</c> each tell one thing twice: the second telling continues the first. An
/// anonymous login's password (an e-mail address by custom, anything in practice) is masked in the
/// line, and so are bare lines that follow it.
/// </remarks>
internal sealed class FtpdParser() : DialectParser(TimeSpan.FromMinutes(15))
{
    /// <inheritdoc />
    protected override bool Claims(string program) => FtpdDialect.Claims(program);

    /// <inheritdoc />
    private protected override Reading Read(in DaemonMessage message, LogLine line, string text)
    {
        if (PamMessage.TryParse(message.Facility, message.Message, out var pam))
        {
            return ReadPam(pam, message, line, text);
        }

        var said = FtpdGrammar.WithoutMessageId(message.Message);
        (said, text) = Unmasked(said, text, line.Text);
        if (TcpWrappers.TryRead(said, out var wrapped, out var cut))
        {
            return cut ? Reading.Incomplete : Known(wrapped, message, line, text);
        }

        if (!FtpdGrammar.TryRead(said, out var reading, out var incomplete))
        {
            return incomplete ? Reading.Incomplete : Unknown(message, line, text);
        }

        text = Mask(text, said, reading);
        if (reading.Said.Event is Events.ServerNotice)
        {
            return Notice(message, line, text, reading.Said.Event.Client);
        }

        return Known(reading.Said, message, line, text) with { SecretFollows = reading.Secret is not null && reading.Said.Event is Events.LoginEvent };
    }

    /// <summary>
    /// macOS ftpd's <c>FTP LOGIN REFUSED (PASS  before USER) FROM …</c> reads like a PASS command to the
    /// password filter, which masks the rest of the line. The words are the server's, not a password:
    /// they are restored from the line as read, and the rest of it filtered again.
    /// </summary>
    private static (string Message, string Text) Unmasked(string message, string text, string raw)
    {
        const string Words = "before USER)";
        var pass = message.LastIndexOf("(PASS ", StringComparison.Ordinal);
        if (pass < 0 || !message.AsSpan(pass + "(PASS".Length).Trim().SequenceEqual(Redaction.Mark) || !text.EndsWith(message, StringComparison.Ordinal))
        {
            return (message, text);
        }

        var at = text.Length - message.Length + pass;
        var words = raw.IndexOf(Words, at, StringComparison.Ordinal);
        if (words < 0 || !raw.StartsWith(text[..(at + "(PASS".Length)], StringComparison.Ordinal)
            || raw.AsSpan(at + "(PASS".Length, words - at - "(PASS".Length).Trim().Length != 0)
        {
            return (message, text);
        }

        var end = words + Words.Length;
        var restored = string.Concat(raw.AsSpan(0, end), Redaction.RedactLine(raw[end..]));
        return (restored[(text.Length - message.Length)..], restored);
    }

    /// <summary>Replaces the secret a message holds where the grammar found it.</summary>
    private static string Mask(string text, string message, in FtpdReading reading)
    {
        if (reading.Secret is not { Length: > 0 } secret)
        {
            return text;
        }

        var at = text.EndsWith(message, StringComparison.Ordinal) ? text.Length - message.Length + reading.SecretAt : -1;
        if (at < 0 || at + secret.Length > text.Length || string.CompareOrdinal(text, at, secret, 0, secret.Length) != 0)
        {
            // A wrapped line: the message was joined from several lines, and the secret is at the end of this one.
            at = text.LastIndexOf(secret, StringComparison.Ordinal);
        }

        // Not found at all: the secret began on an earlier piece, and this piece is all secret.
        return at < 0 ? Redaction.Mark : string.Concat(text.AsSpan(0, at), Redaction.Mark, text.AsSpan(at + secret.Length));
    }
}
