using AngleSharp.Dom;
using ApimLint.Diagnostics;

namespace ApimLint.Reporting.Html;

/// <summary>
/// Draws a <see cref="TopologyGraph"/> as inline SVG in four columns (nginx, upstreams, nodes,
/// databases), the links between the two nodes as vertical lines between them. Broken edges are red
/// and their rule IDs link to the findings; boxes with findings link to their node's findings.
/// </summary>
internal sealed class TopologyDrawing
{
    private const double Margin = 20, Gap = 28, Padding = 10, TitleHeight = 20, LineHeight = 16, NodeLinkSpace = 200, NodeLinkSpacing = 72, DatabaseRim = 8, LoopRoom = 44;
    /// <summary>About the widths of a character of a box's title (14px bold) and of its detail lines (12px monospace).</summary>
    private const double TitleCharWidth = 8.4, DetailCharWidth = 7.3;

    /// <summary>The columns left to right, their widths, and the least room between a column and the next.</summary>
    private static readonly (VertexKind Kind, double Width, double MinGap)[] ColumnOrder =
        [(VertexKind.Proxy, 120, 70), (VertexKind.Upstream, 290, 140), (VertexKind.Node, 220, 130), (VertexKind.Database, 240, 0)];

    /// <summary>About the width of a character of a 12px label, to leave room for the longest label between two columns.</summary>
    private const double LabelCharWidth = 7.2;

    private sealed record Box(TopologyVertex Vertex, double X, double Y, double Width, double Height, IReadOnlyList<string> Lines)
    {
        public double CenterX => X + Width / 2;
        public double CenterY => Y + Height / 2;
    }

    /// <summary>Where the findings of a box are listed, and how many there are (nginx and the nodes).</summary>
    public sealed record VertexFindings(string Href, int Count);

    private readonly TopologyGraph _graph;
    private readonly Func<Diagnostic, string> _anchorOf;
    private readonly IReadOnlyDictionary<string, VertexFindings> _vertexFindings;
    private readonly Dictionary<string, Box> _boxes = [];
    private readonly double _width;
    private readonly double _height;

    public TopologyDrawing(TopologyGraph graph, Func<Diagnostic, string> anchorOf, IReadOnlyDictionary<string, VertexFindings> vertexFindings)
    {
        _graph = graph;
        _anchorOf = anchorOf;
        _vertexFindings = vertexFindings;
        (_width, _height) = Place();
    }

    /// <summary>Puts every box in its column (columns wide apart enough for their labels, each column centred); the drawing's size.</summary>
    private (double Width, double Height) Place()
    {
        var graph = _graph;
        var columnsAt = new Dictionary<VertexKind, (double X, double Width)>();
        var x = Margin;
        foreach (var (kind, width, minGap) in ColumnOrder)
        {
            columnsAt[kind] = (x, width);
            var longest = graph.Edges.Where(e => graph.Vertex(e.From).Kind == kind && !IsVertical(e) && !IsLoop(e)).Select(e => LabelText(e).Length).DefaultIfEmpty(0).Max();
            x += width + (minGap == 0 ? 0 : Math.Max(minGap, longest * LabelCharWidth + 30));
        }
        var sizes = graph.Vertices.Select(v => (v.Id, Lines: LinesOf(v), Rim: v.Kind == VertexKind.Database ? DatabaseRim : 0))
            .ToDictionary(v => v.Id, v => (v.Lines, Height: 2 * Padding + TitleHeight + LineHeight * v.Lines.Count + v.Rim));
        var columns = graph.Vertices.GroupBy(v => v.Kind).ToDictionary(g => g.Key, g => g.ToList());
        // The node column keeps room above and below for the loops to each node's own broker.
        double ColumnHeight(VertexKind kind, IReadOnlyList<TopologyVertex> vertices) =>
            vertices.Sum(v => sizes[v.Id].Height) + (kind == VertexKind.Node ? NodeLinkSpace * (vertices.Count - 1) + 2 * LoopRoom : Gap * (vertices.Count - 1));
        var content = columns.Max(c => ColumnHeight(c.Key, c.Value));
        foreach (var (kind, vertices) in columns)
        {
            var gap = kind == VertexKind.Node ? NodeLinkSpace : Gap;
            var y = Margin + (content - ColumnHeight(kind, vertices)) / 2 + (kind == VertexKind.Node ? LoopRoom : 0);
            foreach (var vertex in vertices)
            {
                var (lines, height) = sizes[vertex.Id];
                _boxes[vertex.Id] = new Box(vertex, columnsAt[kind].X, y, columnsAt[kind].Width, height, lines);
                y += height + gap;
            }
        }
        return (x + Margin, content + 2 * Margin);
    }

    public IElement AppendTo(INode parent, string label)
    {
        var svg = parent.AddSvg("svg", ("viewBox", $"0 0 {N(_width)} {N(_height)}"), ("width", _width), ("height", _height), ("role", "group"), ("aria-label", label));
        svg.With("class", "topology");
        var defs = svg.AddSvg("defs");
        foreach (var id in new[] { "arrow", "arrow-broken", "arrow-warning" })
            defs.AddSvg("marker", ("id", id), ("viewBox", "0 0 10 10"), ("refX", 9), ("refY", 5), ("markerWidth", 9), ("markerHeight", 9), ("markerUnits", "userSpaceOnUse"), ("orient", "auto-start-reverse"))
                .AddSvg("path", ("d", "M0,0 L10,5 L0,10 z"), ("class", id));
        var horizontal = _graph.Edges.Where(e => !IsVertical(e) && !IsLoop(e)).ToList();
        var vertical = _graph.Edges.Where(e => IsVertical(e) && !IsLoop(e)).ToList();
        // Boxes first: the keyboard reaches nginx and the nodes before the rule IDs on the edges.
        foreach (var vertex in _graph.Vertices) DrawBox(svg, _boxes[vertex.Id]);
        foreach (var (edge, index) in _graph.Edges.Select((e, i) => (e, i)))
        {
            var group = svg.AddSvg("g", ("id", $"edge-{index}"), ("class", EdgeClass(edge)));
            group.AddSvg("title").TextContent = Describe(edge);
            if (IsLoop(edge)) DrawLoop(group, edge);
            else if (IsVertical(edge)) DrawVertical(group, edge, vertical.IndexOf(edge), vertical.Count);
            else DrawHorizontal(group, edge, horizontal);
        }
        return svg;
    }

    private static bool IsLoop(TopologyEdge edge) => edge.From == edge.To;

    private bool IsVertical(TopologyEdge edge) => _graph.Vertex(edge.From).Kind == _graph.Vertex(edge.To).Kind;

    /// <summary>The words drawn beside a horizontal edge (the locations nginx routes to an upstream are written in the upstream's box).</summary>
    private IReadOnlyList<string> LabelWords(TopologyEdge edge) => _graph.Vertex(edge.From).Kind == VertexKind.Proxy ? [] : edge.Labels;

    private string LabelText(TopologyEdge edge) => string.Join(" ", LabelWords(edge).Concat(edge.Rules));

    private static string EdgeClass(TopologyEdge edge) =>
        string.Join(" ", new[]
        {
            "edge", edge.IsBroken ? "broken" : null, edge.IsBroken && !edge.IsBrokenByError ? "warning" : null, edge.Kind == EdgeKind.Backup ? "backup" : null,
        }.OfType<string>());

    private string Describe(TopologyEdge edge)
    {
        var what = $"{_boxes[edge.From].Vertex.Label} → {_boxes[edge.To].Vertex.Label}" + (edge.Labels.Count == 0 ? "" : $" ({string.Join(" ", edge.Labels)})");
        return edge.Findings.Aggregate(what, (text, d) => $"{text}\n{d.Rule.Id}: {d.Message}");
    }

    /// <summary>A curve from the source's right side to the target's left side; ports are spread along each side in the order of the other ends.</summary>
    private void DrawHorizontal(IElement group, TopologyEdge edge, IReadOnlyList<TopologyEdge> horizontal)
    {
        var (from, to) = (_boxes[edge.From], _boxes[edge.To]);
        var (x1, y1) = (from.X + from.Width, Port(from, horizontal.Where(e => e.From == edge.From).OrderBy(e => _boxes[e.To].CenterY).ToList(), edge));
        var (x2, y2) = (to.X, Port(to, horizontal.Where(e => e.To == edge.To).OrderBy(e => _boxes[e.From].CenterY).ToList(), edge));
        var bend = (x2 - x1) / 2;
        Line(group, edge, $"M{N(x1)},{N(y1)} C{N(x1 + bend)},{N(y1)} {N(x2 - bend)},{N(y2)} {N(x2)},{N(y2)}");
        var words = LabelWords(edge);
        if (words.Count + edge.Rules.Count == 0) return;
        // A label sits at an end of its own edge, where the ports are apart (mid-way, the curves cross): a
        // server's address where it leaves its upstream, the other labels where the edge arrives.
        var text = from.Vertex.Kind == VertexKind.Upstream
            ? group.AddSvg("text", ("x", x1 + 6), ("y", y1 - 4), ("class", "label"))
            : group.AddSvg("text", ("x", x2 - 12), ("y", y2 - 5), ("text-anchor", "end"), ("class", "label"));
        WriteLabel(text, edge, words);
    }

    private static double Port(Box box, List<TopologyEdge> side, TopologyEdge edge) =>
        box.Y + box.Height * (side.IndexOf(edge) + 1) / (side.Count + 1);

    /// <summary>A straight line between the two nodes, side by side with the other such links, its label beside it word by word.</summary>
    private void DrawVertical(IElement group, TopologyEdge edge, int index, int count)
    {
        var (from, to) = (_boxes[edge.From], _boxes[edge.To]);
        var (upper, lower) = from.Y < to.Y ? (from, to) : (to, from);
        var x = upper.CenterX + (index - (count - 1) / 2.0) * NodeLinkSpacing;
        var (start, end) = from == upper ? (upper.Y + upper.Height, lower.Y) : (lower.Y, upper.Y + upper.Height);
        Line(group, edge, $"M{N(x)},{N(start)} L{N(x)},{N(end)}");
        var lines = edge.Labels.SelectMany(l => l.Split(' ')).Concat(edge.Rules).ToList();
        var text = group.AddSvg("text", ("y", (upper.Y + upper.Height + lower.Y) / 2 - (lines.Count - 1) * 7 + 4), ("class", "label"));
        foreach (var (line, i) in lines.Select((l, i) => (l, i)))
        {
            var isRule = i >= lines.Count - edge.Rules.Count;
            var span = (isRule ? RuleLink(text, edge, line) : text).AddSvg("tspan", ("x", x + 6), ("dy", i == 0 ? 0 : 14));
            if (isRule) span.With("class", "rule");
            span.TextContent = line;
        }
    }

    /// <summary>A loop on the node's outer side (above the upper node, below the lower one), its label beside it.</summary>
    private void DrawLoop(IElement group, TopologyEdge edge)
    {
        var box = _boxes[edge.From];
        var upper = _boxes.Values.Where(b => b.Vertex.Kind == VertexKind.Node).Min(b => b.Y) == box.Y;
        var (side, reach) = upper ? (box.Y, -LoopRoom + 8) : (box.Y + box.Height, LoopRoom - 8);
        var (left, right) = (box.CenterX - 26, box.CenterX + 26);
        Line(group, edge, $"M{N(left)},{N(side)} C{N(left)},{N(side + reach)} {N(right)},{N(side + reach)} {N(right)},{N(side)}");
        WriteLabel(group.AddSvg("text", ("x", right + 8), ("y", side + reach / 2 + 4), ("class", "label")), edge, edge.Labels);
    }

    /// <summary>A label on one line: its words, then the edge's rule IDs as links.</summary>
    private void WriteLabel(IElement text, TopologyEdge edge, IReadOnlyList<string> words)
    {
        if (words.Count > 0) text.AddText(string.Join(" ", words));
        foreach (var rule in edge.Rules)
        {
            if (text.HasChildNodes) text.AddText(" ");
            RuleLink(text, edge, rule).AddSvg("tspan", ("class", "rule")).TextContent = rule;
        }
    }

    private static void Line(IElement group, TopologyEdge edge, string path)
    {
        var marker = !edge.IsBroken ? "url(#arrow)" : edge.IsBrokenByError ? "url(#arrow-broken)" : "url(#arrow-warning)";
        var line = group.AddSvg("path", ("d", path), ("class", "line"), ("marker-end", marker));
        if (edge.Kind == EdgeKind.Mutual) line.With("marker-start", marker);
    }

    /// <summary>
    /// A rule ID on an edge, linking to the first finding of that rule there; named with the edge, since
    /// the same ID may stand on several edges.
    /// </summary>
    private IElement RuleLink(IElement text, TopologyEdge edge, string rule) =>
        text.AddSvg("a", ("href", "#" + _anchorOf(edge.Findings.First(d => d.Rule.Id == rule))),
            ("aria-label", $"{rule} on {_graph.Vertex(edge.From).Label} → {_graph.Vertex(edge.To).Label}"));

    private void DrawBox(IElement svg, Box box)
    {
        var findings = _vertexFindings.GetValueOrDefault(box.Vertex.Id);
        var parent = findings is null ? svg : svg.AddSvg("a", ("href", findings.Href));
        var group = parent.AddSvg("g", ("id", $"vertex-{box.Vertex.Id}"), ("class", $"vertex {box.Vertex.Kind.ToString().ToLowerInvariant()}"));
        if (box.Vertex.Kind == VertexKind.Database)
        {
            var (x, y, w, h, rim) = (box.X, box.Y, box.Width, box.Height, DatabaseRim);
            group.AddSvg("path", ("class", "shape"), ("d",
                $"M{N(x)},{N(y + DatabaseRim)} a{N(w / 2)},{N(DatabaseRim)} 0 0,1 {N(w)},0 v{N(h - 2 * DatabaseRim)} a{N(w / 2)},{N(DatabaseRim)} 0 0,1 {N(-w)},0 z " +
                $"M{N(x)},{N(y + DatabaseRim)} a{N(w / 2)},{N(DatabaseRim)} 0 0,0 {N(w)},0"));
        }
        else group.AddSvg("rect", ("class", "shape"), ("x", box.X), ("y", box.Y), ("width", box.Width), ("height", box.Height), ("rx", 8));
        var baseline = box.Y + Padding + 15 + (box.Vertex.Kind == VertexKind.Database ? DatabaseRim : 0);
        Fitted(group.AddSvg("text", ("x", box.CenterX), ("y", baseline), ("text-anchor", "middle"), ("class", "title")), box.Vertex.Label, box.Width, TitleCharWidth);
        foreach (var (line, i) in box.Lines.Select((l, i) => (l, i)))
        {
            var isCount = findings is { Count: > 0 } && i == box.Lines.Count - 1;
            var text = group.AddSvg("text", ("x", box.CenterX), ("y", baseline + TitleHeight + i * LineHeight), ("text-anchor", "middle"), ("class", isCount ? "detail count" : "detail"));
            Fitted(text, line, box.Width, DetailCharWidth);
        }
    }

    /// <summary>The lines under a box's label: its details, the locations routed to an upstream, the count of findings.</summary>
    private IReadOnlyList<string> LinesOf(TopologyVertex vertex)
    {
        var lines = vertex.Details.ToList();
        if (vertex.Kind == VertexKind.Upstream)
            lines.AddRange(_graph.Edges.Where(e => e.To == vertex.Id && _graph.Vertex(e.From).Kind == VertexKind.Proxy).SelectMany(e => e.Labels));
        if (_vertexFindings.GetValueOrDefault(vertex.Id) is { } findings)
            lines.Add(findings.Count == 0 ? "no findings" : $"{findings.Count} finding{(findings.Count == 1 ? "" : "s")}");
        return lines;
    }

    /// <summary>Writes a text cut to what fits in a box, the whole of it as a tooltip when it was cut.</summary>
    private static void Fitted(IElement text, string value, double boxWidth, double charWidth)
    {
        var fits = (int)((boxWidth - 16) / charWidth);
        text.TextContent = value.Length <= fits ? value : value[..(fits - 1)] + "…";
        if (value.Length > fits) text.AddSvg("title").TextContent = value;
    }

    private static string N(double value) => value.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);
}
