using ApimLint.Configuration;
using ApimLint.Loading;
using ApimLint.Model;
using ApimLint.Model.Servers;

namespace ApimLint.Tests.Model;

public sealed class ServerReachTests
{
    /// <summary>A deployment of nodes in roles, read as `apimlint check` reads it from its apimlint.json.</summary>
    internal static Deployment Load(string folder)
    {
        var config = ConfigReader.Read(Path.Combine(folder, "apimlint.json"), folder);
        var servers = config.Nodes.Select(n => new ServerInput(n.Name, Path.Combine(folder, n.Path), n.Server, n.Group)
        {
            Override = new NodeOverride(n.Host, n.PortOffset) { Aliases = n.Aliases },
        }).ToList();
        return DeploymentLoader.Load(DeploymentInput.ForServers(folder, servers) with { DeclaredVersion = config.Version });
    }

    private static Deployment Distributed => Load(TestPaths.Fixture("distributed-4.5.0"));

    [Fact]
    public void Nodes_have_their_declared_roles_in_groups_of_their_role()
    {
        var deployment = Distributed;

        Assert.Equal(["cp1", "cp2", "gw1", "gw2", "tm1", "tm2"], deployment.Servers.Select(s => s.Name));
        Assert.Equal([ServerRole.ControlPlane, ServerRole.ControlPlane, ServerRole.Gateway, ServerRole.Gateway, ServerRole.TrafficManager, ServerRole.TrafficManager],
            deployment.Servers.Select(s => s.Role));
        Assert.Equal(["tm2"], deployment.PeersOf(deployment.Servers.Single(s => s.Name == "tm1")).Select(s => s.Name));
        Assert.Equal(new ProductVersion(4, 5, 0), deployment.ProductVersion);
    }

    [Fact]
    public void A_gateway_s_event_hub_endpoints_reach_both_control_planes()
    {
        var deployment = Distributed;
        var gateway = deployment.Servers.Single(s => s.Name == "gw1");

        var reached = deployment.Reaches(gateway, gateway.Settings.Get("apim.event_hub.event_listening_endpoints"), ServerPorts.Jms);

        Assert.Equal(["cp1", "cp2"], reached.Select(r => r.Reach.Node?.Name));
    }

    [Theory]
    [InlineData("tcp://localhost:5672", ReachKind.Node, "tm1")]
    [InlineData("tcp://${carbon.local.ip}:${jms.port}", ReachKind.Node, "tm1")]
    [InlineData("tcp://10.0.2.32:5672", ReachKind.Node, "tm2")]
    [InlineData("tcp://10.0.2.32:5673", ReachKind.NoNode, null)]
    [InlineData("tcp://tm.am.wso2.com:5672", ReachKind.Unknown, null)]
    [InlineData("tcp://10.0.2.32", ReachKind.Unknown, null)]
    public void An_endpoint_reaches_a_node_a_machine_without_that_port_or_is_unknown(string url, ReachKind kind, string? node)
    {
        var deployment = Distributed;
        var writer = deployment.Servers.Single(s => s.Name == "tm1");
        var item = new Setting("x", SettingSource.File, writer.DeploymentToml.WholeFile) { Value = url };

        var reach = deployment.Reach(writer, ServerEndpoint.Parse(writer, item)!, ServerPorts.Jms);

        Assert.Equal(kind, reach.Kind);
        Assert.Equal(node, reach.Node?.Name);
    }

    [Fact]
    public void A_pair_of_folders_configured_by_deployment_toml_is_two_all_in_one_nodes()
    {
        using var temp = new TempDirectory();
        Fixtures.FixtureCase.CopyDirectory(TestPaths.Fixture("aio-4.4.0-active-active"), temp.Path);
        File.Delete(Path.Combine(temp.Path, "apimlint.json"));
        Directory.Move(Path.Combine(temp.Path, "node1"), Path.Combine(temp.Path, "active"));
        Directory.Move(Path.Combine(temp.Path, "node2"), Path.Combine(temp.Path, "passive"));

        var deployment = DeploymentLoader.Load(DeploymentInput.FromFolder(temp.Path));

        Assert.True(deployment.ConfiguredByToml);
        Assert.Equal([("active", ServerRole.AllInOne), ("passive", ServerRole.AllInOne)], deployment.Servers.Select(s => (s.Name, s.Role)));
        Assert.DoesNotContain(deployment.Active.Files, f => f.Exists);
    }
}
