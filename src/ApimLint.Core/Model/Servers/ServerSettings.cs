using ApimLint.Syntax.Toml;
using ApimLint.Text;

namespace ApimLint.Model.Servers;

/// <summary>
/// A node's effective configuration: what its deployment.toml writes over the release's defaults, with <c>$ref{key}</c>
/// followed, <c>$secret{alias}</c> known to be a secret and <c>$env{…}</c>/<c>$sys{…}</c> unknown until the node starts.
/// Keys are canonical paths (<see cref="TomlDocumentSyntax"/>).
/// </summary>
public sealed class ServerSettings(ConfigFile<TomlDocumentSyntax> file)
{
    /// <summary>How deep <c>$ref{…}</c> is followed: the mapper fails on a cycle; a finding is not the place to loop.</summary>
    private const int MaxReferenceDepth = 8;

    private TomlDocumentSyntax? Document => file.Syntax is { Template: null } document ? document : null;

    /// <summary>Whether the file was read: it exists, parses and is not a template. When not, every key is unknown (null), never a default.</summary>
    public bool Known => Document is not null;

    /// <summary>The key's value, written or default; null when neither (or when the file was not read).</summary>
    public Setting? Get(string path) => Get(path, 0);

    /// <summary>Every key the file writes a value for (a scalar or an array), in the file's order; not the inline tables holding keys.</summary>
    public IEnumerable<string> WrittenPaths =>
        Document?.Entries.Where(e => e.Value.Kind != TomlValueKind.InlineTable).Select(e => e.Path).Distinct(StringComparer.Ordinal) ?? [];

    /// <summary>Whether the file writes the key.</summary>
    public bool IsWritten(string path) => Document?.Get(path) is not null;

    /// <summary>The elements of an array of tables (<c>apim.throttling.url_group</c>) by their paths (<c>…url_group[0]</c>), in the file's order.</summary>
    public IReadOnlyList<string> TablePaths(string arrayPath) => Document?.Tables(arrayPath).Select(t => t.Path).ToList() ?? [];

    /// <summary>Where a finding about an absent key points: the nearest table written for it, else the file's first line.</summary>
    public Location PlaceFor(string path)
    {
        if (Document is not { } document) return file.WholeFile;
        var table = document.TableHeaders.Where(t => path.StartsWith(t.Path + ".", StringComparison.Ordinal))
            .OrderByDescending(t => t.Path.Length).FirstOrDefault();
        return table is not null ? Location.InFile(document.Source, table.HeaderSpan) : Location.InFile(document.Source, new TextSpan(0, 0));
    }

    /// <summary>
    /// The edit that makes the file write <paramref name="valueText"/> (already TOML) for a key: over the value written,
    /// else added to the key's table (<see cref="TomlInsertion"/>); null when it cannot be written in place (an array element).
    /// </summary>
    public Diagnostics.TextEdit? Write(string path, string valueText)
    {
        if (Document is not { } document) return null;
        if (document.Get(path) is { } written) return new Diagnostics.TextEdit(document.Source.Path, written.Value.Span, valueText);
        var split = path.LastIndexOf('.');
        return split > 0 ? TomlInsertion.Key(document, path[..split], path[(split + 1)..], valueText) : null;
    }

    private Setting? Get(string path, int depth)
    {
        if (Document is not { } document) return null;
        if (document.Get(path) is { } written) return FromValue(path, written.Value, depth);
        if (ServerDefaults.Scalar(path) is { } scalar)
            return new Setting(path, SettingSource.Default, PlaceFor(path)) { Value = scalar, Written = scalar };
        if (ServerDefaults.Array(path) is { } items)
        {
            var place = PlaceFor(path);
            return new Setting(path, SettingSource.Default, place)
            {
                IsArray = true,
                Items = items.Select((item, k) => new Setting($"{path}[{k}]", SettingSource.Default, place) { Value = item, Written = item }).ToList(),
            };
        }
        return null;
    }

    private Setting FromValue(string path, TomlValueSyntax value, int depth)
    {
        var setting = new Setting(path, SettingSource.File, value.Location) { Syntax = value, Written = value.Value };
        if (value.Kind == TomlValueKind.Array)
            return setting with { IsArray = true, Items = value.Items.Select((item, k) => FromValue($"{path}[{k}]", item, depth)).ToList() };
        if (value.Value is not { } text) return setting;
        if (Reference(text, "$secret{") is not null) return setting with { IsSecret = true };
        if (Reference(text, "$env{") is not null || Reference(text, "$sys{") is not null) return setting;
        if (Reference(text, "$ref{") is { } target)
        {
            var resolved = depth < MaxReferenceDepth ? Get(target, depth + 1) : null;
            return setting with { Value = resolved?.Value, IsSecret = resolved?.IsSecret == true };
        }
        return setting with { Value = text };
    }

    /// <summary>The name inside a whole-value reference such as <c>$ref{super_admin.username}</c>; null when the value is not one.</summary>
    private static string? Reference(string text, string opening)
    {
        var trimmed = text.Trim();
        return trimmed.StartsWith(opening, StringComparison.Ordinal) && trimmed.EndsWith('}') ? trimmed[opening.Length..^1] : null;
    }
}
