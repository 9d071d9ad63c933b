using LogLens.Parsing.Grammar;
using Pidgin;

namespace LogLens.Parsing.Formats.FileZillaClient;

/// <summary>
/// Reads what a FileZilla client status or error message says, in English and in simplified
/// Chinese (the wording of FileZilla 3's own translation): a table of message openings per
/// language, each with how to read the rest. The first matching rule wins, so longer openings that
/// share a start come first.
/// </summary>
internal static class FileZillaMessages
{
    private static readonly Rule[] Rules =
    [
        // English.
        new("Critical error: ", rest => Read(rest.ToString())),
        new("Resolving address of ", rest => new(FileZillaSays.Resolving, Host: rest.Trim().TrimEnd('.').ToString())),
        new("Connecting to ", Connecting),
        new("Connection attempt failed with ", rest => AttemptFailed(rest, rest.Contains("trying next address", StringComparison.OrdinalIgnoreCase))),
        new("Could not connect to server", rest => new(FileZillaSays.CouldNotConnect, SocketError: Reason(rest))),
        new("Connection established, waiting for welcome message", _ => new(FileZillaSays.SocketConnected)),
        new("Connection established, initializing TLS", _ => new(FileZillaSays.SocketConnected)),
        new("Logged in", _ => new(FileZillaSays.LoggedIn)),
        new("Connected to ", _ => new(FileZillaSays.LoggedIn)),
        new("Authentication failed", _ => new(FileZillaSays.AuthenticationFailed)),
        new("Connection timed out", _ => new(FileZillaSays.TimedOut)),
        new("Waiting to retry", _ => new(FileZillaSays.Waiting)),
        new("Delaying connection for ", rest => new(FileZillaSays.Waiting, Seconds: LeadingNumber(rest))),
        new("Connection closed by server", _ => new(FileZillaSays.ClosedByServer)),
        new("Disconnected from server:", rest => new(FileZillaSays.ConnectionLost, SocketError: SocketErrors.NumberOf(rest))),
        new("Disconnected from server", _ => new(FileZillaSays.Disconnected)),
        new("Could not read from socket", rest => new(FileZillaSays.ConnectionLost, SocketError: Reason(rest))),
        new("Could not write to socket", rest => new(FileZillaSays.ConnectionLost, SocketError: Reason(rest))),
        new("File transfer successful", rest => new(FileZillaSays.TransferSucceeded, Bytes: FirstCount(rest))),
        new("Critical file transfer error", _ => new(FileZillaSays.TransferFailed)),
        new("File transfer failed", _ => new(FileZillaSays.TransferFailed)),

        // 简体中文.
        new("严重错误: ", rest => Read(rest.ToString())),
        new("严重错误：", rest => Read(rest.ToString())),
        new("正在解析 ", ChineseResolving),
        new("正在连接 ", Connecting),
        new("尝试连接“", rest => AttemptFailed(rest, rest.Contains("下一个地址", StringComparison.Ordinal))),
        new("无法连接到服务器", rest => new(FileZillaSays.CouldNotConnect, SocketError: Reason(rest))),
        new("连接建立，等待欢迎消息", _ => new(FileZillaSays.SocketConnected)),
        new("连接已建立，正在初始化 TLS", _ => new(FileZillaSays.SocketConnected)),
        new("已登录", _ => new(FileZillaSays.LoggedIn)),
        new("正在等待重试", _ => new(FileZillaSays.Waiting)),
        new("由于上一次尝试连接失败，将推迟连接 ", rest => new(FileZillaSays.Waiting, Seconds: LeadingNumber(rest))),
        new("连接被服务器关闭", _ => new(FileZillaSays.ClosedByServer)),
        new("已从服务器断开:", rest => new(FileZillaSays.ConnectionLost, SocketError: SocketErrors.NumberOf(rest))),
        new("已从服务器断开：", rest => new(FileZillaSays.ConnectionLost, SocketError: SocketErrors.NumberOf(rest))),
        new("已从服务器断开", _ => new(FileZillaSays.Disconnected)),
        new("无法读取套接字", rest => new(FileZillaSays.ConnectionLost, SocketError: Reason(rest))),
        new("无法写入套接字", rest => new(FileZillaSays.ConnectionLost, SocketError: Reason(rest))),
        new("文件传输成功", rest => new(FileZillaSays.TransferSucceeded, Bytes: FirstCount(rest))),
        new("严重文件传输错误", _ => new(FileZillaSays.TransferFailed)),
        new("文件传输失败", _ => new(FileZillaSays.TransferFailed)),
    ];

    private delegate FileZillaStatement ReadRest(ReadOnlySpan<char> rest);

    /// <summary>What a status or error message says.</summary>
    /// <param name="message">The message after its prefix.</param>
    /// <returns>The statement; <see cref="FileZillaStatement.Other"/> when no rule knows it.</returns>
    public static FileZillaStatement Read(string message)
    {
        var text = message.AsSpan().Trim();
        foreach (var rule in Rules)
        {
            if (text.StartsWith(rule.Opening, StringComparison.OrdinalIgnoreCase))
            {
                return rule.Read(text[rule.Opening.Length..]);
            }
        }

        // Chinese messages that name the count first: "20 秒后无活动，连接超时", "传输了 … 后文件传输失败".
        if (text.Contains("连接超时", StringComparison.Ordinal))
        {
            return new(FileZillaSays.TimedOut);
        }

        if (text.Contains("后文件传输失败", StringComparison.Ordinal) || text.Contains("后出现严重文件传输错误", StringComparison.Ordinal))
        {
            return new(FileZillaSays.TransferFailed);
        }

        return FileZillaStatement.Other;
    }

    /// <summary><c>203.0.113.5:21...</c>, <c>[2001:db8::5]:21...</c>, <c>ftp.example.com:21 through SOCKS5 proxy</c>.</summary>
    private static FileZillaStatement Connecting(ReadOnlySpan<char> rest)
    {
        var text = rest.Trim().TrimEnd('.').TrimEnd('…');
        var through = text.IndexOf(" through ", StringComparison.OrdinalIgnoreCase);
        if (through < 0)
        {
            through = text.IndexOf('，');
        }

        if (through >= 0)
        {
            text = text[..through];
        }

        var (host, port) = HostAndPort(text.Trim());
        return host.Length == 0 ? FileZillaStatement.Other : new(FileZillaSays.Connecting, Host: host, Port: port);
    }

    /// <summary><c>正在解析 ftp.example.com 的地址</c>.</summary>
    private static FileZillaStatement ChineseResolving(ReadOnlySpan<char> rest)
    {
        var end = rest.IndexOf(" 的地址", StringComparison.Ordinal);
        return end <= 0 ? FileZillaStatement.Other : new(FileZillaSays.Resolving, Host: rest[..end].Trim().ToString());
    }

    /// <summary>The quoted error of <c>Connection attempt failed with "ECONNREFUSED - …".</c>.</summary>
    private static FileZillaStatement AttemptFailed(ReadOnlySpan<char> rest, bool tryingNext) =>
        new(tryingNext ? FileZillaSays.TryingNextAddress : FileZillaSays.AttemptFailed, SocketError: SocketErrors.NumberOf(rest));

    /// <summary>The error after a colon (<c>: ECONNREFUSED - …</c>), if any.</summary>
    private static int? Reason(ReadOnlySpan<char> rest)
    {
        var text = rest.TrimStart();
        return text.Length > 0 && text[0] is ':' or '：' ? SocketErrors.NumberOf(text[1..]) : null;
    }

    private static int? LeadingNumber(ReadOnlySpan<char> rest)
    {
        var end = 0;
        while (end < rest.Length && char.IsAsciiDigit(rest[end]))
        {
            end++;
        }

        return end is > 0 and <= 6 ? int.Parse(rest[..end], System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    /// <summary>
    /// The first number in the text, written with the group separators of the client's language
    /// (<c>1,048,576</c>, <c>1.048.576</c>, <c>1 048 576</c>): the bytes of <c>transferred 1,048,576 bytes in 2 seconds</c>.
    /// </summary>
    private static long? FirstCount(ReadOnlySpan<char> rest)
    {
        var start = rest.IndexOfAnyInRange('0', '9');
        if (start < 0)
        {
            return null;
        }

        long value = 0;
        var digits = 0;
        for (var i = start; i < rest.Length; i++)
        {
            var c = rest[i];
            if (char.IsAsciiDigit(c))
            {
                if (++digits > 18)
                {
                    return null;
                }

                value = (value * 10) + (c - '0');
            }
            else if (!(c is ',' or '.' or '\'' or '\u00a0' or '\u202f' or ' ' && i + 1 < rest.Length && char.IsAsciiDigit(rest[i + 1])))
            {
                break;
            }
        }

        return value;
    }

    /// <summary>Splits <c>host:port</c>, <c>[v6]:port</c> or a bare host; an IP literal comes back in LogLens's normal form.</summary>
    private static (string Host, int? Port) HostAndPort(ReadOnlySpan<char> text)
    {
        ReadOnlySpan<char> host;
        int? port = null;
        if (text.StartsWith("[") && text.IndexOf(']') is var close and > 0)
        {
            host = text[1..close];
            if (close + 1 < text.Length && text[close + 1] == ':')
            {
                port = Port(text[(close + 2)..]);
            }
        }
        else if (text.LastIndexOf(':') is var colon and > 0 && text.IndexOf(':') == colon)
        {
            host = text[..colon];
            port = Port(text[(colon + 1)..]);
        }
        else
        {
            host = text;
        }

        var name = host.ToString();
        return (Addresses.Ip.Before(Parser<char>.End).Parse(name) is { Success: true } ip ? ip.Value : name, port);
    }

    private static int? Port(ReadOnlySpan<char> text) =>
        int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var port) && port is > 0 and < 65536
            ? port
            : null;

    private sealed record Rule(string Opening, ReadRest Read);
}
