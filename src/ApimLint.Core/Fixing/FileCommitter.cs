namespace ApimLint.Fixing;

/// <summary>
/// Writes all the files of one fix run or none: each new content goes to a temporary file beside its
/// target (flushed to disk, with the target's permissions), and only when every one is ready are they
/// renamed over their targets. A target that changed on disk since it was read is never overwritten.
/// </summary>
public static class FileCommitter
{
    public static void Commit(IReadOnlyList<FileChange> changes) => Commit(changes, _ => { });

    /// <param name="beforeRename">Called before each rename; tests use it to fail a run half way.</param>
    internal static void Commit(IReadOnlyList<FileChange> changes, Action<string> beforeRename)
    {
        foreach (var change in changes) EnsureUnchanged(change);
        var staged = new List<(FileChange Change, string Temp)>();
        var createdDirectories = new List<string>();
        try
        {
            foreach (var change in changes) staged.Add((change, Stage(change, createdDirectories)));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Discard(staged.Select(s => s.Temp), createdDirectories);
            throw new FixWriteException($"{FailedPath(changes, staged.Count)}: cannot be written ({e.Message}); no file was changed", e);
        }

        var renamed = new List<FileChange>();
        try
        {
            foreach (var (change, temp) in staged)
            {
                EnsureUnchanged(change);
                beforeRename(change.Path);
                File.Move(temp, change.Path, overwrite: true);
                renamed.Add(change);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FixWriteException)
        {
            RollBack(renamed);
            Discard(staged.Select(s => s.Temp), createdDirectories);
            throw e as FixWriteException ?? new FixWriteException($"{FailedPath(changes, renamed.Count)}: cannot be replaced ({e.Message}); no file was changed", e);
        }
    }

    private static string Stage(FileChange change, List<string> createdDirectories)
    {
        var directory = Path.GetDirectoryName(change.Path)!;
        if (!Directory.Exists(directory))
        {
            for (var d = directory; !Directory.Exists(d); d = Path.GetDirectoryName(d)!) createdDirectories.Add(d);
            Directory.CreateDirectory(directory);
        }
        var temp = Path.Combine(directory, $".{Path.GetFileName(change.Path)}.apimlint-{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
            {
                stream.Write(change.NewBytes);
                stream.Flush(flushToDisk: true);
            }
            if (!OperatingSystem.IsWindows() && !change.IsCreation) File.SetUnixFileMode(temp, File.GetUnixFileMode(change.Path));
            return temp;
        }
        catch
        {
            if (File.Exists(temp)) File.Delete(temp);
            throw;
        }
    }

    private static void EnsureUnchanged(FileChange change)
    {
        if (new FileInfo(change.Path).LinkTarget is not null)
            throw new FixWriteException($"{change.Path} is a symbolic link; apimlint does not write through links, so no file was changed");
        var now = File.Exists(change.Path) ? File.ReadAllBytes(change.Path) : null;
        var same = change.OriginalBytes is null ? now is null : now is not null && now.AsSpan().SequenceEqual(change.OriginalBytes);
        if (!same) throw new FixWriteException($"{change.Path} changed on disk while apimlint ran; no file was changed");
    }

    /// <summary>Puts back what was already renamed: originals rewritten, created files removed.</summary>
    private static void RollBack(IEnumerable<FileChange> renamed)
    {
        foreach (var change in renamed)
        {
            if (change.OriginalBytes is null) File.Delete(change.Path);
            else File.WriteAllBytes(change.Path, change.OriginalBytes);
        }
    }

    private static void Discard(IEnumerable<string> temps, List<string> createdDirectories)
    {
        foreach (var temp in temps)
            if (File.Exists(temp)) File.Delete(temp);
        foreach (var directory in createdDirectories)
            if (Directory.Exists(directory) && !Directory.EnumerateFileSystemEntries(directory).Any()) Directory.Delete(directory);
    }

    private static string FailedPath(IReadOnlyList<FileChange> changes, int index) => changes[Math.Min(index, changes.Count - 1)].Path;
}
