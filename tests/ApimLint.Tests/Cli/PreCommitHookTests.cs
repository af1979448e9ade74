using System.Diagnostics;
using ApimLint.Tests.Fixtures;

namespace ApimLint.Tests.Cli;

/// <summary>
/// The repository's pre-commit hook, run as a deployment repository would run it: `pre-commit try-repo` builds apimlint
/// from this repository as a .NET tool and runs it on a git repository that holds a deployment.
/// </summary>
public sealed class PreCommitHookTests
{
    private const string PreCommit = "/usr/bin/pre-commit";

    private sealed record Run(int ExitCode, string Output);

    private static Run TryRepo(string fixture)
    {
        Assert.True(File.Exists(PreCommit), "pre-commit is missing: run tests/run.sh, which installs it");
        using var temp = new TempDirectory();
        var deployment = Path.Combine(temp.Path, "deployment");
        FixtureCase.CopyDirectory(TestPaths.Fixture(fixture), deployment);
        Git(deployment, "init", "--quiet");
        Git(deployment, "add", "--all");

        var start = new ProcessStartInfo(PreCommit, ["try-repo", TestPaths.RepositoryRoot, "apimlint", "--all-files", "--color", "never"])
        {
            WorkingDirectory = deployment,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["PRE_COMMIT_HOME"] = Path.Combine(temp.Path, "pre-commit-home");
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return new Run(process.ExitCode, output + errors.Result);
    }

    private static void Git(string directory, params string[] args)
    {
        using var git = Process.Start(new ProcessStartInfo("git", args) { WorkingDirectory = directory })!;
        git.WaitForExit();
        Assert.Equal(0, git.ExitCode);
    }

    [Fact]
    public void The_hook_fails_a_commit_of_the_example_and_shows_its_findings()
    {
        var run = TryRepo("example");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("- hook id: apimlint\n- exit code: 1\n", run.Output);
        // The hook checks the repository's root (args: ["."]): the paths are the expected ones without the fixture's folder.
        var expected = File.ReadAllLines(TestPaths.Fixture("example.expected.txt")).Where(l => l.Length > 0).Select(l => l.Replace("example/", "", StringComparison.Ordinal));
        Assert.All(expected, line => Assert.Contains(line + "\n", run.Output));
    }

    [Fact]
    public void The_hook_passes_a_commit_of_a_correct_deployment()
    {
        var run = TryRepo("correct-same-host");

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Matches(@"\napimlint\.+Passed\n", run.Output);
    }
}
