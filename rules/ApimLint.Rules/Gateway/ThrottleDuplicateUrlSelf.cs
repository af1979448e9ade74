using ApimLint.Diagnostics;
using ApimLint.Engine;
using ApimLint.Model;
using ApimLint.Model.Servers;

namespace ApimLint.Rules.Gateway;

public sealed class ThrottleDuplicateUrlSelf : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "APIM512", "throttle-duplicate-url-self", RuleCategory.Gateway, Severity.Error,
        "No item of a node's event_duplicate_url may reach the node's own broker: the node would receive its own events twice.",
        """
        ## What it does
        Reads the list a traffic manager, an all-in-one node or a 4.x control plane (in a group of two or more)
        copies its broker's events to: `[apim.event_hub] event_duplicate_url` when written, else
        `[apim.throttling] event_duplicate_url` (carbon-apimgt's `jndi2-cp.properties.j2` template). It reports
        each item that reaches the node's own broker: loopback with the node's own port (5672 plus its
        offset), or the node's own address.

        ## Why it matters
        The list is where the node copies the events its broker receives, so its peers receive them too.
        An item naming the node itself, typically a file copied from the peer with the address left as it
        was, or `localhost`, makes the node receive every event twice while the peer receives none: throttle
        decisions (and on a control plane the event hub's events) taken on this node never reach gateways
        subscribed to the peer. WSO2's active-active guide writes the peer's address on each node
        (apim.docs.wso2.com/en/4.4.0/install-and-setup/setup/single-node/configuring-an-active-active-deployment/).

        ## Example
        On node1 (10.0.1.11), whose peer is node2 (10.0.1.12):
        ```toml
        [apim.throttling]
        event_duplicate_url = ["tcp://10.0.1.11:5672"]
        ```

        ## How to fix
        Name the peer's broker instead: `event_duplicate_url = ["tcp://10.0.1.12:5672"]`.

        This finding explains APIM511's on the same list (the peer it does not name), which is then not shown.
        """)
    {
        Versions = VersionRange.ApiManager32AndLater,
        Supersedes = [new("APIM511", SupersessionScope.Place)],
    };

    public override IEnumerable<Diagnostic> Check(Deployment deployment) =>
        from duplicating in EventDuplication.Duplicating(deployment)
        let node = duplicating.Node
        from item in EventDuplication.Of(deployment, node).Items
        where item.ReachesNode(node)
        let key = EventDuplication.KeyOf(node)
        select Report(item.Item.Location,
            $"{node.Name}'s {key} item \"{item.Item.Written}\" reaches {node.Name}'s own broker: {node.Name} receives its own events twice; " +
            $"the list is for the peers' brokers ({string.Join(", ", duplicating.Peers.Select(p => ServerEndpoints.Address(p, "tcp", ServerPorts.Jms)))})",
            ServerEndpoints.Key(node, item.Item.Path));
}
