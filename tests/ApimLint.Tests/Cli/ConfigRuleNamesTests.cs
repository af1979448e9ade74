using ApimLint.Tests.Fixtures;

namespace ApimLint.Tests.Cli;

/// <summary>apimlint.json's "rules" names rules this apimlint has, by ID or name; anything else stops the run at its line and column.</summary>
public sealed class ConfigRuleNamesTests
{
    private static Apimlint.Result RunWithConfig(string config, params string[] args)
    {
        using var temp = new TempDirectory();
        FixtureCase.CopyDirectory(TestPaths.Fixture("example"), temp.Path);
        File.WriteAllText(Path.Combine(temp.Path, "apimlint.json"), config);
        var result = Apimlint.Run(temp.Path, args);
        return result with { Stderr = result.Stderr.Replace(temp.Path, "DIR") };
    }

    [Theory]
    [InlineData("{\n  \"rules\": { \"APIM999\": \"none\" }\n}", "DIR/apimlint.json:2:14: unknown rule 'APIM999' (see `apimlint rules`)")]
    [InlineData("{ \"rules\": { \"wka-members-not-mutal\": \"none\" } }", "DIR/apimlint.json:1:14: unknown rule 'wka-members-not-mutal'; did you mean 'wka-members-not-mutual'?")]
    [InlineData("{ \"rules\": { \"APIM404\": \"none\", \"wka-members-not-mutual\": \"note\" } }", "DIR/apimlint.json:1:33: rule APIM404 is named twice in rules")]
    public void An_unknown_or_repeated_rule_is_an_error_at_its_line_and_column(string config, string error)
    {
        foreach (var command in new[] { "check", "diff", "topology" })
        {
            var result = RunWithConfig(config, command);
            Assert.Equal((2, $"apimlint: {error}\n"), (result.ExitCode, result.Stderr));
        }
    }

    [Fact]
    public void A_rule_is_named_by_its_ID_or_its_name()
    {
        var byName = RunWithConfig("{ \"rules\": { \"wka-members-not-mutual\": \"none\", \"registry-mount-unknown-instance\": \"note\" } }");
        var byId = RunWithConfig("{ \"rules\": { \"APIM404\": \"none\", \"APIM302\": \"note\" } }");

        Assert.Equal(byId, byName);
        Assert.DoesNotContain(" APIM404: ", byName.Stdout);
        Assert.Contains(": note APIM302: ", byName.Stdout);
    }
}
