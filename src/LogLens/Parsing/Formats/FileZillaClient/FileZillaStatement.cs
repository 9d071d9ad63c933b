namespace LogLens.Parsing.Formats.FileZillaClient;

/// <summary>What a FileZilla client status or error message says, whatever its language.</summary>
internal enum FileZillaSays
{
    /// <summary>Nothing LogLens reads by meaning (TLS notes, listings, trace output).</summary>
    Other,

    /// <summary><c>Resolving address of ftp.example.com</c>: an attempt begins.</summary>
    Resolving,

    /// <summary><c>Connecting to 203.0.113.5:21...</c>.</summary>
    Connecting,

    /// <summary><c>Connection attempt failed with "ECONNREFUSED - …".</c>: the last address failed.</summary>
    AttemptFailed,

    /// <summary><c>Connection attempt failed with "…", trying next address.</c>: the attempt goes on.</summary>
    TryingNextAddress,

    /// <summary><c>Could not connect to server</c>, also after <c>Critical error:</c> and with a reason.</summary>
    CouldNotConnect,

    /// <summary><c>Connection established, waiting for welcome message...</c>.</summary>
    SocketConnected,

    /// <summary><c>Logged in</c> (FTP), <c>Connected to host</c> (SFTP, said after authentication).</summary>
    LoggedIn,

    /// <summary><c>Authentication failed.</c> (SFTP).</summary>
    AuthenticationFailed,

    /// <summary><c>Connection timed out after 20 seconds of inactivity</c>.</summary>
    TimedOut,

    /// <summary><c>Waiting to retry...</c>, <c>Delaying connection for 5 seconds …</c>.</summary>
    Waiting,

    /// <summary><c>Connection closed by server</c>.</summary>
    ClosedByServer,

    /// <summary><c>Disconnected from server: ECONNABORTED - …</c>, <c>Could not read from socket: …</c>: the connection was lost.</summary>
    ConnectionLost,

    /// <summary><c>Disconnected from server</c>, without a reason.</summary>
    Disconnected,

    /// <summary><c>File transfer successful, transferred 1,048,576 bytes in 2 seconds</c>.</summary>
    TransferSucceeded,

    /// <summary><c>Critical file transfer error</c>, <c>File transfer failed</c>.</summary>
    TransferFailed,
}

/// <summary>A client message read: what it says and the details it names.</summary>
/// <param name="Says">What it says.</param>
/// <param name="Host">For <see cref="FileZillaSays.Resolving"/> and <see cref="FileZillaSays.Connecting"/>: the host or address.</param>
/// <param name="Port">For <see cref="FileZillaSays.Connecting"/>: the port.</param>
/// <param name="SocketError">For connection failures: the Windows socket error number of the error it names.</param>
/// <param name="Seconds">For <see cref="FileZillaSays.Waiting"/>: the delay, when given.</param>
/// <param name="Bytes">For <see cref="FileZillaSays.TransferSucceeded"/>: the bytes transferred, when given.</param>
internal readonly record struct FileZillaStatement(FileZillaSays Says, string? Host = null, int? Port = null, int? SocketError = null, int? Seconds = null, long? Bytes = null)
{
    /// <summary>A message LogLens does not read by meaning.</summary>
    public static FileZillaStatement Other { get; } = new(FileZillaSays.Other);
}
