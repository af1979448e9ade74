using ApimLint.Diagnostics;
using ApimLint.Engine;
using ApimLint.Model;

namespace ApimLint.Rules.Gateway;

public sealed class OwnBrokerPortNotOffset : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "APIM506", "own-broker-port-not-offset", RuleCategory.Gateway, Severity.Error,
        "The brokerlist of a node's own repository/conf/jndi.properties must reach the node's own broker: port 5672 plus the node's port offset.",
        """
        ## What it does
        For the connection factories of each node's repository/conf/jndi.properties that its JMS event
        publishers use (every factory when none names one), checks that one `tcp://host:port` of the
        `brokerlist` reaches the node's own message broker: port 5672 plus the node's port offset, on
        the node's own host. It stays silent while either node's carbon.xml cannot be read and
        apimlint.json gives no offset, since the brokers' ports then are not known.

        ## Why it matters
        The pack's jndi.properties hard-codes `tcp://localhost:5672`; the offset moves the broker (5673 on
        a node with offset 1) but not this file. The guide makes the passive "a copy of the active
        instance" and never revisits jndi.properties, so on one host the passive's own throttle
        publisher reaches the active's broker: once its jndi2 publisher rightly points at the active,
        it publishes every event twice to the active and never to itself, and its own gateway never
        hears its own Traffic Manager's decisions. The server logs "Error acquiring a Connection from the JMS CF : jmsEventPublisher … Unable to
        Connect" when nothing listens on the port. ([product-apim#1707](https://github.com/wso2/product-apim/issues/1707);
        [docs-apim PR 8245](https://github.com/wso2/docs-apim/pull/8245) corrects node 2 to 5673.)

        ## Example
        On the passive (offset 1), on the same host as the active:
        ```properties
        connectionfactory.TopicConnectionFactory = amqp://admin:admin@clientid/carbon?brokerlist='tcp://localhost:5672'
        ```

        ## How to fix
        Point the node's own jndi.properties at its own broker: `tcp://localhost:5673` on the passive
        above (5672 plus its offset), in every connection factory.

        Fix (safe): `apimlint --fix` rewrites the brokerlist to `tcp://localhost:` and 5672 plus the node's own
        offset: the node's own broker always runs beside it.
        """) { Fix = FixSafety.Safe };

    public override IEnumerable<Diagnostic> Check(Deployment deployment)
    {
        // The brokers\' ports follow the nodes\' offsets, which are not known without carbon.xml.
        if (!deployment.PortsKnown) yield break;
        foreach (var node in deployment.Nodes)
        {
            if (node.Jndi(Node.OwnJndiFile) is not { } jndi) continue;
            var peer = deployment.PeerOf(node);
            var ownPort = node.Port(Ports.Broker);
            var used = node.EventPublishers
                .Where(p => p.IsJms && p.JndiFileName == Node.OwnJndiFile)
                .Select(p => p.ConnectionFactoryName?.Value).OfType<string>()
                .ToHashSet(StringComparer.Ordinal);
            foreach (var factory in jndi.ConnectionFactories.Where(c => used.Count == 0 || used.Contains(c.Name)))
            {
                if (factory.Url is not { } url || url.Brokers.Any(b => b.Port == ownPort && deployment.MachineOf(node, b.Host) == deployment.MachineOf(node)))
                    continue;
                // Which machine an address is follows from the topology: without it, only loopback is surely the node's own.
                if (!deployment.Topology.Known && url.Brokers.Any(b => !Hosts.IsLoopback(b.Host))) continue;
                var reachesPeer = deployment.Topology.Known && url.Brokers.Any(b => b.Port == peer.Port(Ports.Broker) && deployment.MachineOf(node, b.Host) == deployment.MachineOf(peer));
                var written = string.Join(";", url.Brokers.Select(b => $"tcp://{b}"));
                yield return Report(url.BrokerList,
                    $"{node.Name}'s {Node.OwnJndiFile} {factory.Name} brokerlist {(written.Length == 0 ? "is empty" : written)} " +
                    (reachesPeer
                        ? $"reaches {peer.Name}'s broker, not {node.Name}'s own: the publishers meant for {node.Name}'s own broker publish to {peer.Name}'s"
                        : $"does not reach {node.Name}'s own broker") +
                    $"; it should be tcp://localhost:{ownPort} ({Ports.Broker} plus {node.Name}'s port offset {node.PortOffset})",
                    Key(node, jndi.File, $"connectionfactory.{factory.Name}"))
                    with { Fix = Fix.Safe($"Point the brokerlist at tcp://localhost:{ownPort}", PeerBroker.SetBrokerList(factory, $"tcp://localhost:{ownPort}")) };
            }
        }
    }
}
