using System.Text.Json;
using ApimLint.Reporting;
using ApimLint.Reporting.Escaping;

namespace ApimLint.Drift;

/// <summary>
/// `apimlint diff` for people: one row per difference (file, key, active value, passive value, verdict) and
/// a summary. Cells are shown through <see cref="TerminalText"/>; the file begins the line, so it is guarded as a line start.
/// </summary>
public static class DriftTableWriter
{
    private const int ValueWidth = 40;

    public static void Write(TextWriter output, DriftReport report)
    {
        if (report.Items.Count == 0)
        {
            output.WriteLine("No differences.");
            return;
        }
        var rows = report.Items
            .Select(i => new[] { TerminalText.LineStart(i.File), TerminalText.Escape(i.Key), Cell(i.Active.Display), Cell(i.Passive.Display), i.Verdict.Name() })
            .Prepend(["FILE", "KEY", "ACTIVE", "PASSIVE", "VERDICT"])
            .ToList();
        var widths = Enumerable.Range(0, 5).Select(c => rows.Max(r => r[c].Length)).ToArray();
        foreach (var row in rows)
            output.WriteLine(string.Join("  ", row.Select((cell, c) => c == 4 ? cell : cell.PadRight(widths[c]))).TrimEnd());
        output.WriteLine(Summary(report));
    }

    public static string Summary(DriftReport report)
    {
        var count = report.Items.Count;
        return $"{count} difference{(count == 1 ? "" : "s")}: "
               + string.Join(", ", new[] { DriftVerdict.MustEqual, DriftVerdict.Drift, DriftVerdict.Expected }
                   .Select(v => $"{report.Items.Count(i => i.Verdict == v)} {v.Name()}")) + ".";
    }

    /// <summary>A value on one line, shortened to the column; absent values say so.</summary>
    private static string Cell(string? value) => value switch
    {
        null => "(absent)",
        "" => "\"\"",
        _ => TerminalText.Escape(DriftValues.OneLine(value, ValueWidth)),
    };
}

/// <summary>`apimlint diff --format json` for scripts: a small stable schema (schemaVersion 1), secrets masked.</summary>
public static class DriftJsonWriter
{
    public static void Write(TextWriter output, DriftReport report, string baseDirectory)
    {
        JsonOutput.Write(output, json =>
        {
            json.WriteStartObject();
            json.WriteNumber("schemaVersion", 1);
            json.WriteStartObject("tool");
            json.WriteString("name", "apimlint");
            json.WriteString("version", ProjectInfo.Version);
            json.WriteEndObject();
            json.WriteString("active", PathDisplay.Relative(report.ActiveHome, baseDirectory));
            json.WriteString("passive", PathDisplay.Relative(report.PassiveHome, baseDirectory));
            json.WriteStartObject("summary");
            foreach (var verdict in new[] { DriftVerdict.MustEqual, DriftVerdict.Drift, DriftVerdict.Expected })
                json.WriteNumber(verdict.Name(), report.Items.Count(i => i.Verdict == verdict));
            json.WriteEndObject();
            json.WriteStartArray("differences");
            foreach (var item in report.Items)
            {
                json.WriteStartObject();
                json.WriteString("rule", item.RuleId);
                json.WriteString("file", item.File);
                json.WriteString("key", item.Key);
                json.WriteString("active", item.Active.Display);
                json.WriteString("passive", item.Passive.Display);
                json.WriteString("verdict", item.Verdict.Name());
                json.WriteBoolean("secret", item.IsSecret);
                if (item.Detail is not null) json.WriteString("detail", item.Detail);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        });
    }
}
