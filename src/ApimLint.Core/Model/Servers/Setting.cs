using ApimLint.Syntax.Toml;
using ApimLint.Text;

namespace ApimLint.Model.Servers;

/// <summary>Where a node's value for a key comes from.</summary>
public enum SettingSource
{
    /// <summary>Written in the node's deployment.toml.</summary>
    File,

    /// <summary>Not written: the release's default, which the node runs with.</summary>
    Default,
}

/// <summary>
/// One key of a node's effective configuration: the value the node runs with, where it comes from, and where a finding
/// about it points (the value when written; the table it belongs in, or the file's start, when it is a default).
/// </summary>
public sealed record Setting(string Path, SettingSource Source, Location Location)
{
    /// <summary>The value as the node reads it: <c>$ref{…}</c> followed; null when unknown before start-up (<c>$env{…}</c>, <c>$sys{…}</c>) or for an array.</summary>
    public string? Value { get; init; }

    /// <summary>The value as written (or the default's text).</summary>
    public string? Written { get; init; }

    /// <summary>Written as <c>$secret{alias}</c>: an encrypted value of <c>[secrets]</c>, never shown.</summary>
    public bool IsSecret { get; init; }

    /// <summary>The items of an array, in order; empty for a scalar.</summary>
    public IReadOnlyList<Setting> Items { get; init; } = [];

    public bool IsArray { get; init; }

    /// <summary>A scalar whose value is not known before the node starts: <c>$env{…}</c>, <c>$sys{…}</c>, or a reference to one.</summary>
    public bool IsUnknown => !IsArray && !IsSecret && Value is null;

    /// <summary>The value's syntax when written, for fixes that replace it.</summary>
    public TomlValueSyntax? Syntax { get; init; }

    /// <summary>A key as people write it in messages: <c>[apim.key_manager] service_url</c> for <c>apim.key_manager.service_url</c>.</summary>
    public static string Display(string path) =>
        path.LastIndexOf('.') is var split and > 0 ? $"[{path[..split]}] {path[(split + 1)..]}" : path;

    /// <summary>The value as a message quotes it: as written, or "(not written; its default) …" for a default.</summary>
    public string? Shown => Source == SettingSource.File ? Written : $"(not written; its default) {Written}";

    /// <summary>The value read as a boolean (TOML's, or a string "true"/"false", which the configuration mapper also accepts); null otherwise.</summary>
    public bool? AsBoolean => Value?.Trim().ToLowerInvariant() switch { "true" => true, "false" => false, _ => null };

    /// <summary>The values an array holds, or the scalar itself as one value (the mapper reads a single string where a list is expected).</summary>
    public IReadOnlyList<Setting> Values => IsArray ? Items : [this];
}
