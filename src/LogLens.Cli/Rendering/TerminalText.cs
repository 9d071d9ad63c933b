using Spectre.Console;

namespace LogLens.Cli.Rendering;

/// <summary>
/// Text from a log or a file name made safe to print on a terminal: every field the CLI prints goes
/// through here, not only log lines, since a user name, a client, a session id or a path is the log's
/// (or the file system's) text as much as a line is.
/// </summary>
internal static class TerminalText
{
    private const int MaxLine = 300;

    /// <summary>
    /// The text with each control character (an escape sequence could restyle the terminal, clear it or
    /// retitle its window; a line break would forge a line of the report) shown as <c>?</c>, and a tab
    /// (FileZilla separates its fields with one) as a space.
    /// </summary>
    /// <param name="text">The text, or null.</param>
    /// <returns>The printable text (empty for null).</returns>
    public static string Printable(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var at = 0;
        while (at < text.Length && !char.IsControl(text[at]))
        {
            at++;
        }

        if (at == text.Length)
        {
            return text;
        }

        var chars = text.ToCharArray();
        for (var i = at; i < chars.Length; i++)
        {
            if (char.IsControl(chars[i]))
            {
                chars[i] = chars[i] == '\t' ? ' ' : '?';
            }
        }

        return new string(chars);
    }

    /// <summary>The text made printable and escaped for Spectre markup.</summary>
    /// <param name="text">The text, or null.</param>
    /// <returns>Markup that shows the text as it is.</returns>
    public static string Escape(string? text) => Markup.Escape(Printable(text));

    /// <summary>A log line made printable and escaped, very long lines shortened.</summary>
    /// <param name="text">The line.</param>
    /// <returns>Markup that shows it.</returns>
    public static string Line(string text) =>
        Escape(text.Length > MaxLine ? text[..MaxLine] : text) + (text.Length > MaxLine ? "…" : string.Empty);
}
