using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using ApimLint.Diagnostics;
using ApimLint.Engine;
using ApimLint.Model;
using ApimLint.Reporting;
using ApimLint.Tests.Fixtures;
using Json.Schema;

namespace ApimLint.Tests.Reporting;

/// <summary>The GitLab Code Quality report, checked against the schema GitLab validates each issue with.</summary>
public sealed class GitLabReportTests
{
    private static readonly string Fixtures = TestPaths.Fixture("");

    // The schema library keeps a global registry, so the schema is loaded once.
    private static readonly Lazy<JsonSchema> Schema =
        new(() => JsonSchema.FromFile(Path.Combine(TestPaths.RepositoryRoot, "tests/ApimLint.Tests/Reporting/Schemas/codeclimate.json")));

    private static readonly string[] GitLabSeverities = ["info", "minor", "major", "critical", "blocker"];

    private static string GitLab(string fixture)
    {
        var result = Apimlint.Run(Fixtures, "check", fixture, "--format", "gitlab", "--fail-level", "none");
        Assert.Equal((0, ""), (result.ExitCode, result.Stderr));
        return result.Stdout;
    }

    internal static IEnumerable<string> SchemaErrors(JsonElement issue)
    {
        var evaluation = Schema.Value.Evaluate(issue, new EvaluationOptions { OutputFormat = OutputFormat.List });
        return evaluation.IsValid ? [] : (evaluation.Details ?? []).SelectMany(d => (d.Errors ?? new Dictionary<string, string>()).Select(e => $"{d.InstanceLocation}: {e.Value}"));
    }

    [Fact]
    public void Every_issue_of_the_example_passes_gitlab_s_schema_with_a_documented_severity()
    {
        using var report = JsonDocument.Parse(GitLab("example"));
        var issues = report.RootElement.EnumerateArray().ToList();

        Assert.Equal(TestPaths.ExampleFindings().Select(f => f.Rule), issues.Select(i => i.GetProperty("check_name").GetString()));
        Assert.Empty(issues.SelectMany(SchemaErrors));
        Assert.All(issues, i => Assert.Contains(i.GetProperty("severity").GetString(), GitLabSeverities));
        Assert.All(issues, i => Assert.StartsWith("example/", i.GetProperty("location").GetProperty("path").GetString()));
        Assert.All(issues, i => Assert.True(i.GetProperty("location").GetProperty("lines").GetProperty("begin").GetInt32() >= 1));
        // GitLab keeps one issue per fingerprint.
        Assert.Equal(issues.Count, issues.Select(i => i.GetProperty("fingerprint").GetString()).Distinct().Count());
    }

    [Fact]
    public void The_schema_check_does_reject_an_issue_gitlab_would_drop()
    {
        using var report = JsonDocument.Parse(GitLab("example").Replace("\"begin\": 748", "\"begin\": \"748\""));

        Assert.NotEmpty(SchemaErrors(report.RootElement[0]));
    }

    [Fact]
    public void The_example_s_first_issue_is_its_first_finding_with_the_fingerprint_of_the_json_and_the_baseline()
    {
        var json = JsonNode.Parse(Apimlint.Run(Fixtures, "check", "example", "--format", "json").Stdout)!;

        var first = JsonNode.Parse(GitLab("example"))![0]!.ToJsonString(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

        Assert.Equal(
            "{\"description\":\"APIM404: active's well-known members do not include passive at 192.168.10.1:4001; it lists 192.168.10.1:4000\"," +
            $"\"check_name\":\"APIM404\",\"fingerprint\":\"{json["findings"]![0]!["fingerprint"]}\",\"severity\":\"critical\"," +
            "\"location\":{\"path\":\"example/active/repository/conf/axis2/axis2.xml\",\"lines\":{\"begin\":748}}}",
            first);
    }

    [Fact]
    public void Fingerprints_stay_when_the_finding_moves_to_another_line()
    {
        using var temp = new TempDirectory();
        FixtureCase.CopyDirectory(TestPaths.Fixture("example"), Path.Combine(temp.Path, "example"));
        var axis2 = Path.Combine(temp.Path, "example/active/repository/conf/axis2/axis2.xml");
        var text = File.ReadAllText(axis2);
        File.WriteAllText(axis2, text.Insert(text.IndexOf('\n') + 1, "\n\n"));

        var moved = JsonNode.Parse(Apimlint.Run(temp.Path, "check", "example", "--format", "gitlab").Stdout)![0]!;
        var original = JsonNode.Parse(GitLab("example"))![0]!;

        Assert.Equal((750, (string?)original["fingerprint"]), ((int)moved["location"]!["lines"]!["begin"]!, (string?)moved["fingerprint"]));
    }

    [Fact]
    public void A_clean_deployment_is_an_empty_array()
    {
        Assert.Equal("[]\n", GitLab("correct-same-host"));
    }

    [Theory]
    [InlineData(Severity.Error, "critical")]
    [InlineData(Severity.Warning, "major")]
    [InlineData(Severity.Note, "info")]
    public void Severities_map_as_the_readme_says(Severity severity, string gitlab)
    {
        Assert.Equal(gitlab, GitLabReportWriter.SeverityOf(severity));
        Assert.Contains($"| `{severity.Name()}` | `{gitlab}` |", File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "README.md")));
    }

    [Fact]
    public void Hostile_text_is_json_escaped_and_a_finding_without_a_line_is_on_line_1()
    {
        var result = Apimlint.RunWith(CiReportRules.All, Fixtures, "check", "correct-same-host", "--format", "gitlab", "--fail-level", "none");
        var issues = JsonNode.Parse(result.Stdout)!.AsArray();

        Assert.Equal(2, issues.Count);
        Assert.Contains("\"description\": \"APIM997: <b>bold</b> & \\\"quoted\\\" 'single' \\u001B[31mred\\u0000 nul \\uFFFF end\",", result.Stdout);
        Assert.Equal(("APIM997: " + CiReportRules.Hostile, "info", "correct-same-host/active/repository/conf/carbon.xml", 1),
            ((string?)issues[0]!["description"], (string?)issues[0]!["severity"], (string?)issues[0]!["location"]!["path"], (int)issues[0]!["location"]!["lines"]!["begin"]!));
        Assert.Equal("correct-same-host/nginx/nginx.conf", (string?)issues[1]!["location"]!["path"]);
        Assert.Equal(result.Stdout, Apimlint.RunWith(CiReportRules.All, Fixtures, "check", "correct-same-host", "--format", "gitlab", "--fail-level", "none").Stdout);
    }

    [Fact]
    public void Two_findings_of_one_logical_key_keep_distinct_fingerprints_so_gitlab_shows_both()
    {
        var issues = JsonNode.Parse(Apimlint.RunWith([new TwinFindings()], Fixtures, "check", "correct-same-host", "--format", "gitlab").Stdout)!.AsArray();

        var first = (string)issues[0]!["fingerprint"]!;
        Assert.Equal([first, first + ":2"], issues.Select(i => (string)i!["fingerprint"]!));
    }

    private sealed class TwinFindings : Rule
    {
        public override RuleDescriptor Descriptor { get; } = new("APIM996", "twin-findings", RuleCategory.Input, Severity.Warning, "Reports twice.", "");

        public override IEnumerable<Diagnostic> Check(Deployment deployment) =>
            deployment.Nginx.Upstreams.Take(2).Select(u => Report(u.Name.Location, "twin", "nginx:twin"));
    }
}
