namespace ApimLint.Fixing;

/// <summary>
/// Writes all the files of one fix run or none: each new content goes to a temporary file beside its
/// target (flushed to disk, with the target's permissions), and only when every one is ready are they
/// renamed over their targets. A target is replaced only after it was moved aside and found to be the
/// very file read, so an edit made meanwhile, or a link put in its place, is kept and reported, never
/// overwritten; nothing is ever written through a link, putting back included.
/// </summary>
public static class FileCommitter
{
    public static void Commit(IReadOnlyList<FileChange> changes) => Commit(changes, _ => { });

    /// <param name="beforeRename">Called before each replacement; tests use it to fail a run or edit a file half way.</param>
    internal static void Commit(IReadOnlyList<FileChange> changes, Action<string> beforeRename)
    {
        var contents = new List<byte[]>();
        foreach (var change in changes)
        {
            WritePath.EnsureWritable(change.Root, change.Path);
            if (!Holds(change.Path, change.OriginalBytes)) throw ChangedMeanwhile(change.Path);
            contents.Add(change.NewBytes);
        }
        var staged = new List<(FileChange Change, byte[] Content, string Temp)>();
        var createdDirectories = new List<string>();
        try
        {
            foreach (var (change, content) in changes.Zip(contents)) staged.Add((change, content, Stage(change, content, createdDirectories)));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Discard(staged.Select(s => s.Temp), createdDirectories);
            throw new FixWriteException($"{FailedPath(changes, staged.Count)}: cannot be written ({e.Message}); no file was changed", e);
        }

        var replaced = new List<(FileChange Change, byte[] Content, string? Original)>();
        try
        {
            foreach (var (change, content, temp) in staged)
            {
                beforeRename(change.Path);
                WritePath.EnsureWritable(change.Root, change.Path);
                var original = change.IsCreation ? null : TakeAside(change.Path, change.OriginalBytes) ?? throw ChangedMeanwhile(change.Path);
                replaced.Add((change, content, original));
                File.Move(temp, change.Path, overwrite: false);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FixWriteException)
        {
            var notes = RollBack(replaced);
            Discard(staged.Select(s => s.Temp), createdDirectories);
            var message = e as FixWriteException is { } refused ? refused.Message : $"{FailedPath(changes, replaced.Count)}: cannot be replaced ({e.Message}); no file was changed";
            throw new FixWriteException(message + string.Concat(notes.Select(n => "; " + n)), e);
        }
        foreach (var (_, _, original) in replaced)
            if (original is not null) File.Delete(original);
    }

    private static string Stage(FileChange change, byte[] content, List<string> createdDirectories)
    {
        var directory = Path.GetDirectoryName(change.Path)!;
        if (!Directory.Exists(directory))
        {
            for (var d = directory; !Directory.Exists(d); d = Path.GetDirectoryName(d)!) createdDirectories.Add(d);
            Directory.CreateDirectory(directory);
        }
        var temp = SidePath(change.Path, "tmp");
        try
        {
            // CreateNew refuses any existing entry, a link included.
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
            {
                stream.Write(content);
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

    /// <summary>
    /// Renames whatever is at <paramref name="path"/> to a name beside it and checks that it holds
    /// <paramref name="expected"/>: the rename moves a link itself, and what is checked is exactly
    /// what was moved, so no edit made before the rename can slip past. Returns the new name, or puts
    /// the entry back and returns null when it is not the expected file.
    /// </summary>
    private static string? TakeAside(string path, byte[]? expected)
    {
        var aside = SidePath(path, "orig");
        try
        {
            File.Move(path, aside, overwrite: false);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        if (Holds(aside, expected)) return aside;
        File.Move(aside, path, overwrite: false);
        return null;
    }

    /// <summary>Whether the entry at <paramref name="path"/> is a regular file (not a link) with exactly these bytes; null bytes: no entry.</summary>
    private static bool Holds(string path, byte[]? expected)
    {
        var entry = new FileInfo(path);
        if (expected is null) return !Path.Exists(path) && entry.LinkTarget is null;
        if (entry.LinkTarget is not null || !entry.Exists || entry.Length != expected.Length) return false;
        // A length of zero is not read: a pipe put in the file's place would never end.
        return expected.Length == 0 || File.ReadAllBytes(path).AsSpan().SequenceEqual(expected);
    }

    /// <summary>
    /// Puts back what was already replaced, by renames only: a file that still holds what this run wrote
    /// is moved aside and dropped, its original renamed back. A file changed by someone else since is
    /// kept as it is; returns what the user must be told about those.
    /// </summary>
    private static List<string> RollBack(IEnumerable<(FileChange Change, byte[] Content, string? Original)> replaced)
    {
        var notes = new List<string>();
        foreach (var (change, content, original) in replaced.Reverse())
        {
            if (TakeAside(change.Path, content) is { } ours) File.Delete(ours);
            else if (Path.Exists(change.Path) || new FileInfo(change.Path).LinkTarget is not null)
            {
                notes.Add($"{change.Path} was changed by another program meanwhile and is kept as it now is");
                if (original is not null) File.Delete(original);
                continue;
            }
            if (original is null) continue;
            try
            {
                File.Move(original, change.Path, overwrite: false);
            }
            catch (IOException)
            {
                notes.Add($"{change.Path} was created by another program meanwhile; its original is kept as {original}");
            }
        }
        return notes;
    }

    private static void Discard(IEnumerable<string> temps, List<string> createdDirectories)
    {
        foreach (var temp in temps)
            if (File.Exists(temp)) File.Delete(temp);
        foreach (var directory in createdDirectories)
            if (Directory.Exists(directory) && !Directory.EnumerateFileSystemEntries(directory).Any()) Directory.Delete(directory);
    }

    private static string SidePath(string path, string kind) =>
        Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.apimlint-{Guid.NewGuid():N}.{kind}");

    private static FixWriteException ChangedMeanwhile(string path) => new($"{path} changed on disk while apimlint ran; no file was changed");

    private static string FailedPath(IReadOnlyList<FileChange> changes, int index) => changes[Math.Min(index, changes.Count - 1)].Path;
}
