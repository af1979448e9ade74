using System.Security.Cryptography;

namespace ApimLint.Tests.Fixtures;

/// <summary>
/// The nastiest inputs, one case each under fixtures/hostile/: apimlint answers with a finding or a
/// one-line error naming the file, never a stack trace, and its whole answer is written down in expected.txt.
/// Each case's deployment sits beside a folder outside it (outside/), where a case may plant a secret for its
/// links to reach: no output may show it, and no byte there may change.
/// </summary>
public sealed class HostileInputTests
{
    private static readonly string Root = TestPaths.Fixture("hostile");

    /// <summary>What a case plants outside the deployment; it must never appear in an answer.</summary>
    private const string PlantedSecret = "PLANTED-SECRET";

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
        using var temp = new TempDirectory();
        var deployment = Materialized(name, temp);
        var outsideBefore = Snapshot(temp.Path, deployment);

        var result = Apimlint.Run(deployment, ["check", ".", .. fixture.Args]);

        Assert.InRange(result.ExitCode, 0, 2);
        Assert.DoesNotContain("   at ", result.Stderr);
        Assert.True(result.Stderr.Count(c => c == '\n') <= 1, "an error is one line");
        Assert.DoesNotContain(PlantedSecret, result.Stdout + result.Stderr);
        Assert.Equal(outsideBefore, Snapshot(temp.Path, deployment));
        var answer = $"exit {result.ExitCode}\n{result.Stdout}{Shown(result.Stderr, temp.Path, deployment)}";
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
        using var temp = new TempDirectory();
        var deployment = Materialized(name, temp);
        var text = Apimlint.Run(deployment, ["check", ".", .. fixture.Args]);
        var findings = text.Stdout.Split('\n').Count(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^\S.*: (error|warning|note) APIM\d{3}: "));

        foreach (var format in new[] { "html", "markdown" })
        {
            var result = Apimlint.Run(deployment, ["check", ".", "--format", format, .. fixture.Args]);

            Assert.Equal((text.ExitCode, text.Stderr), (result.ExitCode, result.Stderr));
            Assert.DoesNotContain(PlantedSecret, result.Stdout);
            if (result.ExitCode == 2) continue;
            var shown = format == "html"
                ? new AngleSharp.Html.Parser.HtmlParser().ParseDocument(result.Stdout).QuerySelectorAll("article.finding").Length
                : result.Stdout.Split('\n').Count(l => l.StartsWith("| error |") || l.StartsWith("| warning |") || l.StartsWith("| note |"));
            Assert.Equal(findings, shown);
            Assert.True(result.Stdout.Length < 256 * 1024, $"the {format} report is {result.Stdout.Length} characters long");
        }
    }

    private static FixtureCase Case(string name) => FixtureCase.Read(Path.Combine(Root, name));

    /// <summary>The case's deployment in deployment/ of the temporary folder, beside outside/ (which cases may fill).</summary>
    private static string Materialized(string name, TempDirectory temp)
    {
        var (deployment, outside) = (Path.Combine(temp.Path, "deployment"), Path.Combine(temp.Path, "outside"));
        Directory.CreateDirectory(outside);
        File.WriteAllText(Path.Combine(outside, "sentinel.txt"), "must not change\n");
        Case(name).Materialize(deployment, Path.Combine(Root, name), outside);
        return deployment;
    }

    /// <summary>Every file outside the deployment folder with a hash of its bytes.</summary>
    private static List<string> Snapshot(string temp, string deployment) =>
        Directory.GetFiles(temp, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint })
            .Where(f => !f.StartsWith(deployment + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(f => $"{Path.GetRelativePath(temp, f)} {Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f)))}")
            .ToList();

    private static string Shown(string stderr, string temp, string deployment) =>
        stderr.Replace(deployment, "<deployment>").Replace(Path.Combine(temp, "outside"), "<outside>");
}
