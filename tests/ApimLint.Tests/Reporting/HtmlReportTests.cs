using ApimLint.Tests.Fixtures;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace ApimLint.Tests.Reporting;

/// <summary>The HTML report, read back as a DOM: self-contained, every finding where a reader looks for it, the drawing true to the deployment.</summary>
public sealed partial class HtmlReportTests
{
    private static readonly string Fixtures = TestPaths.Fixture("");

    private static string Html(string fixture) => Apimlint.Run(Fixtures, "check", fixture, "--format", "html", "--fail-level", "none").Stdout;

    private static IDocument Report(string fixture) => new HtmlParser().ParseDocument(Html(fixture));

    [Fact]
    public void Report_is_one_page_that_fetches_nothing_and_runs_no_script()
    {
        var document = Report("example");

        Assert.Empty(document.QuerySelectorAll("script, link, img, iframe, object, embed, [src], [style*='url(']"));
        Assert.DoesNotContain("url(", document.QuerySelector("style")!.TextContent);
        var internalLinks = document.QuerySelectorAll("a[href^='#']").Select(a => a.GetAttribute("href")![1..]).ToList();
        Assert.NotEmpty(internalLinks);
        Assert.All(internalLinks, id => Assert.NotNull(document.GetElementById(id)));
        Assert.All(document.QuerySelectorAll("a[href]:not([href^='#'])"), a => Assert.StartsWith("https://github.com/apimlint/apimlint/", a.GetAttribute("href")));
    }

    [Fact]
    public void Every_finding_is_listed_under_its_node_and_file_with_its_lines_marked()
    {
        var document = Report("example");
        var expected = File.ReadAllLines(TestPaths.Fixture("example.expected.txt")).Select(l => FindingLine().Match(l)).Where(m => m.Success).ToList();
        var articles = document.QuerySelectorAll("article.finding").ToList();

        Assert.Equal(expected.Count, articles.Count);
        foreach (var line in expected)
        {
            var (path, lineNumber, severity, rule, message) = (line.Groups[1].Value, line.Groups[2].Value, line.Groups[4].Value, line.Groups[5].Value, line.Groups[6].Value);
            var article = articles.Single(a => a.QuerySelector(".where")!.TextContent == $"{path}:{lineNumber}:{line.Groups[3].Value}");
            Assert.Equal((severity, rule, message), (article.QuerySelector(".severity")!.TextContent, article.QuerySelector(".rule")!.TextContent, article.QuerySelector(".message")!.TextContent));
            Assert.Equal(path, article.Closest("section.file")!.QuerySelector("h4")!.TextContent);
            var group = path.Split('/')[1];
            Assert.Equal($"findings-{group}", article.Closest("section.group")!.Id);
            var marked = article.QuerySelectorAll(".source .line").Single(l => l.QuerySelector(".ln")!.TextContent == lineNumber);
            Assert.NotNull(marked.QuerySelector("mark"));
        }
    }

    [Fact]
    public void Drawing_shows_both_nodes_the_upstreams_and_the_databases_with_the_same_broken_links_as_the_flowchart()
    {
        var document = Report("example");
        var svg = document.QuerySelector("svg.topology")!;
        string Title(string vertex) => svg.QuerySelector($"#vertex-{vertex} .title")!.TextContent;

        Assert.Equal(("active", "passive", "nginx"), (Title("active"), Title("passive"), Title("nginx")));
        Assert.Equal(["upstream manager-worker", "upstream allnodes", "upstream allnodes-traffic-http", "upstream allnodes-traffic-https"],
            Enumerable.Range(0, 4).Select(i => Title($"u{i}")));
        Assert.Equal(["WSO2AM_DB", "WSO2UM_DB", "WSO2GOV_DB"], Enumerable.Range(0, 3).Select(i => Title($"db{i}")));

        var markdown = Apimlint.Run(Fixtures, "check", "example", "--format", "markdown", "--fail-level", "none").Stdout;
        var redInFlowchart = Regex.Matches(markdown, @"linkStyle (\d+) ").Select(m => int.Parse(m.Groups[1].Value));
        var edges = svg.QuerySelectorAll("g.edge").ToList();
        Assert.Equal(redInFlowchart, edges.Select((e, i) => (e, i)).Where(x => x.e.ClassList.Contains("broken")).Select(x => x.i));
        // A rule ID on a red link leads to a finding of that rule.
        foreach (var link in svg.QuerySelectorAll("g.edge.broken a"))
            Assert.Equal(link.TextContent, document.GetElementById(link.GetAttribute("href")![1..])!.QuerySelector(".rule")!.TextContent);
        Assert.Contains(edges, e => e.ClassList.Contains("broken") && e.QuerySelector("title")!.TextContent.StartsWith("active → passive (WKA)\nAPIM404: "));
        Assert.Contains(edges, e => e.ClassList.Contains("broken") && e.QuerySelector("title")!.TextContent.StartsWith("passive → passive (own broker)\nAPIM506: "));
    }

    [Fact]
    public void Each_fix_shows_its_diff_and_nothing_is_written()
    {
        using var temp = new TempDirectory();
        ApimLint.Tests.Fixtures.FixtureCase.CopyDirectory(TestPaths.Fixture("example"), temp.Path);
        var before = Snapshot(temp.Path);

        var document = new HtmlParser().ParseDocument(Apimlint.Run(temp.Path, "check", "--format", "html").Stdout);

        Assert.Equal(before, Snapshot(temp.Path));
        var wka = document.QuerySelectorAll("article.finding").Single(a => a.QuerySelector(".rule")!.TextContent == "APIM404");
        Assert.Equal("Safe fix (apimlint --fix): List the peer 192.168.10.1:4001 instead of the node itself", wka.QuerySelector(".fix p")!.TextContent);
        var diff = wka.QuerySelectorAll(".diff .line").Select(l => (l.ClassName, l.TextContent)).ToList();
        Assert.Equal(("line file", "--- a/active/repository/conf/axis2/axis2.xml"), diff[0]);
        Assert.Contains(("line del", "-                <port>4000</port>"), diff);
        Assert.Contains(("line add", "+                <port>4001</port>"), diff);
        var unfixable = document.QuerySelectorAll("article.finding").Where(a => a.QuerySelector(".rule")!.TextContent == "APIM202");
        Assert.All(unfixable, a => Assert.Null(a.QuerySelector(".fix")));
    }

    [Fact]
    public void Drift_table_has_the_rows_of_apimlint_diff()
    {
        var rows = Report("example").QuerySelectorAll("table.drift tbody tr")
            .Select(r => string.Join("|", r.QuerySelectorAll("td").Select(c => c.TextContent))).ToList();
        var diff = Apimlint.Run(Fixtures, "diff", "example").Stdout.Split('\n').Skip(1).Where(l => l.StartsWith("repository/"))
            .Select(l => string.Join("|", Regex.Split(l.Trim(), @"\s{2,}"))).ToList();

        Assert.Equal(diff, rows);
        Assert.Equal(["repository/conf/axis2/axis2.xml|/axisconfig/clustering/parameter[@name='localMemberPort']|4000|4001|expected",
            "repository/conf/carbon.xml|/Server/Ports/Offset|0|1|expected"], rows);
    }

    [Fact]
    public void A_long_drift_value_is_shortened_to_one_line()
    {
        using var temp = new TempDirectory();
        FixtureCase.CopyDirectory(TestPaths.Fixture("correct-same-host"), temp.Path);
        var site = Path.Combine(temp.Path, "passive/repository/deployment/server/jaggeryapps/store/site/conf/site.json");
        var text = File.ReadAllText(site);
        File.WriteAllText(site, text.Replace("\"tagGroupKey\" :\"-group\"", "\"tagGroupKey\" : \"" + new string('g', 100_000) + "\\nmore\""));

        var cells = new HtmlParser().ParseDocument(Apimlint.Run(temp.Path, "check", ".", "--format", "html").Stdout)
            .QuerySelectorAll("table.drift td").Select(c => c.TextContent).ToList();

        var shown = Assert.Single(cells, c => c.StartsWith("ggg", StringComparison.Ordinal));
        Assert.Equal(240, shown.Length);
        Assert.EndsWith("…", shown);
    }

    [Fact]
    public void Same_input_gives_the_same_bytes() => Assert.Equal(Html("example"), Html("example"));

    [Fact]
    public void A_clean_deployment_says_so_and_draws_no_red()
    {
        var document = Report("correct-two-hosts");

        Assert.Equal("No findings.", document.QuerySelector(".summary")!.TextContent);
        Assert.Equal("No findings.", document.QuerySelector("#findings .clean")!.TextContent);
        Assert.Empty(document.QuerySelectorAll(".broken, article.finding"));
        Assert.Equal("no findings", document.QuerySelector("#vertex-active .detail:last-child")!.TextContent);
    }

    [Fact]
    public void Output_pairs_html_with_a_file_beside_other_formats()
    {
        using var temp = new TempDirectory();
        var file = Path.Combine(temp.Path, "report.html");

        var result = Apimlint.Run(Fixtures, "check", "example", "--format", "text", "--format", "html", "--output", file);

        Assert.Equal(1, result.ExitCode);
        Assert.EndsWith("11 errors, 13 warnings, 0 notes.\n12 fixable with `apimlint --fix`\n", result.Stdout);
        Assert.StartsWith("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">", File.ReadAllText(file));
    }

    [Fact]
    public void Suppressed_findings_are_listed_marked_only_when_asked_for()
    {
        using var temp = new TempDirectory();
        ApimLint.Tests.Fixtures.FixtureCase.CopyDirectory(TestPaths.Fixture("example"), temp.Path);
        var conf = Path.Combine(temp.Path, "nginx", "nginx.conf");
        File.WriteAllText(conf, File.ReadAllText(conf).Replace("        ssl on;", "        # apimlint-disable-next-line APIM605 -- nginx 1.14 here still needs it\n        ssl on;"));

        var hidden = new HtmlParser().ParseDocument(Apimlint.Run(temp.Path, "check", "--format", "html").Stdout);
        var shown = new HtmlParser().ParseDocument(Apimlint.Run(temp.Path, "check", "--format", "html", "--include-suppressed").Stdout);

        Assert.Equal("11 errors, 12 warnings, 0 notes (1 suppressed).", hidden.QuerySelector(".summary")!.TextContent);
        Assert.Empty(hidden.QuerySelectorAll("article.suppressed"));
        var suppressed = Assert.Single(shown.QuerySelectorAll("article.suppressed"));
        Assert.Equal("APIM605", suppressed.QuerySelector(".rule")!.TextContent);
        Assert.Equal("Suppressed in the source: nginx 1.14 here still needs it", suppressed.QuerySelector(".suppression")!.TextContent);
        // Counted nowhere: the summary, the nginx box and the nginx group say what is reported.
        Assert.Equal(hidden.QuerySelector(".summary")!.TextContent, shown.QuerySelector(".summary")!.TextContent);
        Assert.Equal("3 findings", shown.QuerySelector("#vertex-nginx .count")!.TextContent);
        Assert.Equal("nginx (3)", shown.QuerySelector("#findings-nginx h3")!.TextContent);
    }

    [Fact]
    public void Readme_shows_the_report_and_the_step_that_adds_the_summary()
    {
        var readme = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "README.md"));
        var picture = Path.Combine(TestPaths.RepositoryRoot, ".github", "report.png");

        Assert.Contains("](.github/report.png)", readme);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], File.ReadAllBytes(picture)[..4]);
        Assert.Contains("--format markdown --fail-level none >> \"$GITHUB_STEP_SUMMARY\"", readme);
        Assert.Contains(">> \"$GITHUB_STEP_SUMMARY\"", File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, ".github", "actions", "apimlint", "run.sh")));
    }

    private static Dictionary<string, string> Snapshot(string directory) =>
        Directory.GetFiles(directory, "*", SearchOption.AllDirectories)
            .ToDictionary(f => f, f => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f))));

    [GeneratedRegex(@"^(\S+?):(\d+):(\d+): (error|warning|note) (APIM\d{3}): (?:\[[*~]\] )?(.*)$")]
    private static partial Regex FindingLine();
}
