using System.Runtime.InteropServices;
using System.Text;

namespace LogLens.Scanning;

/// <summary>What a path leads to, links followed, as the system tells it.</summary>
internal enum FileKind
{
    /// <summary>The system was not asked (not Linux) or would not say (no permission): open it and see.</summary>
    Unknown,

    /// <summary>Nothing is there.</summary>
    Missing,

    /// <summary>A regular file: the only kind a scan opens in a folder.</summary>
    Regular,

    /// <summary>A folder.</summary>
    Directory,

    /// <summary>A named pipe: opening it waits for a writer, forever if none comes.</summary>
    Fifo,

    /// <summary>A Unix socket: it cannot be opened at all.</summary>
    Socket,

    /// <summary>A character device (a terminal, <c>/dev/zero</c>): reading it may never end.</summary>
    CharacterDevice,

    /// <summary>A block device (a disk).</summary>
    BlockDevice,

    /// <summary>Its links lead round in a cycle.</summary>
    LinkCycle,

    /// <summary>The path is longer than the system opens.</summary>
    TooLong,
}

/// <summary>
/// Asks the system what kind of entry a path leads to, so that a scan opens only regular files.
/// </summary>
/// <remarks>
/// .NET has no API for it: <see cref="FileSystemInfo.Attributes"/> says <c>Normal</c> for a named pipe,
/// a socket and a device alike (a public one is proposed in dotnet/runtime#85148). On Linux this calls
/// <c>statx(2)</c>, whose structure is fixed by the kernel and the same on every architecture, under one
/// symbol in every C library that has it (glibc 2.28, musl 1.2.5); of it only <c>stx_mode</c> is read.
/// <c>stat(2)</c> would be the older call, but its structure differs by architecture and its symbol by
/// C library version (glibc's <c>__xstat</c>), and a wrong guess reads garbage without an error. Where
/// <c>statx</c> is missing (another system, an older C library or kernel) the kind is
/// <see cref="FileKind.Unknown"/>, and the entry is opened as before.
/// </remarks>
internal static class FileKinds
{
    private const int AtCurrentFolder = -100; // AT_FDCWD
    private const uint StatxType = 0x1; // STATX_TYPE
    private const int FileTypeMask = 0xF000; // S_IFMT

    // errno values, the same on every Linux architecture (asm-generic/errno-base.h and errno.h)
    private const int NoEntry = 2, NotADirectory = 20, NameTooLong = 36, NotImplemented = 38, TooManyLinks = 40;

    private static volatile bool unavailable = !OperatingSystem.IsLinux();

    /// <summary>What <paramref name="path"/> leads to, following links.</summary>
    /// <param name="path">The path.</param>
    /// <returns>Its kind, or <see cref="FileKind.Unknown"/> when the system cannot be asked.</returns>
    public static FileKind Of(string path)
    {
        if (unavailable)
        {
            return FileKind.Unknown;
        }

        if (path.Contains('\0', StringComparison.Ordinal))
        {
            return FileKind.Missing; // no name holds one; the system would read up to it
        }

        int result;
        StatxBuffer buffer;
        try
        {
            result = Statx(AtCurrentFolder, Encoding.UTF8.GetBytes(path + "\0"), 0, StatxType, out buffer);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            unavailable = true;
            return FileKind.Unknown;
        }

        if (result != 0)
        {
            switch (Marshal.GetLastPInvokeError())
            {
                case NoEntry or NotADirectory:
                    return FileKind.Missing;
                case TooManyLinks:
                    return FileKind.LinkCycle;
                case NameTooLong:
                    return FileKind.TooLong;
                case NotImplemented:
                    unavailable = true;
                    return FileKind.Unknown;
                default:
                    return FileKind.Unknown;
            }
        }

        if ((buffer.Mask & StatxType) == 0)
        {
            return FileKind.Unknown;
        }

        return (buffer.Mode & FileTypeMask) switch
        {
            0x8000 => FileKind.Regular,
            0x4000 => FileKind.Directory,
            0x1000 => FileKind.Fifo,
            0xC000 => FileKind.Socket,
            0x2000 => FileKind.CharacterDevice,
            0x6000 => FileKind.BlockDevice,
            _ => FileKind.Unknown,
        };
    }

    [DllImport("libc", EntryPoint = "statx", SetLastError = true, ExactSpelling = true)]
    private static extern int Statx(int folder, byte[] path, int flags, uint mask, out StatxBuffer buffer);

    /// <summary><c>struct statx</c> (linux/stat.h): 256 bytes, of which the mask and the mode are read.</summary>
    [StructLayout(LayoutKind.Explicit, Size = 256)]
    private struct StatxBuffer
    {
        [FieldOffset(0)]
        public uint Mask;

        [FieldOffset(28)]
        public ushort Mode;
    }
}
