using Microsoft.Extensions.FileSystemGlobbing.Abstractions;

namespace ApimLint.Syntax.Nginx;

/// <summary>
/// A folder as an include glob lists it: a subfolder that <paramref name="mayEnter"/> refuses (a link leading out of
/// the deployment folder) is left out, so a glob never lists, let alone reads, a folder outside the deployment.
/// </summary>
internal sealed class ConfinedDirectory(DirectoryInfo directory, Func<string, bool> mayEnter) : DirectoryInfoBase
{
    public override string Name => directory.Name;

    public override string FullName => directory.FullName;

    public override DirectoryInfoBase? ParentDirectory => directory.Parent is { } parent ? new ConfinedDirectory(parent, mayEnter) : null;

    public override IEnumerable<FileSystemInfoBase> EnumerateFileSystemInfos()
    {
        foreach (var entry in directory.EnumerateFileSystemInfos())
        {
            if (entry is FileInfo file) yield return new FileInfoWrapper(file);
            else if (entry is DirectoryInfo folder && mayEnter(folder.FullName)) yield return new ConfinedDirectory(folder, mayEnter);
        }
    }

    public override DirectoryInfoBase? GetDirectory(string path)
    {
        var folder = new DirectoryInfo(Path.Combine(directory.FullName, path));
        return mayEnter(folder.FullName) ? new ConfinedDirectory(folder, mayEnter) : null;
    }

    public override FileInfoBase GetFile(string path) => new FileInfoWrapper(new FileInfo(Path.Combine(directory.FullName, path)));
}
