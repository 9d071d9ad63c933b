using LogLens.Parsing.Grammar;

namespace LogLens.Parsing.Formats.IisFtp;

/// <summary>One data row of an IIS FTP log, its columns read by name. <c>-</c> reads as <see langword="null"/>.</summary>
internal sealed record IisRow
{
    /// <summary>The <c>date</c> column.</summary>
    public DateTime? Date { get; init; }

    /// <summary>The <c>time</c> column.</summary>
    public TimeSpan? TimeOfDay { get; init; }

    /// <summary>The <c>c-ip</c> column, in LogLens's normal form.</summary>
    public string? Client { get; init; }

    /// <summary>The <c>cs-username</c> column.</summary>
    public string? UserName { get; init; }

    /// <summary>The <c>s-ip</c> column.</summary>
    public string? ServerIp { get; init; }

    /// <summary>The <c>cs-method</c> column: the method and IIS 5/6's connection id.</summary>
    public required IisMethod Method { get; init; }

    /// <summary>The <c>cs-uri-stem</c> column: the command's argument as the client sent it; never read for PASS.</summary>
    public string? UriStem { get; init; }

    /// <summary>The <c>sc-status</c> column: the reply code the server gave the command.</summary>
    public int? Status { get; init; }

    /// <summary>The <c>sc-substatus</c> column (IIS 7 and later).</summary>
    public long? SubStatus { get; init; }

    /// <summary>The <c>sc-win32-status</c> column: the Windows error number behind the reply.</summary>
    public long? Win32Status { get; init; }

    /// <summary>The <c>sc-bytes</c> column: bytes the server sent.</summary>
    public long? ServerBytes { get; init; }

    /// <summary>The <c>cs-bytes</c> column: bytes the client sent.</summary>
    public long? ClientBytes { get; init; }

    /// <summary>The <c>x-session</c> column (IIS 7 and later): the control connection's id.</summary>
    public string? Session { get; init; }

    /// <summary>The <c>x-fullpath</c> column (IIS 7 and later): the path the command resolved to.</summary>
    public string? FullPath { get; init; }

    /// <summary>Whether the status says the command succeeded (1xx–3xx).</summary>
    public bool StatusOk => Status is < 400;

    /// <summary>Whether the status says the command failed (4xx–5xx).</summary>
    public bool StatusFailed => Status is >= 400;

    /// <summary>
    /// Reads a row through a layout. The row must have a method column holding letters (optionally
    /// after IIS 5/6's <c>[id]</c>); its date, time and status, when the row has those columns, must be
    /// valid. A truncated row simply lacks its last columns.
    /// </summary>
    /// <param name="columns">The row's columns.</param>
    /// <param name="layout">Where each field is.</param>
    /// <param name="row">What was read.</param>
    /// <returns>Whether the row fits the layout.</returns>
    public static bool TryRead(IisColumns columns, IisLayout layout, out IisRow row)
    {
        row = null!;
        if (!columns.Has(layout.Method) || !IisGrammar.TryMethod(columns.Raw(layout.Method)!, out var method))
        {
            return false;
        }

        DateTime? date = null;
        if (columns.Has(layout.Date))
        {
            if (!IisGrammar.TryDate(columns.Raw(layout.Date)!, out var d))
            {
                return false;
            }

            date = d;
        }

        TimeSpan? time = null;
        if (columns.Has(layout.Time))
        {
            if (!IisGrammar.TryTime(columns.Raw(layout.Time)!, out var t))
            {
                return false;
            }

            time = t;
        }

        int? status = null;
        if (columns.Value(layout.Status) is not null)
        {
            if (!IisGrammar.TryStatus(columns.Span(layout.Status), out var s))
            {
                return false;
            }

            status = s;
        }

        var client = columns.Value(layout.ClientIp);
        var server = columns.Value(layout.ServerIp);
        row = new IisRow
        {
            Date = date,
            TimeOfDay = time,
            Client = client is null ? null : Addresses.Normalize(client),
            UserName = columns.Value(layout.UserName),
            ServerIp = server is null ? null : Addresses.Normalize(server),
            Method = method,
            // A PASS row's stem is the password (IIS 5/6 log an anonymous user's e-mail "password" in clear): never kept.
            UriStem = IisMethods.Is(method.Name, "PASS") ? null : columns.Value(layout.UriStem),
            Status = status,
            SubStatus = Number(columns, layout.SubStatus),
            Win32Status = Number(columns, layout.Win32Status),
            ServerBytes = Number(columns, layout.ServerBytes),
            ClientBytes = Number(columns, layout.ClientBytes),
            Session = columns.Value(layout.Session),
            FullPath = columns.Value(layout.FullPath),
        };
        return true;
    }

    private static long? Number(IisColumns columns, int index) =>
        IisGrammar.TryNumber(columns.Span(index), out var n) ? n : null;
}
