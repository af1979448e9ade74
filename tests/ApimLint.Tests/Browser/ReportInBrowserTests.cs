using System.Text.Json;
using System.Text.RegularExpressions;

namespace ApimLint.Tests.Browser;

/// <summary>
/// The HTML report opened in headless Chromium: laid out as a reader sees it (boxes apart, text inside
/// them, broken links painted red, every finding on screen, nothing wider than the window), reachable
/// by keyboard, screenshot and printed.
/// </summary>
public sealed partial class ReportInBrowserTests
{
    private const int Width = 1280;

    /// <summary>
    /// Measures the rendered page and writes what it found into the DOM for --dump-dom. It runs in a copy
    /// of the report made for the test: the report itself has no script.
    /// </summary>
    private const string Measure = """
        <script>
        (() => {
          const box = e => { const r = e.getBoundingClientRect(); return { x: r.x, y: r.y, w: r.width, h: r.height }; };
          const inside = (a, b) => a.x >= b.x - 1 && a.y >= b.y - 1 && a.x + a.w <= b.x + b.w + 1 && a.y + a.h <= b.y + b.h + 1;
          const overlap = (a, b) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
          const pairs = (list, name) => list.flatMap((a, i) => list.slice(i + 1).filter(b => overlap(a.box, b.box)).map(b => name(a) + " / " + name(b)));
          const vertices = [...document.querySelectorAll("svg.topology g.vertex")].map(g => ({ id: g.id, box: box(g.querySelector(".shape")), texts: [...g.querySelectorAll("text")] }));
          const labels = [...document.querySelectorAll("svg.topology g.edge > text")].map(t => ({ id: t.parentNode.id, box: box(t) }));
          const result = {
            vertices: vertices.map(v => v.id),
            textOutsideItsBox: vertices.filter(v => v.texts.some(t => !inside(box(t), v.box))).map(v => v.id),
            overlappingBoxes: pairs(vertices, v => v.id),
            overlappingLabels: pairs(labels, l => l.id),
            labelsOnBoxes: labels.flatMap(l => vertices.filter(v => overlap(l.box, v.box)).map(v => l.id + " on " + v.id)),
            edges: [...document.querySelectorAll("svg.topology g.edge")].map(g => ({ broken: g.classList.contains("broken"), warning: g.classList.contains("warning"), stroke: getComputedStyle(g.querySelector(".line")).stroke })),
            hiddenFindings: [...document.querySelectorAll("article.finding")].filter(a => a.getClientRects().length === 0 || box(a).h === 0).map(a => a.id),
            findings: document.querySelectorAll("article.finding").length,
            pageWidth: document.documentElement.scrollWidth,
            windowWidth: innerWidth,
            links: document.querySelectorAll("a[href]").length,
            linksByKeyboard: [...document.querySelectorAll("a[href]")].filter(a => a.tabIndex >= 0).length,
          };
          const out = document.createElement("pre");
          out.id = "measured";
          out.textContent = JSON.stringify(result);
          document.body.append(out);
        })();
        </script>
        """;

    private sealed record Edge(bool Broken, bool Warning, string Stroke);

    private sealed record Measured(
        string[] Vertices, string[] TextOutsideItsBox, string[] OverlappingBoxes, string[] OverlappingLabels, string[] LabelsOnBoxes,
        Edge[] Edges, string[] HiddenFindings, int Findings, int PageWidth, int WindowWidth, int Links, int LinksByKeyboard);

    [Theory]
    [InlineData("example")]
    [InlineData("correct-same-host")]
    [InlineData("correct-two-hosts")]
    [InlineData("rules/APIM602/bad-backup-swapped-on-two-hosts")]
    [InlineData("rules/APIM611/bad-store-on-manager-upstream")]
    [InlineData("rules/APIM604/bad-ip-hash-first")]
    public void Report_lays_out_in_Chromium_with_broken_links_red_and_every_finding_on_screen(string fixture)
    {
        using var temp = new TempDirectory();
        var report = Path.Combine(temp.Path, "report.html");
        var deployment = TestPaths.Fixture(fixture);
        if (File.Exists(Path.Combine(deployment, "case.json")))
        {
            deployment = Path.Combine(temp.Path, "deployment");
            ApimLint.Tests.Fixtures.FixtureCase.Read(TestPaths.Fixture(fixture)).Materialize(deployment);
        }
        Apimlint.Run(deployment, "check", ".", "--format", "html", "--output", report);
        var measuring = Path.Combine(temp.Path, "measuring.html");
        File.WriteAllText(measuring, File.ReadAllText(report).Replace("</body>", Measure + "</body>"));

        var dom = Chromium.DumpDom(measuring);
        var measured = JsonSerializer.Deserialize<Measured>(
            System.Net.WebUtility.HtmlDecode(MeasuredResult().Match(dom).Groups[1].Value), new JsonSerializerOptions(JsonSerializerDefaults.Web))!;

        Assert.Contains("vertex-active", measured.Vertices);
        Assert.Contains("vertex-passive", measured.Vertices);
        Assert.Contains("vertex-db0", measured.Vertices);
        Assert.Contains("vertex-u0", measured.Vertices);
        Assert.Empty(measured.TextOutsideItsBox);
        Assert.Empty(measured.OverlappingBoxes);
        Assert.Empty(measured.OverlappingLabels);
        Assert.Empty(measured.LabelsOnBoxes);
        Assert.All(measured.Edges, e => Assert.Equal(e switch
        {
            { Broken: true, Warning: false } => "rgb(209, 36, 47)",
            { Broken: true, Warning: true } => "rgb(154, 103, 0)",
            _ => "rgb(87, 96, 106)",
        }, e.Stroke));
        Assert.Equal(!fixture.StartsWith("correct-", StringComparison.Ordinal), measured.Edges.Any(e => e.Broken));
        Assert.Equal(Regex.Count(File.ReadAllText(report), "<article class=\"finding "), measured.Findings);
        Assert.Empty(measured.HiddenFindings);
        Assert.True(measured.PageWidth <= measured.WindowWidth, $"the page is {measured.PageWidth}px wide in a {measured.WindowWidth}px window");
        Assert.Equal(measured.Links, measured.LinksByKeyboard);
    }

    [Fact]
    public void Screenshot_and_print_of_the_example()
    {
        using var temp = new TempDirectory();
        var report = Path.Combine(temp.Path, "report.html");
        Apimlint.Run(TestPaths.Fixture(""), "check", "example", "--format", "html", "--output", report);
        var png = Path.Combine(temp.Path, "report.png");
        var pdf = Path.Combine(temp.Path, "report.pdf");

        Chromium.Screenshot(report, png, Width, 1000);
        Chromium.PrintToPdf(report, pdf);

        var image = File.ReadAllBytes(png);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], image[..4]);
        Assert.Equal((Width, 1000), (BigEndian(image, 16), BigEndian(image, 20)));
        var printed = File.ReadAllText(pdf, System.Text.Encoding.Latin1);
        Assert.StartsWith("%PDF-", printed);
        Assert.True(Regex.Count(printed, @"/Type\s*/Page\b") >= 3, "the printed report has fewer than 3 pages");
        // The README's picture of the report is this screenshot.
        if (Environment.GetEnvironmentVariable("APIMLINT_ACCEPT") == "1")
            File.Copy(png, Path.Combine(TestPaths.RepositoryRoot, ".github", "report.png"), overwrite: true);
    }

    private static int BigEndian(byte[] bytes, int at) => bytes[at] << 24 | bytes[at + 1] << 16 | bytes[at + 2] << 8 | bytes[at + 3];

    [GeneratedRegex("<pre id=\"measured\">(.*?)</pre>", RegexOptions.Singleline)]
    private static partial Regex MeasuredResult();
}
