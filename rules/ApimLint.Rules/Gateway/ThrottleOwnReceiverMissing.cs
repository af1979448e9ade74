using ApimLint.Diagnostics;
using ApimLint.Engine;
using ApimLint.Model;

namespace ApimLint.Rules.Gateway;

public sealed class ThrottleOwnReceiverMissing : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "APIM507", "throttle-own-receiver-missing", RuleCategory.Gateway, Severity.Error,
        "A ReceiverUrlGroup that sends throttle events to the peer's Traffic Manager must send them to the node's own too, whose decisions its gateway hears.",
        """
        ## What it does
        Reads api-manager.xml's `ThrottlingConfigurations` `ReceiverUrlGroup` (under `TrafficManager`, or
        `DataPublisher` before API-M 2.2) as the data agent reads it, and reports a node whose groups deliver
        every throttle event to the peer's Traffic Manager but none to its own, while its JMS listener
        (`JMSConnectionParameters`, the first broker of its `brokerlist`) connects to its own broker.

        How the data agent reads the setting (WSO2 DAS 3.1.0 "Setting up Multi Receiver and Load Balancing
        Data Agent"; `DataPublisherUtil.getEndpointGroups` in wso2/carbon-analytics-common):
        - `{tcp://a:9611},{tcp://b:9611}`: every group receives every event.
        - `tcp://a:9611,tcp://b:9611` inside one group: the events are balanced, each reaches one of them.
        - `tcp://a:9611|tcp://b:9611` inside one group: fail-over, each event reaches one of them.
        - When the setting holds any `{…}` group, only the groups are read: a URL written outside the braces
          is dropped without a word.

        `${carbon.local.ip}`, `localhost` and the node's own names are the node itself (on a shared host the
        port tells the two apart); any other name counts as another Traffic Manager, since apimlint cannot
        resolve names. A placeholder apimlint cannot fill in keeps the rule silent.

        ## Why it matters
        Each Traffic Manager publishes its throttle decisions to its own broker, and the gateway's JMS
        listener connects to the first broker of its brokerlist (the others are only where the AMQP client
        fails over to: Apache Qpid "Connection URL Format", `failover`). A node whose own Traffic Manager
        never receives its events throttles on the peer's traffic alone: its own requests are never
        counted.

        ## Example
        As WSO2's Helm chart for API-M 2.6.0 (am-pattern-1) writes it, the node's own URL outside the braces:
        ```xml
        <ReceiverUrlGroup>tcp://${carbon.local.ip}:${receiver.url.port},{tcp://wso2am-pattern-1-am-2-service:9611}</ReceiverUrlGroup>
        ```

        ## How to fix
        Put each URL in its own group, in `ReceiverUrlGroup` and `AuthUrlGroup` alike (the data agent refuses
        a different number of groups in the two):
        ```xml
        <ReceiverUrlGroup>{tcp://${carbon.local.ip}:${receiver.url.port}},{tcp://wso2am-pattern-1-am-2-service:9611}</ReceiverUrlGroup>
        <AuthUrlGroup>{ssl://${carbon.local.ip}:${auth.url.port}},{ssl://wso2am-pattern-1-am-2-service:9711}</AuthUrlGroup>
        ```
        """);

    public override IEnumerable<Diagnostic> Check(Deployment deployment)
    {
        foreach (var node in deployment.Nodes)
        {
            if (node.Throttling is not { ReceiverUrlGroup: { } setting, Receivers: { } receivers, ListenerConnectionFactory: { } listener } throttling) continue;
            var reach = ReceiverReach.Of(deployment, node);
            if (!reach.Peer || reach.Own || reach.Unknown) continue;
            if (throttling.ListenerBroker is not { } broker || ReceiverReach.Names(deployment, node, broker, Ports.Broker, listener.Location) != Reach.Own) continue;
            var peer = deployment.PeerOf(node);
            var dropped = receivers.IgnoredText is { } ignored
                ? $"; {ignored} lies outside the {{…}} groups, and the data agent reads only the groups"
                : "";
            yield return Report(setting.Location,
                $"{node.Name}'s ReceiverUrlGroup sends every throttle event to {peer.Name}'s Traffic Manager but not to {node.Name}'s own, " +
                $"whose broker {node.Name}'s gateway listens to ({broker}): {node.Name}'s own requests are never counted{dropped}",
                Key(node, node.ApiManagerXml, "ThrottlingConfigurations/ReceiverUrlGroup"),
                [new RelatedLocation(listener.Location, $"{node.Name}'s JMS listener")]);
        }
    }
}
