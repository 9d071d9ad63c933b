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

    /// <summary>The row's text.</summary>
    public string Text => text;

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

    /// <summary>
    /// The row with columns <paramref name="first"/> to <paramref name="last"/> taken as one, the blanks
    /// between them part of it (a password with blanks in it, which the grammar knows to be one column).
    /// </summary>
    /// <param name="first">The first column joined.</param>
    /// <param name="last">The last column joined.</param>
    /// <returns>The row with <c>last - first</c> fewer columns.</returns>
    public IisColumns Join(int first, int last)
    {
        var joined = new (int, int)[spans.Length - (last - first)];
        Array.Copy(spans, joined, first);
        joined[first] = (spans[first].Start, spans[last].Start + spans[last].Length - spans[first].Start);
        Array.Copy(spans, last + 1, joined, first + 1, spans.Length - last - 1);
        return new IisColumns(text, joined);
    }

    /// <summary>
    /// The row's text as a writer may see it: the shared redaction over the whole line, except that
    /// column <paramref name="secret"/>, a PASS row's argument, is the grammar's to mask. It becomes the
    /// mark (unless it is <c>-</c> or already the mark), and the shared redaction runs on the text before
    /// and after it, where it cannot take the status columns behind the argument for part of it.
    /// </summary>
    /// <param name="secret">The column that is a password, or -1.</param>
    /// <returns>The redacted line.</returns>
    public string RedactedText(int secret)
    {
        if (!Has(secret))
        {
            return Redaction.RedactLine(text);
        }

        var (start, length) = spans[secret];
        var column = text.AsSpan(start, length);
        var argument = column.SequenceEqual("-") || Redaction.IsAlreadyMasked(column) ? column : Redaction.Mark;
        return string.Concat(Redaction.RedactLine(text[..start]), argument, Redaction.RedactLine(text[(start + length)..]));
    }

    /// <summary>
    /// The row to read fields from, with no password left: column <paramref name="secret"/> (a PASS row's
    /// argument) replaced by the mark unless it is <c>-</c> or already the mark, and every other column put
    /// through the shared redaction on its own, so that no column can hide the ones behind it.
    /// </summary>
    /// <param name="secret">The column that is a password, or -1.</param>
    /// <returns>This row when it holds no password, else the redacted row.</returns>
    public IisColumns Redacted(int secret)
    {
        if (!Has(secret) && !Redaction.MayHoldSecret(text))
        {
            return this;
        }

        var result = new System.Text.StringBuilder(text.Length + Redaction.Mark.Length);
        var redacted = new (int, int)[spans.Length];
        var copied = 0;
        var changed = false;
        for (var i = 0; i < spans.Length; i++)
        {
            var (start, length) = spans[i];
            var column = text.AsSpan(start, length);
            result.Append(text, copied, start - copied);
            var at = result.Length;
            if (i == secret ? !column.SequenceEqual("-") && !Redaction.IsAlreadyMasked(column) : Redaction.MayHoldSecret(column))
            {
                var masked = i == secret ? Redaction.Mark : Redaction.RedactLine(column.ToString());
                changed |= !column.SequenceEqual(masked);
                result.Append(masked);
            }
            else
            {
                result.Append(column);
            }

            redacted[i] = (at, result.Length - at);
            copied = start + length;
        }

        return changed ? new IisColumns(result.Append(text, copied, text.Length - copied).ToString(), redacted) : this;
    }

    private static bool IsBlank(char c) => c is ' ' or '\t';
}
