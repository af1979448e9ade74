using System.Text.Json;
using System.Text.RegularExpressions;
using ApimLint.Tests.Fixtures;

namespace ApimLint.Tests.Browser;

/// <summary>
/// The Markdown report's flowchart is read by GitHub's Mermaid. The mermaid package (installed by
/// tests/run.sh from npm) parses the flowchart of every fixture deployment in Chromium, offline, and
/// renders the example's: a chart Mermaid refuses would show as an error box in the job summary.
/// </summary>
public sealed partial class MermaidTests
{
    private static string MermaidScript =>
        Path.Combine(TestPaths.RepositoryRoot, "tests", ".tools", "node_modules", "mermaid", "dist", "mermaid.min.js") is var path && File.Exists(path)
            ? path
            : throw new InvalidOperationException("the mermaid package is not installed: run tests/run.sh, which installs it");

    [Fact]
    public void Mermaid_accepts_the_flowchart_of_every_fixture_deployment()
    {
        var charts = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in new[] { "example", "correct-same-host", "correct-two-hosts" })
            charts[name] = Flowchart(TestPaths.Fixture(name), [])!;
        foreach (var folder in new[] { "rules", "hostile" })
            foreach (var caseDirectory in Directory.GetDirectories(TestPaths.Fixture(folder), "*", SearchOption.AllDirectories).Where(d => File.Exists(Path.Combine(d, "case.json"))))
            {
                var fixture = FixtureCase.Read(caseDirectory);
                using var temp = new TempDirectory();
                fixture.Materialize(temp.Path, caseDirectory);
                // A deployment apimlint refuses to read (exit 2, a one-line error) has no report to draw.
                if (Flowchart(temp.Path, fixture.Args) is { } chart) charts[Path.GetRelativePath(TestPaths.Fixture(""), caseDirectory)] = chart;
            }
        // A control the parser must refuse, so that a parser that accepts anything fails the test.
        charts["control: not a flowchart"] = "flowchart LR\n  a -->|\"unclosed| b\n";

        var verdicts = RunInBrowser(charts, render: []);

        Assert.Equal("refused", verdicts["control: not a flowchart"]);
        verdicts.Remove("control: not a flowchart");
        Assert.True(verdicts.Count > 150, $"only {verdicts.Count} flowcharts were checked");
        Assert.Equal([], verdicts.Where(v => v.Value != "accepted").Select(v => $"{v.Key}: {v.Value}"));
    }

    [Fact]
    public void Mermaid_draws_the_examples_broken_links_red_and_amber()
    {
        var chart = Flowchart(TestPaths.Fixture("example"), [])!;

        var verdict = RunInBrowser(new SortedDictionary<string, string> { ["example"] = chart }, render: ["example"])["example"];

        // What Mermaid drew: one path per link, as many red and amber as the chart styles (errors: the cookie
        // path, WKA, the throttle publisher and the own broker; warnings: the six plaintext datasource passwords).
        Assert.StartsWith("rendered", verdict);
        Assert.Equal($"rendered {Regex.Count(chart, @" (-->|-\.->|<-->)")} links, 4 red, 6 amber", verdict);
    }

    private static string? Flowchart(string deployment, IReadOnlyList<string> args)
    {
        var result = Apimlint.Run(deployment, ["check", ".", "--format", "markdown", "--fail-level", "none", .. args]);
        if (result.ExitCode == 2) return null;
        Assert.Equal(0, result.ExitCode);
        return MermaidBlock().Match(result.Stdout).Groups[1].Value;
    }

    /// <summary>Parses every chart (and renders those named) with mermaid in Chromium; the verdicts by name.</summary>
    private static Dictionary<string, string> RunInBrowser(SortedDictionary<string, string> charts, string[] render)
    {
        using var temp = new TempDirectory();
        var page = Path.Combine(temp.Path, "mermaid.html");
        File.WriteAllText(page, $$"""
            <!DOCTYPE html><html><body>
            <script src="{{new Uri(MermaidScript).AbsoluteUri}}"></script>
            <script>
            mermaid.initialize({ startOnLoad: false });
            const charts = {{JsonSerializer.Serialize(charts)}};
            const render = {{JsonSerializer.Serialize(render)}};
            (async () => {
              const verdicts = {};
              for (const [name, text] of Object.entries(charts)) {
                try {
                  await mermaid.parse(text);
                  verdicts[name] = "accepted";
                  if (render.includes(name)) {
                    const { svg } = await mermaid.render("chart" + Object.keys(verdicts).length, text);
                    const drawn = new DOMParser().parseFromString(svg, "image/svg+xml");
                    const links = [...drawn.querySelectorAll("path.flowchart-link")];
                    const styled = colour => links.filter(l => new RegExp("stroke:\\s*" + colour).test(l.getAttribute("style") || "")).length;
                    verdicts[name] = `rendered ${links.length} links, ${styled("#d1242f")} red, ${styled("#9a6700")} amber`;
                  }
                } catch (e) {
                  verdicts[name] = name.startsWith("control:") ? "refused" : "refused: " + String(e.message || e).split("\n").slice(0, 4).join(" ");
                }
              }
              const out = document.createElement("pre");
              out.id = "verdicts";
              out.textContent = JSON.stringify(verdicts);
              document.body.append(out);
            })();
            </script></body></html>
            """);

        var dom = Chromium.DumpDom(page, scriptMilliseconds: 60000, allowFileAccess: true);
        var json = VerdictsBlock().Match(dom);
        Assert.True(json.Success, "mermaid did not finish in the browser");
        return JsonSerializer.Deserialize<Dictionary<string, string>>(System.Net.WebUtility.HtmlDecode(json.Groups[1].Value))!;
    }

    [GeneratedRegex("```mermaid\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex MermaidBlock();

    [GeneratedRegex("<pre id=\"verdicts\">(.*?)</pre>", RegexOptions.Singleline)]
    private static partial Regex VerdictsBlock();
}
