using ApimLint.Diagnostics;
using ApimLint.Engine;
using ApimLint.Model;
using ApimLint.Model.Servers;

namespace ApimLint.Rules.Gateway;

public sealed class ThrottleDuplicateUrlMissing : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "APIM511", "throttle-duplicate-url-missing", RuleCategory.Gateway, Severity.Error,
        "Each node of a group of traffic managers (or all-in-one nodes, or 4.x control planes) must copy its broker's events to every peer's broker: event_duplicate_url must name them all.",
        """
        ## What it does
        For each node that runs a Traffic Manager (an all-in-one node or a traffic manager) in a group of two
        or more, and for each 4.x control plane in a group of two or more, reads the list the node copies
        its broker's events to: `[apim.event_hub] event_duplicate_url` when written, else
        `[apim.throttling] event_duplicate_url` (carbon-apimgt's `jndi2-cp.properties.j2` template); without
        either, the node copies to its own broker only. Each peer of the node's group must be named there:
        an address that reaches the peer's broker, port 5672 plus the peer's offset. It reports each peer
        missing, with the address expected. An item apimlint cannot tie to a node (a load balancer, a name
        apimlint.json does not give) may name any peer: then it says nothing about that node.

        ## Why it matters
        A throttle decision (a blocked subscription, an exceeded policy) is published to the broker of the
        Traffic Manager that took it; gateways subscribed to the other node's broker never hear of it, so
        the limit holds on half the traffic. On a control plane the same list carries the event hub's
        events (API deployed, revoked tokens, keys): a gateway listening to the other control plane misses
        them. WSO2's active-active guide writes the peer's address on each node
        (apim.docs.wso2.com/en/4.4.0/install-and-setup/setup/single-node/configuring-an-active-active-deployment/),
        and the distributed guide does the same for the control planes and traffic managers
        (apim.docs.wso2.com/en/4.5.0/install-and-setup/setup/distributed-deployment/deploying-wso2-api-m-in-a-distributed-setup/).

        ## Example
        On node1 (10.0.1.11) of an all-in-one pair with node2 (10.0.1.12):
        ```toml
        [apim.throttling]
        throttle_decision_endpoints = ["tcp://10.0.1.11:5672"]
        ```

        ## How to fix
        Name every peer's broker on each node:
        ```toml
        [apim.throttling]
        event_duplicate_url = ["tcp://10.0.1.12:5672"]
        ```
        On a 4.x control plane, write it under `[apim.event_hub]`.
        """) { Versions = VersionRange.ApiManager32AndLater };

    public override IEnumerable<Diagnostic> Check(Deployment deployment)
    {
        foreach (var (node, peers) in EventDuplication.Duplicating(deployment))
        {
            var (list, items) = EventDuplication.Of(deployment, node);
            // An item that may reach any peer: naming one missing would be a guess.
            if (items.Any(i => i.Reach.Kind == ReachKind.Unknown)) continue;
            var key = EventDuplication.KeyOf(node);
            var selves = items.Where(i => i.ReachesNode(node))
                .Select(i => new RelatedLocation(i.Item.Location, $"reaches {node.Name}'s own broker")).ToArray();
            foreach (var peer in peers.Where(p => p.PortsKnown && !items.Any(i => i.ReachesNode(p))))
            {
                var expected = ServerEndpoints.Address(peer, "tcp", ServerPorts.Jms);
                var written = list is null ? "is not set, so the node copies its events to its own broker only" : ServerEndpoints.Written(list);
                yield return Report(list?.Location ?? node.Settings.PlaceFor(key),
                    $"{node.Name}'s {key} {written}: it does not name {peer.Name}'s broker, so {peer.Name} never receives the events {node.Name}'s broker gets; add {expected}",
                    ServerEndpoints.Key(node, $"{key}:{peer.Name}"), selves);
            }
        }
    }
}
