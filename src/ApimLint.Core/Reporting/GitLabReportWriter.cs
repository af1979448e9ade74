using System.Text.Json;
using ApimLint.Diagnostics;

namespace ApimLint.Reporting;

/// <summary>
/// GitLab Code Quality (artifacts:reports:codequality): an array of Code Climate issues, shown in the merge request
/// and the pipeline's Code Quality tab. GitLab keeps one issue per fingerprint: the baseline's fingerprint, which names one finding.
/// </summary>
public sealed class GitLabReportWriter(ReportContext context)
{
    public void Write(TextWriter output, IReadOnlyList<Diagnostic> diagnostics) => JsonOutput.Write(output, json =>
    {
        var occurrences = new Dictionary<string, int>();
        json.WriteStartArray();
        foreach (var d in diagnostics)
        {
            // Two findings of one logical key would share a fingerprint, and GitLab would drop the second.
            var fingerprint = context.Fingerprint(d);
            var occurrence = occurrences[fingerprint] = occurrences.GetValueOrDefault(fingerprint) + 1;
            WriteIssue(json, d, occurrence == 1 ? fingerprint : $"{fingerprint}:{occurrence}");
        }
        json.WriteEndArray();
    });

    /// <summary>GitLab's severity for apimlint's. Blocker is not used: apimlint's exit code is the gate.</summary>
    public static string SeverityOf(Severity severity) => severity switch
    {
        Severity.Error => "critical",
        Severity.Warning => "major",
        _ => "info",
    };

    private void WriteIssue(Utf8JsonWriter json, Diagnostic d, string fingerprint)
    {
        json.WriteStartObject();
        json.WriteString("description", $"{d.Rule.Id}: {d.Message}");
        json.WriteString("check_name", d.Rule.Id);
        json.WriteString("fingerprint", fingerprint);
        json.WriteString("severity", SeverityOf(d.Severity));
        json.WriteStartObject("location");
        json.WriteString("path", context.RelativePath(d.Location.Path));
        json.WriteStartObject("lines");
        // A finding about a whole file (one that is missing, say) points at its first line.
        json.WriteNumber("begin", d.Location.Start?.Line ?? 1);
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
    }
}
