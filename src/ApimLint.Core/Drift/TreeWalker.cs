using System.IO.Enumeration;
using ApimLint.Loading;

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

    /// <summary>More files than this in one node's compared folders is no API-M pack (one holds about 5,000): the walk ends with an input error.</summary>
    public const int MaxFiles = 500_000;

    /// <param name="followLinks">
    /// --follow-symlinks: linked folders and files are walked too, never into a loop (<see cref="LinkedFolders"/>).
    /// Otherwise a linked folder is never entered, a compared root that leads out of the node's folder included:
    /// drift compares real files in real folders, so links can neither loop the walk nor lead it elsewhere.
    /// </param>
    public static Dictionary<string, FileMeta> Walk(string home, DriftPolicy policy, bool followLinks)
    {
        var files = new Dictionary<string, FileMeta>(StringComparer.Ordinal);
        var prefixLength = Path.TrimEndingDirectorySeparator(home).Length + 1;
        var linkedFolders = new LinkedFolders(home);
        foreach (var root in DriftPolicy.Roots)
        {
            var directory = Path.Combine(home, root);
            if (!Directory.Exists(directory) || !(Confinement.LeadsInside(home, directory) || followLinks && linkedFolders.Admit(directory))) continue;
            var entries = new FileSystemEnumerable<string>(directory, (ref FileSystemEntry e) =>
            {
                var path = Relative(ref e, prefixLength);
                files[path] = new FileMeta(e.Length, e.LastWriteTimeUtc.UtcTicks);
                if (files.Count > MaxFiles) throw new InputException($"{home}: more than {MaxFiles:N0} files in the folders drift compares; apimlint stops here");
                return path;
            }, Options)
            {
                // Symbolic links, devices and FIFOs are the loader's to report (loops, leading outside, blocking reads).
                ShouldIncludePredicate = (ref FileSystemEntry e) => !e.IsDirectory && (IsLink(ref e) ? followLinks && IsRegularTarget(ref e) : IsRegular(ref e)),
                ShouldRecursePredicate = (ref FileSystemEntry e) => !IsLink(ref e) || followLinks && linkedFolders.Admit(e.ToFullPath()),
            };
            try
            {
                foreach (var _ in entries)
                {
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new InputException($"{directory}: cannot be listed ({e.Message})");
            }
        }
        foreach (var ignored in policy.IgnoredFiles(files.Keys)) files.Remove(ignored);
        DropExplodedWebApps(files);
        return files;
    }

    /// <summary>
    /// The linked folders a walk that follows links enters. One is refused when its real folder is one the walk
    /// is already inside (the folder holding the link or any above it, up to the node's folder: entering it would
    /// loop), which depends only on where the link is, so the walk is the same whatever order the folders are
    /// listed in. Links in a diamond multiply the walk without looping: past <see cref="MaxLinkedFolders"/> the
    /// walk ends with an input error.
    /// </summary>
    private sealed class LinkedFolders(string home)
    {
        public const int MaxLinkedFolders = 1_000;

        private readonly string _home = Path.TrimEndingDirectorySeparator(Path.GetFullPath(home));
        private int _entered;

        public bool Admit(string link)
        {
            if (Confinement.RealPath(link) is not { } target) return false;
            for (var at = Path.GetDirectoryName(link); at is not null && Confinement.IsInside(_home, at); at = Path.GetDirectoryName(at))
                if (Confinement.RealPath(at) is not { } real || Confinement.IsInside(target, real)) return false;
            if (++_entered > MaxLinkedFolders)
                throw new InputException($"{_home}: more than {MaxLinkedFolders:N0} linked folders in the folders drift compares; apimlint stops here");
            return true;
        }
    }

    private static bool IsLink(ref FileSystemEntry entry) => (entry.Attributes & FileAttributes.ReparsePoint) != 0;

    // Devices, FIFOs and sockets have no length, so only empty entries need the extra stat.
    private static bool IsRegular(ref FileSystemEntry entry) =>
        entry.Length > 0 || FileStatus.KindOf(entry.ToFullPath(), followLinks: false) == FileKind.Regular;

    private static bool IsRegularTarget(ref FileSystemEntry entry) => FileStatus.KindOf(entry.ToFullPath(), followLinks: true) == FileKind.Regular;

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
