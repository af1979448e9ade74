using ApimLint.Diagnostics;
using ApimLint.Model;

namespace ApimLint.Reporting;

public enum VertexKind { Proxy, Upstream, Node, Database }

/// <summary>A box of the picture: nginx, an upstream, a node or a shared database.</summary>
/// <param name="Details">Secondary lines under the label, such as the port offset or the database.</param>
public sealed record TopologyVertex(string Id, VertexKind Kind, string Label, IReadOnlyList<string> Details);

/// <summary>How an edge is drawn: a primary route, a backup route, or a link both ends keep (WKA).</summary>
public enum EdgeKind { Primary, Backup, Mutual }

/// <summary>A link of the deployment, with the findings that break it.</summary>
/// <param name="Labels">What the link is: the locations routed, a server address, "WKA".</param>
public sealed record TopologyEdge(string From, string To, EdgeKind Kind, IReadOnlyList<string> Labels, IReadOnlyList<Diagnostic> Findings)
{
    public bool IsBroken => Findings.Count > 0;

    /// <summary>Broken by an error (drawn red), not only by warnings or notes (drawn amber).</summary>
    public bool IsBrokenByError => Findings.Any(d => d.Severity == Severity.Error);

    /// <summary>The rule IDs of the findings on this edge, in ID order.</summary>
    public IReadOnlyList<string> Rules => Findings.Select(d => d.Rule.Id).Distinct().Order(StringComparer.Ordinal).ToList();
}

/// <summary>
/// The deployment as a picture: nginx → upstreams → nodes → shared databases, the WKA link, the
/// throttle publishers between the nodes and each node's to its own broker, each edge holding the findings about it. What the Markdown
/// flowchart and the HTML report's drawing both show; deterministic ids and order.
/// </summary>
public sealed record TopologyGraph(IReadOnlyList<TopologyVertex> Vertices, IReadOnlyList<TopologyEdge> Edges)
{
    public static readonly string[] SharedDatabases = ["WSO2AM_DB", "WSO2UM_DB", "WSO2GOV_DB"];

    public TopologyVertex Vertex(string id) => Vertices.First(v => v.Id == id);

    public static TopologyGraph Of(Deployment deployment, IReadOnlyList<Diagnostic> diagnostics)
    {
        if (deployment.ConfiguredByToml) return ServerTopologyGraph.Of(deployment, diagnostics);
        var vertices = new List<TopologyVertex> { new("nginx", VertexKind.Proxy, "nginx", []) };
        var edges = new List<TopologyEdge>();
        void Edge(string from, EdgeKind kind, string to, IEnumerable<string> labels, Func<Diagnostic, bool> on) =>
            edges.Add(new TopologyEdge(from, to, kind, labels.ToList(), diagnostics.Where(on).ToList()));

        foreach (var node in deployment.Nodes)
            vertices.Add(new TopologyVertex(node.Name, VertexKind.Node, node.Name, [$"offset {node.PortOffset}"]));
        var routing = NginxRouting.Of(deployment);
        foreach (var (upstream, index) in deployment.Nginx.Upstreams.Select((u, i) => (u, i)))
        {
            var id = $"u{index}";
            vertices.Add(new TopologyVertex(id, VertexKind.Upstream, $"upstream {upstream.Name.Value}", []));
            var paths = routing.UsersOf(upstream).Select(u => u.Location.Path.Value).Distinct().ToList();
            var blocks = routing.UsersOf(upstream).Select(u => u.Location.Directive).ToList();
            // Findings about the route sit in a location using the upstream, or in the upstream block
            // outside its servers; findings about a server sit in its directive.
            Edge("nginx", EdgeKind.Primary, id, paths.Count == 0 ? ["unused"] : paths, d => d.Rule.Category == RuleCategory.ReverseProxy
                && (blocks.Any(b => Within(d, b)) || (Within(d, upstream.Directive) && !upstream.Servers.Any(s => Within(d, s.Directive)))));
            foreach (var server in upstream.Servers)
                if (routing.Resolve(server).Node is { } node)
                    Edge(id, server.IsBackup ? EdgeKind.Backup : EdgeKind.Primary, node.Name, [server.IsBackup ? "backup" : server.Address.Value],
                        d => d.Rule.Category == RuleCategory.ReverseProxy && Within(d, server.Directive));
        }
        Edge("active", EdgeKind.Mutual, "passive", ["WKA"], d => d.Rule.Category == RuleCategory.Clustering);
        // Each node's publishers reach its own broker and the peer's; their findings sit in the publishing
        // node's files. A datasource's findings sit in its element.
        foreach (var node in deployment.Nodes)
            Edge(node.Name, EdgeKind.Primary, deployment.PeerOf(node).Name, ["throttle events"],
                d => d.Rule.Id is "APIM502" or "APIM503" or "APIM504" or "APIM505" && deployment.NodeOf(d.Location.Path) == node);
        foreach (var node in deployment.Nodes)
            Edge(node.Name, EdgeKind.Primary, node.Name, ["own broker"], d => d.Rule.Id == "APIM506" && deployment.NodeOf(d.Location.Path) == node);
        foreach (var (name, index) in SharedDatabases.Select((n, i) => (n, i)))
        {
            var url = deployment.Active.DataSourceByName(name)?.ParsedUrl;
            vertices.Add(new TopologyVertex($"db{index}", VertexKind.Database, name, url is null ? [] : [$"{url.Engine}:{url.Database}"]));
            foreach (var (node, dataSource) in deployment.Nodes.Select(n => (n, n.DataSourceByName(name))).Where(x => x.Item2 is not null))
                Edge(node.Name, EdgeKind.Primary, $"db{index}", [], d => d.Rule.Category == RuleCategory.Datasources && Within(d, dataSource!.Element));
        }
        return new TopologyGraph(vertices, edges);
    }

    internal static bool Within(Diagnostic d, Syntax.SyntaxNode node) =>
        d.Location.Path == node.Source.Path && d.Location.Span is { } at && node.Span.Contains(at);
}
