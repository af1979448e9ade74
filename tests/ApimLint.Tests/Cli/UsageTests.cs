using ApimLint.Tests.Fixtures;

namespace ApimLint.Tests.Cli;

/// <summary>What a new user types wrong, and what apimlint answers: the word it did not know and the nearest one it does.</summary>
public sealed class UsageTests
{
    [Theory]
    [InlineData(new[] { "--bogus" }, "apimlint: unknown option '--bogus'\nTry 'apimlint check --help'.\n")]
    [InlineData(new[] { "-v" }, "apimlint: unknown option '-v'; did you mean '--verbose' or '--version'?\nTry 'apimlint check --help'.\n")]
    [InlineData(new[] { "--fromat", "sarif", "example" }, "apimlint: unknown option '--fromat'; did you mean '--format'?\nTry 'apimlint check --help'.\n")]
    [InlineData(new[] { "example", "--fromat", "sarif" }, "apimlint: unknown option '--fromat'; did you mean '--format'?\nTry 'apimlint check --help'.\n")]
    [InlineData(new[] { "rules", "--fromat", "markdown" }, "apimlint: unknown option '--fromat'; did you mean '--format'?\nTry 'apimlint rules --help'.\n")]
    [InlineData(new[] { "check", "--version" }, "apimlint: --version is an option of apimlint alone: 'apimlint --version'\nTry 'apimlint --help'.\n")]
    [InlineData(new[] { "help" }, "apimlint: unknown command 'help'; did you mean '--help'?\nTry 'apimlint --help'.\n")]
    [InlineData(new[] { "chek" }, "apimlint: unknown command 'chek'; did you mean 'check'?\nTry 'apimlint --help'.\n")]
    [InlineData(new[] { "--format", "json", "chek" }, "apimlint: unknown command 'chek'; did you mean 'check'?\nTry 'apimlint --help'.\n")]
    [InlineData(new[] { "xyzzy" }, "apimlint: 'xyzzy' is not a command (check, rules, explain, init, baseline, diff, topology) nor a folder\nTry 'apimlint --help'.\n")]
    [InlineData(new[] { "baseline", "wirte" }, "apimlint: unknown command 'wirte'; did you mean 'write'?\nTry 'apimlint baseline --help'.\n")]
    [InlineData(new[] { "example", "baseline", "write" }, "apimlint: 'baseline' is a command: it comes first, as in 'apimlint baseline ... [<DIR>]'\nTry 'apimlint check --help'.\n")]
    public void A_mistyped_word_is_a_usage_error_naming_it_and_the_nearest_known_one(string[] args, string stderr)
    {
        var result = Apimlint.Run(TestPaths.Fixture(""), args);

        Assert.Equal((2, "", stderr), (result.ExitCode, result.Stdout, result.Stderr));
    }

    [Fact]
    public void An_explicit_check_of_a_missing_folder_still_says_so()
    {
        var result = Apimlint.Run(TestPaths.Fixture(""), "check", "nowhere");

        Assert.Equal((2, $"apimlint: {TestPaths.Fixture("nowhere")}: no such deployment folder\n"), (result.ExitCode, result.Stderr));
    }

    public static readonly TheoryData<string[]> DocumentedFormsOfCheck = new()
    {
        new[] { "example", "--format", "json" },
        new[] { "--format", "json", "example" },
        new[] { "check", "example", "--format", "json" },
        new[] { "check", "--format", "json", "example" },
        new[] { "--format", "json", "--output", "-", "example" },
    };

    [Theory]
    [MemberData(nameof(DocumentedFormsOfCheck))]
    public void Check_is_the_default_command_wherever_the_folder_is_written(string[] args)
    {
        var expected = Apimlint.Run(TestPaths.Fixture(""), "check", "example", "--format", "json");

        var result = Apimlint.Run(TestPaths.Fixture(""), args);

        Assert.Equal((1, expected.Stdout, ""), (result.ExitCode, result.Stdout, result.Stderr));
        Assert.StartsWith("{\n  \"schemaVersion\": 1,", result.Stdout);
    }

    [Fact]
    public void Output_dash_writes_a_file_format_to_standard_output_beside_nothing_else()
    {
        var sarif = Apimlint.Run(TestPaths.Fixture(""), "check", "correct-same-host", "--format", "sarif", "--output", "-");
        var twoOnStdout = Apimlint.Run(TestPaths.Fixture(""), "check", "correct-same-host", "--format", "text", "--format", "sarif", "--output", "-");

        Assert.Equal((0, Apimlint.Run(TestPaths.Fixture(""), "check", "correct-same-host", "--format", "sarif").Stdout), (sarif.ExitCode, sarif.Stdout));
        Assert.Equal((2, "apimlint: only one format can go to standard output; give --output for sarif\n"), (twoOnStdout.ExitCode, twoOnStdout.Stderr));
    }

    [Theory]
    [InlineData("check", "apimlint check [<DIR>] [options]")]
    [InlineData("init", "apimlint init [<DIR>] [options]")]
    [InlineData("diff", "apimlint diff [<DIR>] [options]")]
    [InlineData("topology", "apimlint topology [<DIR>] [options]")]
    [InlineData("rules", "apimlint rules [options]")]
    [InlineData("explain", "apimlint explain <ID> [options]")]
    [InlineData("baseline write", "apimlint baseline write [<DIR> [<FILE>]] [options]")]
    public void Each_command_s_help_shows_its_own_arguments_an_example_and_its_exit_codes(string command, string usage)
    {
        var result = Apimlint.Run(TestPaths.Fixture(""), [.. command.Split(' '), "--help"]);

        Assert.Equal(0, result.ExitCode);
        var lines = result.Stdout.Split('\n');
        Assert.Equal("  " + usage, lines[Array.IndexOf(lines, "Usage:") + 1]);
        Assert.Single(lines, l => l.StartsWith("  apimlint", StringComparison.Ordinal) && l.Contains("[options]"));
        Assert.StartsWith($"  apimlint {command}", lines[Array.IndexOf(lines, "Examples:") + 1]);
        Assert.Equal(["Exit codes:", "  0  "], lines[Array.IndexOf(lines, "Exit codes:")..(Array.IndexOf(lines, "Exit codes:") + 2)].Select((l, i) => i == 0 ? l : l[..5]));
        Assert.EndsWith("  2  usage or input error, with a one-line message naming it\n  3  internal error in apimlint\n", result.Stdout);
    }

    [Fact]
    public void The_root_help_lists_the_commands_and_says_check_is_the_default()
    {
        var result = Apimlint.Run(TestPaths.Fixture(""), "--help");

        Assert.Contains("\nUsage:\n  apimlint [command] [options]\n", result.Stdout);
        Assert.Contains("`apimlint [<DIR>] [options]` is `apimlint check [<DIR>] [options]`", result.Stdout);
        Assert.DoesNotContain("apimlint [<DIR>] init", result.Stdout);
    }

    [Fact]
    public void Baseline_write_takes_the_deployment_folder_and_writes_the_baseline_in_it()
    {
        using var temp = new TempDirectory();
        var deployment = Path.Combine(temp.Path, "deploy");
        FixtureCase.CopyDirectory(TestPaths.Fixture("example"), deployment);

        var write = Apimlint.Run(temp.Path, "baseline", "write", "deploy");
        var gate = Apimlint.Run(temp.Path, "deploy", "--baseline", "deploy/apimlint.baseline");

        Assert.Equal((0, $"wrote {TestPaths.ExampleFindings().Count} findings to deploy/apimlint.baseline\n"), (write.ExitCode, write.Stderr));
        Assert.Equal(0, gate.ExitCode);
        Assert.StartsWith("No findings (", gate.Stdout);
    }

    [Fact]
    public void Baseline_write_with_a_folder_and_a_file_writes_that_file()
    {
        using var temp = new TempDirectory();
        FixtureCase.CopyDirectory(TestPaths.Fixture("example"), Path.Combine(temp.Path, "deploy"));

        var write = Apimlint.Run(temp.Path, "baseline", "write", "deploy", "accepted.txt");

        Assert.Equal(0, write.ExitCode);
        Assert.EndsWith(" to accepted.txt\n", write.Stderr);
        Assert.True(File.Exists(Path.Combine(temp.Path, "accepted.txt")));
    }

    [Fact]
    public void Diff_reads_the_configuration_given_with_config()
    {
        using var temp = new TempDirectory();
        FixtureCase.CopyDirectory(TestPaths.Fixture("correct-same-host/active"), Path.Combine(temp.Path, "apim-a"));
        FixtureCase.CopyDirectory(TestPaths.Fixture("correct-same-host/passive"), Path.Combine(temp.Path, "apim-b"));
        File.WriteAllText(Path.Combine(temp.Path, "layout.json"),
            """{ "nodes": [ { "role": "active", "path": "apim-a" }, { "role": "passive", "path": "apim-b" } ] }""");

        var withConfig = Apimlint.Run(temp.Path, "diff", "--config", "layout.json");
        var without = Apimlint.Run(temp.Path, "diff");

        Assert.Equal((0, ""), (withConfig.ExitCode, withConfig.Stderr));
        Assert.Equal(Apimlint.Run(TestPaths.Fixture("correct-same-host"), "diff").Stdout, withConfig.Stdout);
        Assert.Equal(2, without.ExitCode);
    }
}
