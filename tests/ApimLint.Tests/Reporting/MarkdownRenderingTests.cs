using System.Text.Json;
using ApimLint.Reporting;
using ApimLint.Rules;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ApimLint.Tests.Reporting;

/// <summary>
/// Everything apimlint writes as Markdown, rendered as GitHub renders it (GitHub Flavored Markdown): no text of a rule or a
/// finding turns into HTML, where GitHub would drop it ("has no : API-M 2.x fails" instead of "has no &lt;cacheId&gt;").
/// </summary>
public sealed class MarkdownRenderingTests
{
    private static readonly MarkdownPipeline Gfm = new MarkdownPipelineBuilder().UsePipeTables().UseAutoLinks().UseEmphasisExtras().UseTaskLists().Build();

    [Theory]
    [MemberData(nameof(RuleDocsTests.RuleIds), MemberType = typeof(RuleDocsTests))]
    public void A_rules_documentation_renders_every_angle_bracket_it_writes(string id)
    {
        var rule = RuleRegistry.All.Single(r => r.Descriptor.Id == id);
        AssertNoHtml(RuleDocs.Explain(rule), $"apimlint explain {id}");
        AssertNoHtml(RuleDocs.MarkdownTable([rule]), $"the rules table's row of {id}");
    }

    [Fact]
    public void Sarif_rule_help_renders_every_angle_bracket_it_writes()
    {
        var sarif = Apimlint.Run(TestPaths.Fixture(""), "check", "example", "--format", "sarif", "--fail-level", "none").Stdout;
        var rules = JsonDocument.Parse(sarif).RootElement.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver").GetProperty("rules");

        Assert.NotEqual(0, rules.GetArrayLength());
        foreach (var rule in rules.EnumerateArray())
            AssertNoHtml(rule.GetProperty("help").GetProperty("markdown").GetString()!, $"SARIF help of {rule.GetProperty("id").GetString()}");
    }

    [Fact]
    public void The_job_summary_shows_the_configuration_names_in_finding_messages()
    {
        var report = Apimlint.Run(TestPaths.Fixture(""), "check", "example", "--format", "markdown", "--fail-level", "none").Stdout;

        AssertNoHtml(report, "the Markdown report of fixtures/example");
        var html = Markdown.ToHtml(report, Gfm);
        Assert.Contains("has no &lt;cacheId&gt;: API-M 2.x fails", html);
        Assert.Contains("but no &lt;remoteInstance&gt; has that id", html);
    }

    [Fact]
    public void The_generated_rule_reference_renders_without_html()
    {
        AssertNoHtml(File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "rules", "README.md")), "rules/README.md");
    }

    private static void AssertNoHtml(string markdown, string what)
    {
        var document = Markdown.Parse(markdown, Gfm);
        var html = document.Descendants<HtmlBlock>().Select(b => b.Lines.ToString())
            .Concat(document.Descendants<HtmlInline>().Select(i => i.Tag))
            .ToList();
        Assert.True(html.Count == 0, $"{what} has text GitHub reads as HTML and drops: {string.Join(", ", html)}");
    }
}
