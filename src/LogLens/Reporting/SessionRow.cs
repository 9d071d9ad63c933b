using System.Globalization;
using LogLens.Analysis;
using LogLens.Events;

namespace LogLens.Reporting;

/// <summary>One session as one spreadsheet row: who, what happened, how much moved.</summary>
public sealed record SessionRow
{
    /// <summary>The input file.</summary>
    public required string File { get; init; }

    /// <summary>The session's id within its file.</summary>
    public required string Session { get; init; }

    /// <summary>The format's name.</summary>
    public required string Format { get; init; }

    /// <summary>The client's address.</summary>
    public string? Client { get; init; }

    /// <summary>The server.</summary>
    public string? Server { get; init; }

    /// <summary>The user name.</summary>
    public string? User { get; init; }

    /// <summary>Start, ISO 8601 as written; a date without a year (syslog) as <c>10-11T01:06:47</c> (see <see cref="Cell"/>).</summary>
    public string? Start => Cell(StartTime);

    /// <summary>End, written as <see cref="Start"/> is.</summary>
    public string? End => Cell(EndTime);

    /// <summary>Start, as a time.</summary>
    public LogTimestamp? StartTime { get; init; }

    /// <summary>End, as a time.</summary>
    public LogTimestamp? EndTime { get; init; }

    /// <summary>Duration in seconds.</summary>
    public double? DurationSeconds { get; init; }

    /// <summary>The outcome id.</summary>
    public required string Outcome { get; init; }

    /// <summary>The outcome's reason id.</summary>
    public string? Reason { get; init; }

    /// <summary>The decisive reply code.</summary>
    public int? ReplyCode { get; init; }

    /// <summary>Failed logins.</summary>
    public int LoginsFailed { get; init; }

    /// <summary>Successful logins.</summary>
    public int LoginsSucceeded { get; init; }

    /// <summary>Uploads (completed or not).</summary>
    public int Uploads { get; init; }

    /// <summary>Downloads (completed or not).</summary>
    public int Downloads { get; init; }

    /// <summary>Transfers that failed.</summary>
    public int TransfersFailed { get; init; }

    /// <summary>Bytes uploaded.</summary>
    public long BytesUp { get; init; }

    /// <summary>Bytes downloaded.</summary>
    public long BytesDown { get; init; }

    /// <summary>The session's first line.</summary>
    public long FirstLine { get; init; }

    /// <summary>The session's last line.</summary>
    public long LastLine { get; init; }

    /// <summary>The row of a session.</summary>
    /// <param name="session">The session.</param>
    /// <returns>Its row.</returns>
    public static SessionRow From(FtpSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        int uploads = 0, downloads = 0, failed = 0;
        long up = 0, down = 0;
        foreach (var t in session.Transfers)
        {
            if (t.Direction == TransferDirection.Upload)
            {
                uploads++;
                up += t.Bytes ?? 0;
            }
            else
            {
                downloads++;
                down += t.Bytes ?? 0;
            }

            failed += t.Succeeded || t.Incomplete ? 0 : 1;
        }

        var succeededLogins = 0;
        var failedLogins = 0;
        foreach (var login in session.Logins)
        {
            succeededLogins += login.Succeeded ? 1 : 0;
            failedLogins += login.Succeeded || login.LimitReached ? 0 : 1;
        }

        return new SessionRow
        {
            File = session.File,
            Session = session.Id,
            Format = session.Format,
            Client = session.Client,
            Server = session.Server,
            User = session.User,
            StartTime = session.Start,
            EndTime = session.End,
            DurationSeconds = session.DurationSeconds is { } d ? Math.Round(d, 3) : null,
            Outcome = session.Outcome.Id,
            Reason = session.Outcome.Reason,
            ReplyCode = session.Outcome.ReplyCode,
            LoginsFailed = failedLogins,
            LoginsSucceeded = succeededLogins,
            Uploads = uploads,
            Downloads = downloads,
            TransfersFailed = failed,
            BytesUp = up,
            BytesDown = down,
            FirstLine = session.FirstLine,
            LastLine = session.LastLine,
        };
    }

    /// <summary>
    /// A time as a spreadsheet cell: ISO 8601, except that a date without a year loses the truncated
    /// form's leading <c>--</c> (<c>--10-11T01:06:47</c> becomes <c>10-11T01:06:47</c>), which a
    /// spreadsheet would read as a formula, so that the cell would have to be escaped.
    /// </summary>
    internal static string? Cell(LogTimestamp? time) =>
        time is { HasDate: true, HasYear: false } t ? t.ToString()[2..] : time?.ToString();

    /// <summary>Formats a number the way the CSV writes it (invariant culture).</summary>
    internal static string? Invariant(double? value) => value?.ToString("0.###", CultureInfo.InvariantCulture);
}
