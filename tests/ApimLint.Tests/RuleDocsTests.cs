using System.Text.RegularExpressions;
using ApimLint.Diagnostics;
using ApimLint.Reporting;
using ApimLint.Rules;

namespace ApimLint.Tests;

/// <summary>Every rule documents itself fully, and the generated docs in the repository match the sources.</summary>
public sealed partial class RuleDocsTests
{
    private const string Begin = "<!-- rules:begin (generated from the rules' sources; tests keep it in sync) -->\n";
    private const string End = "<!-- rules:end -->";

    public static TheoryData<string> RuleIds()
    {
        var data = new TheoryData<string>();
        foreach (var rule in RuleRegistry.All) data.Add(rule.Descriptor.Id);
        return data;
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Each_rule_documents_itself_in_the_fixed_sections(string id)
    {
        var d = RuleRegistry.All.Single(r => r.Descriptor.Id == id).Descriptor;

        Assert.Matches(@"^APIM\d{3}$", d.Id);
        Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)+$", d.Name);
        Assert.EndsWith(".", d.Summary);
        var sections = Regex.Matches(d.Explanation, "^## (.+)$", RegexOptions.Multiline).Select(m => m.Groups[1].Value);
        Assert.Equal(["What it does", "Why it matters", "Example", "How to fix"], sections);
        Assert.Equal(ExpectedCategory(d.Id), d.Category);
    }

    [Fact]
    public void Rule_docs_cite_only_sources_users_can_open()
    {
        // "the domain facts" is an internal document users do not have; docs cite public pages instead.
        var citingInternalNotes = RuleRegistry.All
            .Select(r => r.Descriptor)
            .Where(d => string.Join(' ', (d.Summary + "\n" + d.Explanation).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).Contains("domain facts", StringComparison.OrdinalIgnoreCase))
            .Select(d => d.Id);

        Assert.Empty(citingInternalNotes);
    }

    [Fact]
    public void Ids_are_unique_and_registered_in_order()
    {
        var ids = RuleRegistry.All.Select(r => r.Descriptor.Id).ToList();
        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public void Each_rule_lives_in_its_own_file_in_its_category_folder()
    {
        foreach (var rule in RuleRegistry.All)
        {
            var type = rule.GetType();
            var folder = type.Namespace!.Split('.').Last();
            Assert.True(File.Exists(Path.Combine(TestPaths.RepositoryRoot, "rules/ApimLint.Rules", folder, type.Name + ".cs")), $"{type.Name}.cs not in rules/ApimLint.Rules/{folder}");
        }
    }

    [Fact]
    public void Readme_rule_table_matches_the_rules()
    {
        var path = Path.Combine(TestPaths.RepositoryRoot, "README.md");
        var readme = File.ReadAllText(path);
        var start = readme.IndexOf(Begin, StringComparison.Ordinal) + Begin.Length;
        var end = readme.IndexOf(End, start, StringComparison.Ordinal);
        var expected = RuleDocs.MarkdownTable(RuleRegistry.All);
        if (Accepting) File.WriteAllText(path, readme[..start] + expected + readme[end..]);
        Assert.Equal(expected, File.ReadAllText(path)[start..(start + expected.Length)]);
    }

    [Fact]
    public void Rules_reference_matches_the_rules()
    {
        var path = Path.Combine(TestPaths.RepositoryRoot, "rules/README.md");
        var expected = RuleDocs.MarkdownReference(RuleRegistry.All);
        if (Accepting) File.WriteAllText(path, expected);
        Assert.Equal(expected, File.ReadAllText(path));
    }

    [Fact]
    public void Explain_prints_what_to_change()
    {
        var result = Apimlint.Run(TestPaths.RepositoryRoot, "explain", "apim503");

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("# APIM503\n\n`throttle-peer-broker-wrong` · error · gateway · API-M 2.0–2.6 · safe fix\n", result.Stdout);
        Assert.Contains("## How to fix\nPoint the brokerlist at the peer's broker", result.Stdout);
    }

    [Fact]
    public void Explain_an_unknown_rule_is_a_usage_error()
    {
        var result = Apimlint.Run(TestPaths.RepositoryRoot, "explain", "APIM999");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("apimlint: no rule 'APIM999' (see 'apimlint rules')\n", result.Stderr);
    }

    [Fact]
    public void Rules_lists_every_rule()
    {
        var lines = Apimlint.Run(TestPaths.RepositoryRoot, "rules").Stdout.TrimEnd('\n').Split('\n');

        Assert.StartsWith("ID ", lines[0]);
        Assert.Equal(RuleRegistry.All.Select(r => r.Descriptor.Id), lines.Skip(1).Select(l => l.Split(' ')[0]));
    }

    private static bool Accepting => Environment.GetEnvironmentVariable("APIMLINT_ACCEPT") == "1";

    private static RuleCategory ExpectedCategory(string id) => id[4] switch
    {
        '0' => RuleCategory.Input,
        '1' => RuleCategory.Datasources,
        '2' => RuleCategory.Identity,
        '3' => RuleCategory.Registry,
        '4' => RuleCategory.Clustering,
        '5' => RuleCategory.Gateway,
        '6' => RuleCategory.ReverseProxy,
        '7' => RuleCategory.Drift,
        _ => RuleCategory.Platform,
    };
}
