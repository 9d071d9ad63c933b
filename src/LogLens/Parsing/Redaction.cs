namespace LogLens.Parsing;

/// <summary>
/// Removes passwords from text at parse time, so that no later stage can leak one.
/// </summary>
public static class Redaction
{
    /// <summary>What a password is replaced with.</summary>
    public const string Mark = "***";

    private const string Scheme = "://";

#if NET9_0_OR_GREATER
    // Looked for on every line, in one vectorized pass: the command in any case, and a URL that may carry credentials.
    private static readonly System.Buffers.SearchValues<string> Secrets =
        System.Buffers.SearchValues.Create(["PASS", Scheme], StringComparison.OrdinalIgnoreCase);
#endif

    /// <summary>
    /// Replaces the argument of any <c>PASS</c> command in <paramref name="text"/> with <see cref="Mark"/>:
    /// <c>PASS hunter2</c>, <c>"PASS hunter2"</c>, <c>&gt; PASS hunter2</c>, whatever comes before it;
    /// and the password of a URL that carries one (<c>ftp://bob:hunter2@host</c>).
    /// </summary>
    /// <param name="text">A log line or part of one.</param>
    /// <returns>The text, unchanged unless it held a password.</returns>
    public static string RedactLine(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
#if NET9_0_OR_GREATER
        if (text.AsSpan().IndexOfAny(Secrets) < 0)
        {
            return text;
        }
#endif
        return RedactPassCommands(RedactUrlPasswords(text));
    }

    /// <summary>
    /// The passwords of URLs in the text (<c>ftp://bob:hunter2@host/path</c> becomes
    /// <c>ftp://bob:***@host/path</c>): in the authority, between the first colon and the last <c>@</c>,
    /// whatever the scheme, as clients write the URL they were given.
    /// </summary>
    private static string RedactUrlPasswords(string text)
    {
        System.Text.StringBuilder? result = null;
        var copied = 0;
        for (var at = text.IndexOf(Scheme, StringComparison.Ordinal); at >= 0; at = text.IndexOf(Scheme, at, StringComparison.Ordinal))
        {
            at += Scheme.Length;
            var authority = text.AsSpan(at);
            var end = authority.IndexOfAny("/\\ \t\r\n\"'<>");
            authority = end < 0 ? authority : authority[..end];
            var userEnd = authority.LastIndexOf('@');
            var colon = userEnd < 0 ? -1 : authority[..userEnd].IndexOf(':');
            if (colon >= 0 && !IsAlreadyMasked(authority[(colon + 1)..userEnd]))
            {
                result ??= new System.Text.StringBuilder(text.Length);
                result.Append(text, copied, at + colon + 1 - copied).Append(Mark);
                copied = at + userEnd;
            }

            at += authority.Length;
        }

        return result is null ? text : result.Append(text, copied, text.Length - copied).ToString();
    }

    /// <summary>The arguments of PASS commands in the text, replaced by the mark.</summary>
    private static string RedactPassCommands(string text)
    {
        var at = text.IndexOf("PASS", StringComparison.OrdinalIgnoreCase);
        if (at < 0)
        {
            return text;
        }

        // Made only once a second argument is met: most lines hide one, and need one new string.
        System.Text.StringBuilder? result = null;
        var firstStart = -1;
        var copied = 0;
        while (at >= 0)
        {
            var end = at + 4;
            var startsWord = at == 0 || !char.IsLetterOrDigit(text[at - 1]);
            if (startsWord && end < text.Length && (char.IsWhiteSpace(text[end]) || text[end] == '='))
            {
                var argStart = end;
                while (argStart < text.Length && (char.IsWhiteSpace(text[argStart]) || text[argStart] == '=') && text[argStart] is not ('\r' or '\n'))
                {
                    argStart++;
                }

                // A quoted command ("PASS secret", as vsftpd logs it) ends at a quote that closes it: one
                // at the end of the line, or followed by the next quoted field (`, "x"`, ` "x"`). A quote
                // followed by anything else is the password's own, so a password with quotes inside is
                // hidden whole (more is hidden rather than less); an unquoted one runs to the end of the line.
                var lineEnd = text.IndexOfAny(['\r', '\n'], argStart) is var nl and >= 0 ? nl : text.Length;
                var argEnd = lineEnd;
                if (at > 0 && text[at - 1] == '"')
                {
                    for (var q = text.IndexOf('"', argStart); q >= 0 && q < lineEnd; q = text.IndexOf('"', q + 1))
                    {
                        if (ClosesQuote(text.AsSpan(q + 1, lineEnd - q - 1)))
                        {
                            argEnd = q;
                            break;
                        }
                    }
                }

                // Keep the line's shape: trailing spaces inside the argument are part of it.
                if (argEnd > argStart && !IsAlreadyMasked(text.AsSpan(argStart, argEnd - argStart)))
                {
                    if (firstStart < 0)
                    {
                        firstStart = argStart;
                    }
                    else
                    {
                        result ??= new System.Text.StringBuilder(text.Length).Append(text, 0, firstStart).Append(Mark);
                        result.Append(text, copied, argStart - copied).Append(Mark);
                    }

                    copied = argEnd;
                }

                end = argEnd;
            }

            at = end < text.Length ? text.IndexOf("PASS", end, StringComparison.OrdinalIgnoreCase) : -1;
        }

        return result is not null
            ? result.Append(text, copied, text.Length - copied).ToString()
            : firstStart < 0 ? text : string.Concat(text.AsSpan(0, firstStart), Mark, text.AsSpan(copied));
    }

    /// <summary>Whether what follows a quote shows it closes a quoted field: the end, or the next quoted field.</summary>
    private static bool ClosesQuote(ReadOnlySpan<char> after)
    {
        var rest = after.TrimStart(',').TrimStart(" \t");
        return after.IsEmpty || (rest.Length < after.Length && rest.Length > 0 && rest[0] == '"');
    }

    /// <summary>Whether a PASS argument is already exactly <see cref="Mark"/>.</summary>
    /// <param name="argument">The argument.</param>
    /// <returns><see langword="true"/> when it holds no secret.</returns>
    internal static bool IsAlreadyMasked(ReadOnlySpan<char> argument)
    {
        var trimmed = argument.Trim();
        if (trimmed.IsEmpty)
        {
            return true;
        }

        // Even a row of asterisks is replaced: some clients write one per character of the password.
        return trimmed.SequenceEqual(Mark);
    }
}
