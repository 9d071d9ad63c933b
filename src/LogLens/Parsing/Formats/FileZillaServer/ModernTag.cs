using LogLens.Parsing.Grammar;

namespace LogLens.Parsing.Formats.FileZillaServer;

/// <summary>What a FileZilla Server 1.x module tag names.</summary>
internal enum ModernTagKind
{
    /// <summary>A session: <c>FTP Session 2857 192.0.2.5 bob</c>, <c>SSH SFTP Session 2858 192.0.2.9</c>.</summary>
    Session,

    /// <summary>Another module working for a session, named in its meta data: <c>Throttled Authenticator, FTP Session: 3636</c>.</summary>
    SessionMeta,

    /// <summary>A server: <c>FTP Server</c>, <c>SSH SFTP Server</c>, <c>Administration Server</c>.</summary>
    Server,

    /// <summary>Any other module.</summary>
    Module,
}

/// <summary>
/// The module tag of a FileZilla Server 1.x line, read: whose line it is. A session tag names the
/// session id, the client's address and, once logged in, the user (which may hold spaces).
/// </summary>
/// <param name="Kind">What the tag names.</param>
/// <param name="Name">The module's name (<c>FTP Session</c>, <c>FTP Server</c>, <c>Throttled Authenticator</c>).</param>
/// <param name="SessionId">The session id, for a session or a module working for one.</param>
/// <param name="Client">The client's address (normalized), for a session tag.</param>
/// <param name="User">The logged-in user, for a session tag that names one.</param>
internal sealed record ModernTag(ModernTagKind Kind, string Name, string? SessionId, string? Client, string? User)
{
    private const string SessionWord = "Session";

    /// <summary>Whether this is one of the servers whose sessions the log records (FTP, FTPS, SFTP), not the administration server.</summary>
    public bool IsFileServer =>
        Kind == ModernTagKind.Server && Name.Contains("FTP", StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads the text between the brackets.</summary>
    /// <param name="text">The tag's text.</param>
    /// <returns>The tag.</returns>
    public static ModernTag Read(string text)
    {
        var tag = text.Trim();
        var meta = tag.IndexOf(", ", StringComparison.Ordinal);
        if (meta > 0)
        {
            var name = tag[..meta];
            var id = MetaSessionId(tag.AsSpan(meta));
            return id is null ? new ModernTag(ModernTagKind.Module, name, null, null, null) : new ModernTag(ModernTagKind.SessionMeta, name, id, null, null);
        }

        if (TryReadSession(tag, out var session))
        {
            return session;
        }

        return tag.EndsWith(" Server", StringComparison.Ordinal) || tag == "Server"
            ? new ModernTag(ModernTagKind.Server, tag, null, null, null)
            : new ModernTag(ModernTagKind.Module, tag, null, null, null);
    }

    /// <summary><c>FTP Session 2857 192.0.2.5 bob</c>: a name ending in <c>Session</c>, the id, the address, the user.</summary>
    private static bool TryReadSession(string tag, out ModernTag session)
    {
        session = null!;
        var at = 0;
        while ((at = tag.IndexOf(SessionWord + " ", at, StringComparison.Ordinal)) >= 0)
        {
            if (at == 0 || tag[at - 1] == ' ')
            {
                break;
            }

            at += SessionWord.Length;
        }

        if (at < 0)
        {
            return false;
        }

        var idStart = at + SessionWord.Length + 1;
        var idEnd = idStart;
        while (idEnd < tag.Length && char.IsAsciiDigit(tag[idEnd]))
        {
            idEnd++;
        }

        if (idEnd == idStart || (idEnd < tag.Length && tag[idEnd] != ' '))
        {
            return false;
        }

        var name = tag[..(at + SessionWord.Length)];
        var id = tag[idStart..idEnd];
        var rest = tag.AsSpan(idEnd).TrimStart();
        var space = rest.IndexOf(' ');
        var address = (space < 0 ? rest : rest[..space]).ToString();
        var user = space < 0 ? null : rest[(space + 1)..].Trim().ToString();
        session = new ModernTag(
            ModernTagKind.Session,
            name,
            id,
            address.Length == 0 ? null : Addresses.Normalize(address),
            string.IsNullOrEmpty(user) ? null : user);
        return true;
    }

    /// <summary>The id in <c>, FTP Session: 3636</c> meta data, if the meta data names a session.</summary>
    private static string? MetaSessionId(ReadOnlySpan<char> meta)
    {
        var at = meta.IndexOf(SessionWord + ": ", StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var digits = meta[(at + SessionWord.Length + 2)..];
        var end = 0;
        while (end < digits.Length && char.IsAsciiDigit(digits[end]))
        {
            end++;
        }

        return end == 0 ? null : digits[..end].ToString();
    }
}
