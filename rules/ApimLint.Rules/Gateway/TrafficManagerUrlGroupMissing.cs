using ApimLint.Diagnostics;
using ApimLint.Engine;
using ApimLint.Model;
using ApimLint.Model.Servers;

namespace ApimLint.Rules.Gateway;

public sealed class TrafficManagerUrlGroupMissing : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "APIM514", "traffic-manager-url-group-missing", RuleCategory.Gateway, Severity.Error,
        "A node that serves API traffic must publish its throttle events to every traffic manager: one [[apim.throttling.url_group]] must reach each.",
        """
        ## What it does
        For each all-in-one node and gateway, reads its `[[apim.throttling.url_group]]` tables and checks that
        the `traffic_manager_urls` reach each node of the deployment that runs a Traffic Manager (an all-in-one
        node or a traffic manager) on its binary receiver: port 9611 plus that node's offset. Without any
        url_group, the node publishes to its own Traffic Manager only (carbon-apimgt's `api-manager.xml.j2`
        template). It reports each Traffic Manager no url_group reaches. An address apimlint cannot tie to a node
        (a load balancer, a name apimlint.json does not give) may reach any of them: then it says nothing about
        that node. It stays silent for a node that writes `[apim.throttling] receiver_url`, which the template
        uses instead of the url_groups.

        ## Why it matters
        Each Traffic Manager counts only the requests whose events it receives. A gateway that does not publish
        to one of them leaves that Traffic Manager's counters short: its decisions come late or never, and after
        a failover the survivor starts from what it was told. WSO2's guides give every gateway (and each
        all-in-one node) one url_group per Traffic Manager
        (apim.docs.wso2.com/en/4.4.0/install-and-setup/setup/single-node/configuring-an-active-active-deployment/,
        step "Configure Rate Limiting"; apim.docs.wso2.com/en/4.5.0/install-and-setup/setup/distributed-deployment/deploying-wso2-api-m-in-a-distributed-setup/).

        ## Example
        On node1 (10.0.1.11) of an all-in-one pair with node2 (10.0.1.12):
        ```toml
        [[apim.throttling.url_group]]
        traffic_manager_urls = ["tcp://10.0.1.11:9611"]
        traffic_manager_auth_urls = ["ssl://10.0.1.11:9711"]
        ```

        ## How to fix
        Add one url_group for each Traffic Manager missing:
        ```toml
        [[apim.throttling.url_group]]
        traffic_manager_urls = ["tcp://10.0.1.12:9611"]
        traffic_manager_auth_urls = ["ssl://10.0.1.12:9711"]
        ```
        """) { Versions = VersionRange.ApiManager32AndLater };

    public override IEnumerable<Diagnostic> Check(Deployment deployment)
    {
        var trafficManagers = deployment.Servers.Where(s => s.Role.RunsTrafficManager() && s.PortsKnown).ToList();
        foreach (var node in deployment.Servers.Where(n => n.Role.RunsGateway() && TrafficManagerUrlGroups.Apply(n)))
        {
            var groups = TrafficManagerUrlGroups.Of(deployment, node);
            var items = groups.SelectMany(g => g.Items).ToList();
            if (items.Any(i => i.Reach.Kind == ReachKind.Unknown)) continue;
            // Without a url_group, the node publishes to its own receiver (tcp://${carbon.local.ip}:${receiver.url.port}).
            var reached = groups.Count == 0 ? new[] { node }.Where(n => n.Role.RunsTrafficManager()).ToHashSet()
                : items.Select(i => i.Reach.Node).OfType<ServerNode>().ToHashSet();
            var place = groups.Count > 0 ? node.Settings.PlaceFor($"{groups[0].Path}.traffic_manager_urls") : node.Settings.PlaceFor(TrafficManagerUrlGroups.ArrayPath);
            var published = groups.Count == 0 ? "has no [[apim.throttling.url_group]], so it publishes to its own Traffic Manager only"
                : $"[[apim.throttling.url_group]] traffic_manager_urls reach {(reached.Count == 0 ? "no Traffic Manager" : string.Join(", ", reached.Select(n => n.Name).Order(StringComparer.Ordinal)))}";
            foreach (var tm in trafficManagers.Where(tm => !reached.Contains(tm)))
            {
                var missing = tm == node ? "its own Traffic Manager" : tm.Name;
                yield return Report(place,
                    $"{node.Name}'s {published}, not {missing}: {missing} never counts the requests {node.Name} serves; add a url_group with " +
                    $"traffic_manager_urls = [\"{ServerEndpoints.Address(tm, "tcp", ServerPorts.ThrottleReceiver)}\"]",
                    ServerEndpoints.Key(node, $"{TrafficManagerUrlGroups.ArrayPath}:{tm.Name}"));
            }
        }
    }
}
