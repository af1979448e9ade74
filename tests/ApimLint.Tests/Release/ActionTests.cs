using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ApimLint.Tests.Fixtures;

namespace ApimLint.Tests.Release;

/// <summary>
/// The action (.github/actions/apimlint/run.sh) against a release built here and served from a file:// URL, as GitHub
/// serves a release's files: it verifies the download against SHA256SUMS, runs it, and sets the step's outputs.
/// </summary>
[Collection(ReleaseBuildCollection.Name)]
public sealed class ActionTests(ReleaseBuild release) : IDisposable
{
    private readonly ActionScript _action = new();

    [Fact]
    public void Checks_with_the_release_of_its_tag_and_sets_the_outputs()
    {
        Serve(release.Folder);
        FixtureCase.CopyDirectory(TestPaths.Fixture("example"), Path.Combine(_action.Workspace, "prod/apim"));

        var result = _action.Run("check", Inputs(("APIMLINT_ACTION_REF", $"v{ReleaseBuild.Version}"), ("APIMLINT_PATH", "prod/apim"), ("APIMLINT_SARIF", "prod.sarif")));

        Assert.True(result.ExitCode == 1, result.Stdout + result.Stderr);
        Assert.Equal(new Dictionary<string, string> { ["exit-code"] = "1", ["errors"] = "11", ["warnings"] = "13", ["sarif-file"] = "prod.sarif" }, _action.StepOutputs());
        Assert.Contains($"apimlint: {ReleaseBuild.Version}+", result.Stdout);
        Assert.Equal(24, Regex.Count(result.Stdout, "^::(error|warning) file=prod/apim/", RegexOptions.Multiline));
        Assert.StartsWith("## apimlint", File.ReadAllText(_action.StepSummary));
        Assert.True(File.Exists(Path.Combine(_action.Workspace, "apimlint-report.html")));
    }

    [Fact]
    public void Two_deployments_of_the_same_folder_name_get_two_sarif_categories()
    {
        Serve(release.Folder);
        var categories = new List<string>();
        foreach (var path in new[] { "prod/apim", "staging/apim" })
        {
            FixtureCase.CopyDirectory(TestPaths.Fixture("example"), Path.Combine(_action.Workspace, path));
            _action.Run("check", Inputs(("APIMLINT_VERSION", ReleaseBuild.Version), ("APIMLINT_PATH", path), ("APIMLINT_FAIL_LEVEL", "none")));
            var sarif = JsonNode.Parse(File.ReadAllText(Path.Combine(_action.Workspace, "apimlint.sarif")))!;
            categories.Add(sarif["runs"]![0]!["automationDetails"]!["id"]!.GetValue<string>());
        }

        Assert.Equal(["apimlint/prod/apim/", "apimlint/staging/apim/"], categories);
    }

    [Fact]
    public void Refuses_an_executable_that_does_not_match_sha256sums()
    {
        var tampered = Path.Combine(_action.Downloads, "tampered");
        Directory.CreateDirectory(tampered);
        File.CreateSymbolicLink(Path.Combine(tampered, ReleaseBuild.Executable), release.ExecutablePath);
        File.WriteAllText(Path.Combine(tampered, "SHA256SUMS"), $"{new string('0', 64)}  {ReleaseBuild.Executable}\n");
        Serve(tampered);
        FixtureCase.CopyDirectory(TestPaths.Fixture("example"), _action.Workspace);

        var result = _action.Run("check", Inputs(("APIMLINT_VERSION", ReleaseBuild.Version)));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"::error title=apimlint action::{ReleaseBuild.Executable} of apimlint {ReleaseBuild.Version} does not match SHA256SUMS", result.Stderr);
        Assert.False(File.Exists(Path.Combine(_action.Workspace, "apimlint.sarif")));
    }

    /// <summary>Puts the release's files where the action looks for v{version}, behind a file:// URL.</summary>
    private void Serve(string folder)
    {
        Directory.CreateDirectory(_action.Downloads);
        Directory.CreateSymbolicLink(Path.Combine(_action.Downloads, "v" + ReleaseBuild.Version), folder);
    }

    private Dictionary<string, string> Inputs(params (string Name, string Value)[] inputs) =>
        inputs.Append(("APIMLINT_DOWNLOAD_URL", new Uri(_action.Downloads).AbsoluteUri)).ToDictionary(i => i.Item1, i => i.Item2);

    public void Dispose() => _action.Dispose();
}
