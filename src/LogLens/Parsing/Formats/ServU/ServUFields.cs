namespace LogLens.Parsing.Formats.ServU;

/// <summary>
/// Serv-U 15's <c>name: "value"</c> fields (<c>Invalid login credentials; user: "lin"; password: "****"</c>):
/// reading one, and masking the password field, which the shared PASS redaction does not cover.
/// </summary>
internal static class ServUFields
{
    private const string PasswordField = "password";

    /// <summary>The value of field <paramref name="name"/>, unquoted, or <see langword="null"/>.</summary>
    /// <param name="text">A message.</param>
    /// <param name="name">The field name without its colon.</param>
    /// <returns>The value, or null when the field is absent or empty.</returns>
    public static string? Value(string text, string name)
    {
        var (start, end) = Find(text, name, 0);
        if (start < 0)
        {
            return null;
        }

        var value = text[start..end].Trim().Trim('"').Trim();
        return value.Length == 0 ? null : value;
    }

    /// <summary>Replaces the value of every <c>password:</c> field with the redaction mark.</summary>
    /// <param name="text">A line.</param>
    /// <returns>The line, unchanged when it has no password field.</returns>
    public static string RedactPassword(string text)
    {
        var (start, end) = Find(text, PasswordField, 0);
        if (start < 0)
        {
            return text;
        }

        var result = new System.Text.StringBuilder(text.Length);
        var copied = 0;
        while (start >= 0)
        {
            var quoted = start < text.Length && text[start] == '"';
            var valueStart = quoted ? start + 1 : start;
            var valueEnd = quoted && end > valueStart && text[end - 1] == '"' ? end - 1 : end;
            if (valueEnd > valueStart && !Redaction.IsAlreadyMasked(text.AsSpan(valueStart, valueEnd - valueStart)))
            {
                result.Append(text, copied, valueStart - copied).Append(Redaction.Mark);
                copied = valueEnd;
            }

            (start, end) = Find(text, PasswordField, end);
        }

        return copied == 0 ? text : result.Append(text, copied, text.Length - copied).ToString();
    }

    /// <summary>Where the value of a field starts and ends, from <paramref name="from"/> on.</summary>
    /// <returns>(-1, -1) when there is no such field.</returns>
    private static (int Start, int End) Find(string text, string name, int from)
    {
        var at = from;
        while ((at = text.IndexOf(name, at, StringComparison.OrdinalIgnoreCase)) >= 0)
        {
            var colon = at + name.Length;
            var startsWord = at == 0 || !char.IsLetterOrDigit(text[at - 1]);
            if (startsWord && colon < text.Length && text[colon] == ':')
            {
                var start = colon + 1;
                while (start < text.Length && text[start] == ' ')
                {
                    start++;
                }

                int end;
                if (start < text.Length && text[start] == '"')
                {
                    var close = text.IndexOf('"', start + 1);
                    end = close < 0 ? text.Length : close + 1;
                }
                else
                {
                    end = text.IndexOfAny([';', ',', ')'], start);
                    end = end < 0 ? text.Length : end;
                    while (end > start && text[end - 1] == ' ')
                    {
                        end--;
                    }
                }

                return (start, end);
            }

            at = colon;
        }

        return (-1, -1);
    }
}
