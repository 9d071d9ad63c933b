using System.Globalization;
using LogLens.Events;

namespace LogLens.Reporting;

/// <summary>What a column holds, for a writer that types its columns (Parquet) or its fields (NDJSON).</summary>
public enum ColumnKind
{
    /// <summary>Text.</summary>
    Text,

    /// <summary>A whole number (64-bit).</summary>
    Integer,

    /// <summary>A number with a fraction.</summary>
    Number,

    /// <summary>A time, as the log wrote it (see <see cref="LogTimestamp"/>).</summary>
    Time,
}

/// <summary>One column of the tabular outputs: its name, its kind, and how a session's row gives its value.</summary>
public sealed class SessionColumn
{
    private readonly Func<SessionRow, string?>? text;
    private readonly Func<SessionRow, long?>? integer;
    private readonly Func<SessionRow, double?>? number;
    private readonly Func<SessionRow, LogTimestamp?>? time;

    private SessionColumn(string name, ColumnKind kind, Func<SessionRow, string?>? text = null, Func<SessionRow, long?>? integer = null, Func<SessionRow, double?>? number = null, Func<SessionRow, LogTimestamp?>? time = null)
    {
        Name = name;
        Kind = kind;
        this.text = text;
        this.integer = integer;
        this.number = number;
        this.time = time;
    }

    /// <summary>The column's name (<c>bytes_down</c>).</summary>
    public string Name { get; }

    /// <summary>What it holds.</summary>
    public ColumnKind Kind { get; }

    /// <summary>A text column's value.</summary>
    /// <param name="row">The row.</param>
    /// <returns>The value, or null.</returns>
    public string? TextOf(SessionRow row) => text?.Invoke(row);

    /// <summary>An integer column's value.</summary>
    /// <param name="row">The row.</param>
    /// <returns>The value, or null.</returns>
    public long? IntegerOf(SessionRow row) => integer?.Invoke(row);

    /// <summary>A number column's value.</summary>
    /// <param name="row">The row.</param>
    /// <returns>The value, or null.</returns>
    public double? NumberOf(SessionRow row) => number?.Invoke(row);

    /// <summary>A time column's value.</summary>
    /// <param name="row">The row.</param>
    /// <returns>The value, or null.</returns>
    public LogTimestamp? TimeOf(SessionRow row) => time?.Invoke(row);

    /// <summary>The value as the CSV writes it: invariant numbers, times in ISO 8601 (placed with an offset when <paramref name="times"/> is given, else as the log wrote them).</summary>
    /// <param name="row">The row.</param>
    /// <param name="times">How to place times, or null to write them as the log did.</param>
    /// <returns>The cell, or null for none.</returns>
    public string? CellOf(SessionRow row, TimePlacement? times = null) => Kind switch
    {
        ColumnKind.Text => text!(row),
        ColumnKind.Integer => Invariant(integer!(row)),
        ColumnKind.Number => SessionRow.Invariant(number!(row)),
        _ => times is null ? SessionRow.Cell(time!(row)) : times.Text(time!(row)),
    };

    internal static SessionColumn Of(string name, Func<SessionRow, string?> value) => new(name, ColumnKind.Text, text: value);

    internal static SessionColumn Of(string name, Func<SessionRow, long?> value) => new(name, ColumnKind.Integer, integer: value);

    internal static SessionColumn Of(string name, Func<SessionRow, double?> value) => new(name, ColumnKind.Number, number: value);

    internal static SessionColumn Of(string name, Func<SessionRow, LogTimestamp?> value) => new(name, ColumnKind.Time, time: value);

    // Counts are mostly small: their text is made once.
    private static readonly string[] SmallNumbers = Enumerable.Range(0, 256).Select(n => n.ToString(CultureInfo.InvariantCulture)).ToArray();

    private static string? Invariant(long? value) => value switch
    {
        null => null,
        >= 0 and < 256 => SmallNumbers[(int)value.Value],
        _ => value.Value.ToString(CultureInfo.InvariantCulture),
    };
}

/// <summary>
/// The columns of the tabular outputs, declared once: the CSV's header and cells, the NDJSON record's
/// fields beyond the Elastic Common Schema ones, and the Parquet schema all come from this list.
/// </summary>
public static class SessionColumns
{
    /// <summary>Every column, in order.</summary>
    public static IReadOnlyList<SessionColumn> All { get; } =
    [
        SessionColumn.Of("file", r => r.File),
        SessionColumn.Of("session", r => r.Session),
        SessionColumn.Of("format", r => r.Format),
        SessionColumn.Of("client", r => r.Client),
        SessionColumn.Of("server", r => r.Server),
        SessionColumn.Of("user", r => r.User),
        SessionColumn.Of("start", (Func<SessionRow, LogTimestamp?>)(r => r.StartTime)),
        SessionColumn.Of("end", (Func<SessionRow, LogTimestamp?>)(r => r.EndTime)),
        SessionColumn.Of("duration_s", (Func<SessionRow, double?>)(r => r.DurationSeconds)),
        SessionColumn.Of("outcome", r => r.Outcome),
        SessionColumn.Of("reason", r => r.Reason),
        SessionColumn.Of("reply_code", (Func<SessionRow, long?>)(r => r.ReplyCode)),
        SessionColumn.Of("logins_failed", (Func<SessionRow, long?>)(r => r.LoginsFailed)),
        SessionColumn.Of("logins_succeeded", (Func<SessionRow, long?>)(r => r.LoginsSucceeded)),
        SessionColumn.Of("uploads", (Func<SessionRow, long?>)(r => r.Uploads)),
        SessionColumn.Of("downloads", (Func<SessionRow, long?>)(r => r.Downloads)),
        SessionColumn.Of("transfers_failed", (Func<SessionRow, long?>)(r => r.TransfersFailed)),
        SessionColumn.Of("bytes_up", (Func<SessionRow, long?>)(r => r.BytesUp)),
        SessionColumn.Of("bytes_down", (Func<SessionRow, long?>)(r => r.BytesDown)),
        SessionColumn.Of("first_line", (Func<SessionRow, long?>)(r => r.FirstLine)),
        SessionColumn.Of("last_line", (Func<SessionRow, long?>)(r => r.LastLine)),
    ];
}
