using ApimLint.Diagnostics;
using ApimLint.Engine;
using ApimLint.Model;

namespace ApimLint.Rules.ReverseProxy;

public sealed class ProxyRedirectMismatch : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "APIM608", "proxy-redirect-mismatch", RuleCategory.ReverseProxy, Severity.Warning,
        "A location's proxy_redirect must rewrite the backend's redirects to the location's own context on this server's host.",
        """
        ## What it does
        For each `proxy_redirect redirect replacement;` inside a location, checks that the replacement
        leads back to the location: its path lies on the location's own context, and, when it is an
        absolute URL, its host is one of the server's `server_name`s (when those are exact names).
        Regular-expression locations use the literal path they start with; `default`, `off` and
        replacements with variables are not checked.

        ## Why it matters
        When the Publisher, the Admin Portal or the Store redirect (to the login page, after login),
        nginx rewrites the `Location` header with proxy_redirect. A replacement that names another
        app's context sends the user to that app; one that names another host (the guide's
        `https://localhost/…` copied to a proxy with a real name) sends the browser to the user's own
        machine. Either way the login never completes. (
        [product-apim#6467](https://github.com/wso2/product-apim/issues/6467), [#6808](https://github.com/wso2/product-apim/issues/6808), [#8911](https://github.com/wso2/product-apim/issues/8911).)

        ## Example
        ```nginx
        server {
            server_name apim.example.com;
            location /store {
                proxy_pass https://allnodes/store;
                proxy_redirect https://allnodes/store https://localhost/store;
        ```

        ## How to fix
        Rewrite to the location's context on the proxy's own name:
        `proxy_redirect https://allnodes/store https://apim.example.com/store;`, or a path alone
        (`proxy_redirect https://allnodes/store /store;`), which nginx completes with the request's host.
        `proxy_redirect default` only rewrites the proxy_pass URL: redirects that carry the backend's
        own host and port (9443 on the active, 9444 on the passive with offset 1) pass unchanged, which
        catalina-server.xml's `proxyPort` prevents (product-apim#8624).
        """);

    public override IEnumerable<Diagnostic> Check(Deployment deployment)
    {
        var routing = NginxRouting.Of(deployment);
        foreach (var (server, location) in deployment.Nginx.Locations)
        {
            foreach (var directive in location.ProxyRedirects)
            {
                if (directive.Arguments is not [var redirect, var replacement] || replacement.Value.Contains('$') || redirect.Value.StartsWith('~'))
                    continue;
                var value = replacement.Value;
                var target = value.StartsWith('/') ? null : ProxyTarget.Parse(value);
                if (target is null && !value.StartsWith('/')) continue;
                var path = target is null ? value : target.Uri ?? "/";

                var problems = new List<string>();
                if (target is not null && server.HasOnlyExactNames &&
                    !server.ExactNames.Any(n => n.Equals(target.Host, StringComparison.OrdinalIgnoreCase)))
                    problems.Add($"host {target.Host} is not this server's name ({string.Join(", ", server.ExactNames)})");
                if (location.PublicContext is { } own && !NginxPaths.Overlap(path, own))
                    problems.Add($"path {path} is not the location's own context {own}");
                if (problems.Count == 0) continue;

                yield return Report(replacement.Location,
                    $"{NginxRouting.Display(location)}: proxy_redirect sends the backend's redirects to {value}, which does not lead back here: " +
                    string.Join(" and ", problems),
                    routing.Key(directive) + $"[{redirect.Value}]");
            }
        }
    }
}
