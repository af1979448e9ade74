using ApimLint.Syntax;
using ApimLint.Diagnostics;
using ApimLint.Engine;
using ApimLint.Model;
using ApimLint.Text;

namespace ApimLint.Rules.ReverseProxy;

public sealed class UpstreamUndefined : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "APIM613", "upstream-undefined", RuleCategory.ReverseProxy, Severity.Error,
        "Every upstream name a proxy_pass uses must be defined by an upstream block.",
        """
        ## What it does
        Reports a `proxy_pass` whose host is a bare name (no dot, no port, no variable, not an IP
        address or `localhost`) that no `upstream` block defines. nginx compares upstream names without
        regard to case, and so does this rule.
        Nothing is reported when an include at the http level (or
        above) was not read, or when the file given is a site file without `http {}`: the upstream may
        be defined where apimlint did not look.

        ## Why it matters
        nginx takes a proxy_pass host it has no upstream for as a host name to resolve when it starts;
        a misspelt or renamed upstream (`allnode` for `allnodes`, an upstream renamed in one place) does
        not resolve and nginx refuses to start: `host not found in upstream "allnode"`. The guide's
        block defines four upstreams used by eight locations, which makes such a slip easy when
        adapting it.

        ## Example
        ```nginx
        upstream allnodes { … }
        location /store {
            proxy_pass https://allnode/store;
        }
        ```

        ## How to fix
        Use the name of the upstream the location needs (`allnodes` above), or define the upstream.
        """);

    public override IEnumerable<Diagnostic> Check(Deployment deployment)
    {
        // Upstreams defined in a file that was not read, or in the nginx.conf around a site file, are unknown, not missing.
        if (!deployment.Nginx.HttpLevelIsComplete) yield break;
        var routing = NginxRouting.Of(deployment);
        foreach (var (_, location) in deployment.Nginx.Locations)
        {
            if (location.Target is not { Port: null } target || !LooksLikeUpstreamName(target.Host) || deployment.Nginx.Upstream(target.Host) is not null)
                continue;
            var closest = deployment.Nginx.Upstreams
                .Select(u => (Upstream: u, Distance: EditDistance.Between(u.Name.Value.ToLowerInvariant(), target.Host.ToLowerInvariant())))
                .Where(c => c.Distance <= 3)
                .OrderBy(c => c.Distance)
                .Select(c => c.Upstream)
                .FirstOrDefault();
            var argument = location.ProxyPass!.Arguments[0];
            yield return Report(argument.Location,
                $"{NginxRouting.Display(location)} proxies to {target.Host}, which no upstream block defines: " +
                $"nginx does not start (host not found in upstream \"{target.Host}\")" +
                (closest is null ? "" : $"; did you mean {closest.Name.Value}?"),
                routing.Key(location.ProxyPass),
                closest is null ? [] : [new RelatedLocation(closest.Name.Location, $"upstream {closest.Name.Value}")]);
        }
    }

    private static bool LooksLikeUpstreamName(string host) =>
        host.Length > 0 && !host.Contains('.') && !host.Contains('$') && !host.Contains(':') && !host.StartsWith('[') &&
        !Hosts.IsLoopback(host) && !IpLiterals.IsAddress(host);
}
