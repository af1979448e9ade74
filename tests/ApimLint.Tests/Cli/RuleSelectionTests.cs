using ApimLint.Diagnostics;
using ApimLint.Reporting;
using ApimLint.Rules;
using ApimLint.Tests.Fixtures;

namespace ApimLint.Tests.Cli;

/// <summary>--select and --ignore on the example, alone, together and with apimlint.json's severities.</summary>
public sealed class RuleSelectionTests
{
    private static IReadOnlyList<(string Rule, string Severity)> Findings(params string[] args)
    {
        var result = Apimlint.Run(TestPaths.Fixture(""), ["check", "example", "--fail-level", "none", .. args]);
        Assert.Equal((0, ""), (result.ExitCode, result.Stderr));
        return result.Stdout.Split('\n').Select(l => System.Text.RegularExpressions.Regex.Match(l, @"^\S+: (error|warning|note) (APIM\d{3}):"))
            .Where(m => m.Success).Select(m => (m.Groups[2].Value, m.Groups[1].Value)).ToList();
    }

    private static IReadOnlyList<(string Rule, string Severity)> ExampleWhere(Func<RuleDescriptor, bool> kept) =>
        TestPaths.ExampleFindings().Where(f => kept(RuleRegistry.All.Single(r => r.Descriptor.Id == f.Rule).Descriptor)).ToList();

    [Theory]
    [InlineData("APIM404")]
    [InlineData("apim404")]
    [InlineData("wka-members-not-mutual")]
    public void Select_by_ID_or_name_runs_that_rule_alone(string selector)
    {
        Assert.Equal(ExampleWhere(r => r.Id == "APIM404"), Findings("--select", selector));
    }

    [Fact]
    public void Select_by_category_or_ID_prefix_runs_those_rules()
    {
        Assert.Equal(ExampleWhere(r => r.Category == RuleCategory.Clustering), Findings("--select", "clustering"));
        Assert.Equal(ExampleWhere(r => r.Category == RuleCategory.ReverseProxy), Findings("--select", "reverse-proxy"));
        Assert.Equal(ExampleWhere(r => r.Id.StartsWith("APIM3", StringComparison.Ordinal)), Findings("--select", "APIM3"));
        Assert.NotEmpty(Findings("--select", "APIM3"));
    }

    [Fact]
    public void Selectors_are_comma_separated_or_repeated()
    {
        var expected = ExampleWhere(r => r.Id is "APIM404" or "APIM302");

        Assert.Equal(expected, Findings("--select", "APIM404,APIM302"));
        Assert.Equal(expected, Findings("--select", "APIM404", "--select", "APIM302"));
    }

    [Fact]
    public void Ignore_leaves_out_the_rules_it_names()
    {
        Assert.Equal(ExampleWhere(r => r.Id != "APIM108" && r.Category != RuleCategory.ReverseProxy), Findings("--ignore", "APIM108,reverse-proxy"));
    }

    [Fact]
    public void The_more_specific_selector_wins_and_ignore_wins_a_tie()
    {
        Assert.Equal(ExampleWhere(r => r.Category == RuleCategory.Clustering && r.Id != "APIM404"), Findings("--select", "clustering", "--ignore", "APIM404"));
        Assert.Equal(ExampleWhere(r => r.Id == "APIM404"), Findings("--ignore", "clustering", "--select", "APIM404"));
        Assert.Empty(Findings("--select", "APIM3", "--ignore", "APIM3"));
    }

    [Fact]
    public void Select_runs_a_rule_apimlint_json_turns_off_and_keeps_the_severities_it_sets()
    {
        using var temp = new TempDirectory();
        FixtureCase.CopyDirectory(TestPaths.Fixture("example"), temp.Path);
        File.WriteAllText(Path.Combine(temp.Path, "apimlint.json"), """{ "rules": { "APIM404": "none", "APIM302": "note", "APIM306": "none" } }""");

        var selected = Apimlint.Run(temp.Path, "--select", "APIM404,APIM302", "--fail-level", "none").Stdout;
        var ignored = Apimlint.Run(temp.Path, "--ignore", "APIM302", "--fail-level", "none").Stdout;

        Assert.Contains(": error APIM404: ", selected);
        Assert.Contains(": note APIM302: ", selected);
        Assert.DoesNotContain(" APIM306: ", selected);
        Assert.DoesNotContain(" APIM404: ", ignored);
        Assert.DoesNotContain(" APIM302: ", ignored);
        Assert.DoesNotContain(" APIM306: ", ignored);
    }

    [Theory]
    [InlineData("--select", "clustring", "apimlint: unknown rule selector 'clustring' in --select; did you mean 'clustering'?\n")]
    [InlineData("--ignore", "APIM4O4", "apimlint: unknown rule selector 'APIM4O4' in --ignore; did you mean 'APIM404'?\n")]
    [InlineData("--select", "APIM4004", "apimlint: unknown rule selector 'APIM4004' in --select; did you mean 'APIM004' or 'APIM404'?\n")]
    [InlineData("--select", "APIM9", "apimlint: unknown rule selector 'APIM9' in --select (see `apimlint rules`)\n")]
    [InlineData("--select", "tls", "apimlint: unknown rule selector 'tls' in --select (see `apimlint rules`)\n")]
    public void An_unknown_selector_is_a_usage_error_with_the_nearest_known_one(string option, string selector, string stderr)
    {
        var result = Apimlint.Run(TestPaths.Fixture(""), "check", "example", option, selector);

        Assert.Equal((2, "", stderr), (result.ExitCode, result.Stdout, result.Stderr));
    }

    [Fact]
    public void The_category_names_are_those_rules_lists()
    {
        var listed = Apimlint.Run(TestPaths.RepositoryRoot, "rules").Stdout;

        Assert.All(Enum.GetValues<RuleCategory>().Where(c => RuleRegistry.All.Any(r => r.Descriptor.Category == c)),
            c => Assert.Contains($"  {RuleDocs.CategoryName(c)}  ", listed));
    }
}
