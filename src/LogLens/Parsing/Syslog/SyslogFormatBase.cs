using LogLens.Events;
using LogLens.Input;

namespace LogLens.Parsing.Syslog;

/// <summary>
/// A format read through syslog envelopes and the daemons' own log lines: each line goes to the
/// dialect that claims its program; lines of other programs are <see cref="ForeignLine"/>s.
/// </summary>
public abstract class SyslogFormatBase : LogFormat
{
    private readonly ISyslogDialect[] dialects;

    /// <summary>Creates the format over the given dialects.</summary>
    /// <param name="dialects">The dialects this format reads.</param>
    private protected SyslogFormatBase(IEnumerable<ISyslogDialect> dialects)
    {
        this.dialects = dialects.ToArray();
    }

    /// <inheritdoc />
    public override ILineParser CreateParser() => new SyslogLineParser(dialects);

    /// <inheritdoc />
    public override double Score(IReadOnlyList<LogLine> sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        if (sample.Count == 0)
        {
            return 0;
        }

        var parser = CreateParser();
        var score = 0.0;
        var ftp = 0;
        foreach (var line in sample)
        {
            switch (parser.Parse(line))
            {
                case UnrecognizedLine:
                    break;
                case ForeignLine:
                    score += 0.1;
                    break;
                default:
                    score += 1;
                    ftp++;
                    break;
            }
        }

        // A syslog file without a single FTP line is not an FTP log.
        return ftp == 0 ? 0 : score / sample.Count * ScoreWeight;
    }

    /// <summary>Scales the score: the all-dialect format yields ties to the one-dialect formats.</summary>
    private protected virtual double ScoreWeight => 1.0;

    /// <summary>Every dialect of this assembly.</summary>
    private protected static IReadOnlyList<ISyslogDialect> AllDialects { get; } = Implementations.Of<ISyslogDialect>(nonPublic: true)
        .OrderBy(d => d.Name, StringComparer.Ordinal)
        .ToArray();

    /// <summary>The dialect with this name.</summary>
    /// <param name="name">Its name.</param>
    /// <returns>The dialect.</returns>
    private protected static ISyslogDialect Dialect(string name) => AllDialects.Single(d => d.Name == name);

    private sealed class SyslogLineParser(ISyslogDialect[] dialects) : LineParser
    {
        private readonly IDialectParser[] parsers = dialects.Select(d => d.CreateParser()).ToArray();
        private readonly Dictionary<string, int> claims = new(StringComparer.OrdinalIgnoreCase);

        protected override FtpEvent? TryParse(LogLine line, string text)
        {
            // Lines quoted in documents and mail come indented: read them as their text, when nothing
            // claims them as they are (a dialect may read its own indented continuation lines).
            return TryParseAsIs(line, text)
                ?? (text.Length > 0 && char.IsWhiteSpace(text[0]) ? TryParseAsIs(line, text.TrimStart()) : null);
        }

        private FtpEvent? TryParseAsIs(LogLine line, string text)
        {
            if (SyslogGrammar.TryParse(text, out var entry))
            {
                entry = entry with { Time = PlaceYear(entry.Time) };
                var owner = Owner(entry.Program);
                if (owner >= 0)
                {
                    return parsers[owner].ParseMessage(entry, line, text);
                }

                if (LooksLikeProgram(entry.Program))
                {
                    return new ForeignLine { Line = line.Number, Text = text, Time = entry.Time, Program = entry.Program };
                }
            }

            foreach (var parser in parsers)
            {
                if (parser.ParseNative(line, text) is { } native)
                {
                    return native;
                }
            }

            return null;
        }

        private int Owner(string program)
        {
            if (!claims.TryGetValue(program, out var owner))
            {
                owner = Array.FindIndex(dialects, d => d.ClaimsProgram(program));
                claims[program] = owner;
            }

            return owner;
        }

        private static bool LooksLikeProgram(string program) =>
            program.Length is > 0 and <= 64 && program.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/' or '@');
    }
}
