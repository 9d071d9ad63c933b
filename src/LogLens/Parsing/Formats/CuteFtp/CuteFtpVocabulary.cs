namespace LogLens.Parsing.Formats.CuteFtp;

/// <summary>
/// What one language edition of CuteFTP writes in its transcript: the three line prefixes and the
/// opening words of each message LogLens knows by meaning. <see cref="CuteFtpGrammar"/> turns it
/// into parsers; the shape of a line is the same in every language.
/// </summary>
/// <remarks>
/// Phrases match case-insensitively at the start of a message. In a phrase a space stands for
/// any run of whitespace (or none), <c>.</c> and <c>。</c> stand for each other and may be followed
/// by whitespace, and <c>'</c> also matches the typographic apostrophe forums turn it into.
/// </remarks>
internal sealed class CuteFtpVocabulary
{
    /// <summary>The word before <c>:&gt;</c> on a status line (<c>STATUS</c>, <c>状态</c>).</summary>
    public required string StatusPrefix { get; init; }

    /// <summary>The word before <c>:&gt;</c> on an error line.</summary>
    public required string ErrorPrefix { get; init; }

    /// <summary>The word before <c>:&gt;</c> on a command line.</summary>
    public required string CommandPrefix { get; init; }

    /// <summary>Opens a <see cref="Events.ClientMessageKind.GettingListing"/> message.</summary>
    public required IReadOnlyList<string> GettingListing { get; init; }

    /// <summary>Opens a <see cref="Events.ClientMessageKind.Connecting"/> message, before <c>host:port (ip = …)</c>.</summary>
    public required IReadOnlyList<string> Connecting { get; init; }

    /// <summary>Opens a <see cref="Events.ClientMessageKind.SocketConnected"/> message.</summary>
    public required IReadOnlyList<string> SocketConnected { get; init; }

    /// <summary>Opens a <see cref="Events.ClientMessageKind.Authenticating"/> message.</summary>
    public required IReadOnlyList<string> Authenticating { get; init; }

    /// <summary>Opens a <see cref="Events.ClientMessageKind.LoginSucceeded"/> message.</summary>
    public required IReadOnlyList<string> LoginSucceeded { get; init; }

    /// <summary>Opens a <see cref="Events.ClientMessageKind.ConnectFailed"/> message, before the socket error.</summary>
    public required IReadOnlyList<string> ConnectFailed { get; init; }

    /// <summary>Names the socket error inside a connect failure (<c>Socket error</c> in <c>Socket error = #10060</c>).</summary>
    public required IReadOnlyList<string> SocketError { get; init; }

    /// <summary>Opens a <see cref="Events.ClientMessageKind.Waiting"/> message, before the number of seconds.</summary>
    public required IReadOnlyList<string> Waiting { get; init; }

    /// <summary>Opens a <see cref="Events.ClientMessageKind.NotLoggedIn"/> message.</summary>
    public required IReadOnlyList<string> NotLoggedIn { get; init; }

    /// <summary>Opens a <see cref="Events.ClientMessageKind.ConnectionClosed"/> message.</summary>
    public required IReadOnlyList<string> ConnectionClosed { get; init; }

    /// <summary>Opens a <see cref="Events.ClientMessageKind.ControlConnectionClosed"/> message.</summary>
    public required IReadOnlyList<string> ControlConnectionClosed { get; init; }

    /// <summary>Opens a <see cref="Events.ClientMessageKind.TimedOut"/> message.</summary>
    public required IReadOnlyList<string> TimedOut { get; init; }

    /// <summary>Opens a <see cref="Events.ClientMessageKind.TransferComplete"/> message.</summary>
    public required IReadOnlyList<string> TransferComplete { get; init; }

    /// <summary>Opens a <see cref="Events.ClientMessageKind.TransferFailed"/> message.</summary>
    public required IReadOnlyList<string> TransferFailed { get; init; }
}
