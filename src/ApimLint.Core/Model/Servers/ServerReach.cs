namespace ApimLint.Model.Servers;

/// <summary>What an endpoint written on a node reaches.</summary>
public enum ReachKind
{
    /// <summary>Not known: a name or address apimlint cannot tie to a node (a load balancer, a service name not declared), or no port.</summary>
    Unknown,

    /// <summary>A node of the deployment, listening there for that service.</summary>
    Node,

    /// <summary>A machine of the deployment where no node listens on that port for that service (a port without the offset, say).</summary>
    NoNode,
}

public sealed record Reach(ReachKind Kind, ServerNode? Node)
{
    public static readonly Reach Unknown = new(ReachKind.Unknown, null);
}

/// <summary>One item of a list of addresses a node writes, and what it reaches.</summary>
public sealed record ReachedItem(Setting Item, Reach Reach)
{
    public bool ReachesNode(ServerNode node) => Reach.Kind == ReachKind.Node && Reach.Node == node;
}

/// <summary>Which node an endpoint reaches, and who a node's peers are.</summary>
public static class ServerAddressing
{
    /// <summary>
    /// The node an endpoint written on <paramref name="writer"/> reaches for the service that listens on
    /// <paramref name="defaultPort"/> (plus each node's offset). Loopback is the writer's machine; another name is a node's
    /// when apimlint.json gives it as the node's host or alias (or the node's <c>[server] node_ip</c> says it).
    /// </summary>
    public static Reach Reach(this Deployment deployment, ServerNode writer, ServerEndpoint endpoint, int defaultPort)
    {
        if (endpoint.Port is not { } port) return Servers.Reach.Unknown;
        var (candidates, certain) = Hosts.IsLoopback(endpoint.Host) ? OnMachineOf(deployment, writer) : (Named(deployment, endpoint.Host), true);
        if (candidates.Count == 0) return Servers.Reach.Unknown;
        if (candidates.FirstOrDefault(c => c.Port(defaultPort) == port) is { } reached) return new(ReachKind.Node, reached);
        return certain && candidates.All(c => c.PortsKnown) ? new(ReachKind.NoNode, null) : Servers.Reach.Unknown;
    }

    /// <summary>
    /// Each value of <paramref name="setting"/> (an array's items, or the value itself) with what it reaches for the service on
    /// <paramref name="defaultPort"/>; a value that is not an address apimlint can read (<c>$env{…}</c>, a secret) reaches what is not known.
    /// </summary>
    public static IReadOnlyList<ReachedItem> Reaches(this Deployment deployment, ServerNode writer, Setting? setting, int defaultPort) =>
        setting?.Values.Select(item => new ReachedItem(item,
            ServerEndpoint.Parse(writer, item) is { } endpoint ? deployment.Reach(writer, endpoint, defaultPort) : Servers.Reach.Unknown)).ToList() ?? [];

    /// <summary>The other nodes of the node's group: those it backs up.</summary>
    public static IReadOnlyList<ServerNode> PeersOf(this Deployment deployment, ServerNode node) =>
        deployment.Servers.Where(s => s != node && s.Group == node.Group).ToList();

    /// <summary>The nodes on the writer's machine: all nodes given its host, or only itself (then not certain) when its host is not given.</summary>
    private static (IReadOnlyList<ServerNode>, bool Certain) OnMachineOf(Deployment deployment, ServerNode writer) =>
        writer.Override.Host is { } host
            ? (deployment.Servers.Where(s => s.Override.Host is { } other && Hosts.SameAddress(host, other)).ToList(), true)
            : ([writer], false);

    private static List<ServerNode> Named(Deployment deployment, string host) =>
        deployment.Servers.Where(s => s.Addresses.Any(a => Hosts.SameAddress(a, host))).ToList();
}
