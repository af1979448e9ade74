using System.Text.Json;
using ApimLint.Diagnostics;
using ApimLint.Text;

namespace ApimLint.Reporting;

/// <summary>
/// apimlint's own small, stable JSON for scripts (schema version 1). "fix" (safe, unsafe or null) came after "fixAvailable",
/// which stays: a field added, none changed, so the version is still 1.
/// </summary>
public sealed class JsonReportWriter(ReportContext context, string toolVersion)
{
    public void Write(TextWriter output, IReadOnlyList<Diagnostic> diagnostics) => JsonOutput.Write(output, json => WriteDocument(json, diagnostics));

    private void WriteDocument(Utf8JsonWriter json, IReadOnlyList<Diagnostic> diagnostics)
    {
        json.WriteStartObject();
        json.WriteNumber("schemaVersion", 1);
        json.WriteStartObject("tool");
        json.WriteString("name", "apimlint");
        json.WriteString("version", toolVersion);
        json.WriteEndObject();
        json.WriteStartObject("summary");
        foreach (var severity in new[] { Severity.Error, Severity.Warning, Severity.Note })
            json.WriteNumber(severity.Name() + "s", diagnostics.Count(d => d.Severity == severity));
        json.WriteEndObject();
        json.WriteStartArray("findings");
        foreach (var d in diagnostics)
        {
            json.WriteStartObject();
            json.WriteString("rule", d.Rule.Id);
            json.WriteString("name", d.Rule.Name);
            json.WriteString("severity", d.Severity.Name());
            json.WriteString("message", d.Message);
            json.WritePropertyName("location");
            WriteLocation(json, d.Location, null);
            json.WriteStartArray("related");
            foreach (var related in d.Related) WriteLocation(json, related.Location, related.Message);
            json.WriteEndArray();
            json.WriteString("fingerprint", context.Fingerprint(d));
            json.WriteBoolean("fixAvailable", d.Fix is not null);
            if (d.Fix is { } fix) json.WriteString("fix", fix.Safety == FixSafety.Safe ? "safe" : "unsafe");
            else json.WriteNull("fix");
            if (d.Suppression is { } suppression)
            {
                json.WriteStartObject("suppression");
                json.WriteString("kind", suppression.Kind == SuppressionKind.InSource ? "inSource" : "external");
                json.WriteString("justification", suppression.Justification);
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private void WriteLocation(Utf8JsonWriter json, Location location, string? message)
    {
        json.WriteStartObject();
        json.WriteString("path", context.RelativePath(location.Path));
        if (location.Start is { } start && location.End is { } end)
        {
            json.WriteNumber("startLine", start.Line);
            json.WriteNumber("startColumn", start.Column);
            json.WriteNumber("endLine", end.Line);
            json.WriteNumber("endColumn", end.Column);
        }
        if (message is not null) json.WriteString("message", message);
        json.WriteEndObject();
    }
}
