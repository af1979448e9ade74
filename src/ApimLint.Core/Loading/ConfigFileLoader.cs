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
        var full = Path.Combine(baseDir, folder);
        return Directory.Exists(full)
            ? Directory.GetFiles(full, pattern).Select(f => Relative(baseDir, f)).Order(StringComparer.Ordinal)
            : [];
    }

    public static string Relative(string baseDir, string fullPath) => Path.GetRelativePath(baseDir, fullPath).Replace('\\', '/');

    private static ConfigFile<T> Load<T>(string baseDir, string relative, Func<SourceText, T> parse, Func<T, SyntaxError?> errorOf)
        where T : class
    {
        var full = Path.GetFullPath(Path.Combine(baseDir, relative));
        if (!File.Exists(full)) return new ConfigFile<T>(relative, full, null, null, exists: false);
        var syntax = parse(Read(full));
        return new ConfigFile<T>(relative, full, syntax, errorOf(syntax), exists: true);
    }

    public static SourceText Read(string fullPath)
    {
        try
        {
            return SourceReader.Read(fullPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"{fullPath}: cannot be read ({e.Message})");
        }
    }
}
