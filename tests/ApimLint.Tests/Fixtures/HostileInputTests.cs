namespace ApimLint.Tests.Fixtures;

/// <summary>
/// The nastiest inputs, one case each under fixtures/hostile/: apimlint answers with a finding or a
/// one-line error naming the file, never a stack trace, and its whole answer is written down in expected.txt.
/// </summary>
public sealed class HostileInputTests
{
    private static readonly string Root = TestPaths.Fixture("hostile");

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var dir in Directory.GetDirectories(Root).Order(StringComparer.Ordinal)) data.Add(Path.GetFileName(dir));
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Answers_with_a_finding_or_a_clear_error(string name)
    {
        var (caseDir, fixture) = (Path.Combine(Root, name), Case(name));
        using var temp = Materialized(name);

        var result = Apimlint.Run(temp.Path, ["check", ".", .. fixture.Args]);

        Assert.InRange(result.ExitCode, 0, 2);
        Assert.DoesNotContain("   at ", result.Stderr);
        Assert.True(result.Stderr.Count(c => c == '\n') <= 1, "an error is one line");
        var answer = $"exit {result.ExitCode}\n{result.Stdout}{result.Stderr.Replace(temp.Path, "<deployment>")}";
        var expectedFile = Path.Combine(caseDir, "expected.txt");
        if (Environment.GetEnvironmentVariable("APIMLINT_ACCEPT") == "1") File.WriteAllText(expectedFile, answer);
        Assert.Equal(File.ReadAllText(expectedFile), answer);
    }

    /// <summary>The reports that show the deployment itself (its drawing, its source lines) hold up as well: every finding the text shows, no crash.</summary>
    [Theory]
    [MemberData(nameof(Cases))]
    public void Html_and_markdown_reports_hold_every_finding(string name)
    {
        var fixture = Case(name);
        using var temp = Materialized(name);
        var text = Apimlint.Run(temp.Path, ["check", ".", .. fixture.Args]);
        var findings = text.Stdout.Split('\n').Count(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^\S.*: (error|warning|note) APIM\d{3}: "));

        foreach (var format in new[] { "html", "markdown" })
        {
            var result = Apimlint.Run(temp.Path, ["check", ".", "--format", format, .. fixture.Args]);

            Assert.Equal((text.ExitCode, text.Stderr), (result.ExitCode, result.Stderr));
            if (result.ExitCode == 2) continue;
            var shown = format == "html"
                ? new AngleSharp.Html.Parser.HtmlParser().ParseDocument(result.Stdout).QuerySelectorAll("article.finding").Length
                : result.Stdout.Split('\n').Count(l => l.StartsWith("| error |") || l.StartsWith("| warning |") || l.StartsWith("| note |"));
            Assert.Equal(findings, shown);
            Assert.True(result.Stdout.Length < 256 * 1024, $"the {format} report is {result.Stdout.Length} characters long");
        }
    }

    private static FixtureCase Case(string name) => FixtureCase.Read(Path.Combine(Root, name));

    private static TempDirectory Materialized(string name)
    {
        var temp = new TempDirectory();
        Case(name).Materialize(temp.Path, Path.Combine(Root, name));
        return temp;
    }
}
