using System.Text.Json.Nodes;
using ApimLint.Diagnostics;
using ApimLint.Engine;
using ApimLint.Model;

namespace ApimLint.Tests.Reporting;

public sealed class OutputFormatTests
{
    private static readonly string Fixtures = TestPaths.Fixture("");

    [Fact]
    public void Github_format_annotates_with_workflow_commands()
    {
        var result = Apimlint.Run(Fixtures, "check", "example", "--format", "github");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith(
            "::error file=example/active/repository/conf/axis2/axis2.xml,line=748,col=9,endLine=748,endColumn=18,title=APIM404 wka-members-not-mutual::" +
            "active's well-known members do not include passive at 192.168.10.1%3A4001",
            result.Stdout.Replace("192.168.10.1:4001", "192.168.10.1%3A4001"));
        Assert.Equal(TestPaths.ExampleFindings().Count, result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void Json_format_is_a_small_stable_schema()
    {
        var json = JsonNode.Parse(Apimlint.Run(Fixtures, "check", "example", "--format", "json").Stdout)!;

        Assert.Equal(1, (int)json["schemaVersion"]!);
        Assert.Equal(TestPaths.ExampleFindings().Count(f => f.Severity == "error"), (int)json["summary"]!["errors"]!);
        var first = json["findings"]![0]!;
        Assert.Equal("APIM404", (string)first["rule"]!);
        Assert.Equal("error", (string)first["severity"]!);
        Assert.Equal((748, 9), ((int)first["location"]!["startLine"]!, (int)first["location"]!["startColumn"]!));
        Assert.Equal("passive's localMemberHost", (string)first["related"]![0]!["message"]!);
        Assert.True((bool)first["fixAvailable"]!);
    }

    [Fact]
    public void Text_and_sarif_in_one_run_print_text_and_write_the_file_whole()
    {
        using var temp = new TempDirectory();
        var sarif = Path.Combine(temp.Path, "out.sarif");

        var result = Apimlint.Run(Fixtures, "check", "example", "--format", "text", "--format", "sarif", "--output", sarif);

        Assert.EndsWith(File.ReadLines(TestPaths.Fixture("example.expected.txt")).Last() + "\n", result.Stdout);
        Assert.StartsWith("{", File.ReadAllText(sarif));
        Assert.Equal([sarif], Directory.GetFiles(temp.Path));
    }

    [Fact]
    public void Github_annotations_stay_on_standard_output_beside_a_sarif_file()
    {
        using var temp = new TempDirectory();
        var sarif = Path.Combine(temp.Path, "out.sarif");

        var result = Apimlint.Run(Fixtures, "check", "example", "--format", "github", "--format", "sarif", "--output", sarif);

        Assert.StartsWith("::error ", result.Stdout);
        Assert.StartsWith("{", File.ReadAllText(sarif));
    }

    [Fact]
    public void Two_formats_on_standard_output_is_a_usage_error()
    {
        var result = Apimlint.Run(Fixtures, "check", "example", "--format", "text", "--format", "json");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("apimlint: only one format can go to standard output; give --output for json\n", result.Stderr);
    }

    [Fact]
    public void An_output_that_cannot_be_written_leaves_nothing_behind_and_exits_2()
    {
        using var temp = new TempDirectory();
        var result = Apimlint.Run(Fixtures, "check", "example", "--format", "sarif", "--output", Path.Combine(temp.Path, "missing", "x.sarif"));

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("apimlint: ", result.Stderr);
        Assert.Empty(Directory.GetFileSystemEntries(temp.Path));
    }

    [Theory]
    [InlineData("missing/x.sarif", "no such folder")]
    [InlineData("folder", "it is a folder")]
    [InlineData("long", "name too long")]
    public void An_output_that_cannot_be_written_is_one_line_naming_it_and_exit_2(string output, string reason)
    {
        using var temp = new TempDirectory();
        Directory.CreateDirectory(Path.Combine(temp.Path, "folder"));
        var path = Path.Combine(temp.Path, output == "long" ? new string('a', 300) + ".sarif" : output);

        var result = Apimlint.Run(Fixtures, "check", "example", "--format", "sarif", "--output", path);

        Assert.Equal((2, "", $"apimlint: {path}: cannot be written ({reason})\n"), (result.ExitCode, result.Stdout, result.Stderr));
        Assert.Equal([Path.Combine(temp.Path, "folder")], Directory.GetFileSystemEntries(temp.Path));
    }

    [Fact]
    public void A_device_is_written_to_not_replaced_and_its_failure_is_exit_2()
    {
        var result = Apimlint.Run(Fixtures, "check", "example", "--format", "sarif", "--output", "/dev/full");

        Assert.Equal((2, "apimlint: /dev/full: cannot be written (No space left on device : '/dev/full')\n"), (result.ExitCode, result.Stderr));
        Assert.Equal(ApimLint.Loading.FileKind.Special, ApimLint.Loading.FileStatus.KindOf("/dev/full", followLinks: false));
    }

    [Fact]
    public void An_output_that_is_a_link_writes_the_file_it_names_and_stays_a_link()
    {
        using var temp = new TempDirectory();
        var (link, target) = (Path.Combine(temp.Path, "report.json"), Path.Combine(temp.Path, "reports", "latest.json"));
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.CreateSymbolicLink(link, target);

        var result = Apimlint.Run(Fixtures, "check", "correct-same-host", "--format", "json", "--output", link);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(target, new FileInfo(link).LinkTarget);
        Assert.StartsWith("{", File.ReadAllText(target));
    }

    [Theory]
    [InlineData("error", 1)]
    [InlineData("warning", 1)]
    [InlineData("none", 0)]
    public void Fail_level_decides_the_exit_code(string level, int exitCode)
    {
        Assert.Equal(exitCode, Apimlint.Run(Fixtures, "check", "example", "--fail-level", level).ExitCode);
    }

    [Fact]
    public void Clean_deployment_exits_0_at_every_fail_level()
    {
        Assert.Equal(0, Apimlint.Run(Fixtures, "check", "correct-same-host", "--fail-level", "note").ExitCode);
    }

    [Fact]
    public void A_failing_rule_is_an_internal_error_with_exit_3_and_no_stack_trace()
    {
        var result = Apimlint.RunWith([new ThrowingRule()], Fixtures, "check", "example");

        Assert.Equal(3, result.ExitCode);
        Assert.Equal("apimlint: internal error: rule APIM999 failed: boom\nRun again with --verbose for details.\n", result.Stderr);
    }

    private sealed class ThrowingRule : Rule
    {
        public override RuleDescriptor Descriptor { get; } = new("APIM999", "throws", RuleCategory.Input, Severity.Error, "Throws.", "");

        public override IEnumerable<Diagnostic> Check(Deployment deployment) => throw new InvalidOperationException("boom");
    }
}
