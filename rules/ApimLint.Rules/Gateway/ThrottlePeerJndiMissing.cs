using ApimLint.Diagnostics;
using ApimLint.Engine;
using ApimLint.Model;
using ApimLint.Text;

namespace ApimLint.Rules.Gateway;

public sealed class ThrottlePeerJndiMissing : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "APIM502", "throttle-peer-jndi-missing", RuleCategory.Gateway, Severity.Error,
        "Each node needs the JNDI file (repository/conf/jndi2.properties) through which it publishes throttle events to its peer, unless its ReceiverUrlGroup sends every event to the peer's Traffic Manager.",
        """
        ## What it does
        Checks that each node has repository/conf/jndi2.properties, or, when the node has an event
        publisher to its peer, the file that publisher's `java.naming.provider.url` names.

        Throttle data reaches the peer's Traffic Manager by either of two means, and the rule asks for
        jndi2.properties only when neither is in place:
        - the guide's: jndi2.properties and a JMS event publisher to the peer's broker (APIM504);
        - api-manager.xml's `ThrottlingConfigurations` `ReceiverUrlGroup` with a `{…}` group of its own
          that names the peer's receiver, as WSO2's Kubernetes configurations write it
          (`{tcp://${carbon.local.ip}:${receiver.url.port}},{tcp://peer:9611}`): every group receives
          every event (WSO2 DAS 3.1.0 "Setting up Multi Receiver and Load Balancing Data Agent"). URLs
          inside one group joined by `|` (fail-over) or `,` (load balancing) deliver each event to one of
          them, so they do not count. A name other than `${carbon.local.ip}`, loopback or the node's own
          names counts as the peer's, even one the deployment does not name: apimlint cannot resolve
          names. A placeholder apimlint cannot fill in keeps the rule silent.

        A JMS listener whose `brokerlist` lists both brokers does not count: the AMQP client connects to
        the first broker it reaches and fails over to the others (Apache Qpid "Connection URL Format",
        `failover`), so it hears one Traffic Manager at a time.

        ## Why it matters
        The guide has the Traffic Manager of each node publish throttle events to the other node's
        broker through "an additional JNDI config file in each node", jndi2.properties. Without it the
        peer publisher cannot connect, throttle counters diverge between the nodes, and after failover
        the passive knows nothing of the limits already reached. (
        [product-apim#8040](https://github.com/wso2/product-apim/issues/8040), [docs-apim PR 1352](https://github.com/wso2/docs-apim/pull/1352).)

        ## Example
        The passive was copied from the active before jndi2.properties was created, so only the active
        has it.

        ## How to fix
        Create repository/conf/jndi2.properties on the node, with connection factories whose brokerlist
        is the peer's broker (see APIM503):
        ```properties
        connectionfactory.TopicConnectionFactory = amqp://admin:admin@clientid/carbon?brokerlist='tcp://localhost:5672'
        connectionfactory.QueueConnectionFactory = amqp://admin:admin@clientID/test?brokerlist='tcp://localhost:5672'
        topic.throttleData = throttleData
        ```

        Fix (safe): `apimlint --fix` creates the file as a copy of the node's own jndi.properties
        (same credentials, same factories) with each brokerlist pointing at the peer's broker, as the
        guide builds it. It offers none when the node has no jndi.properties, or the peer's host or
        (without a readable carbon.xml on either node) the peer's broker port is not known.
        """) { Fix = FixSafety.Safe };

    public override IEnumerable<Diagnostic> Check(Deployment deployment)
    {
        foreach (var node in deployment.Nodes)
        {
            var peer = deployment.PeerOf(node);
            var peerPublishers = node.PeerThrottlePublishers.ToList();
            foreach (var publisher in peerPublishers)
            {
                var file = Node.NormalizeRelative(publisher.ProviderUrl!.Value);
                if (node.Jndi(file) is not null) continue;
                yield return Report(publisher.ProviderUrl.Location,
                    $"{node.Name}'s event publisher {publisher.Name?.Value ?? publisher.File.RelativePath} reads {file}, which {node.Name} does not have: " +
                    $"it cannot publish throttle events to {peer.Name}",
                    Key(node, publisher.File, $"/eventPublisher/to/property[@name='{EventPublisher.ProviderUrlProperty}']"))
                    with { Fix = PeerBroker.CreatePeerJndi(deployment, node, file) };
            }
            if (peerPublishers.Count > 0 || node.Jndi(Node.PeerJndiFile) is not null) continue;
            // The ReceiverUrlGroup already sends every throttle event to the peer's Traffic Manager (or may: unknown).
            if (ReceiverReach.Of(deployment, node).PeerOrUnknown) continue;
            var related = peer.Jndi(Node.PeerJndiFile) is { } peerFile
                ? new[] { new RelatedLocation(peerFile.File.WholeFile, $"{peer.Name}'s {Node.PeerJndiFile}") }
                : [];
            yield return Report(Location.WholeFile(Path.Combine(node.Home, Node.PeerJndiFile)),
                $"{node.Name} has no {Node.PeerJndiFile}: its Traffic Manager cannot publish throttle events to {peer.Name}'s broker, " +
                $"and no ReceiverUrlGroup group sends them to {peer.Name}'s Traffic Manager",
                $"{node.Name}:{Node.PeerJndiFile}", related) with { Fix = PeerBroker.CreatePeerJndi(deployment, node, Node.PeerJndiFile) };
        }
    }
}
