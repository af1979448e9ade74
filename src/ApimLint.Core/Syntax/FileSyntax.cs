using ApimLint.Syntax.Json;
using ApimLint.Syntax.Properties;
using ApimLint.Syntax.Sql;
using ApimLint.Syntax.Toml;
using ApimLint.Syntax.Xml;
using ApimLint.Text;

namespace ApimLint.Syntax;

/// <summary>A file parsed as its name says (.xml, .json, .properties, .sql, .toml), for readers that have no model of it.</summary>
public static class FileSyntax
{
    /// <summary>The file's syntax and its error, if any; null when apimlint has no parser for such a name.</summary>
    public static (SyntaxNode Syntax, SyntaxError? Error)? Parse(string path, SourceText source)
    {
        if (Is(path, ".xml")) return XmlParser.Parse(source) is var xml ? (xml, xml.Error) : null;
        if (Is(path, ".json")) return JsonParser.Parse(source) is var json ? (json, json.Error) : null;
        if (Is(path, ".properties")) return PropertiesParser.Parse(source) is var properties ? (properties, properties.Error) : null;
        if (Is(path, ".sql")) return SqlParser.Parse(source) is var sql ? (sql, sql.Error) : null;
        if (Is(path, ".toml")) return TomlParser.Parse(source) is var toml ? (toml, toml.Error ?? toml.TemplateError) : null;
        return null;
    }

    private static bool Is(string path, string extension) => path.EndsWith(extension, StringComparison.OrdinalIgnoreCase);
}
