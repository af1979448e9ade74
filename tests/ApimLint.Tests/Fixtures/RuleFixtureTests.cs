using ApimLint.Rules;

namespace ApimLint.Tests.Fixtures;

/// <summary>
/// Every case under fixtures/rules/ID/: materialize it, run `apimlint check`, compare the output with
/// expected.txt byte for byte. APIMLINT_ACCEPT=1 rewrites expected.txt instead (review the diff).
/// </summary>
public sealed class RuleFixtureTests
{
    private static readonly string RulesFolder = TestPaths.Fixture("rules");

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var dir in Directory.GetDirectories(RulesFolder).SelectMany(Directory.GetDirectories).Order(StringComparer.Ordinal))
            data.Add(Path.GetRelativePath(RulesFolder, dir).Replace('\\', '/'));
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Output_matches_expected(string name)
    {
        var caseDir = Path.Combine(RulesFolder, name);
        var fixture = FixtureCase.Read(caseDir);
        using var temp = new TempDirectory();
        fixture.Materialize(temp.Path);

        var result = Apimlint.Run(temp.Path, ["check", ".", .. fixture.Args]);

        Assert.Equal("", result.Stderr);
        var expectedFile = Path.Combine(caseDir, "expected.txt");
        if (Environment.GetEnvironmentVariable("APIMLINT_ACCEPT") == "1") File.WriteAllText(expectedFile, result.Stdout);
        Assert.Equal(File.ReadAllText(expectedFile), result.Stdout);

        var ruleId = name.Split('/')[0];
        var caseName = name.Split('/')[1];
        if (caseName.StartsWith("bad-", StringComparison.Ordinal))
        {
            Assert.Contains($" {ruleId}: ", result.Stdout);
            Assert.DoesNotContain(result.Stdout.Split('\n'), line => line.Contains(" APIM") && !line.Contains($" {ruleId}: "));
        }
        else
        {
            Assert.DoesNotContain($" {ruleId}: ", result.Stdout);
        }
    }

    [Fact]
    public void Every_rule_has_a_bad_and_an_ok_case()
    {
        foreach (var rule in RuleRegistry.All)
        {
            var dir = Path.Combine(RulesFolder, rule.Descriptor.Id);
            var cases = Directory.Exists(dir) ? Directory.GetDirectories(dir).Select(Path.GetFileName).ToList() : [];
            Assert.True(cases.Any(c => c!.StartsWith("bad-")), $"{rule.Descriptor.Id} has no bad-* fixture");
            Assert.True(cases.Any(c => c!.StartsWith("ok-")), $"{rule.Descriptor.Id} has no ok-* fixture");
        }
    }
}
