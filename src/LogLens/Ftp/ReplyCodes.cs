using LogLens.Analysis;

namespace LogLens.Ftp;

/// <summary>
/// The FTP reply codes LogLens knows: those of RFC 959 that the seed guide lists, and RFC 2228's 534
/// (refused by policy: servers use it to require FTP over TLS), with their meanings in English and
/// Chinese and the outcomes each can signal.
/// </summary>
public static class ReplyCodes
{
    private static readonly OutcomeKind[] None = [];
    private static readonly OutcomeKind[] Succeeded = [OutcomeKind.Succeeded];
    private static readonly OutcomeKind[] TransferFailed = [OutcomeKind.TransferFailed];

    /// <summary>Every known code, in ascending order.</summary>
    public static IReadOnlyList<ReplyCodeInfo> All { get; } =
    [
        new(110, None),
        new(120, None),
        new(125, None),
        new(150, None),
        new(200, None),
        new(202, None),
        new(211, None),
        new(212, None),
        new(213, None),
        new(214, None),
        new(215, None),
        new(220, None),
        new(221, Succeeded),
        new(225, None),
        new(226, None),
        new(227, None),
        new(230, Succeeded),
        new(250, None),
        new(257, None),
        new(331, None),
        new(332, None),
        new(350, None),
        new(421, [OutcomeKind.TooManyUsers, OutcomeKind.ConnectionClosed, OutcomeKind.TimedOut, OutcomeKind.EncryptionRequired]),
        new(425, TransferFailed),
        new(426, TransferFailed),
        new(450, TransferFailed),
        new(451, TransferFailed),
        new(452, TransferFailed),
        new(500, None),
        new(501, None),
        new(502, None),
        new(503, None),
        new(504, None),
        new(530, [OutcomeKind.AnonymousDenied, OutcomeKind.LoginFailed, OutcomeKind.TooManyConnectionsFromIp, OutcomeKind.IpDenied, OutcomeKind.EncryptionRequired]),
        new(532, None),
        new(534, [OutcomeKind.EncryptionRequired]),
        new(550, TransferFailed),
        new(551, TransferFailed),
        new(552, TransferFailed),
        new(553, TransferFailed),
    ];

    private static readonly Dictionary<int, ReplyCodeInfo> ByCode = All.ToDictionary(info => info.Code);

    /// <summary>The code <paramref name="code"/>, or <see langword="null"/> when LogLens does not know it.</summary>
    /// <param name="code">A reply code, for example <c>530</c>.</param>
    /// <returns>Its entry, or null.</returns>
    public static ReplyCodeInfo? Find(int code) => ByCode.GetValueOrDefault(code);
}
