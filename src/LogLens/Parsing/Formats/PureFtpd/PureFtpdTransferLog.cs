using System.Globalization;
using LogLens.Events;
using LogLens.Parsing.Grammar;
using Pidgin;
using static LogLens.Parsing.Grammar.Primitives;
using static Pidgin.Parser;
using static Pidgin.Parser<char>;

namespace LogLens.Parsing.Formats.PureFtpd;

/// <summary>A line of Pure-FTPd's CLF transfer log.</summary>
/// <param name="Client">The client.</param>
/// <param name="User">The user.</param>
/// <param name="Time">When, with the offset the log wrote.</param>
/// <param name="Direction">PUT is an upload, GET a download.</param>
/// <param name="Path">The file.</param>
/// <param name="Succeeded">Whether the status is 2xx.</param>
/// <param name="Bytes">Bytes moved.</param>
internal readonly record struct PureFtpdTransfer(string Client, string User, LogTimestamp Time, TransferDirection Direction, string Path, bool Succeeded, long Bytes);

/// <summary>
/// Pure-FTPd's transfer log in Common Log Format (<c>--altlog clf:/var/log/pureftpd.log</c>):
/// <c>client.example.net - bob [11/Oct/2024:01:06:47 +0200] "PUT /home/bob/report.pdf" 200 1048576</c>.
/// Unlike a web server's line, the request has no protocol version and the line ends with the size.
/// </summary>
internal static class PureFtpdTransferLog
{
    private static readonly Parser<char, string> Field = Token(c => c != ' ' && c != '\t').AtLeastOnceString();

    /// <summary><c>11/Oct/2024:01:06:47 +0200</c>.</summary>
    private static readonly Parser<char, LogTimestamp> ClfTime =
        Map(
            (day, month, year, time, offset) => Timestamps.Make(year, month, day, time) is { } t ? t with { Offset = offset } : (LogTimestamp?)null,
            Digits(2).Before(Char('/')),
            Timestamps.MonthName.Before(Char('/')),
            Digits(4).Before(Char(':')),
            Timestamps.TimeOfDay.Before(Spaces),
            Map((sign, hours, minutes) => (sign == '-' ? -1 : 1) * new TimeSpan(hours, minutes, 0), OneOf(Char('+'), Char('-')), Digits(2), Digits(2)))
        .Assert(t => t.HasValue, "a valid date")
        .Select(t => t!.Value);

    private static readonly Parser<char, TransferDirection> Method =
        String("PUT").ThenReturn(TransferDirection.Upload).Or(String("GET").ThenReturn(TransferDirection.Download));

    private static readonly Parser<char, PureFtpdTransfer> Entry =
        Map(
            (client, user, time, direction, rest) => (client, user, time, direction, rest),
            Field.Before(Spaces).Before(Char('-')).Before(Spaces),
            Field.Before(Spaces),
            Char('[').Then(ClfTime).Before(Char(']')).Before(Spaces),
            Char('"').Then(Method).Before(Char(' ')),
            Rest)
        .Select(t => Tail(t.rest) is { } tail
            ? new PureFtpdTransfer(Addresses.Normalize(t.client), t.user, t.time, t.direction, tail.Path, tail.Status is >= 200 and < 300, tail.Bytes)
            : (PureFtpdTransfer?)null)
        .Assert(t => t.HasValue, "a transfer")
        .Select(t => t!.Value);

    /// <summary>Reads a transfer log line.</summary>
    /// <param name="text">The line.</param>
    /// <param name="transfer">The transfer.</param>
    /// <returns>Whether the line is one.</returns>
    public static bool TryRead(string text, out PureFtpdTransfer transfer)
    {
        transfer = default;
        if (text.Length < 30 || !text.Contains("] \"", StringComparison.Ordinal))
        {
            return false;
        }

        var result = Entry.Parse(text);
        if (!result.Success)
        {
            return false;
        }

        transfer = result.Value;
        return true;
    }

    /// <summary><c>/path with spaces" 200 1048576</c>: the path up to the last quote, the status and the size.</summary>
    private static (string Path, int Status, long Bytes)? Tail(string rest)
    {
        var quote = rest.LastIndexOf('"');
        if (quote <= 0)
        {
            return null;
        }

        var path = rest[..quote];
        if (path.Contains(" HTTP/", StringComparison.Ordinal))
        {
            return null;
        }

        var numbers = rest[(quote + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return numbers.Length == 2
            && int.TryParse(numbers[0], NumberStyles.None, CultureInfo.InvariantCulture, out var status) && status is >= 100 and < 600
            && long.TryParse(numbers[1], NumberStyles.None, CultureInfo.InvariantCulture, out var bytes)
            ? (path, status, bytes)
            : null;
    }
}
