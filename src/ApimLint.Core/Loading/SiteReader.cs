using ApimLint.Model;
using ApimLint.Syntax.Json;
using ApimLint.Text;

namespace ApimLint.Loading;

/// <summary>Reads a Jaggery app's site.json and its reverseProxy block.</summary>
internal static class SiteReader
{
    public static SiteConfig Read(string home, string app)
    {
        var file = ConfigFileLoader.Json(home, $"repository/deployment/server/jaggeryapps/{app}/site/conf/site.json");
        var proxy = (file.Syntax?.Root as JsonObjectSyntax)?.Property("reverseProxy")?.Value as JsonObjectSyntax;
        return new SiteConfig(app, file, proxy, Scalar(proxy, "enabled"), Scalar(proxy, "host"), Scalar(proxy, "context"));
    }

    private static Located<string>? Scalar(JsonObjectSyntax? parent, string name) =>
        parent?.Property(name)?.Value is JsonScalarSyntax scalar
            ? new Located<string>(scalar.Value, Location.InFile(scalar.Source, scalar.ValueSpan))
            : null;
}
