using ApimLint.Diagnostics;
using ApimLint.Engine;
using ApimLint.Model;

namespace ApimLint.Rules.ReverseProxy;

public sealed class CookiePathMismatch : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "APIM607", "cookie-path-mismatch", RuleCategory.ReverseProxy, Severity.Error,
        "A location's proxy_cookie_path must rewrite the cookie path of the app behind it to the location's own context.",
        """
        ## What it does
        For each `proxy_cookie_path path replacement;` inside a location, checks that `path` lies on
        the path the location proxies to (proxy_pass's URI part, else the location's own path; `/`
        covers every path) and that `replacement` lies on the location's own context. Regular-expression
        locations use the literal path they start with (`^/store/…` is /store); directives with
        variables or regular expressions are not checked.

        ## Why it matters
        The Jaggery apps set their session cookie on their own context (`/publisher`, `/admin`,
        `/store`). proxy_cookie_path is how nginx keeps that cookie on the path the browser uses; a
        directive that names another app's path rewrites nothing of this app's cookies. The guide's
        Admin Console block was copied from the Publisher's and kept `proxy_cookie_path /publisher
        /publisher;`: the admin cookie is never rewritten, which only works while the public context
        and the backend's are the same, and loops on the login page as soon as they differ.
        ([product-apim#6467](https://github.com/wso2/product-apim/issues/6467), [#6808](https://github.com/wso2/product-apim/issues/6808), [#8911](https://github.com/wso2/product-apim/issues/8911);
        [carbon-apimgt PR 7815](https://github.com/wso2/carbon-apimgt/pull/7815), [7669](https://github.com/wso2/carbon-apimgt/pull/7669).)

        ## Example
        ```nginx
        location /admin {
            proxy_pass https://manager-worker/admin;
            proxy_cookie_path /publisher /publisher;
        }
        ```

        ## How to fix
        Rewrite the location's own context: `proxy_cookie_path /admin /admin;` in the block above.

        Fix (safe): `apimlint --fix` rewrites the directive to the location's own paths: the backend path it
        proxies to, then its public path (`proxy_cookie_path /admin /admin;` in the guide's /admin block).
        """) { Fix = FixSafety.Safe };

    public override IEnumerable<Diagnostic> Check(Deployment deployment)
    {
        var routing = NginxRouting.Of(deployment);
        foreach (var (_, location) in deployment.Nginx.Locations)
        {
            foreach (var directive in location.ProxyCookiePaths)
            {
                if (directive.Arguments is not [var path, var replacement] || Dynamic(path.Value) || Dynamic(replacement.Value)) continue;
                var app = location.App is { } a ? $"the {a}'s cookies" : "its backend's cookies";
                var (argument, problem) =
                    location.BackendContext is { } backend && !NginxPaths.Overlap(path.Value, backend)
                        ? (path, $"rewrites cookies of path {path.Value}, not of the path it proxies to ({backend}): it never applies to {app}")
                        : location.PublicContext is { } own && !NginxPaths.Overlap(replacement.Value, own)
                            ? (replacement, $"moves cookies to path {replacement.Value}, outside the location's own context {own}: the browser does not send them back through it")
                            : (null, null);
                if (argument is null) continue;
                var fix = location.BackendContext is { } from && location.PublicContext is { } to ? $"; write proxy_cookie_path {from} {to}" : "";
                yield return Report(argument.Location,
                    $"{NginxRouting.Display(location)}: proxy_cookie_path {problem}{fix}",
                    routing.Key(directive) + $"[{path.Value}]")
                    with
                    {
                        Fix = location.BackendContext is { } backendPath && location.PublicContext is { } publicPath
                            ? Fix.Safe($"Rewrite the cookie path {backendPath} to {publicPath}", Edits.Replace(path.Location, backendPath), Edits.Replace(replacement.Location, publicPath))
                            : null,
                    };
            }
        }
    }

    private static bool Dynamic(string value) => value.Contains('$') || value.StartsWith('~') || value == "off";
}
