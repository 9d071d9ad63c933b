using LogLens.Events;
using LogLens.Input;

namespace LogLens.Parsing;

/// <summary>
/// Base for formats whose detection score is the share of sample lines they recognize, counting
/// only lines they alone would write (<see cref="IsDistinctive"/>) fully and others by half, and
/// (where <see cref="KnowsPrefixOfUnrecognized"/>) unrecognized lines with the format's prefix by half.
/// </summary>
public abstract class LogFormat : ILogFormat
{
    /// <inheritdoc />
    public abstract string Name { get; }

    /// <inheritdoc />
    public abstract string Description { get; }

    /// <inheritdoc />
    public abstract IReadOnlyList<string> SampleLines { get; }

    /// <inheritdoc />
    public abstract ILineParser CreateParser();

    /// <summary>
    /// How its log tells connections apart and how long its server lets one stay idle: what the one
    /// session stage needs of a format (see <see cref="Analysis.SessionContract"/>).
    /// </summary>
    internal virtual Analysis.SessionContract Sessions => Analysis.SessionContract.Default;

    /// <inheritdoc />
    public virtual double Score(IReadOnlyList<LogLine> sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        if (sample.Count == 0)
        {
            return 0;
        }

        var parser = CreateParser();
        var score = 0.0;
        foreach (var line in sample)
        {
            var parsed = parser.Parse(line);
            if (parsed is UnrecognizedLine unrecognized)
            {
                score += KnowsPrefixOfUnrecognized && unrecognized.Time is not null ? 0.5 : 0;
                continue;
            }

            score += IsDistinctive(parsed) ? 1.0 : 0.5;
        }

        return score / sample.Count;
    }

    /// <summary>
    /// Whether an unrecognized line that still has a time was read as far as this format's own line
    /// prefix (a Serv-U or FileZilla Server line whose message no rule knows): such a line counts by
    /// half, since the prefix alone is the format's.
    /// </summary>
    protected virtual bool KnowsPrefixOfUnrecognized => false;

    /// <inheritdoc />
    public int Resemblance(IReadOnlyList<LogLine> sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var count = 0;
        foreach (var line in sample)
        {
            count += Resembles(line.Text) ? 1 : 0;
        }

        return count;
    }

    /// <summary>
    /// Whether a line looks like one of this format's at a glance, without parsing it: a mark of the
    /// format a line of it is sure or likely to carry. It only orders detection (see
    /// <see cref="FormatRegistry.Detect"/>), so a wrong guess costs time, never the right format.
    /// </summary>
    /// <param name="line">The line.</param>
    /// <returns>Whether it looks like this format's.</returns>
    protected virtual bool Resembles(string line) => false;

    /// <summary>
    /// Whether an event could only have come from this format (a prefixed client message, a
    /// session-id line), as opposed to a bare reply line that many formats share.
    /// </summary>
    /// <param name="parsed">A recognized event.</param>
    /// <returns><see langword="true"/> unless overridden.</returns>
    protected virtual bool IsDistinctive(FtpEvent parsed) => true;
}
