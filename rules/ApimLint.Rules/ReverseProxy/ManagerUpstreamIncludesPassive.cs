using ApimLint.Diagnostics;
using ApimLint.Engine;
using ApimLint.Model;

namespace ApimLint.Rules.ReverseProxy;

public sealed class ManagerUpstreamIncludesPassive : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "APIM603", "manager-upstream-includes-passive", RuleCategory.ReverseProxy, Severity.Error,
        "Whatever location nginx picks for /carbon, /publisher and /admin must reach the active node and only the active node.",
        """
        ## What it does
        For each upstream that only the management locations (/carbon, /publisher, /admin, and regular
        expressions under them) proxy to, reports a server that is the passive node (even as `backup`)
        and an upstream none of whose servers is the active node. Servers are matched to nodes by their
        address and port as in APIM601.

        It also follows the management apps through every other location: for each virtual server it
        finds the location nginx would pick for `/carbon/`, `/publisher/` and `/admin/` (an exact `=`
        match, else the longest matching prefix, final when it is `^~`, else the first matching regular
        expression in file order, else that prefix:
        [nginx's location directive](https://nginx.org/en/docs/http/ngx_http_core_module.html#location)).
        When that location is not a management one (a `location /`, or a server that passes every path
        on, port for port) and proxies to the passive's servlet port (9443/9763 plus its port offset),
        through an upstream or a host and port written directly, the passive is reported there. Each
        upstream server line is reported once, naming the paths and locations that reach it (the first
        three, and how many more). A management location's own upstream, when it is not the manager
        upstream, is APIM611's.

        With `"artifactSync": "shared-filesystem"` in apimlint.json (both nodes mount the same
        `repository/deployment/server/synapse-configs` and `executionplans`, e.g. over NFS) what the
        passive publishes lands where the active reads it, so the passive may stand behind the
        management apps as `backup` (
        [Distributed Deployment of the Gateway](https://apim.docs.wso2.com/en/3.0.0/install-and-setup/deploying-wso2-api-manager/distributed-deployment/distributed-deployment-of-the-gateway/):
        with a shared file system every node can deploy artifacts, unlike Rsync). The rule still reports the
        passive as a primary server (the apps would run on both nodes at once) and an upstream that
        reaches the passive and not the active. Under the default, `"rsync"`, it reports the passive
        even as `backup`.

        ## Why it matters
        The guide routes the management console, the Publisher and the Admin Portal to `manager-worker`,
        which holds the active node alone: everything that creates artifacts must happen on the active,
        whose synapse-configs are copied to the passive by a one-way Rsync. An API published through
        the passive lands in the passive's synapse-configs, and the next Rsync from the active deletes
        it: the API answers 404 after the next failover or sync (
        [docs-apim PR 2770](https://github.com/wso2/docs-apim/pull/2770), [#2259](https://github.com/wso2/docs-apim/issues/2259); [API-M 2.5 active-active guide](https://wso2docs.atlassian.net/wiki/spaces/AM250/pages/28345309/Configuring+an+Active-Active+Deployment)).

        ## Example
        ```nginx
        upstream manager-worker {
            server 127.0.0.1:9443;
            server 127.0.0.1:9444 backup;
        }
        ```

        A server that passes every path to a pool of both nodes sends the management apps there too,
        though it has no location for them:
        ```nginx
        upstream apim-9443 {
            server 192.168.10.1:9443;
            server 192.168.10.2:9443 backup;
        }
        server {
            listen 9443 ssl;
            location / {
                proxy_pass https://apim-9443;
            }
        }
        ```

        ## How to fix
        Keep only the active's HTTPS servlet port in the manager upstream (`server 127.0.0.1:9443;`).
        When the active fails for good, make the passive the active (point the upstream and Rsync at
        it) rather than letting nginx fail the consoles over on its own. For a `location /` that reaches
        the passive, give the server locations of its own for /carbon, /publisher and /admin on the
        manager upstream, as the guide's configuration does.
        """);

    public override IEnumerable<Diagnostic> Check(Deployment deployment)
    {
        var routing = NginxRouting.Of(deployment);
        var sharedFilesystem = deployment.ArtifactSync == ArtifactSync.SharedFilesystem;
        var why = sharedFilesystem
            ? "the management console, Publisher and Admin Portal must run on the active, with the passive at most as backup"
            : "the management console, Publisher and Admin Portal must run on the active only, whose artifacts Rsync copies to the passive";

        // Any other location nginx picks for /carbon/, /publisher/ or /admin/ (location /, a port-for-port server), by the upstream
        // it proxies to; a management location's own upstream is judged below, or by APIM611 when it is not the manager upstream.
        var routedTo = new Dictionary<NginxUpstream, List<string>>(ReferenceEqualityComparer.Instance as IEqualityComparer<NginxUpstream>);
        foreach (var route in routing.ManagementRoutes().GroupBy(r => r.Location, ReferenceEqualityComparer.Instance as IEqualityComparer<NginxLocation>))
        {
            var location = route.Key;
            var paths = string.Join(", ", route.Select(r => NginxPaths.Normalize(r.Path)));
            var where = $"{NginxRouting.Display(location)} of server {Describe(route.First().Server)}";
            if (routing.UpstreamOf(location) is { } upstream)
            {
                if (routing.RoleOf(location) != LocationRole.Manager)
                    (routedTo.TryGetValue(upstream, out var ways) ? ways : routedTo[upstream] = []).Add($"{paths} through {where}");
            }
            else if (routing.NodeReachedDirectly(location) is { } reached && reached.Node == deployment.Passive && reached.Service.IsServlet())
            {
                var argument = location.ProxyPass!.Arguments[0];
                yield return Report(argument.Location,
                    $"{where} proxies {paths} to passive's {reached.Service.Label()} {location.Target!.Host}:{location.Target.Port}: {why}",
                    routing.Key(location.ProxyPass));
            }
        }

        // One finding per upstream server line of the passive's, naming the ways the management paths reach it.
        foreach (var upstream in deployment.Nginx.Upstreams)
        {
            var managed = routing.RoleOf(upstream) == UpstreamRole.Manager ? routing.ServiceOf(upstream) : null;
            var routes = routedTo.GetValueOrDefault(upstream);
            if (managed is null && routes is null) continue;
            var targets = upstream.Servers.Select(routing.Resolve).ToList();
            var ways = new List<string>();
            if (managed is not null)
                ways.Add(string.Join(", ", routing.UsersOf(upstream).Select(u => u.Location.PublicContext ?? u.Location.Path.Value).Distinct()));
            ways.AddRange(routes ?? []);
            var behind = Enumerate(ways);
            // Reaching only the passive is one slip: the server is the passive's where the active's belongs.
            var onlyPassive = managed is { } service && targets.All(t => t.Node == deployment.Passive && t.Service == service);

            foreach (var target in targets.Where(t => t.Node == deployment.Passive && (managed is not null && t.Service == managed || routes is not null && t.Service?.IsServlet() == true)))
            {
                var server = target.Server;
                // On a shared file system what the passive publishes is the active's too: it may stand by as backup.
                if (sharedFilesystem && !onlyPassive && server.IsBackup) continue;
                yield return Report(server.Address.Location, onlyPassive
                        ? $"upstream {upstream.Name.Value}, behind {behind}, reaches passive's server {server.Address.Value} and not the active: " +
                          $"it should be active's {target.Service!.Value.Label()} {routing.AddressFor(deployment.Active, target.Service.Value, upstream)}"
                        : $"upstream {upstream.Name.Value}, behind {behind}, includes passive's server {server.Address.Value}" +
                          (server.IsBackup ? " as backup" : "") + $": {why}",
                    routing.Key(server.Directive));
            }
        }
    }

    /// <summary>The first few ways in, then how many more: thousands of servers may pass the paths to one upstream.</summary>
    private static string Enumerate(List<string> ways) =>
        ways.Count <= ShownWays ? string.Join(" and ", ways)
        : $"{string.Join(" and ", ways.Take(ShownWays))} and {ways.Count - ShownWays} more location{(ways.Count - ShownWays == 1 ? "" : "s")}";

    private const int ShownWays = 3;

    /// <summary>"apim.example.com listening on 9443": port-for-port servers often share one name.</summary>
    private static string Describe(NginxServer server) =>
        server.ServerNames.FirstOrDefault()?.Value is { Length: > 0 } && server.Listens.Count > 0
            ? $"{server.DisplayName} listening on {server.Listens[0].Directive.Arguments[0].Value}"
            : server.DisplayName;
}
