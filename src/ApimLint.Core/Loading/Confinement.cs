using Microsoft.Win32.SafeHandles;

namespace ApimLint.Loading;

/// <summary>
/// The one rule for the files apimlint touches on a deployment's behalf, whose every byte (names and links
/// included) may be written by someone untrusted. A path is resolved through every symbolic link of every
/// component and must stay inside its root; only regular files are opened for reading, never more than
/// <see cref="MaxFileBytes"/> of one, each read counted against the run's <see cref="ReadScope"/> budget; and
/// nothing is written through a link. Paths named on the command line are the user's choice and skip the
/// root check, never the others.
/// </summary>
public static class Confinement
{
    /// <summary>The largest file read; API-M's largest shipped configuration file is under 100 KB.</summary>
    public const long MaxFileBytes = 16 * 1024 * 1024;

    // Linux's own limit (MAXSYMLINKS): more links than this in one path is a loop.
    private const int MaxLinkHops = 40;

    private static readonly StringComparison PathComparison = OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    /// <summary>The path with every symbolic link of every component resolved, as the kernel would; null when the links loop.</summary>
    public static string? RealPath(string path)
    {
        var full = Path.GetFullPath(path);
        var current = Path.GetPathRoot(full)!;
        var pending = new Stack<string>();
        PushComponents(pending, full[current.Length..]);
        var hops = 0;
        while (pending.TryPop(out var name))
        {
            if (name is "" or ".") continue;
            if (name == "..")
            {
                current = Path.GetDirectoryName(current) ?? current;
                continue;
            }
            var next = Path.Join(current, name);
            if (LinkTarget(next) is not { } target)
            {
                current = next;
                continue;
            }
            if (++hops > MaxLinkHops) return null;
            // An absolute target starts again at its root; a relative one goes on from the link's own folder.
            if (Path.IsPathRooted(target)) current = Path.GetPathRoot(Path.GetFullPath(target))!;
            PushComponents(pending, Path.IsPathRooted(target) ? target[Path.GetPathRoot(target)!.Length..] : target);
        }
        return current;
    }

    /// <summary>Whether <paramref name="path"/> is <paramref name="root"/> or below it, comparing the paths as written.</summary>
    public static bool IsInside(string root, string path)
    {
        root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        path = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        return string.Equals(root, path, PathComparison)
               || path.StartsWith(Path.EndsInDirectorySeparator(root) ? root : root + Path.DirectorySeparatorChar, PathComparison);
    }

    /// <summary>Whether the file a path leads to, once every link is resolved, is inside the real <paramref name="root"/>.</summary>
    public static bool LeadsInside(string root, string path) =>
        RealPath(root) is { } realRoot && RealPath(path) is { } real && IsInside(realRoot, real);

    /// <summary>
    /// Why a file is not to be read from inside <paramref name="root"/> (named <paramref name="rootName"/> in the
    /// message): its links loop or dangle, lead outside (unless <paramref name="followLinks"/>; null where
    /// --follow-symlinks does not apply), or it is not a regular file. Null when it may be read, or when there is simply no such file. A path written outside the
    /// root was named by the user (on the command line): only where links lead is checked, not where it starts.
    /// </summary>
    public static string? ReadProblem(string path, string root, string rootName, bool? followLinks)
    {
        var isLink = FileStatus.KindOf(path, followLinks: false) == FileKind.SymbolicLink;
        if (RealPath(path) is not { } real) return "it is a symbolic link that loops";
        // Decided before the target is looked at: whether a file outside exists is not the deployment's to learn.
        if (followLinks != true && IsInside(root, path) && !LeadsInside(root, real))
            return (isLink ? $"it is a symbolic link to a file outside {rootName}" : $"it is in a folder linked to outside {rootName}")
                   + ", which apimlint does not follow" + (followLinks is null ? "" : " (--follow-symlinks does)");
        var kind = FileStatus.KindOf(real, followLinks: false);
        if (kind == FileKind.Missing)
            return isLink ? $"it is a symbolic link to {LinkTarget(path)}, which does not exist" : null;
        return kind == FileKind.Special ? SpecialFile : null;
    }

    /// <summary>How messages name a node's own folder, the root of its files.</summary>
    public const string NodeFolder = "its node's folder";

    public const string DeploymentFolder = "the deployment folder";

    private const string SpecialFile = "it is not a regular file (a device, FIFO or socket), which apimlint does not read";

    /// <summary>
    /// Reads a regular file whole: checked before it is opened (a FIFO would block the open), checked again on
    /// the open handle, and read to at most <see cref="MaxFileBytes"/> whatever its size claims (/proc files
    /// claim none). Every failure is an <see cref="InputException"/> "PATH: reason".
    /// </summary>
    public static byte[] ReadAllBytes(string path)
    {
        switch (FileStatus.KindOf(path, followLinks: true))
        {
            case FileKind.Directory: throw new InputException($"{path}: is a folder, not a file");
            case FileKind.Special: throw new InputException($"{path}: {SpecialFile}");
        }
        using var handle = Open(path);
        if (FileStatus.KindOf(handle) != FileKind.Regular) throw new InputException($"{path}: {SpecialFile}");
        var claimed = RandomAccess.GetLength(handle);
        if (claimed > MaxFileBytes) throw TooLarge(path, $"{claimed / (1024 * 1024)} MB");
        ReadScope.Charge(path, claimed);
        var buffer = new byte[Math.Max(claimed, 4096) + 1];
        var total = 0;
        try
        {
            for (int read; (read = RandomAccess.Read(handle, buffer.AsSpan(total), total)) > 0;)
            {
                total += read;
                if (total > MaxFileBytes) throw TooLarge(path, $"more than {MaxFileBytes / (1024 * 1024)} MB");
                if (total == buffer.Length) Array.Resize(ref buffer, (int)Math.Min(buffer.Length * 2L, MaxFileBytes + 1));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"{path}: cannot be read ({e.Message})");
        }
        ReadScope.Charge(path, total - claimed);
        Array.Resize(ref buffer, total);
        return buffer;
    }

    /// <summary>
    /// Why apimlint may not write <paramref name="path"/> on the deployment's behalf: it is outside
    /// <paramref name="root"/>, or the file or a folder between it and the root is a symbolic link (which would
    /// carry the write elsewhere), or it is not a regular file. Null when it may be written.
    /// </summary>
    public static string? WriteProblem(string root, string path)
    {
        var fullRoot = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        var full = Path.GetFullPath(path);
        if (!IsInside(fullRoot, full) || string.Equals(fullRoot, Path.TrimEndingDirectorySeparator(full), PathComparison))
            return $"it is outside {DeploymentFolder}, where apimlint writes nothing";
        for (var at = full; !string.Equals(at, fullRoot, PathComparison); at = Path.GetDirectoryName(at)!)
        {
            var kind = FileStatus.KindOf(at, followLinks: false);
            if (kind == FileKind.SymbolicLink)
                return at == full ? "it is a symbolic link, which apimlint does not write through"
                    : $"{Path.GetRelativePath(fullRoot, at).Replace('\\', '/')} is a symbolic link, which apimlint does not write through";
            if (at == full && kind is FileKind.Directory or FileKind.Special) return "it is not a regular file";
        }
        return null;
    }

    /// <summary>Whether a write to <paramref name="path"/> stays inside <paramref name="root"/> without going through a link.</summary>
    public static bool IsInsideWithoutLinks(string root, string path) => WriteProblem(root, path) is null;

    /// <summary>Throws the one-line "PATH: reason" error when <see cref="WriteProblem"/> finds one.</summary>
    public static void EnsureWritable(string root, string path)
    {
        if (WriteProblem(root, path) is { } problem) throw new InputException($"{path}: {problem}");
    }

    private static SafeFileHandle Open(string path)
    {
        try
        {
            return File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw new InputException($"{path}: cannot be read ({e.Message})");
        }
    }

    private static InputException TooLarge(string path, string size) =>
        new($"{path}: {size} is too large for a configuration file (apimlint reads up to {MaxFileBytes / (1024 * 1024)} MB)");

    private static string? LinkTarget(string path)
    {
        try
        {
            return FileStatus.KindOf(path, followLinks: false) == FileKind.SymbolicLink ? new FileInfo(path).LinkTarget : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static void PushComponents(Stack<string> pending, string relative)
    {
        var names = relative.Split(OperatingSystem.IsWindows() ? ['\\', '/'] : ['/']);
        for (var i = names.Length - 1; i >= 0; i--) pending.Push(names[i]);
    }
}
