using System.IO.Enumeration;

namespace ApimLint.Drift;

/// <summary>A file's metadata: all that a comparison reads before it needs the contents.</summary>
/// <remarks>A class, as every type of the tree walk is: generic code over reference types is shared and precompiled, which a short run notices.</remarks>
public sealed record FileMeta(long Size, long ModifiedTicks);

/// <summary>Lists the compared folders of one APIM_HOME with each file's size and modification time (metadata only).</summary>
internal static class TreeWalker
{
    private static readonly EnumerationOptions Options = new()
    {
        RecurseSubdirectories = true,
        AttributesToSkip = 0,
        IgnoreInaccessible = false,
        ReturnSpecialDirectories = false,
    };

    public static Dictionary<string, FileMeta> Walk(string home, DriftPolicy policy)
    {
        var files = new Dictionary<string, FileMeta>(StringComparer.Ordinal);
        var prefixLength = Path.TrimEndingDirectorySeparator(home).Length + 1;
        foreach (var root in DriftPolicy.Roots)
        {
            var directory = Path.Combine(home, root);
            if (!Directory.Exists(directory)) continue;
            var entries = new FileSystemEnumerable<string>(directory, (ref FileSystemEntry e) =>
            {
                var path = Relative(ref e, prefixLength);
                files[path] = new FileMeta(e.Length, e.LastWriteTimeUtc.UtcTicks);
                return path;
            }, Options)
            {
                // Symbolic links, devices and FIFOs are the loader's to report (loops, leading outside, blocking reads);
                // drift compares real files in real folders, so a linked folder is never entered (no loop, no escape).
                ShouldIncludePredicate = (ref FileSystemEntry e) => !e.IsDirectory && !IsLink(ref e) && IsRegular(ref e),
                ShouldRecursePredicate = (ref FileSystemEntry e) => !IsLink(ref e),
            };
            try
            {
                foreach (var _ in entries)
                {
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new Loading.InputException($"{directory}: cannot be listed ({e.Message})");
            }
        }
        foreach (var ignored in policy.IgnoredFiles(files.Keys)) files.Remove(ignored);
        DropExplodedWebApps(files);
        return files;
    }

    private static bool IsLink(ref FileSystemEntry entry) => (entry.Attributes & FileAttributes.ReparsePoint) != 0;

    // Devices, FIFOs and sockets have no length, so only empty entries need the extra stat.
    private static bool IsRegular(ref FileSystemEntry entry) =>
        entry.Length > 0 || Loading.FileStatus.KindOf(entry.ToFullPath(), followLinks: false) == Loading.FileKind.Regular;

    private static string Relative(ref FileSystemEntry entry, int prefixLength)
    {
        var directory = entry.Directory;
        var path = string.Concat(directory[Math.Min(prefixLength, directory.Length)..], directory.Length >= prefixLength ? "/" : "", entry.FileName);
        return Path.DirectorySeparatorChar == '/' ? path : path.Replace(Path.DirectorySeparatorChar, '/');
    }

    /// <summary>Tomcat unpacks webapps/X.war into webapps/X/ at start-up: the folder is runtime, the .war is what was deployed.</summary>
    private static void DropExplodedWebApps(Dictionary<string, FileMeta> files)
    {
        const string webapps = DriftPolicy.DeploymentServer + "webapps/";
        var exploded = new List<string>();
        foreach (var path in files.Keys)
        {
            if (!path.StartsWith(webapps, StringComparison.Ordinal)) continue;
            var slash = path.IndexOf('/', webapps.Length);
            if (slash > 0 && files.ContainsKey(string.Concat(path.AsSpan(0, slash), ".war"))) exploded.Add(path);
        }
        foreach (var path in exploded) files.Remove(path);
    }
}
