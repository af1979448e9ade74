using ApimLint.Diagnostics;
using ApimLint.Engine;
using ApimLint.Model;

namespace ApimLint.Rules.Gateway;

public sealed class ThrottlePeerBrokerWrong : Rule
{
    private const string FactoryProperty = "transport.jms.ConnectionFactoryJNDIName";

    public override RuleDescriptor Descriptor { get; } = new(
        "APIM503", "throttle-peer-broker-wrong", RuleCategory.Gateway, Severity.Error,
        "The brokerlist of a node's jndi2 file must reach the peer node's broker (the peer's host, port 5672 plus the peer's offset).",
        """
        ## What it does
        For the connection factory each node's peer publisher uses (in jndi2.properties, or the file the
        publisher names), checks that one `tcp://host:port` of its `brokerlist` reaches the peer's
        message broker: port 5672 plus the peer's port offset, on the peer's host (`localhost` only when
        both nodes share a host). On two hosts a broker is wrong only when it is provably elsewhere: loopback,
        the node's own address, or an IP address that is none of the peer's; a host name apimlint cannot tie to a
        node is not judged, since apimlint resolves no names. It stays silent while either node's carbon.xml cannot be read and
        apimlint.json gives no offset, since the brokers' ports then are not known.

        ## Why it matters
        The guide writes `tcp://localhost:5673` in jndi2.properties, which is right for the active
        node only (the passive runs with offset 1). Copied to the passive as the guide suggests, it makes
        the passive publish to itself: the active never hears of the passive's throttle events, and
        after failover the counters start from nothing. On two hosts, `localhost` never reaches the
        peer at all. (product-apim#1707 and #8040, docs-apim PR 8245.)

        ## Example
        On the passive (offset 1), whose peer is the active (offset 0) on the same host:
        ```properties
        connectionfactory.TopicConnectionFactory = amqp://admin:admin@clientid/carbon?brokerlist='tcp://localhost:5673'
        ```

        ## How to fix
        Point the brokerlist at the peer's broker: `tcp://localhost:5672` on the passive above; on two
        hosts, the peer's address and 5672 plus the peer's offset.

        It stays silent while the topology is unknown (APIM008: the files disagree on whether the nodes
        share a host), since the peer's broker is `localhost` on one host and the peer's address on two.

        Fix (safe): `apimlint --fix` rewrites the brokerlist to the peer's broker, computed from the
        peer's own offset and host; it offers none when the peer's host is not known, nor when the
        topology rests only on weak evidence (the port offsets differ, and nothing else says whether the
        nodes share a host): two hosts may use different offsets too, and rewriting a correct
        `tcp://peer-host:5672` to `localhost` would break it. `apimlint topology` shows the evidence.
        """) { Fix = FixSafety.Safe };

    public override IEnumerable<Diagnostic> Check(Deployment deployment)
    {
        // The brokers\' ports follow the nodes\' offsets, which are not known without carbon.xml.
        if (!deployment.PortsKnown) yield break;
        // Whether the peer's broker is localhost follows from whether the nodes share a host: without it, any answer is a guess.
        if (!deployment.Topology.Known) yield break;
        foreach (var node in deployment.Nodes)
        {
            var peer = deployment.PeerOf(node);
            var (expectedHost, expectedPort) = PeerBroker.Of(deployment, node);
            foreach (var (file, factory) in FactoriesToPeer(node))
            {
                if (factory.Url is not { } url || url.Brokers.Any(b => b.Port == expectedPort && HostReachesPeer(deployment, b.Host, node, peer)))
                    continue;
                var reachesSelf = url.Brokers.Any(b => b.Port == node.Port(Ports.Broker) && deployment.MachineOf(node, b.Host) == deployment.MachineOf(node));
                var written = string.Join(";", url.Brokers.Select(b => $"tcp://{b}"));
                yield return Report(url.BrokerList,
                    $"{node.Name}'s {file.File.RelativePath} {factory.Name} brokerlist {(written.Length == 0 ? "is empty" : written)} " +
                    (reachesSelf ? $"reaches {node.Name}'s own broker, not {peer.Name}'s" : $"does not reach {peer.Name}'s broker") +
                    $"; it should be tcp://{expectedHost ?? $"<{peer.Name} host>"}:{expectedPort} ({deployment.Topology.Evidence})",
                    Key(node, file.File, $"connectionfactory.{factory.Name}"))
                    with { Fix = expectedHost is null || deployment.Topology.Weak ? null : Fix.Safe($"Point the brokerlist at tcp://{expectedHost}:{expectedPort}", PeerBroker.SetBrokerList(factory, $"tcp://{expectedHost}:{expectedPort}")) };
            }
        }
    }

    /// <summary>
    /// On two hosts a broker reaches the peer unless it is provably elsewhere: loopback, the node's own address, or an
    /// IP address that is none of the peer's known IP addresses. A name apimlint cannot resolve is not judged wrong.
    /// </summary>
    private static bool HostReachesPeer(Deployment deployment, string host, Node node, Node peer) =>
        deployment.Topology.SharedHost
            ? Hosts.IsLoopback(host) || deployment.MachineOf(peer, host) == deployment.MachineOf(peer)
            : !Hosts.IsLoopback(host) && !deployment.Topology.IsAddressOf(node, host) &&
              (deployment.Topology.IsAddressOf(peer, host) || !IsOtherIpThanPeers(deployment, host, peer));

    private static bool IsOtherIpThanPeers(Deployment deployment, string host, Node peer) =>
        ClusterConfig.IsIpAddress(host) && deployment.Topology.AddressesOf(peer).Any(a => ClusterConfig.IsIpAddress(a.Name));

    /// <summary>The connection factories the node's peer publishers use, or every factory of jndi2.properties when none names one.</summary>
    private static IEnumerable<PeerFactory> FactoriesToPeer(Node node)
    {
        var publishers = node.PeerThrottlePublishers.ToList();
        var files = publishers.Count > 0
            ? publishers.Select(p => node.Jndi(p.ProviderUrl!.Value)).OfType<JndiFile>().Distinct()
            : node.Jndi(Node.PeerJndiFile) is { } jndi2 ? [jndi2] : [];
        var used = publishers.Select(p => p.Properties.GetValueOrDefault(FactoryProperty)?.Value).OfType<string>().ToHashSet(StringComparer.Ordinal);
        return files.SelectMany(f => f.ConnectionFactories
            .Where(c => used.Count == 0 || used.Contains(c.Name))
            .Select(c => new PeerFactory(f, c)));
    }

    private sealed record PeerFactory(JndiFile File, ConnectionFactory Factory);
}
