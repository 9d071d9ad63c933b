using LogLens.Events;

namespace LogLens.Parsing.Formats.IisFtp;

/// <summary>
/// Turns a row into the one event the analyzer should see for it. An IIS row is a command and the
/// reply it got, on one line; the event is chosen so that the line carries the meaning of both:
/// <list type="bullet">
/// <item><c>ControlChannelOpened</c> → <see cref="ConnectEvent"/> (server from <c>s-ip</c>).</item>
/// <item><c>QUIT</c>, <c>ControlChannelClosed</c>, IIS 5/6 <c>closed</c> → <see cref="DisconnectEvent"/>,
/// whose detail is the status and Windows error in words when they say something went wrong
/// (<c>win32 121: The semaphore timeout period has expired.</c> reads as a timeout).</item>
/// <item><c>PASS</c> with a final status → <see cref="LoginEvent"/> on that line: 2xx succeeded,
/// 4xx/5xx failed with the status and Windows error as its detail (<c>530, win32 1326: Logon failure:
/// unknown user name or bad password.</c>); the user is the one the session's USER named. A USER
/// refused outright (4xx/5xx) or accepted without a password (230) is a login verdict too. The
/// status is the event's reply code, as it is a transfer's and a closing row's.</item>
/// <item><c>RETR</c>, <c>STOR</c>, <c>STOU</c>, <c>APPE</c>, IIS 5/6 <c>sent</c> and <c>created</c> with a
/// final status → <see cref="TransferEvent"/>: 2xx/3xx completed, 4xx/5xx failed; the path is
/// <c>x-fullpath</c> when logged, else <c>cs-uri-stem</c>; bytes, of a completed transfer only, are
/// <c>sc-bytes</c> for a download and <c>cs-bytes</c> for an upload.</item>
/// <item>Any command answered 421 → <see cref="ReplyEvent"/> 421 (the server closing the
/// connection), its message the Windows error in words.</item>
/// <item>Everything else → <see cref="CommandEvent"/> (<c>DataChannelOpened</c> and
/// <c>DataChannelClosed</c> under their IIS names); the status stays in the line's text.</item>
/// </list>
/// Events come back with line 0 and empty text; the parser fills in line, text, time, session and client.
/// </summary>
internal static class IisEvents
{
    /// <summary>What a row does to its session's lifetime.</summary>
    /// <param name="method">The row's method.</param>
    /// <returns>Its role.</returns>
    public static IisRowRole RoleOf(IisMethod method)
    {
        var name = method.Name;
        if (IisMethods.Is(name, IisMethods.ControlChannelOpened))
        {
            return IisRowRole.Opens;
        }

        if (IisMethods.Is(name, "QUIT"))
        {
            return IisRowRole.Quits;
        }

        return IisMethods.Is(name, IisMethods.ControlChannelClosed) || IisMethods.Is(name, IisMethods.Closed)
            ? IisRowRole.Closes
            : IisRowRole.Within;
    }

    /// <summary>The event for a row.</summary>
    /// <param name="row">The row.</param>
    /// <param name="sessionUser">The user the session's last USER named, if any.</param>
    /// <returns>The event, with line 0 and empty text.</returns>
    public static FtpEvent Map(IisRow row, string? sessionUser)
    {
        var name = row.Method.Name;
        switch (RoleOf(row.Method))
        {
            case IisRowRole.Opens:
                return new ConnectEvent { Line = 0, Text = string.Empty, Server = row.ServerIp };
            case IisRowRole.Quits:
            case IisRowRole.Closes:
                return new DisconnectEvent { Line = 0, Text = string.Empty, User = row.UserName ?? sessionUser, Detail = TroubleOf(row), ReplyCode = row.Status };
        }

        if (IisMethods.Is(name, IisMethods.DataChannelOpened))
        {
            return Command(IisMethods.DataChannelOpened, null);
        }

        if (IisMethods.Is(name, IisMethods.DataChannelClosed))
        {
            return Command(IisMethods.DataChannelClosed, null);
        }

        if (row.Status == 421)
        {
            return new ReplyEvent { Line = 0, Text = string.Empty, Code = 421, Message = Win32Status.Describe(null, row.SubStatus, row.Win32Status) ?? string.Empty };
        }

        var verb = name.ToUpperInvariant();
        return verb switch
        {
            "USER" => User(row),
            "PASS" => Pass(row, sessionUser),
            "RETR" or "SENT" => Transfer(row, TransferDirection.Download, "RETR"),
            "STOR" or "STOU" or "APPE" or "CREATED" => Transfer(row, TransferDirection.Upload, verb is "CREATED" ? "STOR" : verb),
            _ => Command(IisMethods.IsKnown(name) ? verb : name, row.UriStem),
        };
    }

    private static FtpEvent User(IisRow row) => row.Status switch
    {
        230 => Login(row, row.UriStem ?? row.UserName, succeeded: true, detail: null),
        >= 400 => Login(row, row.UriStem ?? row.UserName, succeeded: false, Describe(row)),
        _ => Command("USER", row.UriStem),
    };

    private static FtpEvent Pass(IisRow row, string? sessionUser) => row.Status switch
    {
        >= 200 and < 300 => Login(row, sessionUser ?? row.UserName, succeeded: true, detail: null),
        >= 400 => Login(row, sessionUser ?? row.UserName, succeeded: false, Describe(row)),
        _ => Command("PASS", Redaction.Mark),
    };

    private static FtpEvent Transfer(IisRow row, TransferDirection direction, string command)
    {
        if (row.Status is not >= 200)
        {
            return Command(command, row.UriStem);
        }

        return new TransferEvent
        {
            Line = 0,
            Text = string.Empty,
            Direction = direction,
            Path = row.FullPath ?? row.UriStem ?? "-",
            // A failed row's byte columns count the control connection's reply, not file data.
            Bytes = row.Status >= 400 ? null : direction == TransferDirection.Download ? row.ServerBytes : row.ClientBytes,
            Succeeded = row.Status < 400,
            ReplyCode = row.Status,
        };
    }

    /// <summary>The status in words when it, or the Windows error, says something went wrong.</summary>
    private static string? TroubleOf(IisRow row) =>
        row.StatusFailed || row.Win32Status is not (null or 0) ? Win32Status.Describe(row.Status, row.SubStatus, row.Win32Status) : null;

    private static string? Describe(IisRow row) => Win32Status.Describe(row.Status, row.SubStatus, row.Win32Status);

    /// <summary>A row's login verdict, with the row's status as its reply code.</summary>
    private static LoginEvent Login(IisRow row, string? user, bool succeeded, string? detail) =>
        new() { Line = 0, Text = string.Empty, User = user, Succeeded = succeeded, Detail = detail, ReplyCode = row.Status };

    private static CommandEvent Command(string command, string? argument) =>
        new() { Line = 0, Text = string.Empty, Command = command, Argument = argument };
}
