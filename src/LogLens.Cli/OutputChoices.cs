using System.Globalization;
using LogLens.Reporting;
using Spectre.Console;

namespace LogLens.Cli;

/// <summary>
/// The output options both <c>analyze</c> and <c>scan</c> take: the format (<c>-F</c>), the zone of the
/// log's times (<c>--tz</c>), the year of a log that writes none (<c>--year</c>) and the time range
/// (<c>--since</c>, <c>--until</c>), read from their text with errors in words.
/// </summary>
internal static class OutputChoices
{
    /// <summary>The formats <c>-F</c> takes.</summary>
    public static readonly string[] Formats = ["text", "json", "ndjson", "csv", "parquet"];

    /// <summary>Whether a format writes a folder (Parquet's partitions), not a stream.</summary>
    public static bool WritesFolder(string format) => format == "parquet";

    /// <summary>The error in words for a format <c>-F</c> does not take, or null when it does.</summary>
    public static string? CheckFormat(string? format, IReadOnlyList<string> allowed) =>
        format is null || allowed.Contains(format, StringComparer.Ordinal)
            ? null
            : $"unknown output format '{format}'; use one of: {string.Join(", ", allowed)}";

    /// <summary>Reads <c>--tz</c>: an IANA or Windows zone name, <c>UTC</c>, <c>local</c>, or an offset (<c>+08:00</c>, <c>-0500</c>).</summary>
    public static bool TryZone(string? text, out TimeZoneInfo zone, out string? error)
    {
        error = null;
        zone = TimeZoneInfo.Local;
        if (text is null || text.Equals("local", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (text.Equals("UTC", StringComparison.OrdinalIgnoreCase) || text == "Z")
        {
            zone = TimeZoneInfo.Utc;
            return true;
        }

        if (text.Length > 1 && text[0] is '+' or '-'
            && TimeSpan.TryParseExact(text[1..].Replace(":", string.Empty, StringComparison.Ordinal), ["hhmm", "hh"], CultureInfo.InvariantCulture, out var offset)
            && offset <= TimeSpan.FromHours(14))
        {
            offset = text[0] == '-' ? -offset : offset;
            zone = TimeZoneInfo.CreateCustomTimeZone(text, offset, text, text);
            return true;
        }

        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(text);
            return true;
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            error = $"--tz takes a time zone such as Asia/Shanghai, UTC or local, or an offset such as +08:00, not '{text}'";
            return false;
        }
    }

    /// <summary>Reads <c>--year</c>: 1970 to 9999.</summary>
    public static bool TryYear(string? text, out int? year, out string? error)
    {
        year = null;
        error = null;
        if (text is null)
        {
            return true;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 1970 and <= 9999)
        {
            year = y;
            return true;
        }

        error = $"--year takes a year from 1970 to 9999, not '{text}'";
        return false;
    }

    /// <summary>Reads <c>--since</c>/<c>--until</c>: an ISO 8601 date or date and time, in the zone given unless it carries an offset.</summary>
    public static bool TryTime(string option, string? text, TimeZoneInfo zone, bool endOfDay, out DateTimeOffset? time, out string? error)
    {
        time = null;
        error = null;
        if (text is null)
        {
            return true;
        }

        string[] withOffset = ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd HH:mm:ssK"];
        if (DateTimeOffset.TryParseExact(text, withOffset, CultureInfo.InvariantCulture, DateTimeStyles.None, out var exact) && (text.EndsWith('Z') || text.LastIndexOfAny(['+', '-']) > 10))
        {
            time = exact;
            return true;
        }

        string[] local = ["yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd"];
        if (DateTime.TryParseExact(text, local, CultureInfo.InvariantCulture, DateTimeStyles.None, out var wall))
        {
            // A date alone is the whole day: from its start (--since) to its end (--until).
            if (endOfDay && text.Length == 10)
            {
                wall = wall.AddDays(1).AddTicks(-1);
            }

            time = new DateTimeOffset(wall, zone.GetUtcOffset(wall));
            return true;
        }

        error = $"{option} takes a date or a date and time in ISO 8601, such as 2024-03-14 or 2024-03-14T09:30:00+08:00, not '{text}'";
        return false;
    }

    /// <summary>The writer for a format: to a stream, or (Parquet) into a folder.</summary>
    /// <remarks>Every time is written placed, with an offset: the log's own, else the zone's (<c>--tz</c>).</remarks>
    public static ISessionWriter Create(string format, Stream? stream, string? folder, Func<TimePlacement, ISessionWriter> text, CultureInfo culture, TimeZoneInfo zone, int? year) => format switch
    {
        "json" => new JsonReportWriter(stream!, culture, new TimePlacement(zone, year)),
        "ndjson" => new NdjsonReportWriter(stream!, culture, zone, year),
        "csv" => new CsvReportWriter(stream!, new TimePlacement(zone, year)),
        "parquet" => new Parquet.ParquetSessionWriter(folder!, zone, year),
        _ => text(new TimePlacement(zone, year)),
    };

    /// <summary>A console that writes plain text (no colours, no markup codes) to a file.</summary>
    public static IAnsiConsole PlainConsole(Stream stream)
    {
        var text = new StreamWriter(stream, new System.Text.UTF8Encoding(false), 1 << 16, leaveOpen: true) { AutoFlush = true };
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(text), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
        console.Profile.Width = 32_767;
        return console;
    }
}
