namespace LogLens.Parsing;

/// <summary>
/// Removes passwords from text at parse time, so that no later stage can leak one. One pass for
/// every dialect, run on every line whatever becomes of it (see <see cref="LineParser"/>); a grammar
/// that knows where a secret ends on its lines may mark that span as well.
/// </summary>
public static class Redaction
{
    /// <summary>What a password is replaced with.</summary>
    public const string Mark = "***";

    private const string Scheme = "://";

    // Separators between PASS and its argument: "PASS x", "PASS=x", "PASS:x", "Pass: x", Pure-FTPd's "[pass] [x]".
    private const string PassSeparators = " \t:=[]";

    // The keywords of the shapes: the command (and the password fields, which begin with it), a URL, an anonymous login.
    private static readonly string[] Keywords = ["PASS", Scheme, "ANONYMOUS"];

#if NET9_0_OR_GREATER
    // Looked for on every line, in one vectorized pass, in any case. xferlog's anonymous user has no
    // keyword: it is looked for at the end of the line (see XferlogAnonymousUser).
    private static readonly System.Buffers.SearchValues<string> Secrets =
        System.Buffers.SearchValues.Create(Keywords, StringComparison.OrdinalIgnoreCase);
#endif

    /// <summary>
    /// Replaces every password in <paramref name="text"/> with <see cref="Mark"/>, whatever dialect wrote it:
    /// <list type="bullet">
    /// <item>the argument of a <c>PASS</c> command, to the end of the line or of its quoted or bracketed
    /// field, after any separator: <c>PASS hunter2</c>, <c>"PASS hunter2"</c>, <c>PASS=hunter2</c>,
    /// <c>PASS:hunter2</c>, SFTP's <c>Pass: hunter2</c>, Pure-FTPd's <c>Command [pass] [hunter2]</c>;</item>
    /// <item>a password field: <c>password: "hunter2"</c> (Serv-U), <c>anon password "guest@"</c> (vsftpd);</item>
    /// <item>the password of a URL that carries one (<c>ftp://bob:hunter2@host</c>);</item>
    /// <item>an anonymous login's e-mail password: <c>ANONYMOUS FTP LOGIN FROM host [ip], guest@</c>,
    /// <c>… with ID guest@</c>, <c>anonymous(guest@) of …</c>, and the user column of an anonymous
    /// xferlog entry (<c>… b _ o a guest@ ftp 0 * c</c>).</item>
    /// </list>
    /// </summary>
    /// <param name="text">A log line or part of one.</param>
    /// <returns>The text, unchanged (the same instance) unless it held a password.</returns>
    public static string RedactLine(string text)
    {
        ArgumentNullException.ThrowIfNull(text);

        // One scan for every shape's keyword: each hit is read where it stands, and the scan goes on after
        // what it hid. The list of secrets is made only once one is met: most lines with a hit hold none
        // ("331 Please specify the password.").
        List<(int Start, int End)>? secrets = null;
        for (var at = NextKeyword(text, 0); at >= 0; at = NextKeyword(text, at))
        {
            at = Starts(text, at, "PASSWORD") ? PasswordField(text, at, ref secrets)
                : Starts(text, at, "PASS") ? PassArgument(text, at, ref secrets)
                : Starts(text, at, Scheme) ? UrlPassword(text, at, ref secrets)
                : AnonymousLogin(text, at, ref secrets);
        }

        if (XferlogAnonymousUser(text) is { } user)
        {
            Add(text, user.Start, user.End, ref secrets);
        }

        return Masked(text, secrets);
    }

    /// <summary>Whether a text may hold a password: the cheap check every line goes through.</summary>
    /// <param name="text">The text.</param>
    /// <returns><see langword="false"/> only when <see cref="RedactLine"/> would leave it unchanged.</returns>
    internal static bool MayHoldSecret(ReadOnlySpan<char> text) => IndexOfKeyword(text) >= 0 || XferlogAnonymousUser(text) is not null;

    /// <summary>Where the next keyword of a shape (<c>PASS</c>, <c>://</c>, <c>ANONYMOUS</c>) is, from <paramref name="from"/> on, or -1.</summary>
    private static int NextKeyword(string text, int from)
    {
        var found = from < text.Length ? IndexOfKeyword(text.AsSpan(from)) : -1;
        return found < 0 ? -1 : from + found;
    }

    private static int IndexOfKeyword(ReadOnlySpan<char> text)
    {
#if NET9_0_OR_GREATER
        return text.IndexOfAny(Secrets);
#else
        var found = -1;
        foreach (var keyword in Keywords)
        {
            var at = text.IndexOf(keyword, StringComparison.OrdinalIgnoreCase);
            found = at >= 0 && (found < 0 || at < found) ? at : found;
        }

        return found;
#endif
    }

    private static bool Starts(string text, int at, string keyword) =>
        text.AsSpan(at).StartsWith(keyword, StringComparison.OrdinalIgnoreCase);

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

    /// <summary>
    /// The argument of the PASS command at <paramref name="at"/>, if it is one: <c>PASS</c> as a word of its
    /// own in any case, then at least one separator (blank, <c>:</c>, <c>=</c>, <c>[</c>, <c>]</c>), then the argument. An argument in
    /// brackets (<c>[pass] [x]</c>) ends at the line's last <c>]</c>; one in a quoted command
    /// (<c>"PASS x"</c>) at a quote that closes the field; any other runs to the end of the line, since
    /// a password may hold blanks.
    /// </summary>
    /// <returns>Where the scan goes on.</returns>
    private static int PassArgument(string text, int at, ref List<(int Start, int End)>? secrets)
    {
        var next = at + "PASS".Length;
        if (!StartsWord(text, at) || next >= text.Length || !PassSeparators.Contains(text[next]))
        {
            return next;
        }

        var lineEnd = LineEnd(text, next);
        var argStart = next;
        var bracketed = false;
        while (argStart < lineEnd && PassSeparators.Contains(text[argStart]))
        {
            bracketed |= text[argStart] == '[';
            argStart++;
        }

        var argEnd = lineEnd;
        if (argStart < lineEnd && bracketed)
        {
            var close = text.LastIndexOf(']', lineEnd - 1, lineEnd - argStart);
            argEnd = close >= argStart ? close : lineEnd;
        }
        else if (argStart < lineEnd && at > 0 && text[at - 1] == '"')
        {
            argEnd = ClosingQuote(text, argStart, lineEnd);
        }

        Add(text, argStart, argEnd, ref secrets);
        return Math.Max(next, argEnd);
    }

    /// <summary>
    /// The password field at <paramref name="at"/>, if it is one: <c>password</c> as a word, then <c>:</c>
    /// or <c>=</c> and a value (Serv-U's <c>password: "x"</c>), or blanks and a quoted value (vsftpd's <c>anon password "x"</c>). A quoted
    /// value ends at its closing quote (see <see cref="QuotedFieldEnd"/>), any other at the end of the
    /// line. Words after <c>password</c> (<c>331 Password required for bob</c>) are not a value.
    /// </summary>
    /// <returns>Where the scan goes on.</returns>
    private static int PasswordField(string text, int at, ref List<(int Start, int End)>? secrets)
    {
        var next = at + "PASSWORD".Length;
        if (!StartsWord(text, at) || (next < text.Length && char.IsLetterOrDigit(text[next])))
        {
            return next;
        }

        var lineEnd = LineEnd(text, next);
        var value = SkipBlanks(text, next, lineEnd);
        var separated = value < lineEnd && text[value] is ':' or '=';
        if (separated)
        {
            value = SkipBlanks(text, value + 1, lineEnd);
        }

        if (value >= lineEnd || !(separated || (value > next && text[value] == '"')))
        {
            return next;
        }

        var start = text[value] == '"' ? value + 1 : value;
        var end = start > value ? QuotedFieldEnd(text, start, lineEnd) : lineEnd;
        Add(text, start, end, ref secrets);
        return Math.Max(next, end);
    }

    /// <summary>
    /// The password of the URL whose <c>://</c> is at <paramref name="at"/> (<c>ftp://bob:hunter2@host/path</c>
    /// becomes <c>ftp://bob:***@host/path</c>): in the authority, between the first colon and the last <c>@</c>,
    /// whatever the scheme, as clients write the URL they were given.
    /// </summary>
    /// <returns>Where the scan goes on.</returns>
    private static int UrlPassword(string text, int at, ref List<(int Start, int End)>? secrets)
    {
        at += Scheme.Length;
        var authority = text.AsSpan(at);
        var end = authority.IndexOfAny("/\\ \t\r\n\"'<>");
        authority = end < 0 ? authority : authority[..end];
        var userEnd = authority.LastIndexOf('@');
        var colon = userEnd < 0 ? -1 : authority[..userEnd].IndexOf(':');
        if (colon >= 0)
        {
            Add(text, at + colon + 1, at + userEnd, ref secrets);
        }

        return at + authority.Length;
    }

    /// <summary>
    /// The e-mail address an anonymous user gives as password, if the <c>ANONYMOUS</c> at <paramref name="at"/>
    /// is where the ftpd family logs it: <c>ANONYMOUS FTP LOGIN FROM host [ip], guest@</c> (also
    /// <c>… LOGIN REFUSED (…) FROM …</c>), to the end of the line after the first comma or <c> with ID </c>;
    /// wu-ftpd's <c>anonymous(guest@) of host …</c>.
    /// </summary>
    /// <returns>Where the scan goes on.</returns>
    private static int AnonymousLogin(string text, int at, ref List<(int Start, int End)>? secrets)
    {
        var next = at + "ANONYMOUS".Length;
        var lineEnd = LineEnd(text, next);
        if (next < lineEnd && text[next] == '(')
        {
            // To ") of host", else (a line cut short) to the last parenthesis, else to the end of the line.
            var start = next + 1;
            var end = text.IndexOf(") of ", start, lineEnd - start, StringComparison.Ordinal);
            if (end < 0)
            {
                var close = lineEnd > start ? text.LastIndexOf(')', lineEnd - 1, lineEnd - start) : -1;
                end = close >= 0 ? close : lineEnd;
            }

            Add(text, start, end, ref secrets);
            return Math.Max(next, end);
        }

        if (!text.AsSpan(next, lineEnd - next).StartsWith(" FTP LOGIN", StringComparison.OrdinalIgnoreCase))
        {
            return next;
        }

        var from = text.IndexOf(" FROM ", next, lineEnd - next, StringComparison.OrdinalIgnoreCase);
        var comma = from < 0 ? -1 : text.IndexOf(',', from, lineEnd - from);
        var withId = from < 0 ? -1 : text.IndexOf(" with ID ", from, lineEnd - from, StringComparison.OrdinalIgnoreCase);

        // Whichever comes first: more is hidden rather than less.
        var cut = comma < 0 ? withId : withId < 0 ? comma : Math.Min(comma, withId);
        if (cut < 0)
        {
            return next;
        }

        Add(text, SkipBlanks(text, cut + (cut == comma ? 1 : " with ID ".Length), lineEnd), lineEnd, ref secrets);
        return lineEnd;
    }

    /// <summary>
    /// The user column of an anonymous xferlog entry, which holds the e-mail password the guest gave:
    /// the line ends <c>type action direction a USER service method auth-user [status]</c> (method a number,
    /// status <c>c</c> or <c>i</c>, action one or more of <c>_CUT</c>). Read from the end, so that lines of
    /// other shapes are turned away after a token or two.
    /// </summary>
    /// <returns>Where the user lies, or null when the text does not end like an anonymous entry.</returns>
    private static (int Start, int End)? XferlogAnonymousUser(ReadOnlySpan<char> text)
    {
        if (!MayEndLikeXferlog(text))
        {
            return null;
        }

        var end = text.TrimEnd().Length;
        var start = TokenStart(text, end);
        if (end - start == 1 && text[start] is 'c' or 'i')
        {
            end = TokenEnd(text, start);
            start = TokenStart(text, end);
        }

        // auth-user, then the method: a number. Most lines are turned away at its last character.
        end = TokenEnd(text, start);
        if (end == 0 || !char.IsAsciiDigit(text[end - 1]))
        {
            return null;
        }

        start = TokenStart(text, end);
        if (!IsNumber(text[start..end]))
        {
            return null;
        }

        // service; the user ends before it.
        end = TokenEnd(text, start);
        start = TokenStart(text, end);
        if (start == end || start < 2 || text[start - 1] != ' ')
        {
            return null;
        }

        // The user lies between the mode and the service, blanks around it left out (some servers pad the columns).
        var userEnd = TokenEnd(text, start);
        for (var mode = text[..(start - 1)].LastIndexOf(" a "); mode >= 0; mode = mode == 0 ? -1 : text[..mode].LastIndexOf(" a "))
        {
            if (IsXferlogFlags(text[..mode]))
            {
                var userStart = mode + 3;
                while (userStart < userEnd && text[userStart] == ' ')
                {
                    userStart++;
                }

                return userStart < userEnd ? (userStart, userEnd) : null;
            }
        }

        return null;
    }

    /// <summary>
    /// Whether the line may end like an xferlog entry: read back from its end one character at a time
    /// (cheaper than searching, for the line's last word or two), its method column, before the last
    /// word or before the last but one after a status, ends with a digit.
    /// </summary>
    private static bool MayEndLikeXferlog(ReadOnlySpan<char> text)
    {
        var at = text.Length - 1;
        while (at >= 0 && char.IsWhiteSpace(text[at]))
        {
            at--;
        }

        if (at >= 2 && text[at] is 'c' or 'i' && text[at - 1] == ' ')
        {
            at -= 2;
            while (at >= 0 && text[at] == ' ')
            {
                at--;
            }
        }

        while (at >= 0 && text[at] != ' ')
        {
            at--;
        }

        while (at >= 0 && text[at] == ' ')
        {
            at--;
        }

        return at >= 0 && char.IsAsciiDigit(text[at]);
    }

    /// <summary>
    /// Whether text ends with xferlog's <c> type action direction</c> (<c> b _ o</c>, <c> a CT i</c>), with
    /// any run of spaces between them and after them.
    /// </summary>
    private static bool IsXferlogFlags(ReadOnlySpan<char> text)
    {
        var end = TokenEnd(text, text.Length);
        var start = TokenStart(text, end);
        if (end - start != 1 || text[start] is not ('o' or 'i' or 'd'))
        {
            return false;
        }

        // special action: one or more of _ C U T
        end = TokenEnd(text, start);
        start = TokenStart(text, end);
        if (start == end || text[start..end].ContainsAnyExcept("_CUT".AsSpan()))
        {
            return false;
        }

        end = TokenEnd(text, start);
        start = TokenStart(text, end);
        return end - start == 1 && start > 0 && text[start] is 'a' or 'b';
    }

    /// <summary>Where the blank-separated token that ends at <paramref name="end"/> starts.</summary>
    private static int TokenStart(ReadOnlySpan<char> text, int end)
    {
        var space = end <= 0 ? -1 : text[..end].LastIndexOf(' ');
        return space + 1;
    }

    /// <summary>Where the token before the one starting at <paramref name="start"/> ends (its blanks skipped).</summary>
    private static int TokenEnd(ReadOnlySpan<char> text, int start)
    {
        var end = start;
        while (end > 0 && text[end - 1] == ' ')
        {
            end--;
        }

        return end;
    }

    private static bool IsNumber(ReadOnlySpan<char> token)
    {
        foreach (var c in token)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether the word at <paramref name="at"/> starts one (no letter or digit before it: <c>BYPASS</c> is none).</summary>
    private static bool StartsWord(string text, int at) => at == 0 || !char.IsLetterOrDigit(text[at - 1]);

    private static int LineEnd(string text, int from) =>
        text.IndexOfAny(['\r', '\n'], from) is var nl and >= 0 ? nl : text.Length;

    private static int SkipBlanks(string text, int at, int end)
    {
        while (at < end && text[at] is ' ' or '\t')
        {
            at++;
        }

        return at;
    }

    /// <summary>
    /// Where a quoted field that starts at <paramref name="from"/> ends: at a quote that closes it (one at
    /// the end of the line, or followed by the next quoted field: <c>, "x"</c>, <c> "x"</c>). A quote followed
    /// by anything else is the password's own, so a password with quotes inside is hidden whole (more is
    /// hidden rather than less); with no closing quote, the field runs to the end of the line.
    /// </summary>
    private static int ClosingQuote(string text, int from, int lineEnd)
    {
        for (var q = text.IndexOf('"', from, lineEnd - from); q >= 0; q = q + 1 < lineEnd ? text.IndexOf('"', q + 1, lineEnd - q - 1) : -1)
        {
            var after = text.AsSpan(q + 1, lineEnd - q - 1);
            var rest = after.TrimStart(',').TrimStart(" \t");
            if (after.IsEmpty || (rest.Length < after.Length && rest.Length > 0 && rest[0] == '"'))
            {
                return q;
            }
        }

        return lineEnd;
    }

    /// <summary>
    /// Where a quoted password field's value ends: at its closing quote when the quotes inside it pair up
    /// (<c>anon password "a "quoted" one"</c>). An odd one out may instead close the field early, and let
    /// what follows read as a message forged in the password (<c>anon password "x] FAIL LOGIN: Client "192.0.2.9"</c>,
    /// which borrows the closing quote): then the end is in doubt, and the rest of the line is hidden,
    /// closing quote included, so that no reading of the line is left to trust the text behind it.
    /// </summary>
    private static int QuotedFieldEnd(string text, int from, int lineEnd)
    {
        var close = ClosingQuote(text, from, lineEnd);
        return close < lineEnd && text.AsSpan(from, close - from).Count('"') % 2 == 0 ? close : lineEnd;
    }

    /// <summary>Notes a secret, unless it is empty or already the mark.</summary>
    private static void Add(ReadOnlySpan<char> text, int start, int end, ref List<(int Start, int End)>? secrets)
    {
        if (end > start && !IsAlreadyMasked(text[start..end]))
        {
            (secrets ??= new List<(int Start, int End)>(2)).Add((start, end));
        }
    }

    /// <summary>The text with each secret (overlapping ones joined) replaced by the mark.</summary>
    private static string Masked(string text, List<(int Start, int End)>? secrets)
    {
        if (secrets is null)
        {
            return text;
        }

        if (secrets.Count > 1)
        {
            secrets.Sort(static (a, b) => a.Start.CompareTo(b.Start));
        }

        var result = new System.Text.StringBuilder(text.Length);
        var copied = 0;
        for (var i = 0; i < secrets.Count;)
        {
            var (start, end) = secrets[i];
            while (++i < secrets.Count && secrets[i].Start <= end)
            {
                end = Math.Max(end, secrets[i].End);
            }

            result.Append(text, copied, start - copied).Append(Mark);
            copied = end;
        }

        return result.Append(text, copied, text.Length - copied).ToString();
    }
}
