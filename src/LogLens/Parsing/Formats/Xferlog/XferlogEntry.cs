using LogLens.Events;

namespace LogLens.Parsing.Formats.Xferlog;

/// <summary>One xferlog entry, every field of it (see xferlog(5)).</summary>
/// <param name="Time">current-time: when the transfer ended.</param>
/// <param name="TransferSeconds">transfer-time: how long it took, in whole seconds.</param>
/// <param name="RemoteHost">remote-host: the client, an address (normalized) or a host name.</param>
/// <param name="FileSize">file-size: bytes moved.</param>
/// <param name="FileName">filename: the path, spaces and all.</param>
/// <param name="TransferType">transfer-type: <c>a</c> ascii, <c>b</c> binary.</param>
/// <param name="SpecialAction">special-action-flag: <c>_</c> none, <c>C</c> compressed, <c>U</c> uncompressed, <c>T</c> tar'ed.</param>
/// <param name="Direction">direction: <c>o</c> outgoing (download), <c>i</c> incoming (upload), <c>d</c> deleted.</param>
/// <param name="AccessMode">access-mode: <c>a</c> anonymous, <c>g</c> guest, <c>r</c> real user.</param>
/// <param name="UserName">username: the user, or for an anonymous login the identity it gave as password.</param>
/// <param name="UserNameAt">Where the user name starts in the entry's text.</param>
/// <param name="ServiceName">service-name: usually <c>ftp</c>.</param>
/// <param name="AuthenticationMethod">authentication-method: <c>0</c> none, <c>1</c> RFC 931.</param>
/// <param name="AuthenticatedUserId">authenticated-user-id: <c>*</c> when not available.</param>
/// <param name="CompletionStatus">completion-status: <c>c</c> complete, <c>i</c> incomplete; null when the line has none (older wu-ftpd).</param>
internal sealed record XferlogEntry(
    LogTimestamp Time,
    int TransferSeconds,
    string RemoteHost,
    long FileSize,
    string FileName,
    char TransferType,
    string SpecialAction,
    char Direction,
    char AccessMode,
    string UserName,
    int UserNameAt,
    string ServiceName,
    string AuthenticationMethod,
    string AuthenticatedUserId,
    char? CompletionStatus)
{
    /// <summary>Whether the transfer completed (an entry without a status counts as complete).</summary>
    public bool Completed => CompletionStatus != 'i';

    /// <summary>Whether the user logged in anonymously (the user name is then a password of sorts).</summary>
    public bool IsAnonymous => AccessMode == 'a';
}
