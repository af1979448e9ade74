using System.Text;
using ApimLint.Diagnostics;
using ApimLint.Model;

namespace ApimLint.Reporting;

/// <summary>
/// A report for $GITHUB_STEP_SUMMARY or a pull-request comment: a summary line, a Mermaid flowchart of
/// the topology (nginx → upstreams → nodes → shared databases, the WKA link, the throttle publishers)
/// whose edges turn red and carry the rule IDs of the findings on them, and a findings table.
/// </summary>
public sealed class MarkdownReportWriter(ReportContext context, Deployment deployment)
{
    public void Write(TextWriter output, IReadOnlyList<Diagnostic> diagnostics)
    {
        output.Write($"## apimlint: {context.DeploymentName}\n\n{TextReportWriter.Summary(diagnostics, [])}\n\n");
        output.Write("```mermaid\n" + Flowchart(diagnostics) + "```\n\n");
        if (diagnostics.Count == 0) return;
        output.Write("| severity | rule | where | message |\n| --- | --- | --- | --- |\n");
        foreach (var d in diagnostics)
        {
            var where = context.RelativePath(d.Location.Path) + (d.Location.Start is { } s ? $"#L{s.Line}" : "");
            output.Write($"| {d.Severity.Name()} | {d.Rule.Id} | [{Cell(where)}]({where}) | {Cell(d.Message)} |\n");
        }
    }

    /// <summary>The topology as a Mermaid flowchart; deterministic ids and order.</summary>
    public string Flowchart(IReadOnlyList<Diagnostic> diagnostics)
    {
        var text = new StringBuilder("flowchart LR\n");
        var edges = new List<(string Line, string[] Rules)>();
        string Rules(Func<Diagnostic, bool> on) => string.Join(" ", diagnostics.Where(on).Select(d => d.Rule.Id).Distinct().Order());
        void Edge(string from, string arrow, string to, string label, Func<Diagnostic, bool> on)
        {
            var rules = Rules(on);
            var shown = string.Join(" ", new[] { label, rules }.Where(t => t.Length > 0));
            var labelled = shown.Length == 0 ? $"  {from} {arrow} {to}\n" : $"  {from} {arrow}|\"{Escape(shown)}\"| {to}\n";
            edges.Add((labelled, rules.Length == 0 ? [] : rules.Split(' ')));
        }

        text.Append("  nginx[\"nginx\"]\n");
        foreach (var node in deployment.Nodes)
            text.Append($"  {node.Name}[\"{node.Name} (offset {node.PortOffset})\"]\n");
        var routing = NginxRouting.Of(deployment);
        foreach (var (upstream, index) in deployment.Nginx.Upstreams.Select((u, i) => (u, i)))
        {
            var id = $"u{index}";
            text.Append($"  {id}[\"upstream {Escape(upstream.Name.Value)}\"]\n");
            var paths = routing.UsersOf(upstream).Select(u => u.Location.Path.Value).Distinct().ToList();
            var blocks = routing.UsersOf(upstream).Select(u => u.Location.Directive).ToList();
            Edge("nginx", "-->", id, paths.Count == 0 ? "unused" : string.Join(" ", paths), d => d.Rule.Category == RuleCategory.ReverseProxy
                && (Mentions(d, upstream.Name.Value) || blocks.Any(b => b.Source.Path == d.Location.Path && d.Location.Span is { } at && b.Span.Contains(at))));
            foreach (var server in upstream.Servers)
                if (routing.Resolve(server).Node is { } node)
                    Edge(id, server.IsBackup ? "-.->" : "-->", node.Name, server.IsBackup ? "backup" : server.Address.Value,
                        d => d.Rule.Category == RuleCategory.ReverseProxy && Mentions(d, server.Address.Value));
        }
        Edge("active", "<-->", "passive", "WKA", d => d.Rule.Category == RuleCategory.Clustering);
        Edge("active", "-->", "passive", "throttle events", d => d.Rule.Id is "APIM502" or "APIM503" or "APIM504" or "APIM505" && d.Message.StartsWith("active", StringComparison.Ordinal));
        Edge("passive", "-->", "active", "throttle events", d => d.Rule.Id is "APIM502" or "APIM503" or "APIM504" or "APIM505" && d.Message.StartsWith("passive", StringComparison.Ordinal));
        foreach (var (name, index) in new[] { "WSO2AM_DB", "WSO2UM_DB", "WSO2GOV_DB" }.Select((n, i) => (n, i)))
        {
            var url = deployment.Active.DataSourceByName(name)?.ParsedUrl;
            text.Append($"  db{index}[(\"{name}{(url is null ? "" : $" {url.Engine}:{url.Database}")}\")]\n");
            foreach (var node in deployment.Nodes.Where(n => n.DataSourceByName(name) is not null))
                Edge(node.Name, "-->", $"db{index}", "", d => d.Rule.Category == RuleCategory.Datasources && d.Message.Contains(name, StringComparison.Ordinal) && d.Message.StartsWith(node.Name, StringComparison.Ordinal));
        }
        foreach (var (line, _) in edges) text.Append(line);
        foreach (var (edge, index) in edges.Select((e, i) => (e, i)).Where(x => x.e.Rules.Length > 0))
            text.Append($"  linkStyle {index} stroke:#d1242f,stroke-width:3px,color:#d1242f\n");
        return text.ToString();
    }

    private static bool Mentions(Diagnostic d, string text) => d.Message.Contains(text, StringComparison.OrdinalIgnoreCase);

    private static string Escape(string text) => text.Replace("\"", "#quot;");

    private static string Cell(string text) => text.Replace("|", "\\|").Replace("\n", " ");
}
