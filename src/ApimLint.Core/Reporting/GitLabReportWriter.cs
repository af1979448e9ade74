using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ApimLint.Diagnostics;

namespace ApimLint.Reporting;

/// <summary>
/// GitLab Code Quality (artifacts:reports:codequality): an array of Code Climate issues, shown in the merge request
/// and the pipeline's Code Quality tab. GitLab keeps one issue per fingerprint, so the fingerprint is the finding's own.
/// </summary>
public sealed class GitLabReportWriter(ReportContext context)
{
    public void Write(TextWriter output, IReadOnlyList<Diagnostic> diagnostics)
    {
        var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartArray();
            foreach (var d in diagnostics) WriteIssue(json, d);
            json.WriteEndArray();
        }
        output.Write(Encoding.UTF8.GetString(buffer.ToArray()));
        output.Write('\n');
    }

    /// <summary>
    /// GitLab's severities from apimlint's: an error (the pair fails over wrongly or not at all) is critical, a warning major,
    /// a note info. Blocker is left to the pipeline, which apimlint's exit code gates.
    /// </summary>
    public static string Severity(Severity severity) => severity switch
    {
        Diagnostics.Severity.Error => "critical",
        Diagnostics.Severity.Warning => "major",
        _ => "info",
    };

    private void WriteIssue(Utf8JsonWriter json, Diagnostic d)
    {
        json.WriteStartObject();
        json.WriteString("description", $"{d.Rule.Id}: {d.Message}");
        json.WriteString("check_name", d.Rule.Id);
        json.WriteString("fingerprint", context.Fingerprint(d));
        json.WriteString("severity", Severity(d.Severity));
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
