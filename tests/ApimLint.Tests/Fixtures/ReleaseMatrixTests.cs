using System.Text.RegularExpressions;
using ApimLint.Loading;
using ApimLint.Model;

namespace ApimLint.Tests.Fixtures;

/// <summary>
/// The guide's deployment on each API-M 2.x release (fixtures/correct-*, built from each release's own default files) is
/// clean on every database the guide's readers use, with passwords in Secure Vault or in the files; and each slip the guide
/// makes is still found on every release.
/// </summary>
public sealed class ReleaseMatrixTests
{
    /// <summary>Each release and the guide's deployment made from its default files.</summary>
    private static readonly Dictionary<string, string> Releases = new()
    {
        ["2.0.0"] = "correct-2.0.0",
        ["2.1.0"] = "correct-2.1.0",
        ["2.2.0"] = "correct-2.2.0",
        ["2.5.0"] = "correct-2.5.0",
        ["2.6.0"] = "correct-same-host",
    };

    /// <summary>fixtures/variants: the same deployment on another database, or with clear passwords; "mysql" is the base as it is.</summary>
    private static readonly string[] Databases = ["mysql", "postgresql", "oracle", "sqlserver"];

    /// <summary>The guide's own slips, as the rule fixtures make them: rule and case under fixtures/rules.</summary>
    private static readonly (string Rule, string Case)[] GuideSlips =
    [
        ("APIM302", "bad-guide-gov-instance-id"),
        ("APIM304", "bad-passive-without-mounts"),
        ("APIM306", "bad-active-cacheid-missing"),
        ("APIM404", "bad-passive-lists-no-member"),
        ("APIM501", "bad-active-points-at-passive"),
        ("APIM502", "bad-passive-jndi2-missing"),
        ("APIM503", "bad-passive-publishes-to-itself"),
        ("APIM504", "bad-passive-publisher2-missing"),
        ("APIM506", "bad-passive-jndi-copied-from-active"),
        ("APIM605", "bad-guide-ssl-on"),
        ("APIM606", "bad-guide-placeholders"),
        ("APIM607", "bad-admin-rewrites-publisher"),
        ("APIM801", "bad-windows-without-charset"),
    ];

    public static TheoryData<string, string, bool> CleanDeployments()
    {
        var data = new TheoryData<string, string, bool>();
        foreach (var release in Releases.Keys)
            foreach (var database in Databases)
                foreach (var clearPasswords in new[] { false, true })
                    data.Add(release, database, clearPasswords);
        return data;
    }

    public static TheoryData<string, string, string> Slips()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var release in Releases.Keys)
            foreach (var (rule, slip) in GuideSlips)
                data.Add(release, rule, slip);
        return data;
    }

    [Theory]
    [MemberData(nameof(CleanDeployments))]
    public void The_guides_deployment_is_clean_on_every_release_and_database(string release, string database, bool clearPasswords)
    {
        using var temp = new TempDirectory();
        FixtureCase.CopyDirectory(TestPaths.Fixture(Releases[release]), temp.Path);
        if (database != "mysql") MakeIn(temp.Path, $"variants/{database}");
        if (clearPasswords) MakeIn(temp.Path, "variants/clear-passwords");

        Assert.Equal(ProductVersion.Parse(release), DeploymentLoader.Load(DeploymentInput.FromFolder(temp.Path)).ProductVersion);
        var result = Apimlint.Run(temp.Path, "check", ".");
        // Clear passwords are a weaker choice the guide allows: APIM108 warns about each, and nothing else is reported.
        string[] allowed = clearPasswords ? ["APIM108"] : [];
        Assert.True(RulesReported(result).All(allowed.Contains) && !result.Stdout.Contains(": error "), result.Stdout + result.Stderr);
        Assert.Equal(0, result.ExitCode);
    }

    [Theory]
    [MemberData(nameof(Slips))]
    public void Each_slip_of_the_guide_is_found_on_every_release(string release, string rule, string slip)
    {
        using var temp = new TempDirectory();
        FixtureCase.CopyDirectory(TestPaths.Fixture(Releases[release]), temp.Path);
        MakeIn(temp.Path, $"rules/{rule}/{slip}");

        var result = Apimlint.Run(temp.Path, ["check", ".", .. FixtureCase.Read(TestPaths.Fixture($"rules/{rule}/{slip}")).Args]);
        Assert.True(RulesReported(result).SequenceEqual([rule]), result.Stdout + result.Stderr);
    }

    private static IEnumerable<string> RulesReported(Apimlint.Result result) =>
        result.Stdout.Split('\n')
            .Select(line => Regex.Match(line, @"^\S+: (?:error|warning|note) (APIM\d{3}):"))
            .Where(m => m.Success).Select(m => m.Groups[1].Value).Distinct();

    /// <summary>Makes a case's changes (its find texts are the guide's own lines) in another release's deployment.</summary>
    private static void MakeIn(string folder, string fixtureCase) =>
        FixtureCase.Read(TestPaths.Fixture(fixtureCase)).MakeIn(folder, TestPaths.Fixture(fixtureCase));
}
