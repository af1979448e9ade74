using ApimLint.Diagnostics;
using ApimLint.Reporting.Escaping;

namespace ApimLint.Reporting;

/// <summary>GitHub Actions workflow commands (::error file=…::message): annotations without code scanning.</summary>
public sealed class GitHubReportWriter(ReportContext context)
{
    public void Write(TextWriter output, IReadOnlyList<Diagnostic> diagnostics)
    {
        foreach (var d in diagnostics)
        {
            var command = d.Severity switch { Severity.Error => "error", Severity.Warning => "warning", _ => "notice" };
            var properties = new List<string> { $"file={WorkflowCommand.Property(context.RelativePath(d.Location.Path))}" };
            if (d.Location.Start is { } start && d.Location.End is { } end)
            {
                properties.Add($"line={start.Line}");
                properties.Add($"col={start.Column}");
                properties.Add($"endLine={end.Line}");
                if (end.Line == start.Line) properties.Add($"endColumn={end.Column}");
            }
            properties.Add($"title={WorkflowCommand.Property($"{d.Rule.Id} {d.Rule.Name}")}");
            output.Write($"::{command} {string.Join(",", properties)}::{WorkflowCommand.Data(d.Message)}\n");
        }
    }
}
