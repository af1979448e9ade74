using System.Diagnostics;
using System.Text.Json.Nodes;
using Json.Schema;
using Microsoft.CodeAnalysis.Sarif;
using Newtonsoft.Json;

namespace ApimLint.Tests.Reporting;

/// <summary>The SARIF apimlint writes, checked the way its consumers read it.</summary>
public sealed class SarifTests
{
    private static string Sarif(string fixture, params string[] extra)
    {
        var result = Apimlint.Run(TestPaths.Fixture(""), ["check", fixture, "--format", "sarif", .. extra]);
        Assert.Equal("", result.Stderr);
        return result.Stdout;
    }

    // The schema library keeps a global registry, so the schema is loaded once.
    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromFile(Path.Combine(AppContext.BaseDirectory, "Schemas", "sarif-2.1.0.json")));

    public static TheoryData<string> Deployments() => new() { "example", "correct-same-host" };

    [Theory]
    [MemberData(nameof(Deployments))]
    public void Passes_microsoft_s_validator_for_sarif_and_github_rules(string fixture)
    {
        var multitool = Path.Combine(TestPaths.RepositoryRoot, "tests/.tools/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool");
        Assert.True(File.Exists(multitool), "the SARIF Multitool is missing: run tests/run.sh, which installs it");
        using var temp = new TempDirectory();
        var input = Path.Combine(temp.Path, "apimlint.sarif");
        var report = Path.Combine(temp.Path, "validation.sarif");
        File.WriteAllText(input, Sarif(fixture));

        var process = Process.Start(new ProcessStartInfo(multitool, ["validate", input, "--rule-kind", "Sarif;Ghas", "-o", report])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();

        // The validator exits 0 whatever it finds: its own SARIF output says what it found.
        var validation = JsonNode.Parse(File.ReadAllText(report))!;
        var findings = validation["runs"]![0]!["results"]?.AsArray().Select(r => $"{r!["ruleId"]} {r["message"]!.ToJsonString()}").ToList() ?? [];
        Assert.Empty(findings);
    }

    [Theory]
    [MemberData(nameof(Deployments))]
    public void Conforms_to_the_sarif_2_1_0_schema(string fixture)
    {
        using var document = System.Text.Json.JsonDocument.Parse(Sarif(fixture));
        var evaluation = Schema.Value.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });

        Assert.True(evaluation.IsValid, string.Join("\n", (evaluation.Details ?? []).Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
    }

    [Fact]
    public void The_schema_check_does_reject_a_broken_log()
    {
        var broken = Sarif("example").Replace("\"startLine\": 748", "\"startLine\": -1");
        using var document = System.Text.Json.JsonDocument.Parse(broken);

        Assert.False(Schema.Value.Evaluate(document.RootElement).IsValid);
    }

    [Fact]
    public void Reads_back_and_every_location_points_at_the_reported_text()
    {
        var log = JsonConvert.DeserializeObject<SarifLog>(Sarif("example"))!;
        var run = Assert.Single(log.Runs);

        Assert.Equal("apimlint/example/", run.AutomationDetails.Id);
        Assert.Equal(TestPaths.ExampleFindings().Select(f => f.Rule), run.Results.Select(r => r.RuleId));
        foreach (var result in run.Results)
        {
            Assert.Equal(result.RuleId, run.Tool.Driver.Rules[result.RuleIndex].Id);
            var location = Assert.Single(result.Locations).PhysicalLocation;
            Assert.False(location.ArtifactLocation.Uri.IsAbsoluteUri);
            var lines = File.ReadAllLines(Path.Combine(TestPaths.Fixture(""), location.ArtifactLocation.Uri.OriginalString));
            var region = location.Region;
            Assert.Equal(region.StartLine, region.EndLine);
            var text = lines[region.StartLine - 1][(region.StartColumn - 1)..(region.EndColumn - 1)];
            Assert.NotEmpty(text);
            Assert.Matches(@"^[0-9a-f]{16}:1$", result.PartialFingerprints["primaryLocationLineHash"]);
            foreach (var related in result.RelatedLocations ?? [])
                Assert.Contains($"]({related.Id})", result.Message.Text);
        }
        var gateway = run.Results.Single(r => r.RuleId == "APIM501");
        var serverUrl = gateway.Locations[0].PhysicalLocation.Region;
        Assert.Equal((88, 28), (serverUrl.StartLine, serverUrl.StartColumn));
        var replacement = Assert.Single(Assert.Single(Assert.Single(gateway.Fixes).ArtifactChanges).Replacements);
        Assert.Equal("https://localhost:9443/services/", replacement.InsertedContent.Text);
        var passiveApiManager = File.ReadAllText(TestPaths.Fixture("example/passive/repository/conf/api-manager.xml"));
        Assert.Equal("https://localhost:${mgt.transport.https.port}${carbon.context}services/",
            passiveApiManager.Substring(replacement.DeletedRegion.CharOffset, replacement.DeletedRegion.CharLength));
    }

    [Fact]
    public void Lists_every_rule_with_what_github_reads()
    {
        var log = JsonConvert.DeserializeObject<SarifLog>(Sarif("correct-same-host"))!;
        var run = log.Runs[0];

        Assert.Equal("2.1.0", log.Version switch { SarifVersion.Current => "2.1.0", var v => v.ToString() });
        Assert.Empty(run.Results);
        Assert.Equal("apimlint", run.Tool.Driver.Name);
        Assert.Equal(ApimLint.Rules.RuleRegistry.All.Select(r => r.Descriptor.Id), run.Tool.Driver.Rules.Select(r => r.Id));
        foreach (var rule in run.Tool.Driver.Rules)
        {
            Assert.False(string.IsNullOrWhiteSpace(rule.Name));
            Assert.False(string.IsNullOrWhiteSpace(rule.ShortDescription.Text));
            Assert.False(string.IsNullOrWhiteSpace(rule.FullDescription.Text));
            Assert.Contains($"apimlint explain {rule.Id}", rule.Help.Markdown);
            Assert.Contains("## How to fix", rule.Help.Markdown);
            Assert.NotEmpty(rule.GetProperty<string[]>("tags"));
            Assert.Equal("high", rule.GetProperty("precision"));
            Assert.Contains(rule.GetProperty("problem.severity"), new[] { "error", "warning", "recommendation" });
        }
        Assert.Contains("\"results\": []", Sarif("correct-same-host"));
    }

    [Fact]
    public void Security_findings_carry_a_security_severity_github_ranks_them_by()
    {
        var rules = JsonConvert.DeserializeObject<SarifLog>(Sarif("correct-same-host"))!.Runs[0].Tool.Driver.Rules;

        // Default credentials (2.x admin, 3.x/4.x super admin), the pack's keystore, clear or shared broker passwords, TLS placeholders.
        var security = rules.Where(r => r.TryGetProperty("security-severity", out string _)).Select(r => r.Id).ToList();
        Assert.Equal(["APIM108", "APIM202", "APIM203", "APIM204", "APIM205", "APIM606"], security.Order());
        foreach (var rule in rules.Where(r => security.Contains(r.Id)))
        {
            Assert.Contains("security", rule.GetProperty<string[]>("tags"));
            Assert.InRange(double.Parse(rule.GetProperty("security-severity"), System.Globalization.CultureInfo.InvariantCulture), 0.1, 10.0);
        }
    }

    [Fact]
    public void Same_input_gives_the_same_bytes()
    {
        Assert.Equal(Sarif("example"), Sarif("example"));
    }

    [Fact]
    public void Fingerprints_survive_moved_lines_and_edited_values()
    {
        using var temp = new TempDirectory();
        Fixtures.FixtureCase.CopyDirectory(TestPaths.Fixture("example"), Path.Combine(temp.Path, "example"));
        string Fingerprints() => string.Join(",", JsonConvert.DeserializeObject<SarifLog>(
                Apimlint.Run(temp.Path, "check", "example", "--format", "sarif").Stdout)!.Runs[0].Results
            .Select(r => $"{r.RuleId}={r.PartialFingerprints["primaryLocationLineHash"]}"));
        var before = Fingerprints();

        var axis2 = Path.Combine(temp.Path, "example/active/repository/conf/axis2/axis2.xml");
        var text = File.ReadAllText(axis2);
        var afterDeclaration = text.IndexOf("?>", StringComparison.Ordinal) + 2;
        File.WriteAllText(axis2, text[..afterDeclaration] + "\n<!-- moved -->\n\n" + text[afterDeclaration..].Replace("<port>4000</port>", "<port>4002</port>"));

        Assert.Equal(before, Fingerprints());
    }

    [Fact]
    public void Base_path_makes_uris_relative_to_it()
    {
        var log = JsonConvert.DeserializeObject<SarifLog>(Sarif("example", "--base-path", "example"))!;

        Assert.All(log.Runs[0].Results, r => Assert.Matches("^(active|passive|nginx)/", r.Locations[0].PhysicalLocation.ArtifactLocation.Uri.OriginalString));
    }
}
