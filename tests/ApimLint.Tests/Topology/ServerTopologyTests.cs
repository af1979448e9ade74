using ApimLint.Model.Servers;
using ApimLint.Reporting;
using ApimLint.Tests.Fixtures;
using ApimLint.Tests.Model;

namespace ApimLint.Tests.Topology;

/// <summary>The wiring of an API-M 4.x distributed deployment, as `apimlint topology` prints it and the reports draw it.</summary>
public sealed class ServerTopologyTests
{
    private static readonly string[] Gateways = ["gw1", "gw2"];

    [Fact]
    public void Every_gateway_listens_to_both_control_planes_and_publishes_to_both_traffic_managers()
    {
        var links = ServerReachTests.Load(TestPaths.Fixture("distributed-4.5.0")).Links();

        foreach (var gateway in Gateways)
        {
            Assert.Equal(["cp1", "cp2"], Targets(links, gateway, LinkKind.EventHub));
            Assert.Equal(["tm1", "tm2"], Targets(links, gateway, LinkKind.ThrottleEvents));
            Assert.Equal(["tm1", "tm2"], Targets(links, gateway, LinkKind.ThrottleDecisions));
        }
        Assert.Equal(["cp2"], Targets(links, "cp1", LinkKind.EventDuplication));
        Assert.Equal(["tm1"], Targets(links, "tm2", LinkKind.EventDuplication));
    }

    [Fact]
    public void A_gateway_listening_to_one_control_plane_loses_that_link_in_the_picture()
    {
        using var temp = new TempDirectory();
        FixtureCase.CopyDirectory(TestPaths.Fixture("distributed-4.5.0"), temp.Path);
        var toml = Path.Combine(temp.Path, "gw1/repository/conf/deployment.toml");
        File.WriteAllText(toml, File.ReadAllText(toml).Replace(
            "event_listening_endpoints = [\"tcp://10.0.2.11:5672\", \"tcp://10.0.2.12:5672\"]", "event_listening_endpoints = [\"tcp://10.0.2.11:5672\"]"));

        var deployment = ServerReachTests.Load(temp.Path);
        var graph = TopologyGraph.Of(deployment, []);

        string Label(string id) => graph.Vertex(id).Label;
        Assert.Equal(["cp1"], Targets(deployment.Links(), "gw1", LinkKind.EventHub));
        Assert.Contains(graph.Edges, e => Label(e.From) == "gw2" && Label(e.To) == "cp2" && e.Labels.SequenceEqual(["event hub"]));
        Assert.DoesNotContain(graph.Edges, e => Label(e.From) == "gw1" && Label(e.To) == "cp2" && e.Labels.SequenceEqual(["event hub"]));
    }

    [Fact]
    public void The_topology_command_lists_the_nodes_in_roles_and_their_links_with_positions()
    {
        var result = Apimlint.Run(TestPaths.Fixture(""), "topology", "aio-4.4.0-active-active");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("""
            2 nodes (API-M 4.4.0, configured by deployment.toml):
                node1: all-in-one, group all-in-one, offset 0, goes by 10.0.1.11
                node2: all-in-one, group all-in-one, offset 0, goes by 10.0.1.12
            Links:
                node1 -> node2: throttle events (aio-4.4.0-active-active/node1/repository/conf/deployment.toml:208:25)
                node1 -> node2: event duplication (aio-4.4.0-active-active/node1/repository/conf/deployment.toml:184:24)
                node2 -> node1: throttle events (aio-4.4.0-active-active/node2/repository/conf/deployment.toml:203:25)
                node2 -> node1: event duplication (aio-4.4.0-active-active/node2/repository/conf/deployment.toml:184:24)

            """, result.Stdout);
    }

    [Fact]
    public void A_node_name_from_apimlint_json_is_a_label_in_the_flowchart_never_its_syntax()
    {
        using var temp = new TempDirectory();
        FixtureCase.CopyDirectory(TestPaths.Fixture("aio-4.4.0-active-active"), temp.Path);
        var config = Path.Combine(temp.Path, "apimlint.json");
        File.WriteAllText(config, File.ReadAllText(config).Replace("\"name\": \"node1\"", "\"name\": \"n1\\u001b[31m\\n::error::x\\\"]\""));

        var markdown = Apimlint.Run(temp.Path, "check", ".", "--format", "markdown").Stdout;

        var flowchart = markdown[markdown.IndexOf("```mermaid", StringComparison.Ordinal)..];
        Assert.DoesNotContain("\u001b", flowchart);
        Assert.DoesNotContain("\n::error::", flowchart);
        Assert.Contains("  n0[", flowchart);
    }

    private static List<string> Targets(IReadOnlyList<ServerLink> links, string from, LinkKind kind) =>
        links.Where(l => l.From.Name == from && l.Kind == kind).Select(l => l.To.Name).Distinct().Order(StringComparer.Ordinal).ToList();
}
