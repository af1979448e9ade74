using System.Text.Json.Nodes;
using ApimLint.Tests.Fixtures;

namespace ApimLint.Tests.Cli;

/// <summary>What the outputs say about fixes: a marker per finding, a closing count, and a word when only unsafe fixes are left.</summary>
public sealed class FixabilityTests
{
    [Fact]
    public void Text_marks_each_fixable_finding_as_json_says_and_ends_with_the_counts()
    {
        var text = Apimlint.Run(TestPaths.Fixture(""), "check", "example").Stdout.TrimEnd('\n').Split('\n');
        var json = JsonNode.Parse(Apimlint.Run(TestPaths.Fixture(""), "check", "example", "--format", "json").Stdout)!["findings"]!.AsArray();

        var fixes = json.Select(f => (string?)f!["fix"]).ToList();
        var markers = text.Where(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^\S+: (error|warning|note) APIM\d{3}: "))
            .Select(l => l.Split(": ", 4)[2] switch { var m when m.StartsWith("[*] ") => "safe", var m when m.StartsWith("[~] ") => "unsafe", _ => null }).ToList();
        Assert.Equal(fixes, markers);
        Assert.All(json, f => Assert.Equal((bool)f!["fixAvailable"]!, f["fix"] is not null));
        // The example's fixes are all safe: no parenthesis for unsafe ones.
        Assert.DoesNotContain("unsafe", fixes);
        Assert.Equal($"{fixes.Count(f => f == "safe")} fixable with `apimlint --fix`", text[^1]);
        Assert.Equal("12 fixable with `apimlint --fix`", text[^1]);
    }

    [Fact]
    public void With_only_unsafe_fixes_fix_and_diff_say_that_unsafe_fixes_remain()
    {
        using var temp = new TempDirectory();
        FixtureCase.Read(TestPaths.Fixture("rules/APIM403/bad-passive-pack-domain")).Materialize(temp.Path);

        var check = Apimlint.Run(temp.Path);
        var diff = Apimlint.Run(temp.Path, "--diff");
        var fix = Apimlint.Run(temp.Path, "--fix");

        const string note = "1 more fix with `--unsafe-fixes` (judgement calls: review them with `--diff --unsafe-fixes`).\n";
        Assert.EndsWith("error APIM403: [~] passive's clustering domain is 'wso2.carbon.domain', but active's is 'wso2.pub.store.domain': the nodes form separate clusters\n" +
                        "    active/repository/conf/axis2/axis2.xml:688:34: note: active's domain\n" +
                        "1 error, 0 warnings, 0 notes.\n" +
                        "0 fixable with `apimlint --fix` (1 more with `--unsafe-fixes`)\n", check.Stdout);
        Assert.Equal((0, "", note), (diff.ExitCode, diff.Stdout, diff.Stderr));
        Assert.Equal((1, "0 fixes applied, 0 files changed.\n" + note), (fix.ExitCode, fix.Stderr));
        Assert.EndsWith("0 fixable with `apimlint --fix` (1 more with `--unsafe-fixes`)\n", fix.Stdout);
    }

    [Fact]
    public void With_unsafe_fixes_asked_for_nothing_is_left_to_mention()
    {
        using var temp = new TempDirectory();
        FixtureCase.Read(TestPaths.Fixture("rules/APIM403/bad-passive-pack-domain")).Materialize(temp.Path);

        var fix = Apimlint.Run(temp.Path, "--fix", "--unsafe-fixes");

        Assert.Equal((0, "No findings.\n"), (fix.ExitCode, fix.Stdout));
        Assert.EndsWith("1 fix applied, 1 file changed.\n", fix.Stderr);
    }

    [Fact]
    public void Json_says_whether_a_finding_s_fix_is_safe_or_unsafe()
    {
        using var temp = new TempDirectory();
        FixtureCase.Read(TestPaths.Fixture("rules/APIM403/bad-passive-pack-domain")).Materialize(temp.Path);

        var finding = JsonNode.Parse(Apimlint.Run(temp.Path, "--format", "json").Stdout)!["findings"]![0]!;

        Assert.Equal(("APIM403", "unsafe", true), ((string?)finding["rule"], (string?)finding["fix"], (bool)finding["fixAvailable"]!));
    }
}
