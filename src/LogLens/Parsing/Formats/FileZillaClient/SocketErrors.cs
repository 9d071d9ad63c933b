
namespace LogLens.Parsing.Formats.FileZillaClient;

/// <summary>
/// FileZilla names socket errors the POSIX way (<c>ECONNREFUSED - Connection refused by server</c>);
/// LogLens explains them by their Windows socket error numbers (10061), as the seed does.
/// </summary>
internal static class SocketErrors
{
    private static readonly Dictionary<string, int> Numbers = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ECONNREFUSED"] = 10061,
        ["ETIMEDOUT"] = 10060,
        ["EHOSTUNREACH"] = 10065,
        ["EHOSTDOWN"] = 10064,
        ["ENETUNREACH"] = 10051,
        ["ENETDOWN"] = 10050,
        ["ENETRESET"] = 10052,
        ["ECONNABORTED"] = 10053,
        ["ECONNRESET"] = 10054,
        ["EADDRINUSE"] = 10048,
        ["EADDRNOTAVAIL"] = 10049,
        ["EACCES"] = 10013,
        ["EAI_NONAME"] = 11001,
        ["EAI_AGAIN"] = 11002,
        ["EAI_FAIL"] = 11003,
        ["EAI_NODATA"] = 11004,
    };

    /// <summary>
    /// The Windows socket error number of a FileZilla error description: its POSIX name
    /// (<c>ECONNREFUSED - …</c>) mapped, or a number it starts with (<c>10061</c>) as is.
    /// </summary>
    /// <param name="description">The description, with or without quotes around it.</param>
    /// <returns>The number, or <see langword="null"/> when the description names none LogLens knows.</returns>
    public static int? NumberOf(ReadOnlySpan<char> description)
    {
        var text = description.Trim().Trim('"').Trim('“').TrimStart();
        var end = 0;
        while (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] == '_'))
        {
            end++;
        }

        var name = text[..end];
        if (name.IsEmpty)
        {
            return null;
        }

        if (int.TryParse(name, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        return Numbers.TryGetValue(name.ToString(), out var mapped) ? mapped : null;
    }
}
