using LogLens.Events;
using LogLens.Input;

namespace LogLens.Parsing;

/// <summary>
/// Base for line parsers: gives every event its line number and redacted text, and turns any
/// line the dialect does not match into an <see cref="UnrecognizedLine"/>.
/// </summary>
public abstract class LineParser : ILineParser
{
    /// <summary>How many lines the dialect failed on (a bug): each was reported as unrecognized.</summary>
    public long FailedLines { get; private set; }

    /// <summary>The first line the dialect failed on, if any.</summary>
    public long? FirstFailedLine { get; private set; }

    private readonly YearlessClock yearless = new();

    /// <inheritdoc />
    public FtpEvent Parse(LogLine line)
    {
        var text = Redaction.RedactLine(line.Text);
        try
        {
            var e = TryParse(line, text) ?? new UnrecognizedLine { Line = line.Number, Text = text };
            return e.Time is { HasYear: false, HasDate: true } time && yearless.Place(time) is { } placed ? e with { Time = placed } : e;
        }
        catch (Exception e) when (e is ArgumentException or IndexOutOfRangeException or FormatException or OverflowException or InvalidOperationException)
        {
            // A line no rule foresaw must not end the reading of a whole file (or a whole scan): it is
            // reported as unrecognized, and counted, so that the run can say a reader failed.
            FailedLines++;
            FirstFailedLine ??= line.Number;
            return new UnrecognizedLine { Line = line.Number, Text = text };
        }
    }

    /// <summary>
    /// A time without a year put in its year (see <see cref="YearlessClock"/>): for a dialect that reads
    /// times before the event is made (a syslog envelope, which its stitching compares), so that it
    /// compares times in order across New Year. Times it does not place are placed after parsing.
    /// </summary>
    /// <param name="time">The time as read.</param>
    /// <returns>The time in its year.</returns>
    private protected LogTimestamp PlaceYear(LogTimestamp time) =>
        time is { HasYear: false, HasDate: true } && yearless.Place(time) is { } placed ? placed : time;

    /// <summary>Parses one line of the dialect.</summary>
    /// <param name="line">The line as read.</param>
    /// <param name="text">Its text with passwords already redacted: parse this, never <c>line.Text</c>.</param>
    /// <returns>The event, or <see langword="null"/> when no rule matches.</returns>
    protected abstract FtpEvent? TryParse(LogLine line, string text);
}
