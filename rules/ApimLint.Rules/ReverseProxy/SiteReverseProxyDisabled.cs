using ApimLint.Diagnostics;
using ApimLint.Engine;
using ApimLint.Model;

namespace ApimLint.Rules.ReverseProxy;

public sealed class SiteReverseProxyDisabled : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "APIM609", "site-reverse-proxy-disabled", RuleCategory.ReverseProxy, Severity.Error,
        "On both nodes, the site.json of each web app nginx proxies (store, publisher, admin) must have reverseProxy enabled.",
        """
        ## What it does
        For each of the store, publisher and admin apps that an nginx location proxies to, checks on
        both nodes that `repository/deployment/server/jaggeryapps/<app>/site/conf/site.json` has a
        `reverseProxy` block whose `enabled` is `true` or `"auto"`.

        ## Why it matters
        A 2.6.0 pack ships `"enabled": false`. With it, the Jaggery app builds its links, its login
        redirects and its registry URLs for its own host and port (`https://localhost:9443/store/…`)
        instead of the proxy's: behind nginx the browser leaves the proxy, or loops on the login page.
        The guide enables it in all three apps before copying the active to make the passive; a
        passive set up from a fresh pack takes over with the default and fails only after failover.
        (The guide's site.json steps; [product-apim#6467](https://github.com/wso2/product-apim/issues/6467),
        [#8911](https://github.com/wso2/product-apim/issues/8911).)

        ## Example
        ```json
        "reverseProxy" : {
            "enabled" : false,
            "host" : "sample.proxydomain.com",
            "context":"",
        }
        ```

        ## How to fix
        Enable it with the proxy's host and the app's nginx location, as the guide does for the store:
        `"enabled" : true, "host" : "localhost", "context":"/store"` (see APIM610).

        Fix (safe): `apimlint --fix` turns `"enabled" : false` into `true` where nginx proxies the app, as
        the guide does; host and context are APIM610's.
        """) { Fix = FixSafety.Safe };

    /// <summary>A JSON false written as a literal, not as the string "false": true then keeps its type.</summary>
    private static bool IsBareLiteral(Located<string> value) =>
        value.Location is { Source: { } source, Span: { } span } && span.Start > 0 && source.Text[span.Start - 1] != '"';

    public override IEnumerable<Diagnostic> Check(Deployment deployment)
    {
        // Per web app, the location that serves it: the first prefix location, else the first regular expression.
        var served = new Dictionary<string, NginxLocation>(StringComparer.Ordinal);
        foreach (var location in deployment.Nginx.Locations.Select(x => x.Location).Where(l => l.Target is not null && l.App is not null))
            if (!served.TryGetValue(location.App!, out var known) || known.IsRegex && !location.IsRegex) served[location.App!] = location;
        foreach (var node in deployment.Nodes)
        {
            foreach (var site in node.Sites)
            {
                if (site.File.Syntax?.Root is not { } root || site.IsReverseProxyEnabled || !served.TryGetValue(site.App, out var location)) continue;
                var (where, state) = site.Enabled is { } enabled
                    ? (enabled.Location, $"reverseProxy enabled {enabled.Value}")
                    : site.ReverseProxy is { } block
                        ? (block.Location, "no reverseProxy enabled (false by default)")
                        : (root.Location, "no reverseProxy block (disabled by default)");
                yield return Report(where,
                    $"{node.Name}'s {site.App} site.json has {state}, but nginx serves the {site.App} at {location.PublicContext ?? location.Path.Value}: " +
                    "the app builds its links and login redirects for its own host and port instead of the proxy's",
                    Key(node, site.File, "/reverseProxy/enabled"),
                    new RelatedLocation(location.Path.Location, $"nginx location of the {site.App}"))
                    with { Fix = site.Enabled is { Value: "false" } literal && IsBareLiteral(literal) ? Fix.Safe($"Enable the {site.App}'s reverse proxy", Edits.Replace(literal.Location, "true")) : null };
            }
        }
    }
}
