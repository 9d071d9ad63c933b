using LogLens.Events;
using LogLens.Input;
using LogLens.Parsing;

namespace LogLens.Tests.Support;

/// <summary>Runs the real parsers over lines written in a test.</summary>
public static class Lines
{
    /// <summary>Parses lines in order with one parser of <paramref name="format"/>, numbering them from 1.</summary>
    public static IReadOnlyList<FtpEvent> Parse(ILogFormat format, params string[] lines)
    {
        var parser = format.CreateParser();
        return lines.Select((text, i) => parser.Parse(new LogLine(i + 1, 0, text))).ToArray();
    }

    /// <summary>Parses one line with a fresh parser.</summary>
    public static FtpEvent ParseOne(ILogFormat format, string line) => Parse(format, line)[0];

    /// <summary>Parses one line and asserts the event has type <typeparamref name="T"/>.</summary>
    public static T ParseAs<T>(ILogFormat format, string line) where T : FtpEvent => Assert.IsType<T>(ParseOne(format, line));
}
