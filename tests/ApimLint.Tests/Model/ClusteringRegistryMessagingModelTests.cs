using ApimLint.Loading;
using ApimLint.Model;
using ApimLint.Tests.Fixtures;

namespace ApimLint.Tests.Model;

/// <summary>The model facts the clustering, registry and throttle-publisher rules rest on.</summary>
public sealed class ClusteringRegistryMessagingModelTests
{
    private const string ActiveAxis2 = "active/repository/conf/axis2/axis2.xml";
    private const string PassiveAxis2 = "passive/repository/conf/axis2/axis2.xml";

    private static Deployment Load(string fixture) => DeploymentLoader.Load(DeploymentInput.FromFolder(TestPaths.Fixture(fixture)));

    private static Deployment LoadWith(TempDirectory temp, string fixture, params (string File, string Find, string With)[] replacements)
    {
        new FixtureCase
        {
            Base = fixture,
            Description = "",
            Replace = [.. replacements.Select(r => new FixtureCase.Replacement { File = r.File, Find = r.Find, With = r.With })],
        }.Materialize(temp.Path);
        return DeploymentLoader.Load(DeploymentInput.FromFolder(temp.Path));
    }

    [Fact]
    public void Clustering_without_an_enable_attribute_is_enabled_as_axis2_reads_it()
    {
        using var temp = new TempDirectory();
        var deployment = LoadWith(temp, "correct-same-host",
            (ActiveAxis2, "\n                enable=\"true\">", ">"),
            (PassiveAxis2, "enable=\"true\">", "enable=\" False \">"));

        Assert.False(deployment.Active.Cluster!.IsEnableWritten);
        Assert.True(deployment.Active.Cluster.IsEnabled);
        Assert.False(deployment.Passive.Cluster!.IsEnabled);
    }

    [Fact]
    public void Unwritten_scheme_domain_and_port_take_the_agent_s_defaults()
    {
        using var temp = new TempDirectory();
        var cluster = LoadWith(temp, "correct-same-host",
            (PassiveAxis2, "        <parameter name=\"membershipScheme\">wka</parameter>\n", ""),
            (PassiveAxis2, "        <parameter name=\"domain\">wso2.pub.store.domain</parameter>\n", ""),
            (PassiveAxis2, "        <parameter name=\"localMemberPort\">4001</parameter>\n", "")).Passive.Cluster!;

        Assert.Equal(("multicast", "apache.axis2.domain", 4000), (cluster.EffectiveMembershipScheme, cluster.EffectiveDomain, cluster.EffectiveLocalMemberPort));
    }

    [Theory]
    [InlineData("192.168.10.2", false, null)]
    [InlineData("10.0.0.1", false, null)]
    [InlineData("fe80::1", false, null)]
    [InlineData("127.0.0.1", false, "is the loopback address 127.0.0.1")]
    [InlineData("localhost", false, "is the loopback address localhost")]
    [InlineData("apim2.example.com", false, "is the host name apim2.example.com, not an IP address")]
    [InlineData("192.168.10", false, "is the host name 192.168.10, not an IP address")]
    [InlineData("127.0.0.1", true, null)]
    [InlineData("apim2.example.com", true, null)]
    public void Member_host_is_reachable_from_another_host_only_as_a_routable_ip(string host, bool sharedHost, string? reason)
    {
        using var temp = new TempDirectory();
        var cluster = LoadWith(temp, "correct-two-hosts",
            (PassiveAxis2, "<parameter name=\"localMemberHost\">192.168.10.2</parameter>", $"<parameter name=\"localMemberHost\">{host}</parameter>")).Passive.Cluster!;

        Assert.Equal(reason, cluster.HostUnreachableReason(sharedHost));
    }

    [Fact]
    public void Local_member_ports_collide_only_on_one_host()
    {
        using var temp = new TempDirectory();
        var sameHost = LoadWith(temp, "correct-same-host",
            (PassiveAxis2, "<parameter name=\"localMemberPort\">4001</parameter>", "<parameter name=\"localMemberPort\">4000</parameter>"));

        Assert.True(sameHost.LocalMemberPortsCollide);
        Assert.False(Load("correct-same-host").LocalMemberPortsCollide);
        Assert.False(Load("correct-two-hosts").LocalMemberPortsCollide);
    }

    [Fact]
    public void Registry_finds_mounts_remote_instances_and_the_mounts_through_them()
    {
        var registry = Load("example").Passive.Registry!;

        Assert.Equal("gov", registry.Mount("/_system/config/")!.InstanceId!.Value);
        Assert.Null(registry.RemoteInstance("gov"));
        var instance = registry.RemoteInstance("wso2gov")!;
        Assert.Null(instance.CacheId);
        Assert.False(instance.IsReadOnly);
        Assert.Equal(["/_system/governance"], registry.MountsThrough(instance).Select(m => m.Path!.Value));
    }

    [Fact]
    public void Publishers_know_their_jndi_file_destination_and_factory()
    {
        var passive = Load("correct-same-host").Passive;

        var peer = passive.EventPublishers.Single(p => p.Name?.Value == "jmsEventPublisher2");
        Assert.True(peer.IsJmsToOtherBroker);
        Assert.Equal(("repository/conf/jndi2.properties", "throttleData", "topic", "TopicConnectionFactory"),
            (peer.JndiFileName, peer.Destination!.Value, peer.DestinationType!.Value, peer.ConnectionFactoryName!.Value));
        Assert.DoesNotContain(passive.EventPublishers, p => p.Name?.Value == "jmsEventPublisher" && p.IsJmsToOtherBroker);

        var jndi2 = passive.Jndi(peer.JndiFileName!)!;
        Assert.Equal("throttleData", jndi2.Topic("throttleData")!.Value);
        Assert.Null(jndi2.Topic("throttledata"));
        Assert.NotNull(jndi2.ConnectionFactory("TopicConnectionFactory"));
        Assert.Null(jndi2.ConnectionFactory("PeerTopicConnectionFactory"));
    }
}
