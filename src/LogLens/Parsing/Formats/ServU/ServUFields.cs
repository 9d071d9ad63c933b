namespace LogLens.Parsing.Formats.ServU;

/// <summary>
/// Serv-U 15's <c>name: "value"</c> fields (<c>Invalid login credentials; user: "lin"; password: "****"</c>):
/// reading one. The password field is masked by the shared redaction (<see cref="Redaction"/>).
/// </summary>
internal static class ServUFields
{
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
