using ApimLint.Diagnostics;
using ApimLint.Model;
using ApimLint.Model.Servers;

namespace ApimLint.Reporting;

/// <summary>
/// The picture of an API-M 3.x/4.x deployment: nginx → upstreams → nodes (with role and group), the links between the nodes
/// (throttle events, event duplication, throttle decisions, the event hub), each holding the findings in the setting that writes it.
/// </summary>
internal static class ServerTopologyGraph
{
    public static TopologyGraph Of(Deployment deployment, IReadOnlyList<Diagnostic> diagnostics)
    {
        var vertices = new List<TopologyVertex> { new("nginx", VertexKind.Proxy, "nginx", []) };
        var edges = new List<TopologyEdge>();
        // Ids of apimlint's own making: a node's name comes from apimlint.json and is only ever a label.
        var ids = deployment.Servers.Select((node, index) => (node, index)).ToDictionary(x => x.node, x => $"n{x.index}");
        foreach (var node in deployment.Servers)
            vertices.Add(new TopologyVertex(ids[node], VertexKind.Node, node.Name,
                [node.Group == node.Role.Name() ? node.Role.Name() : $"{node.Role.Name()}, group {node.Group}", $"offset {node.PortOffset}"]));
        var routing = NginxRouting.Of(deployment);
        foreach (var (upstream, index) in deployment.Nginx.Upstreams.Select((u, i) => (u, i)))
        {
            var id = $"u{index}";
            vertices.Add(new TopologyVertex(id, VertexKind.Upstream, $"upstream {upstream.Name.Value}", []));
            // Every location that proxies to the upstream: the 2.x roles of locations (manager, store) do not apply here.
            var users = deployment.Nginx.Locations.Where(u => routing.UpstreamOf(u.Location) == upstream).ToList();
            // "api.am.wso2.com:443/": which server, on which port, sends which paths there.
            var paths = users.Select(u => Entrance(u.Server) + u.Location.Path.Value).Distinct().ToList();
            edges.Add(new TopologyEdge("nginx", id, EdgeKind.Primary, paths.Count == 0 ? ["unused"] : paths,
                diagnostics.Where(d => d.Rule.Category == RuleCategory.ReverseProxy
                    && (users.Any(u => TopologyGraph.Within(d, u.Location.Directive)) || TopologyGraph.Within(d, upstream.Directive))).ToList()));
            foreach (var server in upstream.Servers)
                if (deployment.ServerAt(server.Host, server.Port) is { } node)
                    edges.Add(new TopologyEdge(id, ids[node], server.IsBackup ? EdgeKind.Backup : EdgeKind.Primary, [server.IsBackup ? "backup" : server.Address.Value], []));
        }
        foreach (var link in deployment.Links().GroupBy(l => (l.From, l.To, l.Kind)))
        {
            var sources = link.Select(l => l.Source).ToList();
            edges.Add(new TopologyEdge(ids[link.Key.From], ids[link.Key.To], EdgeKind.Primary, [link.Key.Kind.Name()],
                diagnostics.Where(d => d.Rule.Category == RuleCategory.Gateway && sources.Any(s => At(d, s))).ToList()));
        }
        return new TopologyGraph(vertices, edges);
    }

    private static string Entrance(NginxServer server) =>
        (server.ServerNames.FirstOrDefault()?.Value ?? "") + (server.Listens.FirstOrDefault()?.Port is { } port ? $":{port}" : "");

    private static bool At(Diagnostic d, Setting setting) =>
        d.Location.Path == setting.Location.Path && d.Location.Span is { } at && setting.Location.Span is { } span && span.Contains(at);
}
