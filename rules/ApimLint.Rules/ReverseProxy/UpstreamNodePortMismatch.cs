using ApimLint.Diagnostics;
using ApimLint.Engine;
using ApimLint.Model;

namespace ApimLint.Rules.ReverseProxy;

public sealed class UpstreamNodePortMismatch : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "APIM601", "upstream-node-port-mismatch", RuleCategory.ReverseProxy, Severity.Error,
        "Every server of an nginx upstream in front of the nodes must be a node's effective port, and an upstream for both nodes must have a server for each.",
        """
        ## What it does
        For each nginx upstream that a web app or API traffic location proxies to, works out which port
        of the nodes it serves (HTTPS servlet 9443, HTTP servlet 9763, NIO 8243/8280, each plus the node's
        port offset) and which node each `server` is, from its address and port and the deployment's
        topology: `127.0.0.1` is nginx's own machine, which is the nodes' host when they share one. It
        reports a server that reaches no node's port, and an upstream behind /store or API traffic that
        has no server for one of the nodes.

        ## Why it matters
        The guide's upstreams are written for two nodes on one host, the passive with port offset 1:
        `127.0.0.1:9444`, `8281`, `8244`. Copied to nodes with another offset, or to two hosts where
        both nodes listen on 9443 of their own address, a server points at a port nothing listens on:
        nginx marks it failed and, when it is the passive, has nowhere to fail over to when the active
        goes down. The port offset moves every servlet and NIO port of a node (carbon.xml `Offset`),
        so the upstream must follow it. (The guide's port table: "Ensure
        that the ports and URLs are mapped correctly in the load balancer".)

        ## Example
        Both nodes on 192.168.10.1, the passive with offset 1:
        ```nginx
        upstream allnodes {
            server 127.0.0.1:9443;
            server 127.0.0.1:9445 backup;
        }
        ```

        ## How to fix
        Write each node's port as it really listens: the default port plus the node's offset
        (`127.0.0.1:9444` for the passive above). On two hosts, name each node by its address
        (`192.168.10.2:9443`), not `127.0.0.1`.
        """);

    public override IEnumerable<Diagnostic> Check(Deployment deployment)
    {
        var routing = NginxRouting.Of(deployment);
        // Which machine each server is, and so which node, follows from the topology (APIM008 when it is unknown).
        if (!deployment.Topology.Known) yield break;
        foreach (var upstream in deployment.Nginx.Upstreams)
        {
            var role = routing.RoleOf(upstream);
            if (role == UpstreamRole.None || routing.ServiceOf(upstream) is not { } service) continue;
            var targets = upstream.Servers.Select(routing.Resolve).ToList();
            if (targets.Any(t => !t.Resolved)) continue;

            IReadOnlyList<Node> expected = role == UpstreamRole.Shared ? deployment.Nodes : [deployment.Active];
            var lacking = expected.Where(n => !targets.Any(t => t.Node == n && t.Service == service)).ToList();
            var strays = targets.Where(t => t.Node is null || t.Service != service).ToList();

            // A stray server is most likely the lacking node written wrong: the backup one the passive.
            var pairs = new List<(UpstreamServerTarget Stray, Node? Node)>();
            var unpaired = new List<Node>();
            foreach (var node in lacking)
            {
                var free = strays.Where(s => pairs.All(p => p.Stray != s)).ToList();
                var stray = free.FirstOrDefault(s => s.Server.IsBackup == (node.Role == NodeRole.Passive)) ?? free.FirstOrDefault();
                if (stray is null) unpaired.Add(node);
                else pairs.Add((stray, node));
            }

            foreach (var stray in strays)
            {
                var node = pairs.FirstOrDefault(p => p.Stray == stray).Node;
                var server = stray.Server;
                var message = $"upstream {upstream.Name.Value} serves the nodes' {service.Label()}, but its server {server.Address.Value} " +
                              WhyNoNode(deployment, routing, stray, service, listPorts: node is null) +
                              (node is null ? "" : $"; {node.Name}'s {service.Label()} is {routing.AddressFor(node, service, upstream)}{OffsetNote(node, service)}");
                yield return Report(server.Address.Location, message, routing.Key(server.Directive), node is null ? [] : Evidence(deployment, node));
            }

            if (role != UpstreamRole.Shared) continue;
            foreach (var node in unpaired)
            {
                var consequence = node.Role == NodeRole.Passive
                    ? "nginx has no node to fail over to when the active is down"
                    : "nginx never sends these requests to the active";
                yield return Report(upstream.Name.Location,
                    $"upstream {upstream.Name.Value} has no server for {node.Name}'s {service.Label()} " +
                    $"{routing.AddressFor(node, service, upstream)}{OffsetNote(node, service)}: {consequence}",
                    $"{routing.Key(upstream.Directive)}/{node.Name}", Evidence(deployment, node));
            }
        }
    }

    private static string WhyNoNode(Deployment deployment, NginxRouting routing, UpstreamServerTarget stray, NodeService service, bool listPorts)
    {
        var server = stray.Server;
        if (stray.Node is { } other)
            return $"is {other.Name}'s {stray.Service!.Value.Label()}";
        if (Hosts.IsLoopback(server.Host) && !deployment.Topology.SharedHost)
            return $"reaches no node: {server.Host} is nginx's own machine, and the nodes run on two hosts since {deployment.Topology.Evidence}";
        var there = routing.NodesAt(server.Host);
        if (there.Count > 0)
            return $"reaches no node: nothing listens on {server.EffectivePort} there" + (listPorts
                ? " (" + string.Join(", ", there.Select(n => $"{n.Name}'s {service.Label()} is {n.PortWithOffset(service)}")) + ")"
                : "");
        var known = deployment.Nodes.Where(n => routing.AddressOf(n) is not null).Select(n => $"{n.Name} {routing.AddressOf(n)}").ToList();
        return $"reaches no node: {server.Host} is not a node's address" + (known.Count > 0 ? $" ({string.Join(", ", known)})" : "");
    }

    private static string OffsetNote(Node node, NodeService service) =>
        node.PortOffset == 0 ? "" : $" ({service.DefaultPort()} + offset {node.PortOffset})";

    /// <summary>Where the node's port and address come from: its port offset and, on two hosts, its member host.</summary>
    private static RelatedLocation[] Evidence(Deployment deployment, Node node)
    {
        var related = new List<RelatedLocation>();
        if (node.PortOffset != 0 && node.OffsetSetting is { } offset)
            related.Add(new(offset.Location, $"{node.Name}'s port offset"));
        if (!deployment.Topology.SharedHost && node.Cluster?.LocalMemberHost is { } host)
            related.Add(new(host.Location, $"{node.Name}'s localMemberHost"));
        return related.ToArray();
    }
}
