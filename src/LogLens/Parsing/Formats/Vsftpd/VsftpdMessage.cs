using LogLens.Parsing.Grammar;
using LogLens.Events;

namespace LogLens.Parsing.Formats.Vsftpd;

/// <summary>What a vsftpd log line reports (the word after <c>OK</c>/<c>FAIL</c>, or the line's own keyword).</summary>
internal enum VsftpdAction
{
    /// <summary><c>CONNECT</c>: a client connected (or was refused).</summary>
    Connect,

    /// <summary><c>OK LOGIN</c> / <c>FAIL LOGIN</c>.</summary>
    Login,

    /// <summary><c>OK UPLOAD</c> / <c>FAIL UPLOAD</c>.</summary>
    Upload,

    /// <summary><c>OK DOWNLOAD</c> / <c>FAIL DOWNLOAD</c>.</summary>
    Download,

    /// <summary><c>OK MKDIR</c> / <c>FAIL MKDIR</c>.</summary>
    Mkdir,

    /// <summary><c>OK RMDIR</c> / <c>FAIL RMDIR</c>.</summary>
    Rmdir,

    /// <summary><c>OK DELETE</c> / <c>FAIL DELETE</c>.</summary>
    Delete,

    /// <summary><c>OK RENAME</c> / <c>FAIL RENAME</c> (the payload is <c>from to</c>).</summary>
    Rename,

    /// <summary><c>OK CHMOD</c> / <c>FAIL CHMOD</c> (the payload is <c>path mode</c>).</summary>
    Chmod,

    /// <summary><c>FTP command</c>: a command the client sent (<c>log_ftp_protocol=YES</c>).</summary>
    Command,

    /// <summary><c>FTP response</c>: a reply the server sent (<c>log_ftp_protocol=YES</c>).</summary>
    Response,

    /// <summary><c>DEBUG</c>: a diagnostic about the client's connection.</summary>
    Debug,
}

/// <summary>One vsftpd message, the part after the timestamp and pid (or after the syslog envelope).</summary>
/// <param name="Action">What the line reports.</param>
/// <param name="Succeeded"><c>OK</c> or <c>FAIL</c>; true for lines without either.</param>
/// <param name="User">The <c>[user]</c> prefix, when the session already knows its user.</param>
/// <param name="Client">The client address, normalized (<c>::ffff:</c> dropped).</param>
/// <param name="Payload">The quoted text after the client: the path, the command, the reply, the refusal or failure reason.</param>
/// <param name="Bytes">Bytes moved by a transfer (vsftpd leaves the count out when it is zero).</param>
/// <param name="Rate">The transfer rate as logged (<c>85.30Kbyte/sec</c>).</param>
/// <param name="PasswordAt">Where a password starts in the message (an anonymous login's <c>anon password "…"</c>, a <c>PASS</c> command's argument), or -1.</param>
/// <param name="PasswordLength">How long that value is.</param>
/// <param name="Reply">An <c>FTP response</c>'s reply, read.</param>
/// <param name="Command">An <c>FTP command</c>'s command, read, when its verb is a known one (else <paramref name="Payload"/> holds it).</param>
internal readonly record struct VsftpdMessage(
    VsftpdAction Action,
    bool Succeeded,
    string? User,
    string Client,
    string? Payload,
    long? Bytes,
    string? Rate,
    int PasswordAt = -1,
    int PasswordLength = 0,
    ReplyLine? Reply = null,
    CommandLine? Command = null);
