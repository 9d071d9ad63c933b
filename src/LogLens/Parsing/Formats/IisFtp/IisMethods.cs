namespace LogLens.Parsing.Formats.IisFtp;

/// <summary>
/// What a <c>cs-method</c> can be: an FTP command, or one of the words IIS writes for what it did
/// itself — IIS 7 and later's <c>ControlChannelOpened</c>, <c>ControlChannelClosed</c>,
/// <c>DataChannelOpened</c> and <c>DataChannelClosed</c>; IIS 5/6's <c>sent</c> (a download done),
/// <c>created</c> (an upload done) and <c>closed</c> (the connection closed without QUIT).
/// </summary>
internal static class IisMethods
{
    public const string ControlChannelOpened = "ControlChannelOpened";
    public const string ControlChannelClosed = "ControlChannelClosed";
    public const string DataChannelOpened = "DataChannelOpened";
    public const string DataChannelClosed = "DataChannelClosed";
    public const string Sent = "sent";
    public const string Created = "created";
    public const string Closed = "closed";

    private static readonly HashSet<string> IisWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ControlChannelOpened, ControlChannelClosed, DataChannelOpened, DataChannelClosed, Sent, Created, Closed,
    };

    /// <summary>FTP commands (RFC 959 and its extensions, and the X- forms Windows clients send).</summary>
    private static readonly HashSet<string> FtpCommands = new(StringComparer.OrdinalIgnoreCase)
    {
        "ABOR", "ACCT", "ADAT", "ALLO", "APPE", "AUTH", "AVBL", "CCC", "CDUP", "CLNT", "CONF", "CSID", "CWD", "DELE",
        "DSIZ", "ENC", "EPRT", "EPSV", "FEAT", "HASH", "HELP", "HOST", "LANG", "LIST", "LPRT", "LPSV", "MDTM", "MFCT",
        "MFF", "MFMT", "MIC", "MKD", "MLSD", "MLST", "MODE", "NLST", "NOOP", "OPTS", "PASS", "PASV", "PBSZ", "PORT",
        "PROT", "PWD", "QUIT", "REIN", "REST", "RETR", "RMD", "RMDA", "RNFR", "RNTO", "SITE", "SIZE", "SMNT", "SPSV",
        "STAT", "STOR", "STOU", "STRU", "SYST", "THMB", "TYPE", "USER", "XCRC", "XCUP", "XCWD", "XMD5", "XMKD",
        "XPWD", "XRMD", "XSHA1", "XSHA256", "XSHA512",
    };

    /// <summary>Whether a method is an FTP command or an IIS FTP word (so the row is surely FTP's).</summary>
    /// <param name="method">The method, without any connection id.</param>
    /// <returns><see langword="true"/> when known.</returns>
    public static bool IsKnown(string? method) =>
        method is not null && (FtpCommands.Contains(method) || IisWords.Contains(method));

    /// <summary>Whether <paramref name="method"/> is <paramref name="word"/>, in any case.</summary>
    /// <param name="method">The method.</param>
    /// <param name="word">One of this class's constants or an FTP verb.</param>
    /// <returns><see langword="true"/> when they match.</returns>
    public static bool Is(string method, string word) => method.Equals(word, StringComparison.OrdinalIgnoreCase);
}
