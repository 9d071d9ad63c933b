using System.Globalization;
using System.Text;
using LogLens.Analysis;
using LogLens.Events;
using LogLens.Reporting;
using Parquet;
using Parquet.Schema;

namespace LogLens.Parquet;

/// <summary>
/// Writes sessions as a Parquet data set, partitioned Hive-style by server and day:
/// <c>DIR/server=&lt;host&gt;/date=&lt;yyyy-mm-dd&gt;/part-&lt;n&gt;.parquet</c>, one row per session with the
/// columns of <see cref="SessionColumns.All"/>, typed: text as UTF-8 strings (dictionary-encoded where
/// values repeat), integers as 64-bit, numbers as doubles and times as UTC timestamps (microseconds).
/// </summary>
/// <remarks>
/// <para>
/// The server partition is the session's <see cref="FtpSession.Server"/>, or <c>unknown</c>, with every
/// character but letters, digits, <c>.</c>, <c>-</c> and <c>_</c> replaced by <c>_</c> (<c>host:21</c> becomes
/// <c>host_21</c>); the file's own <c>server</c> column keeps the value as the log wrote it. The date
/// partition is the day of the session's start in UTC, or <c>unknown</c> for a session without a dated start.
/// </para>
/// <para>
/// Rows are buffered per partition; a partition whose buffer reaches <see cref="RowGroupSize"/> rows is
/// written as a new file of one row group, and when all buffers together exceed
/// <see cref="MaxBufferedRows"/> the largest is written, so that memory stays bounded whatever the number
/// of partitions. <see cref="Complete"/> writes the rest. Each file is numbered after those already in its
/// partition (a second run into the same directory adds files, it never overwrites), and appears under its
/// name only once fully written.
/// </para>
/// <para>
/// Times: a log time with an offset is converted with it; one without is read as a local time of the
/// zone given; a time without a year (classic syslog) gets the year given (and the next one past New Year); a time of day without a
/// date (IIS's short form) is written as null.
/// </para>
/// </remarks>
public sealed class ParquetSessionWriter : ISessionWriter, IDisposable
{
    /// <summary>The default of <see cref="RowGroupSize"/>.</summary>
    public const int DefaultRowGroupSize = 65_536;

    /// <summary>The default of <see cref="MaxBufferedRows"/>.</summary>
    public const int DefaultMaxBufferedRows = 4 * DefaultRowGroupSize;

    /// <summary>The partition value for a session without a server or a dated start.</summary>
    public const string Unknown = "unknown";

    private static readonly ParquetSchema Schema = new(SessionColumns.All.Select(FieldOf));

    // Text columns repeat (formats, outcomes, clients, users): each is dictionary-encoded whatever its
    // uniqueness in a row group, as readers expect of low-cardinality strings.
    private static readonly ParquetOptions Options = OptionsOf(Schema);

    private readonly string directory;
    private readonly TimePlacement times;
    private readonly Dictionary<(string Server, string Date), List<SessionRow>> buffers = [];
    private readonly List<string> files = [];
    private int buffered;
    private bool completed;

    /// <summary>Starts a data set in a directory (created when missing).</summary>
    /// <param name="outputDirectory">The data set's root directory.</param>
    /// <param name="zone">The time zone of the log times that carry no offset; the machine's when null.</param>
    /// <param name="year">The year a log that writes no year begins in; when null, inferred per file (see <see cref="TimePlacement"/>).</param>
    public ParquetSessionWriter(string outputDirectory, TimeZoneInfo? zone = null, int? year = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(outputDirectory);
        if (year is < 1 or > 9999)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, "A year is from 1 to 9999.");
        }

        directory = Path.GetFullPath(outputDirectory);
        times = new TimePlacement(zone, year);
        Directory.CreateDirectory(directory);
    }

    /// <summary>The rows of one row group: a partition's buffer is written once it holds this many (64 Ki by default).</summary>
    public int RowGroupSize
    {
        get;
        init => field = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "At least one row.");
    } = DefaultRowGroupSize;

    /// <summary>The most rows buffered across all partitions: past it, the largest buffer is written (256 Ki by default).</summary>
    public int MaxBufferedRows
    {
        get;
        init => field = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "At least one row.");
    } = DefaultMaxBufferedRows;

    /// <summary>The files written so far, full paths, in the order they were written.</summary>
    public IReadOnlyList<string> Files => files;

    /// <inheritdoc />
    /// <remarks>The data set has no per-input part: each row names its file; the file's year is inferred anew.</remarks>
    public void BeginFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        times.BeginFile(path);
    }

    /// <summary>Buffers one session's row, and writes a partition's buffer when it is full.</summary>
    /// <param name="session">The session.</param>
    /// <exception cref="InvalidOperationException">After <see cref="Complete"/>.</exception>
    public void WriteSession(FtpSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (completed)
        {
            throw new InvalidOperationException("The data set is complete (or disposed): no more sessions can be written to it.");
        }

        var row = SessionRow.From(session);
        var key = (ServerPartition(session.Server), DatePartition(ToUtc(row.StartTime)));
        if (!buffers.TryGetValue(key, out var rows))
        {
            rows = [];
            buffers[key] = rows;
        }

        rows.Add(row);
        buffered++;
        if (rows.Count >= RowGroupSize)
        {
            Flush(key);
        }
        else if (buffered > MaxBufferedRows)
        {
            Flush(buffers.MaxBy(b => b.Value.Count).Key);
        }
    }

    /// <inheritdoc />
    /// <remarks>The data set has no per-input part: an input's line counts and diagnostics are not in it.</remarks>
    public void EndFile(FileAnalysis file) => ArgumentNullException.ThrowIfNull(file);

    /// <summary>Writes every buffered row; later calls do nothing.</summary>
    public void Complete()
    {
        if (completed)
        {
            return;
        }

        foreach (var key in buffers.Keys.ToArray())
        {
            Flush(key);
        }

        completed = true;
    }

    /// <summary>Lets go of the buffers: rows not yet written by <see cref="Complete"/> (or a full buffer) are not written.</summary>
    public void Dispose()
    {
        buffers.Clear();
        buffered = 0;
        completed = true;
    }

    /// <summary>A server's partition value: <c>unknown</c> for none, else only letters, digits, <c>.</c>, <c>-</c> and <c>_</c>, others becoming <c>_</c>.</summary>
    /// <param name="server">The server, as the log named it.</param>
    /// <returns>A directory name's value, never empty, <c>.</c> or <c>..</c>.</returns>
    public static string ServerPartition(string? server)
    {
        if (string.IsNullOrEmpty(server))
        {
            return Unknown;
        }

        // Long names are cut: a directory name has a length limit.
        var text = new StringBuilder(Math.Min(server.Length, 200));
        foreach (var c in server.AsSpan(0, Math.Min(server.Length, 200)))
        {
            text.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_');
        }

        var value = text.ToString();
        return value.Trim('.').Length == 0 ? value.Replace('.', '_') : value;
    }

    /// <summary>A log time as a UTC time (<see cref="DateTimeKind.Utc"/>), placed as every writer places it.</summary>
    private DateTime? ToUtc(LogTimestamp? time) => times.Place(time)?.UtcDateTime;

    private static string DatePartition(DateTime? utcStart) =>
        utcStart is { } start ? start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : Unknown;

    private static Field FieldOf(SessionColumn column) => column.Kind switch
    {
        ColumnKind.Text => new DataField<string>(column.Name, nullable: true),
        ColumnKind.Integer => new DataField<long?>(column.Name),
        ColumnKind.Number => new DataField<double?>(column.Name),
        _ => new DateTimeDataField(column.Name, DateTimeFormat.Timestamp, isAdjustedToUTC: true, unit: DateTimeTimeUnit.Micros, isNullable: true),
    };

    private static ParquetOptions OptionsOf(ParquetSchema schema)
    {
        var options = new ParquetOptions();
        var fields = schema.GetDataFields();
        for (var i = 0; i < fields.Length; i++)
        {
            if (SessionColumns.All[i].Kind == ColumnKind.Text)
            {
                options.ColumnEncodingHints[fields[i].Path.ToString()] = EncodingHint.Dictionary;
            }
        }

        return options;
    }

    private void Flush((string Server, string Date) key)
    {
        var rows = buffers[key];
        buffers.Remove(key);
        buffered -= rows.Count;
        if (rows.Count == 0)
        {
            return;
        }

        var partition = Path.Combine(directory, "server=" + key.Server, "date=" + key.Date);
        Directory.CreateDirectory(partition);
        var n = 0;
        while (File.Exists(Path.Combine(partition, $"part-{n}.parquet")))
        {
            n++;
        }

        var path = Path.Combine(partition, $"part-{n}.parquet");
        var temporary = path + ".tmp";

        // Parquet.Net is asynchronous only; the work runs off the caller's synchronization context so that blocking on it cannot deadlock.
        Task.Run(() => WriteAsync(temporary, rows)).GetAwaiter().GetResult();
        File.Move(temporary, path, overwrite: false);
        files.Add(path);
    }

    private async Task WriteAsync(string path, List<SessionRow> rows)
    {
        await using var stream = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, useAsync: true);
        await using var writer = await ParquetWriter.CreateAsync(Schema, stream, Options).ConfigureAwait(false);
        using var group = writer.CreateRowGroup();
        var fields = Schema.GetDataFields();
        for (var i = 0; i < fields.Length; i++)
        {
            var column = SessionColumns.All[i];
            var field = fields[i];
            switch (column.Kind)
            {
                case ColumnKind.Text:
                    await group.WriteAsync(field, rows.Select(column.TextOf).ToArray()).ConfigureAwait(false);
                    break;
                case ColumnKind.Integer:
                    await group.WriteAsync<long>(field, rows.Select(column.IntegerOf).ToArray()).ConfigureAwait(false);
                    break;
                case ColumnKind.Number:
                    await group.WriteAsync<double>(field, rows.Select(column.NumberOf).ToArray()).ConfigureAwait(false);
                    break;
                default:
                    await group.WriteAsync<DateTime>(field, rows.Select(r => ToUtc(column.TimeOf(r))).ToArray()).ConfigureAwait(false);
                    break;
            }
        }

        group.CompleteValidate();
    }
}
