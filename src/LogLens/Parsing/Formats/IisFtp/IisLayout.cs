using System.Net;

namespace LogLens.Parsing.Formats.IisFtp;

/// <summary>
/// Where each column LogLens reads sits in a row: from a <c>#Fields:</c> header (any order, any
/// subset, names case-insensitive), or, for rows with no header before them, inferred from the
/// row's shape. An index of -1 means the log does not have that column.
/// </summary>
internal sealed class IisLayout
{
    /// <summary>IIS 7 and later's default FTP fields, used for a headerless row of that shape.</summary>
    public static readonly IisLayout Iis7Default =
        FromFields("date time c-ip cs-username s-ip s-port cs-method cs-uri-stem sc-status sc-win32-status sc-substatus x-session x-fullpath");

    public int Date { get; private init; } = -1;

    public int Time { get; private init; } = -1;

    public int ClientIp { get; private init; } = -1;

    public int UserName { get; private init; } = -1;

    public int ServerIp { get; private init; } = -1;

    public int Method { get; private init; } = -1;

    public int UriStem { get; private init; } = -1;

    public int Status { get; private init; } = -1;

    public int Win32Status { get; private init; } = -1;

    public int SubStatus { get; private init; } = -1;

    public int ServerBytes { get; private init; } = -1;

    public int ClientBytes { get; private init; } = -1;

    public int Session { get; private init; } = -1;

    public int FullPath { get; private init; } = -1;

    /// <summary>How many columns a whole row has: the number of fields declared, or 0 when the layout was inferred from a row.</summary>
    public int FieldCount { get; private init; }

    /// <summary>Whether the fields name a column only the FTP service writes (<c>x-session</c>, <c>x-fullpath</c>).</summary>
    public bool IsFtpOnly => Session >= 0 || FullPath >= 0;

    /// <summary>The layout a <c>#Fields:</c> value declares.</summary>
    /// <param name="fields">The value: field names separated by blanks.</param>
    /// <returns>The layout; it has no method column when the fields name none.</returns>
    public static IisLayout FromFields(string fields)
    {
        var names = fields.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        int Find(string name) => Array.FindIndex(names, n => n.Equals(name, StringComparison.OrdinalIgnoreCase));
        return new IisLayout
        {
            Date = Find("date"),
            Time = Find("time"),
            ClientIp = Find("c-ip"),
            UserName = Find("cs-username"),
            ServerIp = Find("s-ip"),
            Method = Find("cs-method"),
            UriStem = Find("cs-uri-stem"),
            Status = Find("sc-status"),
            Win32Status = Find("sc-win32-status"),
            SubStatus = Find("sc-substatus"),
            ServerBytes = Find("sc-bytes"),
            ClientBytes = Find("cs-bytes"),
            Session = Find("x-session"),
            FullPath = Find("x-fullpath"),
            FieldCount = names.Length,
        };
    }

    /// <summary>
    /// The layout of a row that no header describes, from its shape. Two shapes are known:
    /// IIS 5/6 rows, whose method carries a connection id (<c>[62]PASS</c>) and whose columns follow
    /// IIS's fixed field order around it (<c>[date] time c-ip [cs-username … s-ip s-port] cs-method
    /// cs-uri-stem [cs-uri-query] sc-status [sc-win32-status] …</c>), and IIS 7 and later's default
    /// fields. Byte counts are not guessed: without a header nothing says which column holds them.
    /// </summary>
    /// <param name="row">The row's columns.</param>
    /// <returns>The layout, or <see langword="null"/> when the row has neither shape.</returns>
    public static IisLayout? Infer(IisColumns row)
    {
        var at = 0;
        var date = -1;
        if (IisGrammar.TryDate(row.Raw(0) ?? string.Empty, out _))
        {
            date = at++;
        }

        if (!IisGrammar.TryTime(row.Raw(at) ?? string.Empty, out _) || row.Count < at + 4)
        {
            return null;
        }

        var time = at++;
        var client = at++;
        var method = -1;
        for (var i = at; i < row.Count && method < 0; i++)
        {
            if (row.Span(i).StartsWith("[") && IisGrammar.HasConnectionId(row.Raw(i)!))
            {
                method = i;
            }
        }

        if (method < 0)
        {
            return date == 0 && row.Count >= 9 && IisMethods.IsKnown(row.Raw(6)) ? Iis7Default : null;
        }

        var user = method > at ? at : -1;
        var port = method - 1 > user && user >= 0 && IisGrammar.TryNumber(row.Span(method - 1), out _) ? method - 1 : -1;
        var server = port - 1 > user && port > 0 && IPAddress.TryParse(row.Span(port - 1), out _) ? port - 1 : -1;
        var stem = method + 1;
        var status = IisGrammar.TryStatus(row.Span(stem + 1), out _) ? stem + 1
            : IisGrammar.TryStatus(row.Span(stem + 2), out _) ? stem + 2
            : -1;
        var win32 = status >= 0 && IisGrammar.TryNumber(row.Span(status + 1), out _) ? status + 1 : -1;
        return new IisLayout
        {
            Date = date,
            Time = time,
            ClientIp = client,
            UserName = user,
            ServerIp = server,
            Method = method,
            UriStem = stem,
            Status = status,
            Win32Status = win32,
        };
    }
}
