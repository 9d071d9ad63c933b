namespace LogLens.Parsing.Formats.IisFtp;

/// <summary>
/// A row cut into its space-separated columns, kept as spans of the line so that only the columns
/// a row needs become strings. W3C writes <c>-</c> for an empty column and never an empty one, so
/// runs of blanks (a trailing space) separate just once.
/// </summary>
internal sealed class IisColumns
{
    private readonly string text;
    private readonly (int Start, int Length)[] spans;

    private IisColumns(string text, (int Start, int Length)[] spans)
    {
        this.text = text;
        this.spans = spans;
    }

    /// <summary>How many columns the row has.</summary>
    public int Count => spans.Length;

    /// <summary>Cuts a line into columns.</summary>
    /// <param name="text">The line.</param>
    /// <returns>Its columns.</returns>
    public static IisColumns Split(string text)
    {
        var count = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (!IsBlank(text[i]) && (i == 0 || IsBlank(text[i - 1])))
            {
                count++;
            }
        }

        var spans = new (int, int)[count];
        var n = 0;
        var at = 0;
        while (n < count)
        {
            while (IsBlank(text[at]))
            {
                at++;
            }

            var start = at;
            while (at < text.Length && !IsBlank(text[at]))
            {
                at++;
            }

            spans[n++] = (start, at - start);
        }

        return new IisColumns(text, spans);
    }

    /// <summary>The text of column <paramref name="index"/>, or an empty span when there is no such column.</summary>
    /// <param name="index">A 0-based column index, or -1.</param>
    /// <returns>The column's text.</returns>
    public ReadOnlySpan<char> Span(int index) =>
        index >= 0 && index < spans.Length ? text.AsSpan(spans[index].Start, spans[index].Length) : [];

    /// <summary>Whether the row has column <paramref name="index"/> (a truncated row may not).</summary>
    /// <param name="index">A 0-based column index, or -1.</param>
    /// <returns><see langword="true"/> when the column is there, even as <c>-</c>.</returns>
    public bool Has(int index) => index >= 0 && index < spans.Length;

    /// <summary>The text of column <paramref name="index"/> as written (<c>-</c> included).</summary>
    /// <param name="index">A 0-based column index, or -1.</param>
    /// <returns>The text, or <see langword="null"/> when there is no such column.</returns>
    public string? Raw(int index) => Has(index) ? Span(index).ToString() : null;

    /// <summary>The value of column <paramref name="index"/>: <see langword="null"/> when absent or <c>-</c>.</summary>
    /// <param name="index">A 0-based column index, or -1.</param>
    /// <returns>The value.</returns>
    public string? Value(int index) => Has(index) && !Span(index).SequenceEqual("-") ? Span(index).ToString() : null;

    /// <summary>The line with column <paramref name="index"/> replaced by <paramref name="replacement"/>.</summary>
    /// <param name="index">A 0-based column index.</param>
    /// <param name="replacement">The new text of the column.</param>
    /// <returns>The new line.</returns>
    public string Replace(int index, string replacement)
    {
        var (start, length) = spans[index];
        return string.Concat(text.AsSpan(0, start), replacement, text.AsSpan(start + length));
    }

    private static bool IsBlank(char c) => c is ' ' or '\t';
}
