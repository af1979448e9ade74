using ApimLint.Tests.Fixtures;

namespace ApimLint.Tests.Engine;

/// <summary>
/// A finding that explains another rule's (declared in the rule's descriptor) is reported alone; turning the explaining
/// rule off in apimlint.json brings the other finding back, suppressing it inline does not.
/// </summary>
public sealed class SupersessionTests
{
    private static TempDirectory Case(string fixture, string? config = null)
    {
        var temp = new TempDirectory();
        FixtureCase.Read(TestPaths.Fixture(fixture)).Materialize(temp.Path);
        if (config is not null) File.WriteAllText(Path.Combine(temp.Path, "apimlint.json"), config);
        return temp;
    }

    /// <summary>The rule IDs and first lines of the findings, in output order.</summary>
    private static string[] Findings(string folder, params string[] args)
    {
        var result = Apimlint.Run(folder, ["check", ".", .. args]);
        Assert.True(result.Stderr == "", result.Stderr);
        return result.Stdout.Split('\n').Where(l => l.Contains(": error APIM") || l.Contains(": warning APIM")).ToArray();
    }

    private const string Apim404WithoutApim405 =
        "active/repository/conf/axis2/axis2.xml:748:9: error APIM404: [*] active's well-known members do not include passive at 192.168.10.1:4000; it lists 192.168.10.1:4001";

    private const string Apim405 =
        "passive/repository/conf/axis2/axis2.xml:724:43: error APIM405: passive's clustering localMemberPort is 4000, the same as active's on the shared host " +
        "(both nodes advertise localMemberHost 192.168.10.1); the port offset does not move it: give the passive another port, e.g. 4001";

    [Fact]
    public void A_port_collision_is_reported_alone_and_the_missing_member_comes_back_when_APIM405_is_turned_off()
    {
        using var on = Case("rules/APIM405/bad-passive-keeps-4000");
        using var off = Case("rules/APIM405/bad-passive-keeps-4000", "{ \"rules\": { \"APIM405\": \"none\" } }");

        Assert.Equal([Apim405], Findings(on.Path));
        Assert.Equal([Apim404WithoutApim405], Findings(off.Path));
    }

    [Fact]
    public void A_suppressed_port_collision_still_explains_the_missing_member()
    {
        using var temp = Case("rules/APIM405/bad-passive-keeps-4000");
        var axis2 = Path.Combine(temp.Path, "passive/repository/conf/axis2/axis2.xml");
        var lines = File.ReadAllLines(axis2).ToList();
        lines.Insert(723, "        <!-- apimlint-disable-next-line APIM405: the passive moves to 4001 in the next change -->");
        File.WriteAllLines(axis2, lines);

        Assert.Empty(Findings(temp.Path));
        Assert.Contains("APIM405", Apimlint.Run(temp.Path, "check", ".", "--format", "json", "--include-suppressed").Stdout);
        Assert.Equal([Apim405.Replace("axis2.xml:724:", "axis2.xml:725:")], Findings(temp.Path, "--no-inline-suppressions"));
    }

    [Fact]
    public void A_loopback_member_host_is_reported_alone_and_the_member_it_hides_comes_back_when_APIM406_is_turned_off()
    {
        using var on = Case("rules/APIM406/bad-passive-loopback-two-hosts");
        using var off = Case("rules/APIM406/bad-passive-loopback-two-hosts", "{ \"rules\": { \"APIM406\": \"none\" } }");

        Assert.Equal([
            "passive/repository/conf/axis2/axis2.xml:709:43: warning APIM406: passive's clustering localMemberHost is the loopback address 127.0.0.1, but the nodes are on " +
            "different hosts (nginx upstream allnodes reaches the nodes at 192.168.10.1:9443 and 192.168.10.2:9443): active may not reach passive's cluster member; write passive's IP address",
        ], Findings(on.Path));
        Assert.Equal([
            "active/repository/conf/axis2/axis2.xml:748:9: error APIM404: [*] active's well-known members do not include passive at 127.0.0.1:4000; it lists 192.168.10.2:4000",
        ], Findings(off.Path));
    }

    [Fact]
    public void The_rule_reference_says_what_a_rule_supersedes()
    {
        using var temp = new TempDirectory();

        var explain = Apimlint.Run(temp.Path, "explain", "APIM405").Stdout;

        Assert.Contains("\n\nSupersedes: APIM404 on the same node pair.\n\n", explain);
        Assert.Contains("\n\nSupersedes: APIM404 where its finding names this finding's location.\n\n", Apimlint.Run(temp.Path, "explain", "APIM406").Stdout);
    }
}
