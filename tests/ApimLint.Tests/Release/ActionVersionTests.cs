using System.Text.RegularExpressions;

namespace ApimLint.Tests.Release;

/// <summary>Which apimlint the action runs (run.sh resolve), and the two action.yml files (root and nested) kept the same.</summary>
public sealed class ActionVersionTests : IDisposable
{
    private readonly ActionScript _action = new();

    [Theory]
    [InlineData("", "v1.4.2", "https://example.invalid/releases", "1.4.2")]          // uses: OWNER/apimlint@v1.4.2
    [InlineData("2.0.0-rc.1", "v1.4.2", "https://example.invalid/releases", "2.0.0-rc.1")] // the input wins
    [InlineData("v2.0.0", "", "https://example.invalid/releases", "2.0.0")]
    [InlineData("source", "v1.4.2", "https://example.invalid/releases", "source")]
    [InlineData("", "", "", "source")]                                                  // uses: ./.github/actions/apimlint
    public void Resolves_the_version(string input, string actionRef, string downloads, string expected)
    {
        var result = _action.Run("resolve", new Dictionary<string, string>
        {
            ["APIMLINT_VERSION"] = input, ["APIMLINT_ACTION_REF"] = actionRef, ["APIMLINT_DOWNLOAD_URL"] = downloads,
        });

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal($"version={expected}\n", File.ReadAllText(_action.Outputs));
    }

    [Theory]
    [InlineData("v1")]                                        // a major tag
    [InlineData("3f1c4a9d0b8e7f6a5c4d3e2f1a0b9c8d7e6f5a4b")]  // a commit
    public void Pinned_by_a_major_tag_or_a_commit_it_runs_the_release_its_checkout_names(string actionRef)
    {
        var props = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "Directory.Build.props"));
        var version = Regex.Match(props, "<Version>(.*)</Version>").Groups[1].Value;

        var result = _action.Run("resolve", new Dictionary<string, string>
        {
            ["APIMLINT_ACTION_REF"] = actionRef, ["APIMLINT_DOWNLOAD_URL"] = "https://example.invalid/releases",
        });

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal($"version={version}\n", File.ReadAllText(_action.Outputs));
    }

    [Theory]
    [InlineData("v2.3.4", "version=2.3.4")]
    [InlineData("v2", "version=2.1.0")]   // a major tag: the Version its checkout names
    public void Used_remotely_it_reads_the_repository_and_ref_from_where_the_runner_put_it(string actionRef, string expected)
    {
        using var runner = new TempDirectory();
        var root = Path.Combine(runner.Path, "_actions", "someone", "apimlint", actionRef);
        Directory.CreateDirectory(Path.Combine(root, ".github/actions/apimlint"));
        File.Copy(Path.Combine(TestPaths.RepositoryRoot, ".github/actions/apimlint/run.sh"), Path.Combine(root, ".github/actions/apimlint/run.sh"));
        File.WriteAllText(Path.Combine(root, "Directory.Build.props"), "<Project><PropertyGroup><Version>2.1.0</Version></PropertyGroup></Project>\n");
        var outputs = Path.Combine(runner.Path, "outputs");

        var result = ReleaseProcess.Run("bash", [Path.Combine(root, ".github/actions/apimlint/run.sh"), "resolve"], runner.Path,
            new Dictionary<string, string> { ["GITHUB_OUTPUT"] = outputs, ["APIMLINT_VERSION"] = "", ["APIMLINT_ACTION_REPOSITORY"] = "", ["APIMLINT_ACTION_REF"] = "", ["APIMLINT_DOWNLOAD_URL"] = "" });

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal(expected + "\n", File.ReadAllText(outputs));
    }

    [Fact]
    public void Rejects_a_version_that_is_no_release()
    {
        var result = _action.Run("resolve", new Dictionary<string, string> { ["APIMLINT_VERSION"] = "latest; rm -rf /" });

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("::error title=apimlint action::version 'latest; rm -rf /' is neither a release (1.2.0) nor 'source'\n", result.Stderr);
    }

    [Fact]
    public void An_input_cannot_start_a_workflow_command_of_its_own()
    {
        var result = _action.Run("resolve", new Dictionary<string, string> { ["APIMLINT_VERSION"] = "1.0\n::add-mask::x 100%" });

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("::error title=apimlint action::version '1.0%0A::add-mask::x 100%25' is neither a release (1.2.0) nor 'source'\n", result.Stderr);
    }

    [Fact]
    public void Names_the_runners_it_has_no_executable_for()
    {
        var result = _action.Run("check", new Dictionary<string, string>
        {
            ["RUNNER_OS"] = "macOS", ["RUNNER_ARCH"] = "X64", ["APIMLINT_VERSION"] = "1.4.2", ["APIMLINT_DOWNLOAD_URL"] = "https://example.invalid/releases",
        });

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no release executable for macOS X64; use 'version: source'", result.Stderr);
    }

    [Fact]
    public void The_root_action_is_the_nested_one_with_its_script_path()
    {
        string Steps(string file) => string.Join("\n", File.ReadAllLines(Path.Combine(TestPaths.RepositoryRoot, file)).Where(l => !l.StartsWith('#')));

        Assert.Equal(
            Steps(".github/actions/apimlint/action.yml").Replace("$GITHUB_ACTION_PATH/run.sh", "$GITHUB_ACTION_PATH/.github/actions/apimlint/run.sh"),
            Steps("action.yml"));
    }

    public void Dispose() => _action.Dispose();
}
