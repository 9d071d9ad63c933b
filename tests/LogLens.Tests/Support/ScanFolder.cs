using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Text;

namespace LogLens.Tests.Support;

/// <summary>
/// A throw-away folder of logs shaped like an administrator's: several formats, a rotated gzip, a
/// rotated plain file, nested folders (one with a Chinese name), a hidden file and a hidden folder,
/// a directory link back to its own folder, and — unless asked for a clean one — a binary file and a
/// broken symbolic link. One Serv-U log has user names that would start spreadsheet formulas.
/// Shared by the library tests and (linked) the CLI tests; deleted on dispose.
/// </summary>
public sealed class ScanFolder : IDisposable
{
    /// <summary>The Serv-U log whose users start with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c> (and one Chinese name).</summary>
    public const string UsersLog = "users.log";

    public const string FormulaUser = "=HYPERLINK(\"http://x.example/\",\"open me\")";

    public const string ChineseUser = "张伟";

    public const string ChineseFolder = "日志";

    public const string BinaryFile = "binary.log";

    public const string BrokenLink = "broken.log";

    /// <summary>The files a scan must read, relative to the root, in the order it reads them (ordinal by path).</summary>
    public static readonly IReadOnlyList<string> ReadableFiles =
    [
        "nested/deeper/vsftpd.log.1",
        "servu.log",
        UsersLog,
        "xferlog.2.gz",
        ChineseFolder + "/cuteftp-zh-retry.log",
    ];

    /// <summary>The user names of <see cref="UsersLog"/>, one session each, in order.</summary>
    public static readonly IReadOnlyList<string> SpecialUsers = [FormulaUser, "+sum", "-minus", "@at", ChineseUser];

    public ScanFolder(bool withUnreadable = true)
    {
        Root = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"loglens-scan-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Root);

        Copy("servu.log", "servu.log");
        File.WriteAllText(Path(UsersLog), UsersLogText(), new UTF8Encoding(false));
        Copy("cuteftp-zh-retry.log", ChineseFolder + "/cuteftp-zh-retry.log");
        Copy("timestamped-transcript.log", "nested/deeper/vsftpd.log.1");
        Gzip("cuteftp-en-banned.log", "xferlog.2.gz");

        // Skipped: hidden entries, and what a link loop would reach again.
        Copy("servu.log", ".hidden.log");
        Copy("servu.log", ".archive/old.log");
        Directory.CreateSymbolicLink(Path("nested/loop"), Path("nested"));

        if (withUnreadable)
        {
            File.WriteAllBytes(Path(BinaryFile), [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00]);
            File.CreateSymbolicLink(Path(BrokenLink), Path("no-such-target.log"));
        }
    }

    /// <summary>The folder, an absolute path.</summary>
    public string Root { get; }

    /// <summary>A path inside the folder.</summary>
    public string Path(string relative) => System.IO.Path.Combine(Root, relative.Replace('/', System.IO.Path.DirectorySeparatorChar));

    /// <summary>The project's sample log of that name.</summary>
    public static string Sample(string name, [CallerFilePath] string here = "")
    {
        for (var dir = System.IO.Path.GetDirectoryName(here); dir is not null; dir = System.IO.Path.GetDirectoryName(dir))
        {
            if (File.Exists(System.IO.Path.Combine(dir, "LogLens.sln")))
            {
                return System.IO.Path.Combine(dir, "samples", name);
            }
        }

        throw new DirectoryNotFoundException("samples/ not found above " + here);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder must not fail a test.
        }
    }

    private static string UsersLogText()
    {
        var text = new StringBuilder();
        for (var i = 0; i < SpecialUsers.Count; i++)
        {
            var id = $"({31 + i:000000})";
            var client = $"192.0.2.{31 + i}";
            var time = $"Tue 12Mar02 10:0{i}";
            var user = SpecialUsers[i];
            text.Append($"[2] {time}:01 - {id} Connected to {client} (Local address 192.0.2.10)\n");
            text.Append($"[6] {time}:01 - {id} 220 Serv-U FTP Server v6.0 for WinSock ready...\n");
            text.Append($"[5] {time}:02 - {id} USER {user}\n");
            text.Append($"[6] {time}:02 - {id} 331 User name okay, need password.\n");
            text.Append($"[5] {time}:03 - {id} PASS ****\n");
            if (user == ChineseUser)
            {
                text.Append($"[6] {time}:03 - {id} 230 User logged in, proceed.\n");
                text.Append($"[2] {time}:03 - {id} User {user} logged in\n");
                text.Append($"[2] {time}:09 - {id} Closing connection for user {user} (00:00:08 connected)\n");
            }
            else
            {
                text.Append($"[6] {time}:03 - {id} 530 Not logged in.\n");
                text.Append($"[2] {time}:04 - {id} Closing connection for {client} (00:00:03 connected)\n");
            }
        }

        return text.ToString();
    }

    private void Copy(string sample, string relative)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path(relative))!);
        File.Copy(Sample(sample), Path(relative));
    }

    private void Gzip(string sample, string relative)
    {
        using var output = File.Create(Path(relative));
        using var gzip = new GZipStream(output, CompressionLevel.Optimal);
        using var input = File.OpenRead(Sample(sample));
        input.CopyTo(gzip);
    }
}
