namespace ApimLint.Fixing;

/// <summary>Where a fix may write: below the file's root, through no symbolic link (neither the file nor any folder between).</summary>
internal static class WritePath
{
    public static bool IsBelow(string root, string path) =>
        Path.GetFullPath(path).StartsWith(Path.TrimEndingDirectorySeparator(Path.GetFullPath(root)) + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>Throws unless every existing entry from below <paramref name="root"/> down to <paramref name="path"/> is a real folder or file.</summary>
    public static void EnsureNoLink(string? root, string path)
    {
        if (root is null || !IsBelow(root, path))
            throw new FixWriteException($"{path}: outside the deployment folder; apimlint writes only inside it, so no file was changed");
        var current = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        foreach (var part in Path.GetRelativePath(current, Path.GetFullPath(path)).Split(Path.DirectorySeparatorChar))
        {
            current = Path.Combine(current, part);
            // LinkTarget reads the entry itself (lstat), not what it points to.
            if (new FileInfo(current).LinkTarget is not null)
                throw new FixWriteException($"{current} is a symbolic link; apimlint does not write through links, so no file was changed");
            if (!Path.Exists(current)) return;
        }
    }
}
