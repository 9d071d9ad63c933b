namespace LogLens.Parsing.Formats.Vsftpd;

/// <summary>A PAM message logged under vsftpd's name.</summary>
/// <param name="IsAuthFailure">Whether it is <c>authentication failure</c> (a failed login); otherwise another PAM line.</param>
/// <param name="Host">The <c>rhost=</c> value (an address or a host name), or null when empty.</param>
/// <param name="User">The <c>user=</c> value, else the <c>ruser=</c> value, or null.</param>
internal readonly record struct VsftpdPamLine(bool IsAuthFailure, string? Host, string? User);

/// <summary>
/// PAM's lines under vsftpd's name, in every shape syslog has given them:
/// <c>pam_unix(vsftpd:auth): authentication failure; logname= uid=0 euid=0 tty=ftp ruser=x rhost=ip user=y</c>,
/// <c>(pam_unix) authentication failure; …</c>, <c>pam_unix: authentication failure; …</c>,
/// <c>vsftpd(pam_unix)[15522]: authentication failure; …</c> (the module in the envelope), and a bare
/// <c>authentication failure; …</c>. Other lines of a PAM module (<c>session opened for user bob</c>,
/// <c>check pass; user unknown</c>) are recognized as PAM lines that decide nothing.
/// </summary>
internal static class VsftpdPam
{
    private const string AuthFailure = "authentication failure;";

    /// <summary>Reads a PAM line.</summary>
    /// <param name="message">The syslog message.</param>
    /// <param name="facility">The parenthesised part of the envelope's program (<c>pam_unix</c>), if any.</param>
    /// <param name="line">What it says.</param>
    /// <returns>Whether the message is PAM's.</returns>
    public static bool TryParse(string message, string? facility, out VsftpdPamLine line)
    {
        line = default;
        var text = message.AsSpan();
        var module = facility is not null && facility.StartsWith("pam", StringComparison.OrdinalIgnoreCase);
        if (text.StartsWith("pam_", StringComparison.Ordinal))
        {
            // pam_unix(vsftpd:auth): … or pam_unix: …
            var colon = text.IndexOf(": ", StringComparison.Ordinal);
            if (colon < 0 || text[..colon].Contains(' '))
            {
                return false;
            }

            text = text[(colon + 2)..];
            module = true;
        }
        else if (text.StartsWith("(pam_", StringComparison.Ordinal))
        {
            var close = text.IndexOf(") ", StringComparison.Ordinal);
            if (close < 0)
            {
                return false;
            }

            text = text[(close + 2)..];
            module = true;
        }

        if (!text.StartsWith(AuthFailure, StringComparison.Ordinal))
        {
            line = new VsftpdPamLine(false, null, null);
            return module;
        }

        line = ReadFields(text[AuthFailure.Length..]);
        return true;
    }

    /// <summary>
    /// <c>logname= uid=0 euid=0 tty=ftp ruser=x rhost=host user=y</c>, in that order. ruser and user are
    /// whatever the client sent and may hold spaces and a forged <c>rhost=</c>; the real rhost is the
    /// first one followed by nothing but an optional <c>user=</c>.
    /// </summary>
    private static VsftpdPamLine ReadFields(ReadOnlySpan<char> fields)
    {
        const string rhost = " rhost=";
        var ruserAt = fields.IndexOf("ruser=", StringComparison.Ordinal);
        var rest = ruserAt >= 0 ? fields[(ruserAt + "ruser=".Length)..] : fields;
        for (var from = 0; from < rest.Length;)
        {
            var at = rest[from..].IndexOf(rhost, StringComparison.Ordinal);
            if (at < 0)
            {
                break;
            }

            at += from;
            var value = rest[(at + rhost.Length)..];
            var end = value.IndexOfAny(' ', '\t');
            var host = end < 0 ? value : value[..end];
            var after = end < 0 ? [] : value[end..].Trim();
            if (after.IsEmpty || after.StartsWith("user=", StringComparison.Ordinal))
            {
                var user = after.IsEmpty ? null : after["user=".Length..].ToString();
                var remoteUser = ruserAt >= 0 ? rest[..at].Trim().ToString() : null;
                return new VsftpdPamLine(true, host.IsEmpty ? null : host.ToString(), NullIfEmpty(user) ?? NullIfEmpty(remoteUser));
            }

            from = at + 1;
        }

        return new VsftpdPamLine(true, null, null);
    }

    private static string? NullIfEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
