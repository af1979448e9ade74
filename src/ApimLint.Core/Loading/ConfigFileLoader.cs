using ApimLint.Model;
using ApimLint.Syntax.Hosts;
using ApimLint.Syntax.Json;
using ApimLint.Syntax.Nginx;
using ApimLint.Syntax.Properties;
using ApimLint.Syntax.Sql;
using ApimLint.Syntax.Toml;
using ApimLint.Syntax.Xml;
using ApimLint.Text;

namespace ApimLint.Loading;

/// <summary>Reads and parses one file into a <see cref="ConfigFile{TSyntax}"/>, whatever state it is in.</summary>
internal static class ConfigFileLoader
{
    // The file system of the load under way: the disk, or the disk with a fix run's pending changes.
    // Ambient (per async flow) so that every reader of a load sees the same one without threading it through.
    private static readonly AsyncLocal<IFileSystem?> Current = new();

    private static readonly AsyncLocal<bool> FollowLinks = new();

    private static IFileSystem Files => Current.Value ?? DiskFileSystem.Instance;

    /// <summary>Makes the readers of this flow read through <paramref name="files"/> until disposed.</summary>
    public static IDisposable Use(IFileSystem files, bool followSymlinks = false)
    {
        var (previous, previousFollow) = (Current.Value, FollowLinks.Value);
        (Current.Value, FollowLinks.Value) = (files, followSymlinks);
        return new Restore(() => (Current.Value, FollowLinks.Value) = (previous, previousFollow));
    }

    /// <summary>Whether a fix run under way holds the file changed in memory (its disk copy is out of date).</summary>
    public static bool IsPending(string fullPath) => Current.Value is OverlayFileSystem overlay && overlay.IsPending(fullPath);

    private sealed class Restore(Action restore) : IDisposable
    {
        public void Dispose() => restore();
    }

    public static ConfigFile<XmlDocumentSyntax> Xml(string baseDir, string relative) =>
        Load(baseDir, relative, XmlParser.Parse, d => d.Error);

    public static ConfigFile<PropertiesFileSyntax> Properties(string baseDir, string relative) =>
        Load(baseDir, relative, PropertiesParser.Parse, d => d.Error);

    public static ConfigFile<JsonDocumentSyntax> Json(string baseDir, string relative) =>
        Load(baseDir, relative, JsonParser.Parse, d => d.Error);

    /// <summary>A deployment.toml: a template is read (its <see cref="TomlDocumentSyntax.Template"/> says so) but holds no values.</summary>
    public static ConfigFile<TomlDocumentSyntax> Toml(string baseDir, string relative) =>
        Load(baseDir, relative, TomlParser.Parse, d => d.Error);

    public static ConfigFile<SqlScriptSyntax> Sql(string baseDir, string relative) =>
        Load(baseDir, relative, SqlParser.Parse, d => d.Error, Confinement.DeploymentFolder);

    /// <summary>The deployment's hosts file (/etc/hosts format), read like its SQL scripts: confined to the deployment folder.</summary>
    public static ConfigFile<HostsFileSyntax> Hosts(string root) =>
        Load(root, "hosts", HostsFileSyntax.Parse, h => h.Error, Confinement.DeploymentFolder);

    public static ConfigFile<NginxFileSyntax> Nginx(string baseDir, NginxFileSyntax file) =>
        new(Relative(baseDir, file.Source.Path), file.Source.Path, file, file.Error, exists: true);

    /// <summary>The files of a folder (relative to baseDir) matching a pattern, in ordinal order.</summary>
    public static IEnumerable<string> List(string baseDir, string folder, string pattern)
    {
        return Files.GetFiles(Path.Combine(baseDir, folder), pattern).Select(f => Relative(baseDir, f));
    }

    /// <summary>
    /// Like <see cref="List"/>, but null when the folder does not exist (a config-only tree) or, unless links are
    /// followed, leads outside the node's folder: what it holds is then not known, rather than empty.
    /// </summary>
    public static IReadOnlyList<string>? ListIfFolder(string baseDir, string folder, string pattern)
    {
        var full = Path.Combine(baseDir, folder);
        if (!Files.DirectoryExists(full) || !FollowLinks.Value && !Confinement.LeadsInside(baseDir, full)) return null;
        return List(baseDir, folder, pattern).ToList();
    }

    public static string Relative(string baseDir, string fullPath) => Path.GetRelativePath(baseDir, fullPath).Replace('\\', '/');

    private static ConfigFile<T> Load<T>(string baseDir, string relative, Func<SourceText, T> parse, Func<T, SyntaxError?> errorOf,
        string rootName = Confinement.NodeFolder)
        where T : class
    {
        var full = Path.GetFullPath(Path.Combine(baseDir, relative));
        // A deployment under review must not make apimlint read outside its folders, nor open a device or FIFO.
        if (Confinement.ReadProblem(full, baseDir, rootName, FollowLinks.Value) is { } problem)
            return new ConfigFile<T>(relative, full, null, new SyntaxError(new SourceText(full, ""), 0, problem), exists: true);
        if (!Files.FileExists(full)) return new ConfigFile<T>(relative, full, null, null, exists: false);
        var syntax = parse(Read(full));
        return new ConfigFile<T>(relative, full, syntax, errorOf(syntax), exists: true);
    }

    public static SourceText Read(string fullPath)
    {
        try
        {
            return Files.Read(fullPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"{fullPath}: cannot be read ({e.Message})");
        }
    }
}
