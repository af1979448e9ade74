using System.IO.Enumeration;
using ApimLint.Fixing;
using ApimLint.Text;

namespace ApimLint.Loading;

/// <summary>What the loader reads through: the disk, or the disk with a fix run's pending changes laid over it.</summary>
public interface IFileSystem
{
    bool FileExists(string path);

    bool DirectoryExists(string path);

    /// <summary>Full paths of the files directly in a folder matching a simple pattern (*.xml), in ordinal order.</summary>
    IEnumerable<string> GetFiles(string directory, string pattern);

    SourceText Read(string path);
}

public sealed class DiskFileSystem : IFileSystem
{
    public static readonly DiskFileSystem Instance = new();

    /// <summary>Whether something that is not a folder is there once links are followed: a dangling link is no file.</summary>
    public bool FileExists(string path) => FileStatus.KindOf(path, followLinks: true) is FileKind.Regular or FileKind.Special;

    public bool DirectoryExists(string path) => Directory.Exists(path);

    public IEnumerable<string> GetFiles(string directory, string pattern)
    {
        if (!Directory.Exists(directory)) return [];
        try
        {
            var files = Directory.GetFiles(directory, pattern);
            Array.Sort(files, StringComparer.Ordinal);
            return files;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"{directory}: cannot be listed ({e.Message})");
        }
    }

    public SourceText Read(string path) => SourceReader.Read(path);
}

/// <summary>The disk plus files changed or created in memory; nothing is written until the changes are committed.</summary>
public sealed class OverlayFileSystem(IFileSystem disk) : IFileSystem
{
    private readonly Dictionary<string, SourceText> _pending = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (byte[]? Bytes, SourceText? Text)> _originals = new(StringComparer.Ordinal);

    public bool FileExists(string path) => _pending.ContainsKey(path) || disk.FileExists(path);

    public bool DirectoryExists(string path) =>
        disk.DirectoryExists(path) || _pending.Keys.Any(p => p.StartsWith(path.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal));

    public IEnumerable<string> GetFiles(string directory, string pattern) =>
        disk.GetFiles(directory, pattern)
            .Concat(_pending.Keys.Where(p => Path.GetDirectoryName(p) == directory.TrimEnd(Path.DirectorySeparatorChar)
                                             && FileSystemName.MatchesSimpleExpression(pattern, Path.GetFileName(p))))
            .Distinct().Order(StringComparer.Ordinal);

    public SourceText Read(string path) => _pending.TryGetValue(path, out var text) ? text : disk.Read(path);

    /// <summary>Whether the file's text is held here rather than on disk.</summary>
    public bool IsPending(string path) => _pending.ContainsKey(path);

    /// <summary>Replaces a file's text in memory, remembering what was on disk the first time.</summary>
    public void Write(string path, string text, SourceEncoding encoding)
    {
        if (!_originals.ContainsKey(path))
            _originals[path] = disk.FileExists(path) ? Original(path) : (null, null);
        _pending[path] = new SourceText(path, text, encoding);
    }

    // The bytes on disk, kept so that a commit can tell whether the file changed under it; read once, by the one bounded reader.
    private static (byte[] Bytes, SourceText Text) Original(string path)
    {
        var bytes = Confinement.ReadAllBytes(path);
        return (bytes, SourceReader.Decode(path, bytes));
    }

    /// <summary>Every file whose text now differs from the disk, in path order.</summary>
    public IReadOnlyList<FileChange> Changes =>
        _pending.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Where(p => _originals[p.Key].Text?.Text != p.Value.Text)
            .Select(p => new FileChange(p.Key, _originals[p.Key].Bytes, _originals[p.Key].Text?.Text ?? "", p.Value.Text, p.Value.Encoding))
            .ToList();
}
