using ApimLint.Diagnostics;
using ApimLint.Engine;
using ApimLint.Model;

namespace ApimLint.Rules.ReverseProxy;

public sealed class SiteReverseProxyContextMismatch : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "APIM610", "site-reverse-proxy-context-mismatch", RuleCategory.ReverseProxy, Severity.Error,
        "A web app's site.json reverseProxy context must be the nginx location that serves the app, and its host the server_name of that server.",
        """
        ## What it does
        For each node and each of the store, publisher and admin apps whose site.json enables
        `reverseProxy`, finds the nginx prefix locations that proxy to the app and checks that
        `reverseProxy.context` is one of their paths (a trailing slash does not matter) and that
        `reverseProxy.host` (without a port) is one of the `server_name`s of their servers, when those
        are exact names. With `"enabled": "auto"` the host comes from the X-Forwarded-Host header and
        is not checked.

        ## Why it matters
        The app writes every link, redirect and cookie path with `context` in front and `host` as the
        host. A context that differs from the nginx location sends the browser to a path nginx does not
        route to the app (or routes to another one), and the login redirect loops; a host that differs
        from the proxy's name takes the user away from the proxy. The guide's values (`localhost`,
        `/store`, `/publisher`, `/admin`) fit its own nginx block only. (
        [product-apim#6467](https://github.com/wso2/product-apim/issues/6467), [#6808](https://github.com/wso2/product-apim/issues/6808), [#8911](https://github.com/wso2/product-apim/issues/8911);
        [carbon-apimgt PR 7815](https://github.com/wso2/carbon-apimgt/pull/7815), [7669](https://github.com/wso2/carbon-apimgt/pull/7669).)

        ## Example
        nginx serves the store at `location /store`, but the passive's store site.json says:
        ```json
        "reverseProxy" : {
            "enabled" : true,
            "host" : "localhost",
            "context":"",
        }
        ```

        ## How to fix
        Write the location's path as `context` and the server's name as `host` on both nodes:
        `"host" : "localhost", "context":"/store"` for the guide's configuration.

        Fix (safe when nginx serves the app at one path and under one name): `apimlint --fix` writes nginx's
        location path as `context` and its server_name as `host`: nginx is where the users arrive.
        """) { Fix = FixSafety.Safe };

    public override IEnumerable<Diagnostic> Check(Deployment deployment)
    {
        foreach (var node in deployment.Nodes)
        {
            foreach (var site in node.Sites)
            {
                if (site.File.Syntax?.Root is null || !site.IsReverseProxyEnabled) continue;
                var serving = deployment.Nginx.Locations
                    .Where(x => !x.Location.IsRegex && x.Location.Target is not null && x.Location.App == site.App).ToList();
                if (serving.Count == 0) continue;
                var first = serving[0].Location;

                var contexts = serving.Select(x => x.Location.PublicContext!).Distinct().ToList();
                var context = site.Context?.Value ?? "";
                if (!contexts.Contains(NginxPaths.Normalize(context)!))
                {
                    yield return Report(site.Context?.Location ?? site.ReverseProxy!.Location,
                        $"{node.Name}'s {site.App} site.json reverseProxy context is {(site.Context is null ? "not set" : context.Length == 0 ? "empty" : context)}, " +
                        $"but nginx serves the {site.App} at {string.Join(", ", contexts)}: the app's links and redirects miss the location",
                        Key(node, site.File, "/reverseProxy/context"),
                        new RelatedLocation(first.Path.Location, $"nginx location of the {site.App}"))
                        with { Fix = site.Context is { } written && contexts.Count == 1 ? Fix.Safe($"Set the {site.App}'s context to {contexts[0]}", Edits.Replace(written.Location, contexts[0])) : null };
                }

                var servers = serving.Select(x => x.Server).Distinct().ToList();
                if (site.Enabled?.Value == "auto" || site.Host is not { } host || !servers.All(s => s.HasOnlyExactNames)) continue;
                var hostName = HostName(host.Value);
                var names = servers.SelectMany(s => s.ExactNames).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
                if (names.Any(n => n.Equals(hostName, StringComparison.OrdinalIgnoreCase))) continue;
                yield return Report(host.Location,
                    $"{node.Name}'s {site.App} site.json reverseProxy host is {host.Value}, but nginx serves the {site.App} as {string.Join(", ", names)}: " +
                    "the app's links and redirects leave the proxy",
                    Key(node, site.File, "/reverseProxy/host"),
                    new RelatedLocation(servers[0].ServerNames[0].Location, "nginx server_name"))
                    with { Fix = names.Count == 1 ? Fix.Safe($"Set the {site.App}'s host to {names[0]}", Edits.Replace(host.Location, names[0])) : null };
            }
        }
    }

    /// <summary>"apim.example.com:443" → "apim.example.com"; an IPv6 literal keeps its colons.</summary>
    private static string HostName(string host)
    {
        var colon = host.LastIndexOf(':');
        return colon > 0 && !host.EndsWith(']') && host.IndexOf(':') == colon ? host[..colon] : host;
    }
}
