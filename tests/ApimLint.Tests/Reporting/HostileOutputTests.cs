using System.Text.Json.Nodes;
using ApimLint.Tests.Fixtures;

namespace ApimLint.Tests.Reporting;

/// <summary>The fixtures/hostile/inject-* cases in the formats they attack (the text output is in each expected.txt).</summary>
public sealed class HostileOutputTests
{
    private static Apimlint.Result Run(string name, params string[] args)
    {
        using var temp = new TempDirectory();
        var caseDirectory = TestPaths.Fixture($"hostile/{name}");
        FixtureCase.Read(caseDirectory).Materialize(temp.Path, caseDirectory);
        return Apimlint.Run(temp.Path, ["check", ".", .. args]);
    }

    [Fact]
    public void A_forged_workflow_command_stays_inside_the_one_annotation_that_carries_it()
    {
        var result = Run("inject-workflow-command-in-host", "--format", "github");

        var line = Assert.Single(result.Stdout.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("::error file=passive/repository/deployment/server/jaggeryapps/store/site/conf/site.json,line=66,", line);
        Assert.EndsWith("::passive's store site.json reverseProxy host is evil\\n::error file=README.md,line=1::forged\\r##\\x5bgroup]folded, " +
            "but nginx serves the store as localhost: the app's links and redirects leave the proxy", line);
    }

    [Fact]
    public void An_upstream_name_cannot_close_the_mermaid_fence_of_a_report_without_findings()
    {
        var report = Run("inject-markdown-fence-in-upstream", "--format", "markdown").Stdout;

        Assert.Equal(2, report.Split('\n').Count(l => l.StartsWith("```", StringComparison.Ordinal)));
        Assert.Contains("  u1[\"upstream x\\n#96;#96;#96;\\n#35; Action required\\n[Re-authenticate](https://evil.example/login) " +
            "#lt;img src=x onerror=alert(1)#gt;\"]\n", report);
        Assert.EndsWith("```\n\n", report);
    }

    [Fact]
    public void A_file_name_with_hash_space_and_percent_is_percent_encoded_in_sarif_and_in_the_summary_s_link()
    {
        var sarif = JsonNode.Parse(Run("inject-file-name-uri", "--format", "sarif").Stdout)!;
        var markdown = Run("inject-file-name-uri", "--format", "markdown").Stdout;

        var result = sarif["runs"]![0]!["results"]![0]!;
        Assert.Equal("passive/repository/components/patches/patch0005/a%23b%20c%2541%20%5Bx%5D%28y%29.jar",
            (string)result["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"]!);
        Assert.StartsWith("active has repository/components/patches/patch0005/a#b c%41 \\[x\\](y).jar, but passive does not", (string)result["message"]!["text"]!);
        Assert.Contains("| warning | APIM704 | [passive/repository/components/patches/patch0005/a#b c%41 \\[x\\](y).jar]" +
            "(passive/repository/components/patches/patch0005/a%23b%20c%2541%20%5Bx%5D%28y%29.jar) |", markdown);
    }

    [Fact]
    public void File_names_in_the_html_report_form_no_workflow_command_and_no_terminal_sequence()
    {
        using var temp = new TempDirectory();
        FixtureCase.CopyDirectory(TestPaths.Fixture("correct-same-host"), temp.Path);
        var api = Directory.CreateDirectory(Path.Combine(temp.Path, "active/repository/deployment/server/synapse-configs/default/api")).FullName;
        File.WriteAllText(Path.Combine(api, "x\n::error::PWN1.xml"), "<api/>\n");
        File.WriteAllText(Path.Combine(api, "##[group]PWN2\u001b[2J.xml"), "<api/>\n");

        var html = Apimlint.Run(temp.Path, "check", ".", "--format", "html").Stdout;

        Assert.Contains("x\\n::error::PWN1.xml", html);
        Assert.Contains("##\\x5bgroup]PWN2\\x1b[2J.xml", html);
        Assert.DoesNotContain("##[", html);
        Assert.DoesNotContain('\u001b', html);
        Assert.All(html.Split('\n'), line => Assert.False(line.TrimStart().StartsWith("::", StringComparison.Ordinal), line));
    }

    [Fact]
    public void Urls_and_addresses_from_the_deployment_do_not_become_links_in_the_summary()
    {
        using var temp = new TempDirectory();
        FixtureCase.CopyDirectory(TestPaths.Fixture("correct-same-host"), temp.Path);
        var site = Path.Combine(temp.Path, "passive/repository/deployment/server/jaggeryapps/store/site/conf/site.json");
        File.WriteAllText(site, File.ReadAllText(site).Replace("\"tagGroupKey\" :\"-group\"", "\"tagGroupKey\" :\"https://evil.example/login www.evil.example attacker@evil.example\""));

        var markdown = Apimlint.Run(temp.Path, "check", ".", "--format", "markdown").Stdout;

        var row = Assert.Single(markdown.Split('\n'), l => l.StartsWith("| warning | APIM701 |", StringComparison.Ordinal));
        Assert.Contains(@"https\://evil.example/login www\.evil.example attacker\@evil.example", row);
    }
}
