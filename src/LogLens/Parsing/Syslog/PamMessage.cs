using Pidgin;
using static LogLens.Parsing.Grammar.Primitives;
using static Pidgin.Parser;
using static Pidgin.Parser<char>;

namespace LogLens.Parsing.Syslog;

/// <summary>
/// A PAM module's line among an FTP daemon's syslog lines, in its three shapes:
/// <c>pam_unix(proftpd:auth): authentication failure; …</c>, the old <c>(pam_unix) authentication failure; …</c>,
/// <c>pam_unix: …</c>, and the envelope's facility form <c>pure-ftpd(pam_unix)[4920]: authentication failure; …</c>.
/// </summary>
/// <param name="Module">The module (<c>pam_unix</c>).</param>
/// <param name="IsAuthFailure">Whether it is the module's <c>authentication failure</c> verdict.</param>
/// <param name="User">The user named by <c>user=</c>, else by <c>ruser=</c>, or null.</param>
/// <param name="RemoteHost">The client named by <c>rhost=</c>, or null.</param>
internal readonly record struct PamMessage(string Module, bool IsAuthFailure, string? User, string? RemoteHost)
{
    private const string AuthFailure = "authentication failure";

    private static readonly Parser<char, string> ModuleName =
        Map((prefix, rest) => prefix + rest, String("pam_"), Token(c => char.IsAsciiLetterOrDigit(c) || c == '_').ManyString());

    /// <summary><c>(pam_unix) body</c>, <c>pam_unix(svc:type): body</c>, <c>pam_unix: body</c>.</summary>
    private static readonly Parser<char, (string Module, string Body)> Prefixed =
        Map(
            (module, body) => (module, body),
            Try(Char('(').Then(ModuleName).Before(Char(')')))
                .Or(ModuleName.Before(Char('(').Then(Token(c => c != ')').ManyString()).Then(Char(')')).Optional()).Before(Char(':'))),
            OptionalSpaces.Then(Rest));

    /// <summary>Reads a PAM message.</summary>
    /// <param name="facility">The envelope's parenthesised facility (<c>pam_unix</c> in <c>prog(pam_unix)[pid]</c>), or null.</param>
    /// <param name="message">The message after the envelope.</param>
    /// <param name="pam">What it says.</param>
    /// <returns>Whether the message is a PAM module's.</returns>
    public static bool TryParse(string? facility, string message, out PamMessage pam)
    {
        pam = default;
        string module;
        string body;
        if (facility is not null && facility.StartsWith("pam_", StringComparison.Ordinal))
        {
            (module, body) = (facility, message);
        }
        else if (message.StartsWith("pam_", StringComparison.Ordinal) || message.StartsWith("(pam_", StringComparison.Ordinal))
        {
            var read = Prefixed.Parse(message);
            if (!read.Success)
            {
                return false;
            }

            (module, body) = read.Value;
        }
        else
        {
            return false;
        }

        if (!body.StartsWith(AuthFailure, StringComparison.OrdinalIgnoreCase))
        {
            pam = new PamMessage(module, false, null, null);
            return true;
        }

        var (user, remoteHost) = Fields(body);
        pam = new PamMessage(module, true, user, remoteHost);
        return true;
    }

    /// <summary>
    /// The user and remote host of <c>… ruser=R rhost=H [user=U]</c>. Both user fields are the
    /// client's to choose, so a user name may itself hold <c>rhost=</c>: <c>user=</c> is the last field
    /// and runs to the end; the host is the <c>rhost=</c> just before it (or the last one when there
    /// is no <c>user=</c>); <c>ruser=</c> runs up to that host.
    /// </summary>
    private static (string? User, string? RemoteHost) Fields(string body)
    {
        var firstHost = body.IndexOf(" rhost=", StringComparison.Ordinal);
        if (firstHost < 0)
        {
            return (NullIfBlank(Value(body, "ruser=", body.Length)), null);
        }

        var userAt = body.IndexOf(" user=", firstHost, StringComparison.Ordinal);
        var hostEnd = userAt < 0 ? body.Length : userAt;
        var hostAt = body.LastIndexOf(" rhost=", hostEnd - 1, hostEnd - firstHost, StringComparison.Ordinal);
        var host = NullIfBlank(body[(hostAt + " rhost=".Length)..hostEnd]);
        var user = userAt < 0 ? null : NullIfBlank(body[(userAt + " user=".Length)..]);
        user ??= NullIfBlank(Value(body, "ruser=", hostAt));
        return (user, host);
    }

    private static string? Value(string body, string key, int end)
    {
        var at = body.IndexOf(key, StringComparison.Ordinal);
        if (at < 0 || at + key.Length > end)
        {
            return null;
        }

        var start = at + key.Length;
        var stop = end;
        if (end == body.Length)
        {
            var space = body.IndexOf(' ', start);
            stop = space < 0 ? body.Length : space;
        }

        return body[start..stop];
    }

    private static string? NullIfBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
