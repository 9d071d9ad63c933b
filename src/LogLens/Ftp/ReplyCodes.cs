namespace LogLens.Ftp;

/// <summary>
/// The FTP reply codes LogLens knows: those of RFC 959 that the seed guide lists, RFC 2228's and
/// RFC 4217's refusals that servers use to require FTP over TLS (431, 521, 522, 533, 534), and the
/// Windows socket errors a client prints when it cannot connect (10060, 10061), with their meanings
/// in English and Chinese. What each can signal is read from the outcome rules themselves, so that
/// <c>loglens explain</c> never disagrees with the analysis.
/// </summary>
public static class ReplyCodes
{
    private static readonly int[] Codes =
    [
        110, 120, 125, 150, 200, 202, 211, 212, 213, 214, 215, 220, 221, 225, 226, 227, 230, 250, 257,
        331, 332, 350,
        421, 425, 426, 431, 450, 451, 452,
        500, 501, 502, 503, 504, 521, 522, 530, 532, 533, 534, 550, 551, 552, 553,
        10060, 10061,
    ];

    /// <summary>Every known code, in ascending order (the socket errors last).</summary>
    public static IReadOnlyList<ReplyCodeInfo> All { get; } = Codes.Select(code => new ReplyCodeInfo(code)).ToArray();

    private static readonly Dictionary<int, ReplyCodeInfo> ByCode = All.ToDictionary(info => info.Code);

    /// <summary>The code <paramref name="code"/>, or <see langword="null"/> when LogLens does not know it.</summary>
    /// <param name="code">A reply code, for example <c>530</c>, or a socket error, for example <c>10060</c>.</param>
    /// <returns>Its entry, or null.</returns>
    public static ReplyCodeInfo? Find(int code) => ByCode.GetValueOrDefault(code);
}
