using System.Globalization;
using System.Text;
using LogLens.Input;
using LogLens.Localization;
using LogLens.Parsing;
using LogLens.Reporting;

namespace LogLens.Cli.Commands;

/// <summary>The options every command that reads logs shares: format, encoding, language.</summary>
internal class LogReadingSettings : LanguageSettings
{
    /// <summary>The encodings a refused <c>--encoding</c> lists, each one that LogLens reads.</summary>
    internal static readonly string[] ListedEncodings =
    [
        "utf-8", "utf-16le", "utf-16be", "gb18030", "gbk", "big5", "shift_jis", "euc-jp", "euc-kr",
        "latin1", "iso-8859-2", "iso-8859-15", "windows-1250", "windows-1251", "windows-1252", "koi8-r", "us-ascii",
    ];

    /// <summary><c>-f|--format</c>: the format every file is read as, instead of detecting it.</summary>
    public string? Format { get; init; }

    /// <summary><c>-e|--encoding</c>: the encoding every file is decoded with, instead of detecting it.</summary>
    public string? Encoding { get; init; }

    /// <summary>The forced format, once validated.</summary>
    public ILogFormat? ResolvedFormat => Format is null ? null : FormatRegistry.Find(Format);

    /// <summary>The forced encoding, once validated.</summary>
    public Encoding? ResolvedEncoding => Encoding is not null && TextEncodings.TryGet(Encoding, out var e) ? e : null;

    public override string? Validate()
    {
        if (Format is not null && FormatRegistry.Find(Format) is null)
        {
            var known = string.Join(", ", FormatRegistry.BuiltIn.Select(f => f.Name));
            return $"unknown format '{Format}'; known formats: {known}";
        }

        if (Encoding is not null && !TextEncodings.TryGet(Encoding, out _))
        {
            return $"'{Encoding}' is not an encoding LogLens reads; it reads {string.Join(", ", ListedEncodings)}, and the other " +
                "code pages that write ASCII as ASCII (not utf-7, utf-32 or EBCDIC)";
        }

        return base.Validate();
    }
}

/// <summary>
/// The output options of the commands that write sessions (<c>analyze</c>, <c>scan</c>): the format
/// (<c>-F</c>), the zone of the log's times (<c>--tz</c>), the year of a log that writes none
/// (<c>--year</c>) and the time range (<c>--since</c>, <c>--until</c>).
/// </summary>
internal class SessionOutputSettings : LogReadingSettings
{
    /// <summary><c>-F|--output-format</c> as given.</summary>
    public string? OutputFormat { get; init; }

    /// <summary><c>--tz</c> as given.</summary>
    public string? Tz { get; init; }

    /// <summary><c>--year</c> as given.</summary>
    public string? Year { get; init; }

    /// <summary><c>--since</c> as given.</summary>
    public string? Since { get; init; }

    /// <summary><c>--until</c> as given.</summary>
    public string? Until { get; init; }

    /// <summary>The formats this command writes.</summary>
    protected virtual IReadOnlyList<string> Formats => OutputChoices.Formats;

    /// <summary>The zone of the log's times without an offset, once validated.</summary>
    public TimeZoneInfo Zone => OutputChoices.TryZone(Tz, out var zone, out _) ? zone : TimeZoneInfo.Local;

    /// <summary>The year of a log that writes none, once validated; null to infer it per file.</summary>
    public int? YearValue => OutputChoices.TryYear(Year, out var year, out _) ? year : null;

    /// <summary>The start of the time range, once validated.</summary>
    public DateTimeOffset? SinceValue => OutputChoices.TryTime("--since", Since, Zone, endOfDay: false, out var t, out _) ? t : null;

    /// <summary>The end of the time range, once validated.</summary>
    public DateTimeOffset? UntilValue => OutputChoices.TryTime("--until", Until, Zone, endOfDay: true, out var t, out _) ? t : null;

    public override string? Validate()
    {
        if (OutputChoices.CheckFormat(OutputFormat, Formats) is { } format)
        {
            return format;
        }

        if (!OutputChoices.TryZone(Tz, out var zone, out var problem)
            || !OutputChoices.TryYear(Year, out _, out problem)
            || !OutputChoices.TryTime("--since", Since, zone, endOfDay: false, out var since, out problem)
            || !OutputChoices.TryTime("--until", Until, zone, endOfDay: true, out var until, out problem))
        {
            return problem;
        }

        if (since > until)
        {
            return $"--since ({Since}) is after --until ({Until}): no session could be in that range";
        }

        return base.Validate();
    }

    /// <summary>The writer, with only the sessions in the time range passed on when one is given.</summary>
    public ISessionWriter InRange(ISessionWriter writer) =>
        SinceValue is null && UntilValue is null ? writer : new TimeRangeFilter(writer, new TimePlacement(Zone, YearValue), SinceValue, UntilValue);
}

/// <summary>The <c>--lang</c> option.</summary>
internal class LanguageSettings
{
    /// <summary><c>-l|--lang</c>: the language of explanations and advice.</summary>
    public string? Lang { get; init; }

    /// <summary>The language, once validated.</summary>
    public CultureInfo Culture => Texts.TryGetLanguage(Lang, out var c) ? c : Texts.English;

    /// <summary>What is wrong with the options, in words, for a usage error; null when nothing is.</summary>
    public virtual string? Validate() =>
        Texts.TryGetLanguage(Lang, out _)
            ? null
            : $"unknown language '{Lang}'; use en or zh-CN";
}
