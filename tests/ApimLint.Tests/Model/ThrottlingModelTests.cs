using ApimLint.Loading;
using ApimLint.Model;
using ApimLint.Rules.Gateway;
using ApimLint.Tests.Fixtures;
using ApimLint.Text;

namespace ApimLint.Tests.Model;

/// <summary>api-manager.xml's ThrottlingConfigurations as the data agent and the JMS listener read them, and what APIM504 offers on them.</summary>
public sealed class ThrottlingModelTests
{
    private const string Own = "tcp://${carbon.local.ip}:${receiver.url.port}";

    public static TheoryData<string, string, string?> ReceiverSets => new()
    {
        // setting; its groups (sole receiver, or "*" for a group delivering each event to one of several, "!" unreadable); the text dropped
        { Own, Own, null },
        { "{" + Own + "}, {tcp://wso2apim-worker:9611}", Own + " ; tcp://wso2apim-worker:9611", null },
        { Own + ",{tcp://wso2am-pattern-1-am-2-service:9611}", "tcp://wso2am-pattern-1-am-2-service:9611", Own },
        { "{" + Own + "|tcp://peer:9611}", "*", null },
        { "tcp://a:9611,tcp://b:9611", "*", null },
        { "{tcp://a:9611,tcp://b:9611|tcp://c:9611},{tcp://d:9611}", "! ; tcp://d:9611", null },
        { "{}", "!", null },
    };

    [Theory]
    [MemberData(nameof(ReceiverSets))]
    public void Receiver_url_group_is_read_as_the_data_agent_reads_it(string setting, string groups, string? ignored)
    {
        var set = ReceiverUrlSet.Parse(new Located<string>(setting, Location.WholeFile("api-manager.xml")));

        Assert.Equal(groups, string.Join(" ; ", set.Groups.Select(g => g.Invalid ? "!" : g.SoleReceiver ?? "*")));
        Assert.Equal(ignored, set.IgnoredText);
    }

    [Theory]
    [InlineData("realworld-kubernetes-apim-2.1.0-pattern-1", "{tcp://${carbon.local.ip}:${receiver.url.port}}, {tcp://wso2apim-worker:9611}", "tcp://localhost:5672")]
    [InlineData("realworld-kubernetes-apim-2.6.0-am-pattern-1", "tcp://${carbon.local.ip}:${receiver.url.port},{tcp://wso2am-pattern-1-am-2-service:9611}", "tcp://${carbon.local.ip}:${jms.port}")]
    public void Receivers_are_read_under_data_publisher_before_2_2_and_traffic_manager_after(string fixture, string receivers, string listenerBroker)
    {
        var active = DeploymentLoader.Load(DeploymentInput.FromFolder(TestPaths.Fixture(fixture))).Active;

        Assert.Equal((receivers, listenerBroker), (active.Throttling!.ReceiverUrlGroup!.Value, active.Throttling.ListenerBroker));
    }

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, false)]
    public void Peer_publisher_fix_is_offered_only_when_its_jndi2_properties_exists_or_is_created(bool ownJndiMissing, bool offered)
    {
        using var temp = new TempDirectory();
        new FixtureCase
        {
            Base = "correct-two-hosts",
            Description = "",
            Delete = ["active/repository/conf/jndi2.properties", "active/repository/deployment/server/eventpublishers/jmsEventPublisher2.xml",
                .. ownJndiMissing ? new[] { "active/repository/conf/jndi.properties" } : []],
        }.Materialize(temp.Path);
        var deployment = DeploymentLoader.Load(DeploymentInput.FromFolder(temp.Path));

        var finding = Assert.Single(new ThrottlePeerPublisherMissing().Check(deployment));
        Assert.Equal(offered, finding.Fix is not null);
    }
}
