using ApimLint.Diagnostics;
using ApimLint.Engine;
using ApimLint.Model;
using ApimLint.Model.Servers;

namespace ApimLint.Rules.Gateway;

public sealed class TrafficManagersShareUrlGroup : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "APIM515", "traffic-managers-share-url-group", RuleCategory.Gateway, Severity.Warning,
        "Two traffic managers in one loadbalance url_group each receive only part of the throttle events: give each its own [[apim.throttling.url_group]].",
        """
        ## What it does
        For each all-in-one node and gateway, reports a `[[apim.throttling.url_group]]` with
        `type = "loadbalance"` whose `traffic_manager_urls` reach two or more different nodes that run a Traffic
        Manager (binary receiver, port 9611 plus the node's offset). Addresses apimlint cannot tie to a node are
        not counted; a node that writes `[apim.throttling] receiver_url` (used instead of the url_groups) is not
        checked. It is a warning because it is read from the configuration template, not observed on a
        running node.

        ## Why it matters
        carbon-apimgt's `api-manager.xml.j2` writes a loadbalance group as one receiver group `{a,b}`: the data
        publisher sends each event to one receiver of the group, in turn. Each Traffic Manager then counts about
        half the requests, so a limit of 100 per minute is enforced at about 200, and after a failover the
        survivor's counters hold only its share. WSO2's guides write one url_group per Traffic Manager, so that
        every event reaches each of them
        (apim.docs.wso2.com/en/4.4.0/install-and-setup/setup/single-node/configuring-an-active-active-deployment/,
        step "Configure Rate Limiting").

        ## Example
        ```toml
        [[apim.throttling.url_group]]
        traffic_manager_urls = ["tcp://10.0.1.11:9611", "tcp://10.0.1.12:9611"]
        traffic_manager_auth_urls = ["ssl://10.0.1.11:9711", "ssl://10.0.1.12:9711"]
        type = "loadbalance"
        ```

        ## How to fix
        Split the group: one `[[apim.throttling.url_group]]` per Traffic Manager, each with its own
        `traffic_manager_urls` and `traffic_manager_auth_urls`.
        """) { Versions = VersionRange.ApiManager32AndLater };

    public override IEnumerable<Diagnostic> Check(Deployment deployment) =>
        from node in deployment.Servers.Where(n => n.Role.RunsGateway() && TrafficManagerUrlGroups.Apply(n))
        from @group in TrafficManagerUrlGroups.Of(deployment, node)
        where string.Equals(@group.Type?.Trim(), "loadbalance", StringComparison.OrdinalIgnoreCase)
        let shared = @group.Items.Select(i => i.Reach.Node).OfType<ServerNode>().Where(n => n.Role.RunsTrafficManager()).Distinct().ToList()
        where shared.Count >= 2
        select Report(@group.Urls!.Location,
            $"{node.Name}'s loadbalance url_group traffic_manager_urls {ServerEndpoints.Written(@group.Urls)} reach {string.Join(" and ", shared.Select(n => n.Name))}: " +
            "each throttle event goes to one of them, so each counts only part of the requests; give each Traffic Manager its own [[apim.throttling.url_group]]",
            ServerEndpoints.Key(node, $"{@group.Path}.traffic_manager_urls"));
}
