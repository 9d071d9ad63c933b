using LogLens.Events;
using LogLens.Input;

namespace LogLens.Parsing;

/// <summary>
/// A log dialect: its name, its own sample lines, how well a sample of lines looks like it, and
/// how to turn its lines into events.
/// </summary>
public interface ILogFormat
{
    /// <summary>The short name used with <c>--format</c> (kebab-case, for example <c>cuteftp-en</c>).</summary>
    string Name { get; }

    /// <summary>One line saying what writes this log.</summary>
    string Description { get; }

    /// <summary>Lines of this format, written for the project; each must parse to a recognized event.</summary>
    IReadOnlyList<string> SampleLines { get; }

    /// <summary>How much a sample from the start of a file looks like this format: 0 (not at all) and up.</summary>
    /// <param name="sample">Non-blank lines from the start of the file.</param>
    /// <returns>A score comparable across formats; the highest wins detection.</returns>
    double Score(IReadOnlyList<LogLine> sample);

    /// <summary>A parser for one file. It may keep state between lines (headers, wrapped messages).</summary>
    /// <returns>A fresh parser.</returns>
    ILineParser CreateParser();

    /// <summary>
    /// How many lines of a sample look like this format's at a glance, without parsing them. Detection
    /// scores the formats that most resemble the sample first and stops at one that reads every line.
    /// </summary>
    /// <param name="sample">The first lines of the input.</param>
    /// <returns>The number of lines that look like this format's (0 when the format gives no hint).</returns>
    int Resemblance(IReadOnlyList<LogLine> sample) => 0;
}

/// <summary>Turns the lines of one file, in order, into events.</summary>
public interface ILineParser
{
    /// <summary>Parses one non-blank line. Never throws for bad input: an unmatched line is an <see cref="UnrecognizedLine"/>.</summary>
    /// <param name="line">The line.</param>
    /// <returns>Exactly one event for the line.</returns>
    FtpEvent Parse(LogLine line);
}
