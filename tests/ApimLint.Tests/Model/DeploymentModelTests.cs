using ApimLint.Loading;
using ApimLint.Model;
using ApimLint.Tests.Fixtures;

namespace ApimLint.Tests.Model;

public sealed class DeploymentModelTests
{
    private static Deployment Load(string fixture) => DeploymentLoader.Load(DeploymentInput.FromFolder(TestPaths.Fixture(fixture)));

    private static Deployment LoadWith(TempDirectory temp, params FixtureCase.Replacement[] replacements)
    {
        new FixtureCase { Base = "correct-same-host", Description = "", Replace = [.. replacements] }.Materialize(temp.Path);
        return DeploymentLoader.Load(DeploymentInput.FromFolder(temp.Path));
    }

    [Fact]
    public void Reads_each_node_s_facts_from_the_real_files()
    {
        var deployment = Load("example");
        var passive = deployment.Passive;

        Assert.Equal(0, deployment.Active.PortOffset);
        Assert.Equal(1, passive.PortOffset);
        Assert.Equal(9444, passive.Port(Ports.HttpsServlet));
        Assert.Equal(("192.168.10.1", "4001", true, true), (passive.Cluster!.LocalMemberHost!.Value, passive.Cluster.LocalMemberPort!.Value, passive.Cluster.IsEnabled, passive.Cluster.IsWka));
        Assert.Equal(["WSO2_CARBON_DB", "WSO2AM_DB", "WSO2GOV_DB", "WSO2UM_DB", "WSO2AM_STATS_DB", "WSO2_MB_STORE_DB", "WSO2_METRICS_DB"],
            passive.DataSources.Select(d => d.Name.Value));
        Assert.Equal(new JdbcUrl("mysql", "localhost", 3306, "apimgtdb"), passive.DataSourceByName("WSO2AM_DB")!.ParsedUrl);
        Assert.Equal("jdbc/WSO2UM_DB", passive.UserStore!.DataSource!.Value);
        Assert.Equal(["wso2registry", "wso2gov"], passive.Registry!.DbConfigs.Select(d => d.Name.Value));
        Assert.Equal(["wso2gov", "gov"], passive.Registry.Mounts.Select(m => m.InstanceId!.Value));
        Assert.Equal("https://localhost:9444/services/", passive.GatewayEnvironments.Single().ResolvedServerUrl);
        Assert.Equal(["repository/conf/jndi.properties", "repository/conf/jndi2.properties"], passive.JndiFiles.Keys);
        Assert.Equal("jmsEventPublisher2", passive.PeerThrottlePublishers.Single().Name!.Value);
        var broker = passive.Jndi("repository/conf/jndi2.properties")!.ConnectionFactories[0].Url!.Brokers.Single();
        Assert.Equal(("localhost", 5673), (broker.Host, broker.Port));
        Assert.Equal(["store", "publisher", "admin"], passive.Sites.Select(s => s.App));
        Assert.True(passive.Sites.All(s => s.IsReverseProxyEnabled));
        Assert.Equal(["/store", "/publisher", "/admin"], passive.Sites.Select(s => s.Context!.Value));
    }

    [Fact]
    public void Reads_nginx_upstreams_servers_and_locations()
    {
        var nginx = Load("example").Nginx;

        Assert.Equal(["manager-worker", "allnodes", "allnodes-traffic-http", "allnodes-traffic-https"], nginx.Upstreams.Select(u => u.Name.Value));
        var allnodes = nginx.Upstream("allnodes")!;
        Assert.Equal([("127.0.0.1", 9443, false), ("127.0.0.1", 9444, true)], allnodes.Servers.Select(s => (s.Host, s.Port!.Value, s.IsBackup)));
        var tls = nginx.Servers[0];
        Assert.Equal((443, false), (tls.Listens.Single().Port!.Value, tls.Listens.Single().Ssl));
        Assert.NotNull(tls.SslOn);
        var admin = tls.Locations.Single(l => l.Path.Value == "/admin");
        Assert.Equal(new ProxyTarget("https", "manager-worker", null, "/admin"), admin.Target);
        Assert.Equal(["/publisher", "/publisher"], admin.ProxyCookiePaths.Single().Arguments.Select(a => a.Value));
        Assert.True(tls.Locations.Single(l => l.Path.Value.StartsWith("^/store")).IsRegex);
    }

    [Fact]
    public void Shared_host_comes_from_the_advertised_member_hosts()
    {
        var topology = Load("correct-same-host").Topology;

        Assert.True(topology.SharedHost);
        Assert.Equal("both nodes advertise localMemberHost 192.168.10.1", topology.Evidence);
    }

    [Fact]
    public void Different_member_hosts_against_nginx_loopback_leave_the_topology_unknown()
    {
        using var temp = new TempDirectory();
        var deployment = LoadWith(temp, new FixtureCase.Replacement
        {
            File = "passive/repository/conf/axis2/axis2.xml",
            Find = "<parameter name=\"localMemberHost\">192.168.10.1</parameter>",
            With = "<parameter name=\"localMemberHost\">192.168.10.2</parameter>",
        });

        // nginx reaching both nodes through its own loopback says one host; the member hosts say two.
        Assert.Equal(HostSharing.Unknown, deployment.Topology.Sharing);
        Assert.True(deployment.Topology.Conflicting);
        Assert.Equal("192.168.10.2", deployment.MachineOf(deployment.Passive, "localhost"));
        Assert.Equal("192.168.10.1", deployment.MachineOf(deployment.Active, "127.0.0.1"));
    }

    [Fact]
    public void Without_routable_member_hosts_nginx_decides()
    {
        using var temp = new TempDirectory();
        var loopback = new[] { "active", "passive" }.Select(node => new FixtureCase.Replacement
        {
            File = $"{node}/repository/conf/axis2/axis2.xml",
            Find = "<parameter name=\"localMemberHost\">192.168.10.1</parameter>",
            With = "<parameter name=\"localMemberHost\">127.0.0.1</parameter>",
        }).ToArray();
        var deployment = LoadWith(temp, loopback);

        Assert.True(deployment.Topology.SharedHost);
        Assert.Equal("nginx upstream allnodes reaches the nodes at 127.0.0.1:9443 and 127.0.0.1:9444", deployment.Topology.Evidence);
    }

    [Fact]
    public void Secrets_never_show_their_value()
    {
        var passive = Load("example").Passive;

        var password = passive.DataSourceByName("WSO2AM_DB")!.Password!;
        Assert.Equal("********", password.ToString());
        Assert.True(password.IsOneOf("root"));
        Assert.True(passive.UserStore!.AdminPassword!.IsOneOf("admin"));
        Assert.Equal("********", $"{passive.Jndi("repository/conf/jndi.properties")!.ConnectionFactories[0].Url!.Password}");
    }
}
