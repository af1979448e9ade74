using ApimLint.Diagnostics;
using ApimLint.Engine;
using ApimLint.Model;
using ApimLint.Text;

namespace ApimLint.Rules.Gateway;

public sealed class ThrottlePeerPublisherMissing : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "APIM504", "throttle-peer-publisher-missing", RuleCategory.Gateway, Severity.Error,
        "Each node needs a JMS event publisher of the global throttle stream to its peer's broker (the guide's jmsEventPublisher2.xml), unless its ReceiverUrlGroup sends every event to the peer's Traffic Manager.",
        """
        ## What it does
        Checks that each node has, in repository/deployment/server/eventpublishers/, a JMS event
        publisher for the stream `org.wso2.throttle.globalThrottle.stream` whose
        `java.naming.provider.url` names a JNDI file other than the node's own jndi.properties. A JMS
        publisher to another JNDI file that publishes another stream is APIM505's finding, not this one.
        It stays silent when api-manager.xml's `ReceiverUrlGroup` already sends every throttle event to
        the peer's Traffic Manager in a `{…}` group of its own (see APIM502 for which groups count, and
        APIM507 for such a group that leaves out the node's own Traffic Manager).

        ## Why it matters
        The shipped jmsEventPublisher.xml publishes throttle events only to the node's own broker. The
        guide adds jmsEventPublisher2.xml so that each node's Traffic Manager also tells the other;
        without it the nodes throttle independently and after failover the passive has no record of the
        limits already consumed. ([product-apim#8040](https://github.com/wso2/product-apim/issues/8040),
        [docs-apim PR 1352](https://github.com/wso2/docs-apim/pull/1352).)

        ## Example
        eventpublishers/ holds only the four files the pack ships.

        ## How to fix
        Create repository/deployment/server/eventpublishers/jmsEventPublisher2.xml as the guide writes
        it, with `<property name="java.naming.provider.url">repository/conf/jndi2.properties</property>`.

        Or send every throttle event to both Traffic Managers from api-manager.xml, one group each:
        `<ReceiverUrlGroup>{tcp://${carbon.local.ip}:${receiver.url.port}},{tcp://peer:9611}</ReceiverUrlGroup>`
        and `<AuthUrlGroup>{ssl://${carbon.local.ip}:${auth.url.port}},{ssl://peer:9711}</AuthUrlGroup>`.

        Fix (safe): `apimlint --fix` creates jmsEventPublisher2.xml exactly as the guide writes it when
        the node has the jndi2.properties it reads or APIM502's fix creates it; otherwise it offers none,
        since a publisher reading a missing file only fails.
        """) { Fix = FixSafety.Safe };

    private const string PublisherFile = "repository/deployment/server/eventpublishers/jmsEventPublisher2.xml";

    private static string PublisherPath(Node node) => Path.Combine(node.Home, PublisherFile);

    /// <summary>The guide's jmsEventPublisher2.xml, word for word.</summary>
    private const string GuidePublisher = """
        <?xml version="1.0" encoding="UTF-8"?>
        <eventPublisher name="jmsEventPublisher2" statistics="disable" trace="disable" xmlns="http://wso2.org/carbon/eventpublisher">
          <from streamName="org.wso2.throttle.globalThrottle.stream" version="1.0.0"/>
          <mapping customMapping="disable" type="map"/>
          <to eventAdapterType="jms">
            <property name="java.naming.factory.initial">org.wso2.andes.jndi.PropertiesFileInitialContextFactory</property>
            <property name="java.naming.provider.url">repository/conf/jndi2.properties</property>
            <property name="transport.jms.DestinationType">topic</property>
            <property name="transport.jms.Destination">throttleData</property>
            <property name="transport.jms.ConcurrentPublishers">allow</property>
            <property name="transport.jms.ConnectionFactoryJNDIName">TopicConnectionFactory</property>
          </to>
        </eventPublisher>

        """;

    public override IEnumerable<Diagnostic> Check(Deployment deployment)
    {
        foreach (var node in deployment.Nodes)
        {
            // A JMS publisher to another broker that publishes the wrong stream is APIM505's finding.
            if (node.EventPublishers.Any(p => p.IsJmsToOtherBroker)) continue;
            // The ReceiverUrlGroup already sends every throttle event to the peer's Traffic Manager (or may: unknown).
            if (ReceiverReach.Of(deployment, node).PeerOrUnknown) continue;
            var peer = deployment.PeerOf(node);
            var own = node.ThrottlePublishers.FirstOrDefault();
            var location = own?.Name?.Location ?? Location.WholeFile(PublisherPath(node));
            var related = peer.PeerThrottlePublishers.FirstOrDefault() is { } model
                ? new[] { new RelatedLocation(model.Element.Location with { Span = model.Element.StartTagSpan }, $"{peer.Name}'s publisher to its peer") }
                : [];
            yield return Report(location,
                $"{node.Name} has no JMS event publisher of {EventPublisher.GlobalThrottleStream} to {peer.Name}'s broker " +
                $"(the guide's jmsEventPublisher2.xml reading {Node.PeerJndiFile}), and no ReceiverUrlGroup group sends its throttle events to {peer.Name}'s Traffic Manager",
                $"{node.Name}:repository/deployment/server/eventpublishers#peer-throttle-publisher", related)
                with { Fix = PeerJndiAvailable(deployment, node) ? new Fix("Create jmsEventPublisher2.xml as the guide writes it", FixSafety.Safe, [], [new FileCreation(PublisherPath(node), GuidePublisher)]) : null };
        }
    }

    /// <summary>The jndi2.properties the guide's publisher reads exists, or APIM502's fix creates it: never a publisher reading a missing file.</summary>
    private static bool PeerJndiAvailable(Deployment deployment, Node node) =>
        node.Jndi(Node.PeerJndiFile) is not null || PeerBroker.CreatePeerJndi(deployment, node, Node.PeerJndiFile) is not null;
}
