using System.Text;
using ApimLint.Diagnostics;
using ApimLint.Engine;

namespace ApimLint.Reporting;

/// <summary>Rule documentation rendered from the rules' own descriptors: the one source of every rule doc.</summary>
public static class RuleDocs
{
    public static string CategoryName(RuleCategory category) => category switch
    {
        RuleCategory.ReverseProxy => "reverse-proxy",
        _ => category.ToString().ToLowerInvariant(),
    };

    /// <summary>The rule's section of the published rule reference.</summary>
    public static string HelpUri(RuleDescriptor rule) => $"{ProjectInfo.HomePage}/blob/main/rules/README.md#{rule.Id.ToLowerInvariant()}";

    public static string Fixability(RuleDescriptor rule) => rule.Fix switch
    {
        FixSafety.Safe => "safe fix",
        FixSafety.Unsafe => "unsafe fix",
        _ => "",
    };

    /// <summary>`apimlint rules`: one aligned line per rule.</summary>
    public static string TextList(IEnumerable<Rule> rules)
    {
        var rows = rules.Select(r => r.Descriptor)
            .Select(d => new[] { d.Id, d.Name, d.DefaultSeverity.Name(), CategoryName(d.Category), Fixability(d) })
            .Prepend(["ID", "NAME", "SEVERITY", "CATEGORY", "FIX"]).ToList();
        var widths = Enumerable.Range(0, 5).Select(c => rows.Max(r => r[c].Length)).ToArray();
        var text = new StringBuilder();
        foreach (var row in rows)
            text.Append(string.Join("  ", row.Select((cell, c) => c == row.Length - 1 ? cell : cell.PadRight(widths[c]))).TrimEnd()).Append('\n');
        return text.ToString();
    }

    /// <summary>The Markdown table of the README.</summary>
    public static string MarkdownTable(IEnumerable<Rule> rules)
    {
        var text = new StringBuilder("| ID | name | severity | category | releases | fix | what must hold |\n| --- | --- | --- | --- | --- | --- | --- |\n");
        foreach (var d in rules.Select(r => r.Descriptor))
            text.Append($"| [{d.Id}](rules/README.md#{d.Id.ToLowerInvariant()}) | {d.Name} | {d.DefaultSeverity.Name()} | {CategoryName(d.Category)} | {d.Versions.ToString().Replace("API-M ", "")} | {Fixability(d)} | {EscapeCell(d.Summary)} |\n");
        return text.ToString();
    }

    /// <summary>The full reference (rules/README.md and `apimlint rules --format markdown`).</summary>
    public static string MarkdownReference(IEnumerable<Rule> rules)
    {
        var list = rules.ToList();
        var text = new StringBuilder("# apimlint rules\n\n")
            .Append("Generated from the rules' sources by `apimlint rules --format markdown`; do not edit by hand.\n\n")
            .Append(MarkdownTable(list).Replace("(rules/README.md#", "(#"));
        foreach (var rule in list) text.Append('\n').Append(Explain(rule, headingLevel: 2));
        return text.ToString();
    }

    /// <summary>One rule's whole documentation, as `apimlint explain` prints it.</summary>
    public static string Explain(Rule rule, int headingLevel = 1)
    {
        var d = rule.Descriptor;
        var heading = new string('#', headingLevel);
        var fix = Fixability(d);
        var text = new StringBuilder()
            .Append($"{heading} {d.Id}\n\n")
            .Append($"`{d.Name}` · {d.DefaultSeverity.Name()} · {CategoryName(d.Category)} · {d.Versions}{(d.IsSecurity ? " · security" : "")}{(fix.Length > 0 ? " · " + fix : "")}\n\n")
            .Append(d.Summary).Append("\n\n");
        if (d.Supersedes.Count > 0) text.Append("Supersedes: ").Append(string.Join("; ", d.Supersedes.Select(s => s.Describe()))).Append(".\n\n");
        foreach (var line in d.Explanation.TrimEnd().Split('\n'))
            text.Append(line.StartsWith("## ", StringComparison.Ordinal) ? new string('#', headingLevel) + line[1..] : line).Append('\n');
        return text.ToString();
    }

    /// <summary>A summary is Markdown (configuration in code spans) on one line: only a '|' could end its table cell.</summary>
    private static string EscapeCell(string text) => text.Replace("|", "\\|");
}
