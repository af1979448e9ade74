using ApimLint.Tests.Fixtures;

namespace ApimLint.Tests.Topology;

/// <summary>
/// The topology from evidence, as a user meets it: `apimlint topology` prints what was derived and every clue with its
/// file:line, and where the clues are placeholders or disagree, no fix touches a file whose correctness depends on them.
/// </summary>
public sealed class TopologyTests
{
    private static TempDirectory Materialize(string ruleCase)
    {
        var temp = new TempDirectory();
        FixtureCase.Read(TestPaths.Fixture($"rules/{ruleCase}")).Materialize(temp.Path);
        return temp;
    }

    [Theory]
    [InlineData("APIM503/ok-container-placeholder-member-host")]
    [InlineData("APIM008/bad-passive-kept-active-member-host")]
    public void No_fix_touches_the_jndi2_files_when_the_shared_host_rests_on_a_placeholder_or_a_slip(string ruleCase)
    {
        using var temp = Materialize(ruleCase);
        string Jndi2(string node) => File.ReadAllText(Path.Combine(temp.Path, node, "repository/conf/jndi2.properties"));
        var before = (Jndi2("active"), Jndi2("passive"));

        var check = Apimlint.Run(temp.Path, "check", ".");
        var diff = Apimlint.Run(temp.Path, "check", ".", "--diff", "--unsafe-fixes");
        Apimlint.Run(temp.Path, "check", ".", "--fix", "--unsafe-fixes");

        Assert.DoesNotContain(" APIM405: ", check.Stdout);
        Assert.DoesNotContain(" APIM503: ", check.Stdout);
        Assert.DoesNotContain("jndi2.properties", diff.Stdout);
        Assert.Equal(before, (Jndi2("active"), Jndi2("passive")));
    }

    [Fact]
    public void Topology_of_two_hosts_names_each_node_and_every_clue()
    {
        var result = Apimlint.Run(TestPaths.Fixture("correct-two-hosts"), "topology");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("""
            The nodes run on two hosts: the nodes advertise different localMemberHost values (192.168.10.1 and 192.168.10.2).
            active goes by:
                192.168.10.1 (axis2.xml localMemberHost, active/repository/conf/axis2/axis2.xml:709:43)
            passive goes by:
                192.168.10.2 (axis2.xml localMemberHost, passive/repository/conf/axis2/axis2.xml:709:43)
            Evidence:
                two hosts: the nodes advertise different localMemberHost values (192.168.10.1 and 192.168.10.2)
                    active/repository/conf/axis2/axis2.xml:709:43
                    passive/repository/conf/axis2/axis2.xml:709:43
                two hosts: nginx upstream allnodes reaches the nodes at 192.168.10.1:9443 and 192.168.10.2:9443
                    nginx/nginx.conf:13:16
                    nginx/nginx.conf:14:16
                two hosts: nginx upstream allnodes-traffic-http reaches the nodes at 192.168.10.1:8280 and 192.168.10.2:8280
                    nginx/nginx.conf:18:16
                    nginx/nginx.conf:19:16
                two hosts: nginx upstream allnodes-traffic-https reaches the nodes at 192.168.10.1:8243 and 192.168.10.2:8243
                    nginx/nginx.conf:23:16
                    nginx/nginx.conf:24:16
                two hosts: both nodes run with port offset 0, so on one host their ports would collide
                    active/repository/conf/carbon.xml:127:17
                    passive/repository/conf/carbon.xml:127:17

            """, result.Stdout);
    }

    [Fact]
    public void Topology_of_conflicting_clues_is_unknown_and_says_how_to_settle_it()
    {
        using var temp = Materialize("APIM008/bad-passive-kept-active-member-host");

        var result = Apimlint.Run(temp.Path, "topology", ".");

        Assert.Equal("""
            Unknown whether the nodes share a host: the deployment's files disagree on whether the nodes share a host. The checks that depend on it stay silent; settle it with each node's host in apimlint.json (nodes[].host).
            active goes by no name or address the deployment states
            passive goes by no name or address the deployment states
            Evidence:
                one host: both nodes advertise localMemberHost 192.168.10.1
                    active/repository/conf/axis2/axis2.xml:709:43
                    passive/repository/conf/axis2/axis2.xml:709:43
                two hosts: nginx upstream allnodes reaches the nodes at 192.168.10.1:9443 and 192.168.10.2:9443
                    nginx/nginx.conf:13:16
                    nginx/nginx.conf:14:16
                two hosts: nginx upstream allnodes-traffic-http reaches the nodes at 192.168.10.1:8280 and 192.168.10.2:8280
                    nginx/nginx.conf:18:16
                    nginx/nginx.conf:19:16
                two hosts: nginx upstream allnodes-traffic-https reaches the nodes at 192.168.10.1:8243 and 192.168.10.2:8243
                    nginx/nginx.conf:23:16
                    nginx/nginx.conf:24:16
                two hosts: both nodes run with port offset 0, so on one host their ports would collide
                    active/repository/conf/carbon.xml:127:17
                    passive/repository/conf/carbon.xml:127:17

            """, result.Stdout);
    }

    [Fact]
    public void Topology_lists_placeholders_as_no_evidence_and_names_from_the_hosts_file()
    {
        using var temp = Materialize("APIM503/ok-container-placeholder-member-host");
        File.WriteAllText(Path.Combine(temp.Path, "hosts"), "10.0.0.5 apim-node1 # the active container\n");
        File.WriteAllText(Path.Combine(temp.Path, "apimlint.json"), """{ "nodes": [ { "role": "active", "path": "active", "aliases": ["10.0.0.5"] }, { "role": "passive", "path": "passive" } ] }""");

        var result = Apimlint.Run(temp.Path, "topology", ".");

        Assert.Equal("""
            The nodes run on two hosts: nginx upstream allnodes reaches the nodes at apim-node1:9443 and apim-node2:9443.
            active goes by:
                10.0.0.5 (apimlint.json aliases, apimlint.json)
                apim-node1 (the hosts file, hosts:1:10)
            passive goes by no name or address the deployment states
            Evidence:
                no evidence: the nodes advertise localMemberHost api-manager and api-manager, a placeholder or a name both carry alike: no evidence
                    active/repository/conf/axis2/axis2.xml:709:43
                    passive/repository/conf/axis2/axis2.xml:709:43
                two hosts: nginx upstream allnodes reaches the nodes at apim-node1:9443 and apim-node2:9443
                    nginx/nginx.conf:13:16
                    nginx/nginx.conf:14:16
                two hosts: nginx upstream allnodes-traffic-http reaches the nodes at apim-node1:8280 and apim-node2:8280
                    nginx/nginx.conf:18:16
                    nginx/nginx.conf:19:16
                two hosts: nginx upstream allnodes-traffic-https reaches the nodes at apim-node1:8243 and apim-node2:8243
                    nginx/nginx.conf:23:16
                    nginx/nginx.conf:24:16
                two hosts: both nodes run with port offset 0, so on one host their ports would collide
                    active/repository/conf/carbon.xml:127:17
                    passive/repository/conf/carbon.xml:127:17
                no evidence: the hosts file equates apim-node1 with active's 10.0.0.5
                    hosts:1:10

            """, result.Stdout);
        // With the active's name known, only the passive's servers are left unmatched.
        var check = Apimlint.Run(temp.Path, "check", ".");
        Assert.DoesNotContain("server apim-node1:", check.Stdout);
        Assert.Contains("server apim-node2:9443 matches no node", check.Stdout);
    }

    [Fact]
    public void Topology_as_json_gives_the_verdict_names_and_evidence()
    {
        var result = Apimlint.Run(TestPaths.Fixture("correct-same-host"), "topology", "--format", "json");

        using var json = System.Text.Json.JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        Assert.Equal("yes", root.GetProperty("sharedHost").GetString());
        Assert.False(root.GetProperty("weak").GetBoolean());
        Assert.Equal("both nodes advertise localMemberHost 192.168.10.1", root.GetProperty("reason").GetString());
        Assert.Equal("192.168.10.1", root.GetProperty("nodes").GetProperty("passive")[0].GetProperty("name").GetString());
        var first = root.GetProperty("evidence")[0];
        Assert.Equal("shared", first.GetProperty("says").GetString());
        Assert.Equal("active/repository/conf/axis2/axis2.xml", first.GetProperty("locations")[0].GetProperty("file").GetString());
        Assert.Equal(709, first.GetProperty("locations")[0].GetProperty("line").GetInt32());
        Assert.Equal(result.Stdout, Apimlint.Run(TestPaths.Fixture("correct-same-host"), "topology", "--format", "json").Stdout);
    }

    [Fact]
    public void Topology_names_a_file_that_does_not_parse_and_exits_1()
    {
        using var temp = new TempDirectory();
        FixtureCase.CopyDirectory(TestPaths.Fixture("correct-two-hosts"), temp.Path);
        var axis2 = Path.Combine(temp.Path, "passive", "repository", "conf", "axis2", "axis2.xml");
        File.WriteAllText(axis2, File.ReadAllText(axis2)[..20000]);

        var result = Apimlint.Run(temp.Path, "topology", ".");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("The nodes run on two hosts: ", result.Stdout);
        Assert.Equal("apimlint: passive/repository/conf/axis2/axis2.xml does not parse (APIM001 in apimlint check): the topology above may lack its clues\n", result.Stderr);
    }

    [Fact]
    public void Topology_escapes_what_the_files_say_for_the_terminal()
    {
        using var temp = new TempDirectory();
        FixtureCase.CopyDirectory(TestPaths.Fixture("correct-two-hosts"), temp.Path);
        var axis2 = Path.Combine(temp.Path, "passive/repository/conf/axis2/axis2.xml");
        File.WriteAllText(axis2, File.ReadAllText(axis2).Replace(">192.168.10.2</parameter>", ">evil\u202e.example.com</parameter>"));

        var result = Apimlint.Run(temp.Path, "topology", ".");

        Assert.DoesNotContain('\u202e', result.Stdout);
        Assert.Contains(@"localMemberHost 192.168.10.1 and evil\u202e.example.com, not both a host name or address: no evidence", result.Stdout);
    }

    [Fact]
    public void Topology_lines_cannot_start_a_workflow_command_after_their_indentation()
    {
        using var temp = new TempDirectory();
        FixtureCase.CopyDirectory(TestPaths.Fixture("correct-two-hosts"), temp.Path);
        File.WriteAllText(Path.Combine(temp.Path, "hosts"), "192.168.10.2 ::error::injected\n");

        var result = Apimlint.Run(temp.Path, "topology", ".");

        Assert.Contains("""
            passive goes by:
                192.168.10.2 (axis2.xml localMemberHost, passive/repository/conf/axis2/axis2.xml:709:43)
                \x3a:error::injected (the hosts file, hosts:1:14)

            """.Replace("\r\n", "\n"), result.Stdout);
        Assert.DoesNotContain(result.Stdout.Split('\n'), line => line.TrimStart().StartsWith("::", StringComparison.Ordinal));
    }

    [Fact]
    public void A_member_host_that_is_no_host_is_no_evidence_and_no_name()
    {
        using var temp = new TempDirectory();
        FixtureCase.CopyDirectory(TestPaths.Fixture("correct-two-hosts"), temp.Path);
        var axis2 = Path.Combine(temp.Path, "passive/repository/conf/axis2/axis2.xml");
        File.WriteAllText(axis2, File.ReadAllText(axis2).Replace(">192.168.10.2</parameter>", ">h'x;tcp://evil:1'</parameter>"));

        var result = Apimlint.Run(temp.Path, "topology", ".");

        Assert.StartsWith("""
            The nodes run on two hosts: nginx upstream allnodes reaches the nodes at 192.168.10.1:9443 and 192.168.10.2:9443.
            active goes by:
                192.168.10.1 (axis2.xml localMemberHost, active/repository/conf/axis2/axis2.xml:709:43)
            passive goes by no name or address the deployment states
            Evidence:
                no evidence: the nodes advertise localMemberHost 192.168.10.1 and h'x;tcp://evil:1', not both a host name or address: no evidence

            """.Replace("\r\n", "\n").TrimEnd('\n'), result.Stdout);
    }

    [Fact]
    public void Ipv6_addresses_compare_as_parsed_and_each_node_shows_its_own_spelling()
    {
        using var temp = new TempDirectory();
        FixtureCase.CopyDirectory(TestPaths.Fixture("correct-same-host"), temp.Path);
        foreach (var (node, spelling) in new[] { ("active", "2001:db8::1"), ("passive", "2001:DB8:0::1") })
        {
            var axis2 = Path.Combine(temp.Path, node, "repository/conf/axis2/axis2.xml");
            File.WriteAllText(axis2, File.ReadAllText(axis2).Replace(">192.168.10.1</parameter>", $">{spelling}</parameter>"));
        }
        var nginx = Path.Combine(temp.Path, "nginx/nginx.conf");
        File.WriteAllText(nginx, File.ReadAllText(nginx).Replace("server 127.0.0.1:", "server [2001:db8::1]:"));

        var topology = Apimlint.Run(temp.Path, "topology", ".");
        var check = Apimlint.Run(temp.Path, "check", ".");

        Assert.StartsWith("The nodes run on one host: both nodes advertise localMemberHost 2001:db8::1 and 2001:DB8:0::1, one address.\n", topology.Stdout);
        Assert.DoesNotContain(" APIM601: ", check.Stdout);
    }

    [Fact]
    public void Weak_evidence_alone_offers_no_peer_broker_fix()
    {
        using var temp = new TempDirectory();
        FixtureCase.CopyDirectory(TestPaths.Fixture("correct-same-host"), temp.Path);
        // Nothing but the port offsets says one host: no member host, and nginx reaches the active only.
        foreach (var node in new[] { "active", "passive" })
        {
            var axis2 = Path.Combine(temp.Path, node, "repository/conf/axis2/axis2.xml");
            File.WriteAllText(axis2, File.ReadAllText(axis2).Replace("<parameter name=\"localMemberHost\">192.168.10.1</parameter>", ""));
        }
        var nginx = Path.Combine(temp.Path, "nginx/nginx.conf");
        File.WriteAllText(nginx, string.Join("\n", File.ReadAllLines(nginx).Where(l => !l.Contains("backup;"))));
        var jndi2 = Path.Combine(temp.Path, "passive/repository/conf/jndi2.properties");
        File.WriteAllText(jndi2, File.ReadAllText(jndi2).Replace("tcp://localhost:5672'\nconnectionfactory.Queue", "tcp://localhost:5673'\nconnectionfactory.Queue"));

        var topology = Apimlint.Run(temp.Path, "topology", ".");
        var diff = Apimlint.Run(temp.Path, "check", ".", "--diff", "--unsafe-fixes");
        var check = Apimlint.Run(temp.Path, "check", ".");

        Assert.StartsWith("The nodes run on one host: the nodes run with different port offsets (0 and 1) (weak evidence only: no fix that depends on it is offered).", topology.Stdout);
        Assert.Contains("passive/repository/conf/jndi2.properties:1:96: error APIM503: ", check.Stdout);
        Assert.DoesNotContain("jndi2.properties", diff.Stdout);
    }
}
