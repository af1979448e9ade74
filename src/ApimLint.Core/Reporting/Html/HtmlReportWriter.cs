using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using ApimLint.Diagnostics;
using ApimLint.Drift;
using ApimLint.Fixing;
using ApimLint.Model;
using ApimLint.Secrets;

namespace ApimLint.Reporting.Html;

/// <summary>
/// `--format html`: one self-contained page (inline CSS and SVG, no script, nothing fetched) with the
/// topology drawn, the findings grouped by node and file with the source lines around each span,
/// what each fix would change, and the drift between the nodes. Built as a DOM with AngleSharp.
/// </summary>
/// <param name="previewFix">What a fix alone would change, for its diff (nothing is written).</param>
public sealed class HtmlReportWriter(ReportContext context, Deployment deployment, DriftReport? drift, Func<Fix, IReadOnlyList<FileChange>> previewFix)
{
    private static readonly string Style = ReadStyle();

    /// <summary>The groups findings are listed in: each node's files, nginx's, and the rest (SQL scripts).</summary>
    private static readonly (string Id, string Title)[] Groups =
        [("active", "active node"), ("passive", "passive node"), ("nginx", "nginx"), ("other", "other files")];

    /// <param name="diagnostics">The findings to show; those with a <see cref="Diagnostic.Suppression"/> (--include-suppressed) are listed marked as such, and count nowhere else.</param>
    public void Write(TextWriter output, IReadOnlyList<Diagnostic> diagnostics, IReadOnlyList<string> hiddenNotes)
    {
        var reported = diagnostics.Where(d => d.Suppression is null).ToList();
        var document = new HtmlParser().ParseDocument("<!DOCTYPE html><html lang=\"en\"><head></head><body></body></html>");
        var anchors = new Dictionary<Diagnostic, string>(ReferenceEqualityComparer.Instance);
        foreach (var (d, index) in diagnostics.Select((d, i) => (d, i))) anchors[d] = $"finding-{index + 1}";
        var grouped = diagnostics.GroupBy(GroupOf).ToDictionary(g => g.Key, g => g.ToList());

        Head(document, reported);
        var body = document.Body!;
        body.Add("a", "skip", "Skip to the findings").SetAttribute("href", "#findings");
        Header(body, reported, hiddenNotes, grouped);
        var main = body.Add("main");
        Topology(main, reported, anchors, grouped);
        Findings(main, grouped, anchors);
        if (drift is not null) Drift(main, drift);
        body.Add("footer", null, $"apimlint {ProjectInfo.Version} · {ProjectInfo.HomePage}");
        output.Write(document.ToHtml());
        output.Write('\n');
    }

    private void Head(IDocument document, IReadOnlyList<Diagnostic> diagnostics)
    {
        var head = document.Head!;
        head.Add("meta").SetAttribute("charset", "utf-8");
        var viewport = head.Add("meta");
        viewport.SetAttribute("name", "viewport");
        viewport.SetAttribute("content", "width=device-width, initial-scale=1");
        head.Add("title", null, $"apimlint: {context.DeploymentName} ({TextReportWriter.Summary(diagnostics, [])})");
        // apimlint's own style sheet, which needs its line breaks: not text from the deployment.
        head.Add("style").TextContent = Style;
    }

    private void Header(IElement body, IReadOnlyList<Diagnostic> diagnostics, IReadOnlyList<string> hiddenNotes, Dictionary<string, List<Diagnostic>> grouped)
    {
        var header = body.Add("header");
        header.Add("h1", null, $"apimlint: {context.DeploymentName}");
        header.Add("p", diagnostics.Any(d => d.Severity == Severity.Error) ? "summary failing" : "summary", TextReportWriter.Summary(diagnostics, hiddenNotes, context.NginxPartlyRead));
        var inputs = header.Add("dl", "inputs");
        foreach (var (term, path) in deployment.NodeFolders.Append(new NodeFolder("nginx", deployment.Nginx.File.FullPath)))
        {
            inputs.Add("dt", null, term);
            inputs.Add("dd").Add("code", null, context.RelativePath(path));
        }
        var nav = header.Add("nav");
        nav.SetAttribute("aria-label", "Sections");
        var list = nav.Add("ul");
        void Item(string href, string text) => list.Add("li").Add("a", null, text).SetAttribute("href", href);
        Item("#topology", "Topology");
        Item("#findings", $"Findings ({diagnostics.Count})");
        foreach (var (id, title) in Groups.Where(g => grouped.ContainsKey(g.Id)))
            Item($"#findings-{id}", $"{title} ({Counted(grouped[id])})");
        if (drift is not null) Item("#drift", $"Drift ({drift.Items.Count})");
    }

    private void Topology(IElement main, IReadOnlyList<Diagnostic> diagnostics, Dictionary<Diagnostic, string> anchors, Dictionary<string, List<Diagnostic>> grouped)
    {
        var section = main.Add("section");
        section.Id = "topology";
        section.Add("h2", null, "Topology");
        var graph = TopologyGraph.Of(deployment, diagnostics);
        var boxes = new[] { "nginx", "active", "passive" }.ToDictionary(id => id,
            id => new TopologyDrawing.VertexFindings($"#findings-{id}", Counted(grouped.GetValueOrDefault(id) ?? [])));
        var figure = section.Add("figure");
        new TopologyDrawing(graph, d => anchors[d], boxes).AppendTo(figure,
            "nginx, its upstreams, the two nodes and the shared databases; red links carry errors, amber links warnings");
        figure.Add("figcaption", null, "Red links carry errors, amber links only warnings (their rule IDs link to the findings); dashed links are backup servers; " +
                                       "the lines between the nodes are the WKA membership and the throttle events each publishes to the other's broker, " +
                                       "the loops the events each publishes to its own.");

        var table = section.Add("table", "links");
        table.Add("caption", null, "The links of the drawing");
        var head = table.Add("thead").Add("tr");
        foreach (var title in new[] { "from", "to", "what", "findings" }) head.Add("th", null, title).SetAttribute("scope", "col");
        var rows = table.Add("tbody");
        foreach (var edge in graph.Edges)
        {
            var row = rows.Add("tr", !edge.IsBroken ? null : edge.IsBrokenByError ? "broken" : "broken warning");
            row.Add("td", null, graph.Vertex(edge.From).Label);
            row.Add("td", null, graph.Vertex(edge.To).Label);
            row.Add("td", null, string.Join(" ", edge.Labels));
            var cell = row.Add("td");
            foreach (var d in edge.Findings)
            {
                if (cell.HasChildNodes) cell.AddText(" ");
                cell.Add("a", null, d.Rule.Id).SetAttribute("href", "#" + anchors[d]);
            }
        }
    }

    private void Findings(IElement main, Dictionary<string, List<Diagnostic>> grouped, Dictionary<Diagnostic, string> anchors)
    {
        var section = main.Add("section");
        section.Id = "findings";
        section.Add("h2", null, "Findings");
        if (grouped.Count == 0) section.Add("p", "clean", "No findings.");
        var excerpts = new SourceExcerpt();
        foreach (var (id, title) in Groups.Where(g => grouped.ContainsKey(g.Id)))
        {
            var group = section.Add("section", "group");
            group.Id = $"findings-{id}";
            group.Add("h3", null, $"{title} ({Counted(grouped[id])})");
            foreach (var file in grouped[id].GroupBy(d => d.Location.Path))
            {
                var fileSection = group.Add("section", "file");
                fileSection.Add("h4").Add("code", null, context.RelativePath(file.Key));
                foreach (var d in file) Finding(fileSection, d, anchors[d], excerpts);
            }
        }
    }

    private void Finding(IElement parent, Diagnostic d, string anchor, SourceExcerpt excerpts)
    {
        var article = parent.Add("article", $"finding {d.Severity.Name()}");
        article.Id = anchor;
        var head = article.Add("h5", "head");
        head.Add("span", "severity", d.Severity.Name());
        head.AddText(" ");
        var rule = head.Add("a", "rule", d.Rule.Id);
        rule.SetAttribute("href", RuleDocs.HelpUri(d.Rule));
        rule.SetAttribute("title", d.Rule.Summary);
        head.AddText(" ");
        head.Add("span", "rule-name", d.Rule.Name);
        head.AddText(" ");
        var self = head.Add("a", "where", Where(d.Location));
        self.SetAttribute("href", "#" + anchor);
        article.Add("p", "message", d.Message);
        if (d.Suppression is { } suppression)
        {
            article.ClassList.Add("suppressed");
            article.Add("p", "suppression", (suppression.Kind == SuppressionKind.InSource ? "Suppressed in the source: " : "Accepted in the baseline: ") + suppression.Justification);
        }
        excerpts.AppendTo(article, d.Location);
        if (d.Related.Count > 0)
        {
            var related = article.Add("ul", "related");
            foreach (var r in d.Related)
            {
                var item = related.Add("li");
                item.Add("code", null, Where(r.Location));
                item.AddText(": " + r.Message);
            }
        }
        if (d.Fix is { } fix) Fix(article, fix);
    }

    private void Fix(IElement article, Fix fix)
    {
        var block = article.Add("div", "fix");
        var title = block.Add("p");
        title.Add("strong", null, fix.Safety == FixSafety.Safe ? "Safe fix" : "Unsafe fix");
        title.AddText(" (" + (fix.Safety == FixSafety.Safe ? "apimlint --fix" : "apimlint --fix --unsafe-fixes") + "): " + fix.Title);
        string diff;
        try
        {
            diff = SecretMask.Apply(UnifiedDiff.Render(previewFix(fix), context.RelativePath));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The file changed or went away since it was read: the report still names the fix.
            block.Add("p", "note", "(what it changes cannot be shown: the file can no longer be read)");
            return;
        }
        var code = block.Add("pre", "diff").Add("code");
        foreach (var line in diff.TrimEnd('\n').Split('\n'))
            code.Add("span", line switch
            {
                _ when line.StartsWith("+++", StringComparison.Ordinal) || line.StartsWith("---", StringComparison.Ordinal) => "line file",
                _ when line.StartsWith("@@", StringComparison.Ordinal) => "line hunk",
                _ when line.StartsWith('+') => "line add",
                _ when line.StartsWith('-') => "line del",
                _ => "line",
            }, line);
    }

    private void Drift(IElement main, DriftReport report)
    {
        var section = main.Add("section");
        section.Id = "drift";
        section.Add("h2", null, "Drift between the nodes");
        section.Add("p", null, DriftTableWriter.Summary(report) + " Expected differences are the port offset, the cluster addresses and the keys declared node-specific.");
        if (report.Items.Count == 0) return;
        var table = section.Add("table", "drift");
        var head = table.Add("thead").Add("tr");
        foreach (var title in new[] { "file", "key", "active", "passive", "verdict" }) head.Add("th", null, title).SetAttribute("scope", "col");
        var rows = table.Add("tbody");
        foreach (var item in report.Items)
        {
            var row = rows.Add("tr", item.Verdict.Name());
            row.Add("td").Add("code", null, item.File);
            row.Add("td").Add("code", null, item.Key);
            row.Add("td", item.Active.IsAbsent ? "absent" : null, DriftCell(item.Active));
            row.Add("td", item.Passive.IsAbsent ? "absent" : null, DriftCell(item.Passive));
            row.Add("td", null, item.Verdict.Name());
        }
    }

    /// <summary>A drift value on one line and shortened: a value may be a whole file's worth of text, the report stays readable and bounded.</summary>
    private static string DriftCell(DriftSide side) => side.Display is { } value ? DriftValues.OneLine(value, DriftValueWidth) : "(absent)";

    private const int DriftValueWidth = 240;

    /// <summary>How many findings of a group are reported (suppressed ones are listed but not counted).</summary>
    private static int Counted(IEnumerable<Diagnostic> findings) => findings.Count(d => d.Suppression is null);

    private string GroupOf(Diagnostic d)
    {
        var path = d.Location.Path;
        if (deployment.Nginx.File.FullPath == path || deployment.Nginx.IncludedFiles.Any(f => f.FullPath == path)) return "nginx";
        return deployment.NodeNameOf(path) ?? "other";
    }

    private string Where(Text.Location location) =>
        context.RelativePath(location.Path) + (location.Start is { } s ? $":{s.Line}:{s.Column}" : "");

    private static string ReadStyle()
    {
        using var stream = typeof(HtmlReportWriter).Assembly.GetManifestResourceStream("ApimLint.Reporting.Html.report.css")!;
        return new StreamReader(stream).ReadToEnd();
    }
}
