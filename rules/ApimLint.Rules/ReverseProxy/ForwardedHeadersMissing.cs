using ApimLint.Diagnostics;
using ApimLint.Engine;
using ApimLint.Model;

namespace ApimLint.Rules.ReverseProxy;

public sealed class ForwardedHeadersMissing : Rule
{
    private static readonly string[] Required = ["X-Forwarded-Host", "X-Forwarded-Server", "X-Forwarded-For"];

    public override RuleDescriptor Descriptor { get; } = new(
        "APIM612", "forwarded-headers-missing", RuleCategory.ReverseProxy, Severity.Warning,
        "A location that proxies a web app (store, publisher, admin, carbon) must set X-Forwarded-Host, X-Forwarded-Server and X-Forwarded-For.",
        """
        ## What it does
        For each location that proxies to one of the web apps (the store, the Publisher, the Admin
        Portal, the management console, including the guide's registry-image locations), checks that
        the `proxy_set_header` directives in effect set `X-Forwarded-Host`, `X-Forwarded-Server` and
        `X-Forwarded-For`. As in nginx, a location that sets no header of its own inherits those of
        the server or http level; one that sets any inherits none. API traffic (`location /`) is not a
        web app and is not checked. Nothing is reported for a location when an include in it or
        around it (server, http) was not read, since that file may set the headers.

        ## Why it matters
        Each of the guide's web app locations sets the three headers. With reverseProxy
        `"enabled": "auto"` the Jaggery apps "look for X-Forwarded-* headers" (site.json's own comment)
        to build their links and redirects for the proxy's host, and X-Forwarded-For carries the
        client's address, which the servers otherwise see as nginx's: without the headers, redirects
        name the backend's host and every login seems to come from the proxy. (The guide's nginx
        block; site.json `reverseProxy`;
        [product-apim#6467](https://github.com/wso2/product-apim/issues/6467), [#6808](https://github.com/wso2/product-apim/issues/6808), [#8911](https://github.com/wso2/product-apim/issues/8911).)

        ## Example
        ```nginx
        location /store {
            proxy_pass https://allnodes/store;
        }
        ```

        ## How to fix
        Add the headers to the location (or to the server, for locations that set none of their own):
        ```nginx
        proxy_set_header X-Forwarded-Host $host;
        proxy_set_header X-Forwarded-Server $host;
        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
        ```
        """);

    private static IEnumerable<string> Consequences(List<string> missing)
    {
        if (missing.Any(h => h != "X-Forwarded-For")) yield return "the app cannot learn the proxy's host from the request";
        if (missing.Contains("X-Forwarded-For")) yield return "the client's address is lost";
    }

    /// <summary>
    /// Whether every include that could set the location's headers was read: in the location or around it, and,
    /// for a site file's location that inherits from the top, in the http block around the file, which is unseen.
    /// </summary>
    private static bool HeadersAreKnown(NginxModel nginx, NginxLocation location) =>
        nginx.IsReadCompletely(location.Directive) &&
        !(nginx.IsSiteFile && location.ProxyHeaders.Values.FirstOrDefault()?.Parent is null);

    public override IEnumerable<Diagnostic> Check(Deployment deployment)
    {
        var routing = NginxRouting.Of(deployment);
        foreach (var (_, location) in deployment.Nginx.Locations)
        {
            if (location.ProxyPass is null || location.App is not { } app) continue;
            var missing = Required.Where(h => !location.ProxyHeaders.ContainsKey(h)).ToList();
            if (missing.Count == 0 || !HeadersAreKnown(deployment.Nginx, location)) continue;
            // nginx's trap: a level with one proxy_set_header of its own inherits none from above.
            var effective = location.ProxyHeaders.Values.FirstOrDefault()?.Parent;
            var shadowed = effective?.Ancestors()
                .FirstOrDefault(a => a.FindAll("proxy_set_header").Any(h => h.Arguments.Count > 0 && missing.Contains(h.Arguments[0].Value, StringComparer.OrdinalIgnoreCase)));
            var inherited = shadowed is null
                ? ""
                : $" (the {shadowed.Name} level sets them, but the proxy_set_header directives of the {effective!.Name} level replace the inherited ones)";
            yield return Report(location.Path.Location,
                $"{NginxRouting.Display(location)} proxies the {app} without setting {string.Join(", ", missing)}{inherited}: " +
                string.Join(", and ", Consequences(missing)),
                routing.Key(location.Directive) + "/proxy_set_header");
        }
    }
}
