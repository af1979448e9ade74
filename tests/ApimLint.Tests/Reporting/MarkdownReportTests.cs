using System.Text.RegularExpressions;

namespace ApimLint.Tests.Reporting;

/// <summary>The Markdown job summary: a strict check of the Mermaid flowchart it draws, and its findings table.</summary>
public sealed partial class MarkdownReportTests
{
    private static string Report(string fixture) => Apimlint.Run(TestPaths.Fixture(""), "check", fixture, "--format", "markdown", "--fail-level", "none").Stdout;

    [Fact]
    public void Flowchart_shows_nginx_upstreams_nodes_and_databases_with_broken_links_in_red()
    {
        var report = Report("example");
        var chart = Regex.Match(report, "```mermaid\n(.*?)```", RegexOptions.Singleline).Groups[1].Value;
        var lines = chart.TrimEnd('\n').Split('\n');

        Assert.Equal("flowchart LR", lines[0]);
        Assert.All(lines.Skip(1), l => Assert.Matches(MermaidLine(), l));
        Assert.Contains("  u1[\"upstream allnodes\"]", lines);
        Assert.Contains("  u1 -.->|\"backup\"| passive", lines);
        Assert.Contains("  active <-->|\"WKA APIM404\"| passive", lines);
        Assert.Contains("  passive -->|\"throttle events APIM503\"| active", lines);
        Assert.Contains("  passive -->|\"own broker APIM506\"| passive", lines);
        Assert.Contains("  active -->|\"own broker\"| active", lines);
        Assert.Contains(lines, l => l.StartsWith("  nginx -->|\"/carbon", StringComparison.Ordinal) && l.Contains("APIM607"));
        Assert.Contains(lines, l => l.StartsWith("  db0[(\"WSO2AM_DB", StringComparison.Ordinal));
        // Every edge that carries a rule ID is styled (red for an error, amber for warnings only), and no other.
        var edges = lines.Where(l => Regex.IsMatch(l, @" (-->|-\.->|<-->)[ |]")).ToList();
        var red = lines.Where(l => l.StartsWith("  linkStyle ", StringComparison.Ordinal)).Select(l => int.Parse(l.Split(' ')[3])).ToList();
        Assert.Equal(edges.Select((e, i) => (e, i)).Where(x => Regex.IsMatch(x.e, @"APIM\d{3}")).Select(x => x.i), red);
        string StyleOf(string edge) => lines.Single(l => l.StartsWith($"  linkStyle {edges.IndexOf(edge)} ", StringComparison.Ordinal));
        Assert.EndsWith("stroke:#d1242f,stroke-width:3px,color:#d1242f", StyleOf("  active <-->|\"WKA APIM404\"| passive"));
        Assert.EndsWith("stroke:#9a6700,stroke-width:3px,color:#9a6700", StyleOf("  active -->|\"APIM108\"| db0"));
    }

    [Fact]
    public void A_finding_marks_the_edge_it_sits_on_not_every_edge_whose_name_its_message_contains()
    {
        using var temp = new TempDirectory();
        Fixtures.FixtureCase.Read(TestPaths.Fixture("rules/APIM602/bad-backup-swapped-on-two-hosts")).Materialize(temp.Path);

        var chart = Apimlint.Run(temp.Path, "check", ".", "--format", "markdown", "--fail-level", "none").Stdout;

        // Both findings name "upstream allnodes-traffic-http", which contains "allnodes": only that upstream's servers are marked.
        Assert.Contains("  u2 -.->|\"backup APIM602\"| active\n", chart);
        Assert.Contains("  u2 -->|\"192.168.10.2:8280 APIM602\"| passive\n", chart);
        Assert.Equal(2, Regex.Count(chart, "APIM602\"\\|"));
    }

    [Fact]
    public void Findings_table_lists_every_finding_with_a_link_to_its_line()
    {
        var rows = Report("example").Split('\n').Where(l => l.StartsWith("| error |") || l.StartsWith("| warning |")).ToList();

        Assert.Equal(TestPaths.ExampleFindings().Count, rows.Count);
        Assert.Contains("| error | APIM404 | [example/active/repository/conf/axis2/axis2.xml#L748](example/active/repository/conf/axis2/axis2.xml#L748) |", rows[0]);
    }

    [Fact]
    public void A_clean_deployment_has_no_red_and_no_table()
    {
        var report = Report("correct-same-host");

        Assert.Contains("No findings.", report);
        Assert.DoesNotContain("linkStyle", report);
        Assert.DoesNotContain("| severity |", report);
    }

    [GeneratedRegex(@"^  (\w+\[\(?""[^""]*""\)?\]|\w+ (-->|-\.->|<-->)(\|""[^""]*""\|)? \w+|linkStyle \d+ stroke:(#d1242f|#9a6700),stroke-width:3px,color:\4)$")]
    private static partial Regex MermaidLine();
}
