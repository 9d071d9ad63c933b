using System.Globalization;
using System.Text;

namespace LogLens.Parsing.Formats.IisFtp;

/// <summary>
/// The <c>sc-status</c>, <c>sc-substatus</c> and <c>sc-win32-status</c> of a row put into words,
/// so that a login's or a disconnect's detail carries what Windows said, not just a number. The
/// texts are Windows' own system messages for those error numbers (what <c>net helpmsg</c> prints),
/// quoted as the server's words, not LogLens's explanations.
/// </summary>
internal static class Win32Status
{
    private static readonly Dictionary<long, string> Messages = new()
    {
        [2] = "The system cannot find the file specified.",
        [3] = "The system cannot find the path specified.",
        [5] = "Access is denied.",
        [32] = "The process cannot access the file because it is being used by another process.",
        [64] = "The specified network name is no longer available.",
        [80] = "The file exists.",
        [112] = "There is not enough space on the disk.",
        [121] = "The semaphore timeout period has expired.",
        [183] = "Cannot create a file when that file already exists.",
        [267] = "The directory name is invalid.",
        [995] = "The I/O operation has been aborted because of either a thread exit or an application request.",
        [1236] = "The network connection was aborted by the local system.",
        [1326] = "Logon failure: unknown user name or bad password.",
        [1327] = "Logon failure: user account restriction.",
        [1328] = "Logon failure: account logon time restriction violation.",
        [1329] = "Logon failure: user not allowed to log on to this computer.",
        [1330] = "Logon failure: the specified account password has expired.",
        [1331] = "Logon failure: account currently disabled.",
        [1385] = "Logon failure: the user has not been granted the requested logon type at this computer.",
        [1909] = "The referenced account is currently locked out and may not be logged on to.",
        [10053] = "An established connection was aborted by the software in your host machine.",
        [10054] = "An existing connection was forcibly closed by the remote host.",
        [10060] = "A connection attempt failed because the connected party did not respond: connection timed out.",
    };

    /// <summary>
    /// What an IIS FTP substatus means (Microsoft KB 969061, "FTP status codes in IIS 7.0 and later"),
    /// for the ones that say why a session ended: in words the outcome rules read.
    /// </summary>
    /// <param name="subStatus">The <c>sc-substatus</c>.</param>
    /// <returns>The meaning, or <see langword="null"/> for one LogLens does not know.</returns>
    public static string? SubStatusMeaning(long subStatus) => subStatus switch
    {
        4 => "IP restriction rules denied the access",
        14 => "control channel timed out",
        15 => "data channel timed out",
        16 => "control channel timed out (new connection timeout)",
        19 => "maximum connection limit reached",
        24 => "SSL policy requires SSL for the data channel",
        25 => "SSL policy requires SSL for the control channel",
        26 => "SSL policy requires SSL for credentials",
        36 => "all authentication methods are disabled",
        42 => "anonymous authentication is not allowed",
        _ => null,
    };

    /// <summary>Windows' message for an error number, if LogLens knows it.</summary>
    /// <param name="win32">The <c>sc-win32-status</c>.</param>
    /// <returns>The message or <see langword="null"/>.</returns>
    public static string? Message(long win32) => Messages.GetValueOrDefault(win32);

    /// <summary>
    /// The status columns in words: <c>530 (substatus 41), win32 1326: Logon failure: unknown user
    /// name or bad password.</c> Parts that say nothing (no status, substatus 0, win32 0) are left out.
    /// </summary>
    /// <param name="status">The reply status, if logged.</param>
    /// <param name="subStatus">The substatus, if logged.</param>
    /// <param name="win32">The Windows error number, if logged.</param>
    /// <returns>The words, or <see langword="null"/> when no part says anything.</returns>
    public static string? Describe(int? status, long? subStatus, long? win32)
    {
        var text = new StringBuilder();
        if (status is { } s)
        {
            text.Append(s.ToString(CultureInfo.InvariantCulture));
            if (subStatus is { } sub and not 0)
            {
                text.Append(CultureInfo.InvariantCulture, $" (substatus {sub}");
                if (SubStatusMeaning(sub) is { } meaning)
                {
                    text.Append(": ").Append(meaning);
                }

                text.Append(')');
            }
        }
        else if (subStatus is { } sub and not 0 && SubStatusMeaning(sub) is { } meaning)
        {
            text.Append(CultureInfo.InvariantCulture, $"substatus {sub}: {meaning}");
        }

        if (win32 is { } w and not 0)
        {
            if (text.Length > 0)
            {
                text.Append(", ");
            }

            text.Append(CultureInfo.InvariantCulture, $"win32 {w}");
            if (Message(w) is { } message)
            {
                text.Append(": ").Append(message);
            }
        }

        return text.Length == 0 ? null : text.ToString();
    }
}
