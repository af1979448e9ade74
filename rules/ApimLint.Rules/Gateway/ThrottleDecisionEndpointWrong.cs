using ApimLint.Diagnostics;
using ApimLint.Engine;
using ApimLint.Model;
using ApimLint.Model.Servers;

namespace ApimLint.Rules.Gateway;

public sealed class ThrottleDecisionEndpointWrong : Rule
{
    private const string DecisionEndpoints = "apim.throttling.throttle_decision_endpoints";

    /// <summary>A whole connection URL that jndi.properties.j2 writes instead of the endpoints.</summary>
    private const string ConnectionFactory = "apim.throttling.jms.topic_connection_factory";

    public override RuleDescriptor Descriptor { get; } = new(
        "APIM513", "throttle-decision-endpoint-wrong", RuleCategory.Gateway, Severity.Error,
        "A hand-written throttle_decision_endpoints must reach the node's own broker on a Traffic Manager node, and every traffic manager's broker on a gateway.",
        """
        ## What it does
        Checks `[apim.throttling] throttle_decision_endpoints` where deployment.toml writes it (without it,
        the node subscribes to its own broker, `tcp://${carbon.local.ip}:${jms.port}`):
        - on an all-in-one node or a traffic manager, each item must reach the node's own broker (port 5672
          plus the node's offset): an item that reaches a machine of the deployment where no broker listens on
          that port (5672 on a node with offset 1, say) is reported, and so is one that reaches another node's
          broker when no item reaches the node's own;
        - on a gateway, the items must reach the broker of every traffic manager (or all-in-one node) of the
          deployment: each one missing is reported.
        It stays silent when `[apim.throttling.jms] topic_connection_factory` is written: carbon-apimgt's
        `jndi.properties.j2` then uses that URL and ignores the endpoints. An item apimlint cannot tie to a node (a load balancer, a name apimlint.json does not give) is not
        judged, and on a gateway it may reach any traffic manager: then nothing is reported for that gateway.

        ## Why it matters
        A node's gateway learns throttle decisions by subscribing to these brokers. An all-in-one node or a
        traffic manager receives its peers' decisions through their `event_duplicate_url` copies into its own
        broker, so it must listen there: subscribed to the peer's broker instead, it applies no decision at all
        while the peer is down, and a wrong port subscribes to nothing. A gateway connects to one of the brokers it
        lists and moves to another when that one fails; the traffic managers copy their decisions into each other's
        brokers. A gateway that leaves out a traffic manager learns its decisions only through the copies, and while
        the traffic managers it lists are down it applies no throttle decision at all. The review of docs-apim pull 8245
        (github.com/wso2/docs-apim/pull/8245) and the step "Configure Rate Limiting" of the 4.x active-active
        guide (apim.docs.wso2.com/en/4.4.0/install-and-setup/setup/single-node/configuring-an-active-active-deployment/)
        write the node's own broker on each all-in-one node (`tcp://<node2-hostname>:<node2-port>` on node2,
        `tcp://localhost:5673` on a node with offset 1); the distributed guide lists every traffic manager on
        each gateway.

        ## Example
        On node2 (10.0.1.12) of an all-in-one pair:
        ```toml
        [apim.throttling]
        throttle_decision_endpoints = ["tcp://10.0.1.11:5672"]
        ```

        ## How to fix
        On an all-in-one node or a traffic manager, name its own broker
        (`throttle_decision_endpoints = ["tcp://10.0.1.12:5672"]` above), or remove the key: the default is the
        node's own broker. On a gateway, list every traffic manager's broker.
        """) { Versions = VersionRange.ApiManager32AndLater };

    public override IEnumerable<Diagnostic> Check(Deployment deployment)
    {
        foreach (var node in deployment.Servers.Where(n => n.Settings.IsWritten(DecisionEndpoints) && !n.Settings.IsWritten(ConnectionFactory)))
        {
            var setting = node.Settings.Get(DecisionEndpoints)!;
            var items = deployment.Reaches(node, setting, ServerPorts.Jms);
            var findings = node.Role.RunsTrafficManager() ? NotOwnBroker(node, items)
                : node.Role == ServerRole.Gateway ? TrafficManagersMissing(deployment, node, setting, items)
                : [];
            foreach (var finding in findings) yield return finding;
        }
    }

    private IEnumerable<Diagnostic> NotOwnBroker(ServerNode node, IReadOnlyList<ReachedItem> items)
    {
        var own = ServerEndpoints.Address(node, "tcp", ServerPorts.Jms);
        // Subscribed to its own broker as well, the node misses nothing: another node's broker only repeats what the copies bring.
        var listensToOwn = items.Any(i => i.ReachesNode(node));
        foreach (var item in items.Where(i => i.Reach.Kind == ReachKind.NoNode || i.Reach.Kind == ReachKind.Node && !listensToOwn && !i.ReachesNode(node)))
        {
            var consequence = item.Reach.Node is { } other
                ? $"reaches {other.Name}'s broker, not {node.Name}'s own: {node.Name} applies throttle decisions only while {other.Name} is up"
                : $"reaches no broker of the deployment (no node listens on that port there): the subscription receives nothing";
            yield return Report(item.Item.Location,
                $"{node.Name}'s {DecisionEndpoints} item \"{item.Item.Written}\" {consequence}; write {own}, or remove the key (the default is the node's own broker)",
                ServerEndpoints.Key(node, item.Item.Path));
        }
    }

    private IEnumerable<Diagnostic> TrafficManagersMissing(Deployment deployment, ServerNode node, Setting setting, IReadOnlyList<ReachedItem> items)
    {
        if (items.Any(i => i.Reach.Kind == ReachKind.Unknown)) yield break;
        foreach (var tm in deployment.Servers.Where(s => s.Role.RunsTrafficManager() && s.PortsKnown && !items.Any(i => i.ReachesNode(s))))
            yield return Report(setting.Location,
                $"{node.Name}'s {DecisionEndpoints} {ServerEndpoints.Written(setting)} does not reach {tm.Name}'s broker: {node.Name} " +
                $"cannot fall back to {tm.Name}, and applies no throttle decision while the brokers it lists are down; add {ServerEndpoints.Address(tm, "tcp", ServerPorts.Jms)}",
                ServerEndpoints.Key(node, $"{DecisionEndpoints}:{tm.Name}"));
    }
}
