using ApimLint.Diagnostics;
using ApimLint.Engine;
using ApimLint.Model;

namespace ApimLint.Rules.ReverseProxy;

public sealed class LocationWrongUpstream : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "APIM611", "location-wrong-upstream", RuleCategory.ReverseProxy, Severity.Error,
        "/carbon, /publisher and /admin must proxy to the manager upstream (the active's servlet port); /store to the servlet upstream of both nodes; API traffic to the NIO upstream of both nodes.",
        """
        ## What it does
        Classifies each location by the app it serves (from proxy_pass's URI part, else its own path):
        /carbon, /publisher and /admin are management locations, /store is the store. Any other
        location (`location /`, an API's context) is classified by the node port it reaches: API
        traffic when it reaches the nodes' NIO port (8243/8280 plus the port offset); a location that
        reaches their servlet port (9443/9763) passes the web apps through by their paths, such as a
        portal host's `location /` that serves /oauth2, /commonauth and /authenticationendpoint, and is
        not checked here (APIM603 checks where it sends the management apps). When the port cannot be
        told, the location is not checked. The rule then checks the upstream a classified location's
        proxy_pass names: the web apps need an upstream of the nodes' servlet port (9443), API traffic
        one of their NIO port (8243/8280); a management location must not share its upstream with the
        store or API traffic, and the store and API traffic must not use the management upstream. When
        both kinds use one upstream, the upstream decides which is misrouted: several servers mean it
        was meant for both nodes, a single server for the active alone.

        With `"artifactSync": "shared-filesystem"` in apimlint.json (both nodes mount the same
        `repository/deployment/server/synapse-configs` and `executionplans`, e.g. over NFS) a management
        location may proxy to an upstream of both nodes, such as `allnodes`, as long as the active is
        its primary server and the passive only a `backup`: what the Publisher deploys on the passive
        after a failover lands in the shared folder (
        [Distributed Deployment of the Gateway](https://apim.docs.wso2.com/en/3.0.0/install-and-setup/deploying-wso2-api-manager/distributed-deployment/distributed-deployment-of-the-gateway/):
        with a shared file system every node can deploy artifacts, unlike Rsync). The other checks (the port,
        the store and API traffic on the manager upstream) stay. Under the default, `"rsync"`, a
        management location on an upstream with both nodes is reported.

        ## Why it matters
        The guide routes the management apps to `manager-worker`, the active alone, because only the
        active's artifacts are copied to the passive; the store and the registry images to `allnodes`,
        and API traffic to `allnodes-traffic-https`/`-http`, with the passive as backup so that they
        survive the active's failure. A management location on an upstream with both nodes publishes
        on the passive after a failover, APIs that Rsync then deletes (see APIM603;
        [docs-apim PR 2770](https://github.com/wso2/docs-apim/pull/2770)); the store on the manager upstream is down whenever the active is; and a web app on a
        NIO port (or API traffic on the servlet port) answers 404 to every request.

        ## Example
        ```nginx
        location /admin {
            proxy_pass https://allnodes/admin;
        }
        ```

        ## How to fix
        Point the location at the upstream made for it: `proxy_pass https://manager-worker/admin;` in
        the example.
        """);

    public override IEnumerable<Diagnostic> Check(Deployment deployment)
    {
        var routing = NginxRouting.Of(deployment);
        foreach (var (_, location) in deployment.Nginx.Locations)
        {
            var role = routing.RoleOf(location);
            if (role == LocationRole.Other || routing.UpstreamOf(location) is not { } upstream) continue;
            var wantsServlet = role is LocationRole.Manager or LocationRole.Store;
            var wantedRole = role == LocationRole.Manager ? UpstreamRole.Manager : UpstreamRole.Shared;

            var reasons = new List<string>();
            if (routing.ServiceOfServers(upstream) is { } service && service.IsServlet() != wantsServlet)
                reasons.Add($"serves the nodes' {service.Label()}");
            var upstreamRole = routing.RoleOf(upstream);
            if (upstreamRole != UpstreamRole.None && upstreamRole != wantedRole && !PassiveBacksUpManagerApps(deployment, routing, role, upstream))
            {
                var others = routing.UsersOf(upstream)
                    .Where(u => (routing.RoleOf(u.Location) == LocationRole.Manager) != (role == LocationRole.Manager))
                    .Select(u => u.Location.PublicContext ?? u.Location.Path.Value).Distinct();
                reasons.Add(upstreamRole == UpstreamRole.Manager
                    ? $"is the manager upstream of {string.Join(", ", others)}"
                    : $"also serves {string.Join(", ", others)} with both nodes");
            }
            if (reasons.Count == 0) continue;

            var expectation = role switch
            {
                LocationRole.Manager => $"the {location.App} must reach the active's servlet port only",
                LocationRole.Store => "the store must reach both nodes' servlet port",
                _ => "API traffic must reach both nodes' NIO port",
            };
            var expected = routing.ExpectedService(location);
            var candidate = deployment.Nginx.Upstreams
                .Where(u => !ReferenceEquals(u, upstream) && routing.RoleOf(u) == wantedRole && routing.ServiceOfServers(u) is { } s && s.IsServlet() == wantsServlet)
                .OrderBy(u => routing.ServiceOfServers(u) == expected ? 0 : 1)
                .FirstOrDefault();
            var argument = location.ProxyPass!.Arguments[0];
            yield return Report(argument.Location,
                $"{NginxRouting.Display(location)} proxies to upstream {upstream.Name.Value}, which {string.Join(" and ", reasons)}: {expectation}" +
                (candidate is null ? "" : $"; use {candidate.Name.Value}"),
                routing.Key(location.ProxyPass),
                new RelatedLocation(upstream.Name.Location, $"upstream {upstream.Name.Value}"));
        }
    }

    /// <summary>
    /// On a shared file system a management location may use an upstream of both nodes whose primary is the active
    /// and where the passive is only a backup: what the passive publishes after a failover is the active's too.
    /// </summary>
    private static bool PassiveBacksUpManagerApps(Deployment deployment, NginxRouting routing, LocationRole role, NginxUpstream upstream)
    {
        if (deployment.ArtifactSync != ArtifactSync.SharedFilesystem || role != LocationRole.Manager) return false;
        if (routing.ServiceOfServers(upstream) is not { } service) return false;
        var members = routing.Members(upstream, service);
        return members.Any(m => m.Node == deployment.Active && !m.Server.IsBackup)
            && members.Where(m => m.Node == deployment.Passive).All(m => m.Server.IsBackup);
    }
}
