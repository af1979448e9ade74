using ApimLint.Engine;
using ApimLint.Model;
using ApimLint.Text;

namespace ApimLint.Rules.Gateway;

/// <summary>Which Traffic Manager (or broker) an address reaches, seen from the node that writes it.</summary>
internal enum Reach { Own, Peer, Unknown }

/// <summary>Where a node's throttle data goes: which Traffic Managers its ReceiverUrlGroup delivers every event to.</summary>
internal sealed record ReceiverReach(bool Own, bool Peer, bool Unknown)
{
    /// <summary>Throttle events reach the peer's Traffic Manager, or whether they do is not known: APIM502 and APIM504 stay silent.</summary>
    public bool PeerOrUnknown => Peer || Unknown;

    /// <summary>
    /// Only a group of one URL delivers every event to it (several URLs in a group share the events or fail
    /// over); without a ReceiverUrlGroup the node publishes to its own Traffic Manager only.
    /// </summary>
    public static ReceiverReach Of(Deployment deployment, Node node)
    {
        if (node.Throttling?.Receivers is not { } receivers) return new ReceiverReach(true, false, false);
        var (own, peer, unknown) = (false, false, false);
        foreach (var group in receivers.Groups)
        {
            var reach = group.Invalid ? Reach.Unknown
                : group.SoleReceiver is { } url ? Names(deployment, node, url, Ports.BinaryReceiver, node.Throttling.ReceiverUrlGroup!.Location)
                : (Reach?)null;
            own |= reach == Reach.Own;
            peer |= reach == Reach.Peer;
            unknown |= reach == Reach.Unknown;
        }
        return new ReceiverReach(own, peer, unknown);
    }

    /// <summary>
    /// What <c>scheme://host:port</c> names: <c>${carbon.local.ip}</c>, loopback and the node's own names are its own
    /// machine, where the port tells the node from a peer sharing the host; any other name is another node's
    /// (apimlint cannot resolve names); a placeholder it cannot fill in is unknown.
    /// </summary>
    public static Reach Names(Deployment deployment, Node node, string url, int defaultPort, Location location)
    {
        if (BrokerAddress.Parse(node.Resolve(url), location) is not { } address) return Reach.Unknown;
        if (Hosts.IsPlaceholder(address.Host, null)) return Reach.Unknown;
        var topology = deployment.Topology;
        if (!Hosts.IsLoopback(address.Host) && !topology.IsAddressOf(node, address.Host)) return Reach.Peer;
        if (topology.Sharing == HostSharing.Separate) return Reach.Own;
        // The placeholder port is the node's own whatever its offset; a written one is known only with the offsets.
        var ownPortPlaceholder = url.Contains("${receiver.url.port}", StringComparison.Ordinal) || url.Contains("${jms.port}", StringComparison.Ordinal);
        if (ownPortPlaceholder) return Reach.Own;
        if (!deployment.PortsKnown || address.Port is not { } port) return Reach.Unknown;
        var peerPort = deployment.PeerOf(node).Port(defaultPort);
        if (port == node.Port(defaultPort)) return Reach.Own;
        return port == peerPort && topology.SharedHost ? Reach.Peer : Reach.Unknown;
    }
}
