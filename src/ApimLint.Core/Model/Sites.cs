using ApimLint.Syntax.Json;

namespace ApimLint.Model;

/// <summary>The reverseProxy block of a Jaggery app's site.json (store, publisher, admin).</summary>
public sealed record SiteConfig(string App, ConfigFile<JsonDocumentSyntax> File, JsonObjectSyntax? ReverseProxy,
    Located<string>? Enabled, Located<string>? Host, Located<string>? Context)
{
    public bool IsReverseProxyEnabled => Enabled?.Value is "true" or "auto";
}
