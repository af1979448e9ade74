using ApimLint.Diagnostics;
using ApimLint.Engine;
using ApimLint.Model;

namespace ApimLint.Rules.Gateway;

/// <summary>Where a node must publish throttle events: its peer's broker, as the node addresses it.</summary>
internal static class PeerBroker
{
    /// <summary>
    /// The peer's host (localhost when both share one; null when it is not known, or whether they share one is not)
    /// and port 5672 plus the peer's offset.
    /// </summary>
    public static (string? Host, int Port) Of(Deployment deployment, Node node)
    {
        var peer = deployment.PeerOf(node);
        var host = deployment.Topology.Sharing switch
        {
            HostSharing.Shared => "localhost",
            HostSharing.Separate => deployment.Topology.AddressOf(peer),
            _ => null,
        };
        return (host, peer.Port(Ports.Broker));
    }

    /// <summary>
    /// The edit that makes a factory's AMQP URL list <paramref name="brokers"/>: the URL is read as the
    /// value means it (escapes resolved), the brokerlist option replaced (added when missing), and
    /// only that part written back, escaped like the rest; user, password and options stay as written.
    /// </summary>
    public static TextEdit SetBrokerList(ConnectionFactory factory, string brokers)
    {
        var value = factory.Entry.Value;
        if (factory.Url?.BrokerListInValue is not { } list)
            return Edits.ReplaceInPropertyValue(factory.Entry, value.Length, value.Length, $"{(value.Contains('?') ? '&' : '?')}brokerlist='{brokers}'");
        var (start, length) = list.GetOffsetAndLength(value.Length);
        return Edits.ReplaceInPropertyValue(factory.Entry, start, start + length, brokers);
    }

    /// <summary>
    /// The fix that creates <paramref name="relativePath"/> as a copy of the node's jndi.properties publishing to the
    /// peer's broker; null when the node has no jndi.properties, or the peer's host or broker port is not known.
    /// </summary>
    public static Fix? CreatePeerJndi(Deployment deployment, Node node, string relativePath)
    {
        var (host, port) = Of(deployment, node);
        if (host is null || !deployment.PortsKnown || node.Jndi(Node.OwnJndiFile) is not { } own) return null;
        var edits = own.ConnectionFactories.Where(f => f.Url is not null)
            .Select(f => SetBrokerList(f, $"tcp://{host}:{port}")).ToList();
        return new Fix($"Create {relativePath} from jndi.properties, publishing to tcp://{host}:{port}", FixSafety.Safe, [],
            [new FileCopy(Path.Combine(node.Home, relativePath), own.File.FullPath, edits)]);
    }
}
