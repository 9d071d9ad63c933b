using LogLens.Events;
using LogLens.Input;

namespace LogLens.Parsing;

/// <summary>
/// Base for line parsers: gives every event its line number and redacted text, and turns any
/// line the dialect does not match into an <see cref="UnrecognizedLine"/>.
/// </summary>
public abstract class LineParser : ILineParser
{
    /// <inheritdoc />
    public FtpEvent Parse(LogLine line)
    {
        var text = Redaction.RedactLine(line.Text);
        return TryParse(line, text) ?? new UnrecognizedLine { Line = line.Number, Text = text };
    }

    /// <summary>Parses one line of the dialect.</summary>
    /// <param name="line">The line as read.</param>
    /// <param name="text">Its text with passwords already redacted: parse this, never <c>line.Text</c>.</param>
    /// <returns>The event, or <see langword="null"/> when no rule matches.</returns>
    protected abstract FtpEvent? TryParse(LogLine line, string text);
}
