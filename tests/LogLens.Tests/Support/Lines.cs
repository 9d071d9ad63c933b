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

    /// <summary>
    /// The session each event would be named by the session stage: its key, and for the next connection a
    /// format's stitching found under the same key <c>key-2</c>, <c>key-3</c>; <c>(none)</c> without a key.
    /// </summary>
    public static string[] SessionIds(IEnumerable<FtpEvent> events)
    {
        var seen = new Dictionary<string, List<long>>(StringComparer.Ordinal);
        return events.Select(e =>
        {
            if (e.SessionKey is not { } key)
            {
                return "(none)";
            }

            if (!seen.TryGetValue(key, out var connections))
            {
                seen[key] = connections = [];
            }

            if (!connections.Contains(e.Connection))
            {
                connections.Add(e.Connection);
            }

            var n = connections.IndexOf(e.Connection) + 1;
            return n == 1 ? key : $"{key}-{n}";
        }).ToArray();
    }

    /// <summary>Parses one line with a fresh parser.</summary>
    public static FtpEvent ParseOne(ILogFormat format, string line) => Parse(format, line)[0];

    /// <summary>Parses one line and asserts the event has type <typeparamref name="T"/>.</summary>
    public static T ParseAs<T>(ILogFormat format, string line) where T : FtpEvent => Assert.IsType<T>(ParseOne(format, line));
}
