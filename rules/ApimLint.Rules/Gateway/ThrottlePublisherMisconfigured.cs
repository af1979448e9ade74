using ApimLint.Diagnostics;
using ApimLint.Engine;
using ApimLint.Model;
using ApimLint.Syntax.Properties;
using ApimLint.Text;

namespace ApimLint.Rules.Gateway;

public sealed class ThrottlePublisherMisconfigured : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "APIM505", "throttle-publisher-misconfigured", RuleCategory.Gateway, Severity.Error,
        "A JMS throttle publisher must publish org.wso2.throttle.globalThrottle.stream 1.0.0 to the throttleData topic, through a connection factory and topic its JNDI file defines.",
        """
        ## What it does
        Checks each node's JMS throttle publishers in repository/deployment/server/eventpublishers/:
        the publishers of `org.wso2.throttle.globalThrottle.stream`, and every JMS publisher that reads a
        JNDI file other than the node's own jndi.properties (one written to reach the peer, like the
        guide's jmsEventPublisher2.xml). It reports
        - a publisher to the peer whose `<from>` is not `org.wso2.throttle.globalThrottle.stream`
          version `1.0.0`;
        - a `transport.jms.DestinationType` other than `topic` or a `transport.jms.Destination` other
          than `throttleData`;
        - a `transport.jms.ConnectionFactoryJNDIName` with no `connectionfactory.NAME` entry, or a
          missing `topic.throttleData` entry (or one naming another physical topic), in the JNDI file
          the publisher's `java.naming.provider.url` names. A missing entry is reported once per file,
          at the first publisher that looks it up. A missing file is APIM502's finding.

        ## Why it matters
        The gateways of both nodes subscribe to the `throttleData` topic for the decisions of the
        Traffic Manager's global throttle stream. The guide's jmsEventPublisher2.xml is a copy of the
        pack's jmsEventPublisher.xml with another JNDI file; a copy made from the wrong file (the
        blocking or key-template publisher, or jmsEventPublisher_1.10.0.xml with stream version 1.1.0),
        a mistyped destination, or a jndi2.properties without the guide's `topic.throttleData` line
        leaves the publisher undeployed or publishing what no gateway reads: the peer never learns of
        throttled keys, and after failover the limits already reached start from nothing.
        ([product-apim#8040](https://github.com/wso2/product-apim/issues/8040), [docs-apim PR 1352](https://github.com/wso2/docs-apim/pull/1352).)

        ## Example
        jmsEventPublisher2.xml copied from jmsEventPublisher_1.10.0.xml:
        ```xml
        <from streamName="org.wso2.throttle.globalThrottle.stream" version="1.1.0"/>
        ```

        ## How to fix
        Write the publisher as the guide does: `<from streamName="org.wso2.throttle.globalThrottle.stream"
        version="1.0.0"/>`, `transport.jms.DestinationType` `topic`, `transport.jms.Destination`
        `throttleData`, `transport.jms.ConnectionFactoryJNDIName` `TopicConnectionFactory`, and make its
        JNDI file define both names:
        ```properties
        connectionfactory.TopicConnectionFactory = amqp://admin:admin@clientid/carbon?brokerlist='tcp://localhost:5672'
        topic.throttleData = throttleData
        ```
        """);

    public override IEnumerable<Diagnostic> Check(Deployment deployment)
    {
        foreach (var node in deployment.Nodes)
        {
            var publishers = node.EventPublishers.Where(p => p.IsJms && (p.PublishesGlobalThrottleStream || p.IsJmsToOtherBroker)).ToList();
            var lookups = new List<Lookup>();
            foreach (var publisher in publishers)
            {
                foreach (var finding in CheckPublisher(node, publisher, lookups)) yield return finding;
            }
            foreach (var finding in CheckLookups(node, lookups)) yield return finding;
        }
    }

    /// <summary>A JNDI name a publisher looks up in a file: reported once per file and name.</summary>
    private sealed record Lookup(JndiFile File, string Kind, string Name, EventPublisher Publisher, Located<string> Property, PropertyEntrySyntax? Entry);

    private sealed record LookupKey(string File, string Kind, string Name);

    private IEnumerable<Diagnostic> CheckPublisher(Node node, EventPublisher publisher, List<Lookup> lookups)
    {
        var startTag = Location.InFile(publisher.Element.Source, publisher.Element.StartTagSpan);
        string Path(string property) => $"/eventPublisher/to/property[@name='{property}']";

        if (publisher.IsJmsToOtherBroker
            && (publisher.StreamName?.Value != EventPublisher.GlobalThrottleStream || publisher.StreamVersion?.Value != EventPublisher.GlobalThrottleStreamVersion))
        {
            var location = publisher.StreamName?.Value == EventPublisher.GlobalThrottleStream
                ? publisher.StreamVersion?.Location ?? publisher.StreamName.Location
                : publisher.StreamName?.Location ?? startTag;
            yield return Report(location,
                $"{node.Name}'s event publisher {publisher.DisplayName} publishes {Stream(publisher)} through {publisher.JndiFileName}; " +
                $"a throttle publisher must publish {EventPublisher.GlobalThrottleStream} {EventPublisher.GlobalThrottleStreamVersion}",
                Key(node, publisher.File, "/eventPublisher/from"));
        }

        var type = publisher.DestinationType;
        if (type is null || !type.Value.Equals("topic", StringComparison.OrdinalIgnoreCase))
            yield return Report(type?.Location ?? startTag,
                $"{node.Name}'s event publisher {publisher.DisplayName} " +
                (type is null ? $"sets no {EventPublisher.DestinationTypeProperty}" : $"has {EventPublisher.DestinationTypeProperty} '{type.Value}'") +
                "; throttle events go to a topic: it should be 'topic'",
                Key(node, publisher.File, Path(EventPublisher.DestinationTypeProperty)));

        var destination = publisher.Destination;
        var destinationOk = destination?.Value == EventPublisher.ThrottleTopic;
        if (!destinationOk)
            yield return Report(destination?.Location ?? startTag,
                $"{node.Name}'s event publisher {publisher.DisplayName} " +
                (destination is null ? $"sets no {EventPublisher.DestinationProperty}" : $"publishes to destination '{destination.Value}'") +
                $", but the gateways read throttle decisions from '{EventPublisher.ThrottleTopic}'",
                Key(node, publisher.File, Path(EventPublisher.DestinationProperty)));

        // What the JNDI file must define; a file that is missing is APIM502's finding.
        if (publisher.JndiFileName is not { } fileName || node.Jndi(fileName) is not { } jndi) yield break;
        if (publisher.ConnectionFactoryName is not { } factory)
            yield return Report(startTag,
                $"{node.Name}'s event publisher {publisher.DisplayName} sets no {EventPublisher.ConnectionFactoryProperty}; " +
                $"it should name a connection factory of {fileName}, e.g. TopicConnectionFactory",
                Key(node, publisher.File, Path(EventPublisher.ConnectionFactoryProperty)));
        else if (jndi.ConnectionFactory(factory.Value) is null)
            lookups.Add(new Lookup(jndi, "connectionfactory", factory.Value, publisher, factory, null));
        if (destinationOk)
            lookups.Add(new Lookup(jndi, "topic", destination!.Value, publisher, destination, jndi.Topic(destination.Value)));
    }

    private IEnumerable<Diagnostic> CheckLookups(Node node, List<Lookup> lookups)
    {
        // A JNDI file that does not parse is APIM001's; what it would define is unknown.
        foreach (var group in lookups.Where(l => l.File.File.Error is null).GroupBy(l => new LookupKey(l.File.File.RelativePath, l.Kind, l.Name)))
        {
            var first = group.First();
            var file = first.File.File.RelativePath;
            var key = Key(node, first.File.File, $"{first.Kind}.{first.Name}");
            var readers = string.Join(", ", group.Select(l => l.Publisher.DisplayName).Distinct());
            var others = group.Skip(1).Select(l => new RelatedLocation(l.Property.Location, $"{node.Name}'s event publisher {l.Publisher.DisplayName}"))
                .Append(new RelatedLocation(first.File.File.WholeFile, $"{node.Name}'s {file}")).ToArray();
            if (first.Kind == "connectionfactory")
            {
                var defined = first.File.ConnectionFactories.Select(c => c.Name).ToList();
                yield return Report(first.Property.Location,
                    $"{node.Name}'s {file} defines no connectionfactory.{first.Name}, which event publisher{(others.Length > 1 ? "s" : "")} {readers} look{(others.Length > 1 ? "" : "s")} up; " +
                    (defined.Count == 0 ? "it defines no connection factory" : "it defines " + string.Join(", ", defined)),
                    key, others);
            }
            else if (first.Entry is null)
            {
                yield return Report(first.Property.Location,
                    $"{node.Name}'s {file} defines no topic.{first.Name}, which event publisher{(others.Length > 1 ? "s" : "")} {readers} look{(others.Length > 1 ? "" : "s")} up; " +
                    $"add topic.{first.Name} = {EventPublisher.ThrottleTopic}",
                    key, others);
            }
            else if (first.Entry.Value != EventPublisher.ThrottleTopic)
            {
                var entry = first.Entry;
                yield return Report(Location.InFile(entry.Source, entry.ValueSpan),
                    $"{node.Name}'s {file} maps topic.{first.Name} to the physical topic '{entry.Value}', but the gateways read '{EventPublisher.ThrottleTopic}'",
                    key);
            }
        }
    }

    private static string Stream(EventPublisher publisher) =>
        publisher.StreamName is null ? "no stream" : $"{publisher.StreamName.Value} {publisher.StreamVersion?.Value ?? "(no version)"}";
}
