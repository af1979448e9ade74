namespace ApimLint.Tests.Cli;

/// <summary>`apimlint check` end to end, as a user runs it.</summary>
public sealed class CheckCommandTests
{
    [Fact]
    public void Example_prints_exactly_its_expected_findings_and_fails()
    {
        var result = Apimlint.Run(TestPaths.Fixture(""), "check", "example");

        var expectedFile = TestPaths.Fixture("example.expected.txt");
        if (Environment.GetEnvironmentVariable("APIMLINT_ACCEPT") == "1") File.WriteAllText(expectedFile, result.Stdout);
        Assert.Equal(File.ReadAllText(expectedFile), result.Stdout);
        Assert.Equal("", result.Stderr);
        Assert.Equal(1, result.ExitCode);
    }

    [Fact]
    public void An_error_naming_a_hostile_file_name_stays_one_line_and_forges_no_command()
    {
        var result = Apimlint.Run(TestPaths.Fixture(""), "check", "correct-same-host", "--nginx", "gone\n::error file=README.md::forged\u001b]8;;x\u0007");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"apimlint: {Path.Combine(TestPaths.Fixture(""), "gone")}\\n::error file=README.md::forged\\x1b]8;;x\\x07: no such nginx configuration\n", result.Stderr);
    }

    [Theory]
    [InlineData("--nginx", "{0}/nginx.conf", "no such nginx configuration")]
    [InlineData("--active", "{0}", "no active node folder")]
    [InlineData("--sql", "{0}.sql", "no such SQL script")]
    [InlineData("--baseline", "{0}", "no such baseline (write one with `apimlint baseline write`)")]
    public void A_path_too_long_for_the_system_is_an_input_error_naming_it(string option, string pattern, string reason)
    {
        var path = string.Format(pattern, new string('x', 300));

        var result = Apimlint.Run(TestPaths.Fixture(""), "check", "correct-same-host", option, path);

        Assert.Equal((2, $"apimlint: {Path.Combine(TestPaths.Fixture(""), path)}: {reason}\n"), (result.ExitCode, result.Stderr));
    }

    [Theory]
    [InlineData("correct-same-host")]
    [InlineData("correct-two-hosts")]
    [InlineData("correct-debian-nginx")]
    public void Correct_deployments_have_no_finding(string fixture)
    {
        var result = Apimlint.Run(TestPaths.Fixture(fixture));

        Assert.Equal("No findings.\n", result.Stdout);
        Assert.Equal(0, result.ExitCode);
    }

    [Fact]
    public void Bare_command_checks_the_current_folder_and_check_is_the_same()
    {
        var bare = Apimlint.Run(TestPaths.Fixture("example"));
        var check = Apimlint.Run(TestPaths.Fixture("example"), "check");
        var explicitDot = Apimlint.Run(TestPaths.Fixture("example"), "check", ".");

        Assert.Equal(1, bare.ExitCode);
        Assert.Equal(bare.Stdout, check.Stdout);
        Assert.Equal(bare.Stdout, explicitDot.Stdout);
        Assert.StartsWith("active/repository/conf/axis2/axis2.xml:748:9: error APIM404: ", bare.Stdout);
    }

    [Fact]
    public void Windows_adds_the_latin1_findings_of_the_guide_s_create_database_commands()
    {
        var result = Apimlint.Run(TestPaths.Fixture("example"), "--os", "windows");

        Assert.Equal(3, result.Stdout.Split('\n').Count(l => l.Contains(" error APIM801: ")));
        Assert.Contains("db/create-databases.sql:2:1: error APIM801: [*] CREATE DATABASE apimgtdb has no character set clause", result.Stdout);
    }

    [Fact]
    public void A_file_that_does_not_parse_is_reported_and_everything_else_is_still_checked()
    {
        using var temp = new TempDirectory();
        Fixtures.FixtureCase.CopyDirectory(TestPaths.Fixture("example"), temp.Path);
        File.WriteAllText(Path.Combine(temp.Path, "passive/repository/deployment/server/jaggeryapps/store/site/conf/site.json"), "{ \"reverseProxy\": {\n");

        var result = Apimlint.Run(temp.Path);

        var lines = result.Stdout.Split('\n');
        Assert.Contains("passive/repository/deployment/server/jaggeryapps/store/site/conf/site.json:2:1: error APIM001: site.json does not parse: " +
                        "Expected depth to be zero at the end of the JSON payload. There is an open JSON object or array that should be closed", lines);
        // Every other finding of the intact example is still there.
        var intact = Apimlint.Run(TestPaths.Fixture("example")).Stdout.Split('\n');
        Assert.Equal(intact.Where(l => l.Contains(" APIM")),
            lines.Where(l => l.Contains(" APIM") && !l.Contains(" APIM001: ")));
        Assert.Equal(1, result.ExitCode);
    }

    [Fact]
    public void Missing_deployment_folder_is_a_one_line_usage_error()
    {
        using var temp = new TempDirectory();
        var result = Apimlint.Run(temp.Path, "check", "nowhere");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Matches(@"^apimlint: .*nowhere: no such deployment folder\n$", result.Stderr);
    }

    [Theory]
    [InlineData("passive", "passive node folder")]
    [InlineData("nginx", "nginx/nginx.conf or nginx.conf")]
    public void Missing_part_is_named_in_a_one_line_error(string part, string named)
    {
        using var temp = new TempDirectory();
        Fixtures.FixtureCase.CopyDirectory(TestPaths.Fixture("correct-same-host"), temp.Path);
        Directory.Delete(Path.Combine(temp.Path, part), recursive: true);

        var result = Apimlint.Run(temp.Path, "check");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(named, result.Stderr);
        Assert.Single(result.Stderr.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void Options_override_the_parts_of_the_folder()
    {
        var correct = TestPaths.Fixture("correct-same-host");
        var result = Apimlint.Run(TestPaths.Fixture(""), "check", "example",
            "--passive", Path.Combine(correct, "passive"), "--active", Path.Combine(correct, "active"),
            "--nginx", Path.Combine(correct, "nginx", "nginx.conf"));

        Assert.Equal("No findings.\n", result.Stdout);
    }

    [Theory]
    [InlineData("--os", "solaris")]
    [InlineData("--no-such-option")]
    public void Bad_usage_exits_2(params string[] args)
    {
        var result = Apimlint.Run(TestPaths.Fixture("example"), args);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("apimlint: ", result.Stderr);
    }
}
