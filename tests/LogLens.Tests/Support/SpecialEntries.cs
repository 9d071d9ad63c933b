using System.Diagnostics;
using System.Net.Sockets;

namespace LogLens.Tests.Support;

/// <summary>
/// Entries of a folder that are not regular files: a named pipe (made with <c>mkfifo</c>), a Unix
/// socket, links to a character and to a block device. Shared by the library tests and (linked) the
/// CLI tests. Disposing one leaves no reader waiting on a pipe.
/// </summary>
public sealed class SpecialEntry : IDisposable
{
    private readonly Socket? socket;

    private SpecialEntry(string path, Socket? socket = null)
    {
        Path = path;
        this.socket = socket;
    }

    /// <summary>The kinds <see cref="Make"/> makes.</summary>
    public const string Fifo = "fifo", Socket = "socket", CharacterDevice = "character-device", BlockDevice = "block-device";

    public string Path { get; }

    /// <summary>A block device of this machine, if it has one (containers may have none).</summary>
    public static string? AnyBlockDevice { get; } = FindBlockDevice();

    /// <summary>Makes an entry of that kind at <paramref name="path"/> (a device is reached through a link).</summary>
    public static SpecialEntry Make(string kind, string path)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        switch (kind)
        {
            case Fifo:
                using (var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!)
                {
                    mkfifo.WaitForExit();
                    Assert.Equal(0, mkfifo.ExitCode);
                }

                return new SpecialEntry(path);
            case Socket:
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                socket.Bind(new UnixDomainSocketEndPoint(path));
                return new SpecialEntry(path, socket);
            case CharacterDevice:
                File.CreateSymbolicLink(path, "/dev/null");
                return new SpecialEntry(path);
            case BlockDevice:
                File.CreateSymbolicLink(path, AnyBlockDevice ?? throw new InvalidOperationException("no block device here"));
                return new SpecialEntry(path);
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        }
    }

    /// <summary>Writes to a named pipe, waiting for its reader.</summary>
    public static void Write(string fifo, byte[] bytes)
    {
        using var writer = new FileStream(fifo, FileMode.Open, FileAccess.Write);
        writer.Write(bytes);
    }

    /// <summary>
    /// Runs a shell script, for what .NET cannot make: names that are not UTF-8 (.NET writes names as
    /// UTF-8), paths longer than the system opens (the script goes there one relative step at a time).
    /// </summary>
    public static void Shell(string script, params (string Name, string Value)[] environment)
    {
        var start = new ProcessStartInfo("/bin/sh", ["-c", "set -e; " + script]) { UseShellExecute = false, RedirectStandardError = true };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var shell = Process.Start(start)!;
        var error = shell.StandardError.ReadToEnd();
        shell.WaitForExit();
        Assert.True(shell.ExitCode == 0, error);
    }

    public void Dispose()
    {
        socket?.Dispose();
        if (File.Exists(Path) && socket is null && new FileInfo(Path).LinkTarget is null)
        {
            // A reader still waiting on the pipe gets an end of file: opening it for both reading and
            // writing does not wait on Linux, and counts as the writer the reader waits for.
            using (new FileStream(Path, FileMode.Open, FileAccess.ReadWrite))
            {
            }
        }
    }

    private static string? FindBlockDevice()
    {
        if (!OperatingSystem.IsLinux() || !Directory.Exists("/sys/class/block"))
        {
            return null;
        }

        return Directory.EnumerateFileSystemEntries("/sys/class/block")
            .Select(e => "/dev/" + System.IO.Path.GetFileName(e))
            .Order(StringComparer.Ordinal)
            .FirstOrDefault(File.Exists);
    }
}

/// <summary>A fact that needs Linux (the system calls it tests exist there only).</summary>
public sealed class LinuxFactAttribute : FactAttribute
{
    public LinuxFactAttribute()
    {
        if (!OperatingSystem.IsLinux())
        {
            Skip = "Linux only";
        }
    }
}

/// <summary>A theory that needs Linux.</summary>
public sealed class LinuxTheoryAttribute : TheoryAttribute
{
    public LinuxTheoryAttribute()
    {
        if (!OperatingSystem.IsLinux())
        {
            Skip = "Linux only";
        }
    }
}

/// <summary>A fact that needs a block device to link to.</summary>
public sealed class BlockDeviceFactAttribute : FactAttribute
{
    public BlockDeviceFactAttribute()
    {
        if (SpecialEntry.AnyBlockDevice is null)
        {
            Skip = "no block device on this machine";
        }
    }
}
