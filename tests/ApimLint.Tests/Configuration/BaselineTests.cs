using ApimLint.Tests.Fixtures;

namespace ApimLint.Tests.Configuration;

public sealed class BaselineTests
{
    [Fact]
    public void Init_baseline_write_then_check_is_green_and_one_new_slip_alone_fails()
    {
        using var temp = new TempDirectory();
        FixtureCase.CopyDirectory(TestPaths.Fixture("example"), temp.Path);

        Assert.Equal(0, Apimlint.Run(temp.Path, "init").ExitCode);
        Assert.Equal(0, Apimlint.Run(temp.Path, "baseline", "write").ExitCode);
        var green = Apimlint.Run(temp.Path);
        Assert.Equal(0, green.ExitCode);
        Assert.Equal($"No findings ({TestPaths.ExampleFindings().Count} in baseline).\n", green.Stdout);

        // A new slip: the active's WKA member loses its port, a second APIM404-like slip elsewhere is APIM503 on the active.
        var jndi2 = Path.Combine(temp.Path, "active/repository/conf/jndi2.properties");
        File.WriteAllText(jndi2, File.ReadAllText(jndi2).Replace("tcp://localhost:5673'\nconnectionfactory.Queue", "tcp://localhost:5699'\nconnectionfactory.Queue"));
        var red = Apimlint.Run(temp.Path);

        Assert.Equal(1, red.ExitCode);
        var findings = red.Stdout.Split('\n').Where(l => l.Contains(": error ") || l.Contains(": warning ")).ToList();
        Assert.Equal(["active/repository/conf/jndi2.properties:1:91: error APIM503"], findings.Select(l => l[..l.IndexOf(": [*] active", StringComparison.Ordinal)]));
    }

    [Fact]
    public void Entries_survive_moved_lines_and_reformatting()
    {
        using var temp = new TempDirectory();
        FixtureCase.CopyDirectory(TestPaths.Fixture("example"), temp.Path);
        Apimlint.Run(temp.Path, "baseline", "write", "accepted.txt");

        var registry = Path.Combine(temp.Path, "passive/repository/conf/registry.xml");
        var text = File.ReadAllText(registry);
        File.WriteAllText(registry, text.Replace("<mount path=\"/_system/config\" overwrite=\"true\">", "<!-- moved down -->\r\n\r\n    <mount   overwrite='true'\r\n           path='/_system/config'>"));
        var result = Apimlint.Run(temp.Path, "--baseline", "accepted.txt");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Stderr);
    }

    [Fact]
    public void A_hand_made_baseline_cannot_forge_lines_in_the_log()
    {
        using var temp = new TempDirectory();
        FixtureCase.CopyDirectory(TestPaths.Fixture("correct-same-host"), temp.Path);
        File.WriteAllText(Path.Combine(temp.Path, "raw.txt"), "0123456789abcdef  APIM404  a.xml\r::error file=README.md::forged  m\n");
        File.WriteAllText(Path.Combine(temp.Path, "escaped.txt"), "0123456789abcdef  APIM404  a.xml\\u000D::error file=README.md::forged\\u001b[2J  m\n");

        var raw = Apimlint.Run(temp.Path, "--baseline", "raw.txt", "--format", "github");
        var escaped = Apimlint.Run(temp.Path, "--baseline", "escaped.txt", "--format", "github");

        Assert.Equal((2, $"apimlint: {Path.Combine(temp.Path, "raw.txt")}:1: not a baseline entry (expected: fingerprint, two spaces, rule ID, …)\n"), (raw.ExitCode, raw.Stderr));
        Assert.Equal(0, escaped.ExitCode);
        Assert.StartsWith("apimlint: baseline entry no longer found: APIM404 a.xml\\u000D::error", escaped.Stderr);
        Assert.All(escaped.Stderr.TrimEnd('\n').Split('\n'), line => Assert.StartsWith("apimlint: ", line));
        Assert.DoesNotContain('\r', escaped.Stderr);
        Assert.DoesNotContain('\u001b', escaped.Stderr);
    }

    [Fact]
    public void A_new_instance_of_an_accepted_rule_in_another_place_is_reported_and_fixed_ones_are_stale()
    {
        using var temp = new TempDirectory();
        FixtureCase.CopyDirectory(TestPaths.Fixture("example"), temp.Path);
        Apimlint.Run(temp.Path, "baseline", "write", "accepted.txt");

        // APIM302 is accepted for the /_system/config mounts; a bad /_system/governance mount is new.
        var registry = Path.Combine(temp.Path, "active/repository/conf/registry.xml");
        File.WriteAllText(registry, File.ReadAllText(registry)
            .Replace("<instanceId>wso2gov</instanceId>\r\n        <targetPath>/_system/governance", "<instanceId>gov</instanceId>\r\n        <targetPath>/_system/governance"));
        var passiveAxis2 = Path.Combine(temp.Path, "active/repository/conf/axis2/axis2.xml");
        File.WriteAllText(passiveAxis2, File.ReadAllText(passiveAxis2).Replace("<port>4000</port>\n            </member>", "<port>4001</port>\n            </member>"));

        var result = Apimlint.Run(temp.Path, "--baseline", "accepted.txt");

        Assert.Equal(1, result.ExitCode);
        Assert.Single(result.Stdout.Split('\n'), l => l.Contains(" APIM302: "));
        Assert.Contains("/_system/governance", result.Stdout);
        Assert.Contains("apimlint: baseline entry no longer found: APIM404 active/repository/conf/axis2/axis2.xml", result.Stderr);
    }

    [Fact]
    public void The_baseline_file_is_sorted_and_the_same_for_the_same_findings()
    {
        using var temp = new TempDirectory();
        FixtureCase.CopyDirectory(TestPaths.Fixture("example"), temp.Path);
        Apimlint.Run(temp.Path, "baseline", "write", "a.txt");
        Apimlint.Run(temp.Path, "baseline", "write", "b.txt");

        var lines = File.ReadAllLines(Path.Combine(temp.Path, "a.txt")).Where(l => !l.StartsWith('#')).ToList();
        Assert.Equal(File.ReadAllText(Path.Combine(temp.Path, "a.txt")), File.ReadAllText(Path.Combine(temp.Path, "b.txt")));
        Assert.Equal(TestPaths.ExampleFindings().Count, lines.Count);
        Assert.Equal(lines.OrderBy(l => l.Split("  ")[2], StringComparer.Ordinal).ThenBy(l => l.Split("  ")[1], StringComparer.Ordinal).ThenBy(l => l[..16], StringComparer.Ordinal), lines);
    }
}
