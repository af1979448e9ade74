using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace ApimLint.Loading;

/// <summary>What kind of thing a path names; only <see cref="Regular"/> files are ever opened for reading.</summary>
public enum FileKind
{
    Missing,
    Regular,
    Directory,
    SymbolicLink,

    /// <summary>A device, FIFO or socket: opening one can block for ever or never reach an end.</summary>
    Special,
}

/// <summary>
/// stat(2) for what .NET does not tell: a file's type (a FIFO looks like an empty file to FileInfo) and its owner. Uses the runtime's own System.Native shim, whose record layout is the same on every
/// Unix, rather than libc's, whose layout differs by architecture. On Windows only the attributes are known.
/// </summary>
public static partial class FileStatus
{
    // The shim's FileStatus record (pal_io.h) with room to spare should a later runtime add fields.
    [StructLayout(LayoutKind.Sequential, Size = 256)]
    private struct NativeStatus
    {
        public int Flags;
        public int Mode;
        public uint Uid;
        public uint Gid;
        public long Size;
        public long ATime, ATimeNsec, MTime, MTimeNsec, CTime, CTimeNsec, BirthTime, BirthTimeNsec;
        public long Dev, RDev, Ino;
        public uint UserFlags;
    }

    private const int TypeMask = 0xF000, Directory = 0x4000, Regular = 0x8000, Link = 0xA000;

    // Source-generated marshalling: the calls are compiled ahead of time with the rest, where DllImport's stubs are built at run time.
    [LibraryImport("libSystem.Native", EntryPoint = "SystemNative_LStat", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int LStat(string path, out NativeStatus status);

    [LibraryImport("libSystem.Native", EntryPoint = "SystemNative_Stat", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Stat(string path, out NativeStatus status);

    [LibraryImport("libSystem.Native", EntryPoint = "SystemNative_FStat")]
    private static partial int FStat(SafeFileHandle handle, out NativeStatus status);

    [LibraryImport("libSystem.Native", EntryPoint = "SystemNative_GetEUid")]
    private static partial uint GetEUid();

    /// <summary>The kind of the path itself (a link is a link); <see cref="FileKind.Missing"/> when it cannot be stat'ed.</summary>
    public static FileKind KindOf(string path, bool followLinks)
    {
        // The shim would stop at a NUL and answer for another path.
        if (path.Contains('\0')) return FileKind.Missing;
        if (OperatingSystem.IsWindows()) return WindowsKind(path, followLinks);
        var found = (followLinks ? Stat(path, out var status) : LStat(path, out status)) == 0;
        return found ? Kind(status.Mode) : FileKind.Missing;
    }

    /// <summary>The kind of what an open handle reads: the check that no link or rename slipped in since the path was checked.</summary>
    public static FileKind KindOf(SafeFileHandle handle) =>
        OperatingSystem.IsWindows() ? FileKind.Regular : FStat(handle, out var status) == 0 ? Kind(status.Mode) : FileKind.Missing;

    /// <summary>
    /// Why a file another user could have written is not to be trusted: owned by someone else than the user
    /// running apimlint, or writable by its group or by everyone. Null when it is the user's own (always on Windows).
    /// </summary>
    public static string? NotOwnedReason(string path)
    {
        if (OperatingSystem.IsWindows() || Stat(path, out var status) != 0) return null;
        if (status.Uid != GetEUid()) return "it belongs to another user";
        const int groupOrOtherWrite = 0b000_010_010;
        return (status.Mode & groupOrOtherWrite) != 0 ? "other users can write it" : null;
    }

    private static FileKind Kind(int mode) => (mode & TypeMask) switch
    {
        Regular => FileKind.Regular,
        Directory => FileKind.Directory,
        Link => FileKind.SymbolicLink,
        _ => FileKind.Special,
    };

    private static FileKind WindowsKind(string path, bool followLinks)
    {
        FileSystemInfo info = new FileInfo(path);
        if (!followLinks && info.LinkTarget is not null) return FileKind.SymbolicLink;
        if (followLinks && info.LinkTarget is not null) info = info.ResolveLinkTarget(returnFinalTarget: true) ?? info;
        if (!info.Exists && !System.IO.Directory.Exists(info.FullName)) return FileKind.Missing;
        return (info.Attributes & FileAttributes.Directory) != 0 ? FileKind.Directory
            : (info.Attributes & FileAttributes.Device) != 0 ? FileKind.Special : FileKind.Regular;
    }
}
