using ApimLint.Model;
using ApimLint.Syntax.Json;
using ApimLint.Syntax.Nginx;
using ApimLint.Syntax.Properties;
using ApimLint.Syntax.Sql;
using ApimLint.Syntax.Xml;
using ApimLint.Text;

namespace ApimLint.Loading;

/// <summary>Reads and parses one file into a <see cref="ConfigFile{TSyntax}"/>, whatever state it is in.</summary>
internal static class ConfigFileLoader
{
    // The file system of the load under way: the disk, or the disk with a fix run's pending changes.
    // Ambient (per async flow) so that every reader of a load sees the same one without threading it through.
    private static readonly AsyncLocal<IFileSystem?> Current = new();

    private static IFileSystem Files => Current.Value ?? DiskFileSystem.Instance;

    /// <summary>Makes the readers of this flow read through <paramref name="files"/> until disposed.</summary>
    public static IDisposable Use(IFileSystem files)
    {
        var previous = Current.Value;
        Current.Value = files;
        return new Restore(() => Current.Value = previous);
    }

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

    public static ConfigFile<SqlScriptSyntax> Sql(string baseDir, string relative) =>
        Load(baseDir, relative, SqlParser.Parse, d => d.Error);

    public static ConfigFile<NginxFileSyntax> Nginx(string baseDir, NginxFileSyntax file) =>
        new(Relative(baseDir, file.Source.Path), file.Source.Path, file, file.Error, exists: true);

    /// <summary>The files of a folder (relative to baseDir) matching a pattern, in ordinal order.</summary>
    public static IEnumerable<string> List(string baseDir, string folder, string pattern)
    {
        return Files.GetFiles(Path.Combine(baseDir, folder), pattern).Select(f => Relative(baseDir, f));
    }

    public static string Relative(string baseDir, string fullPath) => Path.GetRelativePath(baseDir, fullPath).Replace('\\', '/');

    private static ConfigFile<T> Load<T>(string baseDir, string relative, Func<SourceText, T> parse, Func<T, SyntaxError?> errorOf)
        where T : class
    {
        var full = Path.GetFullPath(Path.Combine(baseDir, relative));
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
