using System.Text;
using ApimLint.Diagnostics;
using ApimLint.Model;
using ApimLint.Reporting.Escaping;

namespace ApimLint.Reporting;

/// <summary>
/// A report for $GITHUB_STEP_SUMMARY or a pull-request comment: a summary line, a Mermaid flowchart of
/// the <see cref="TopologyGraph"/> whose edges turn red (amber when only warnings mark them) and carry the rule IDs of the findings on them, and a
/// findings table. Every value from the deployment goes through <see cref="MarkdownText"/> or
/// <see cref="MermaidText"/>: none can end a table cell, open HTML or a link, or close the Mermaid fence.
/// </summary>
public sealed class MarkdownReportWriter(ReportContext context, Deployment deployment)
{
    public void Write(TextWriter output, IReadOnlyList<Diagnostic> diagnostics)
    {
        output.Write($"## apimlint: {MarkdownText.Inline(context.DeploymentName)}\n\n{TextReportWriter.Summary(diagnostics, [], context.NginxPartlyRead)}\n\n");
        output.Write("```mermaid\n" + Flowchart(TopologyGraph.Of(deployment, diagnostics)) + "```\n\n");
        if (diagnostics.Count == 0) return;
        output.Write("| severity | rule | where | message |\n| --- | --- | --- | --- |\n");
        foreach (var d in diagnostics)
        {
            var where = MarkdownText.FileLink(context.RelativePath(d.Location.Path), d.Location.Start?.Line, context.Links?.To(d.Location.Path, d.Location.Start?.Line));
            output.Write($"| {d.Severity.Name()} | {d.Rule.Id} | {where} | {MarkdownText.Inline(d.Message)} |\n");
        }
    }

    /// <summary>The topology as a Mermaid flowchart.</summary>
    public static string Flowchart(TopologyGraph topology)
    {
        var text = new StringBuilder("flowchart LR\n");
        foreach (var vertex in topology.Vertices)
        {
            var label = MermaidText.Label(vertex.Details.Count == 0 ? vertex.Label : $"{vertex.Label} ({string.Join(", ", vertex.Details)})");
            text.Append(vertex.Kind == VertexKind.Database ? $"  {vertex.Id}[(\"{label}\")]\n" : $"  {vertex.Id}[\"{label}\"]\n");
        }
        foreach (var edge in topology.Edges)
        {
            var arrow = edge.Kind switch { EdgeKind.Backup => "-.->", EdgeKind.Mutual => "<-->", _ => "-->" };
            var shown = string.Join(" ", edge.Labels.Concat(edge.Rules));
            text.Append(shown.Length == 0 ? $"  {edge.From} {arrow} {edge.To}\n" : $"  {edge.From} {arrow}|\"{MermaidText.Label(shown)}\"| {edge.To}\n");
        }
        foreach (var (edge, index) in topology.Edges.Select((e, i) => (e, i)).Where(x => x.e.IsBroken))
        {
            var colour = edge.IsBrokenByError ? Red : Amber;
            text.Append($"  linkStyle {index} stroke:{colour},stroke-width:3px,color:{colour}\n");
        }
        return text.ToString();
    }

    /// <summary>An edge an error breaks is red; one only warnings or notes mark is amber.</summary>
    public const string Red = "#d1242f", Amber = "#9a6700";
}
