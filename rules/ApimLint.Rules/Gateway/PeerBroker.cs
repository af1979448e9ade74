using ApimLint.Model;

namespace ApimLint.Rules.Gateway;

/// <summary>Where a node must publish throttle events: its peer's broker, as the node addresses it.</summary>
internal static class PeerBroker
{
    /// <summary>The peer's host (localhost when both share one; null when it is not known) and port 5672 plus the peer's offset.</summary>
    public static (string? Host, int Port) Of(Deployment deployment, Node node)
    {
        var peer = deployment.PeerOf(node);
        return (deployment.Topology.SharedHost ? "localhost" : peer.AdvertisedHost, peer.Port(Ports.Broker));
    }
}
