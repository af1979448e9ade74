using ApimLint.Diagnostics;
using ApimLint.Engine;
using ApimLint.Model;
using ApimLint.Model.Servers;

namespace ApimLint.Rules.Gateway;

public sealed class EventHubUnreached : Rule
{
    private const string Enable = "apim.event_hub.enable";
    private const string ListeningEndpoints = "apim.event_hub.event_listening_endpoints";

    public override RuleDescriptor Descriptor { get; } = new(
        "APIM521", "event-hub-unreached", RuleCategory.Gateway, Severity.Error,
        "Each gateway and traffic manager of a deployment with control planes must enable the event hub and listen to every control plane's broker.",
        """
        ## What it does
        In a deployment with control-plane nodes, checks each gateway and traffic manager:
        - `[apim.event_hub] enable` must not be false;
        - `[apim.event_hub] event_listening_endpoints` must reach the broker of every control plane (port 5672
          plus that control plane's offset). It reports each control plane missing. Without the key, the node
          listens to a broker on its own machine, which is no control plane's unless one shares that machine
          (then it says nothing).
        An address apimlint cannot tie to a node (a load balancer, a name apimlint.json does not give) may reach
        any control plane: then it says nothing about that node.

        ## Why it matters
        From 4.0 on, the control plane tells gateways and traffic managers through its event hub what changed:
        APIs deployed and undeployed, revoked tokens, new subscriptions and applications, throttle policies. A
        node that does not listen never learns of them: new APIs are not served, revoked tokens keep working.
        The node connects to one of the brokers it lists and moves to another when that one fails, and the
        control planes copy their events into each other's brokers (`event_duplicate_url`); a node that lists
        only one control plane receives nothing while that one is down. WSO2's distributed guide lists every
        control plane on each gateway and traffic manager
        (apim.docs.wso2.com/en/4.5.0/install-and-setup/setup/distributed-deployment/deploying-wso2-api-m-in-a-distributed-setup/).

        ## Example
        On a gateway, with control planes cp1 (10.0.2.11) and cp2 (10.0.2.12):
        ```toml
        [apim.event_hub]
        enable = true
        service_url = "https://api.am.wso2.com/services/"
        event_listening_endpoints = ["tcp://10.0.2.11:5672"]
        ```

        ## How to fix
        Enable the event hub and list every control plane's broker:
        ```toml
        event_listening_endpoints = ["tcp://10.0.2.11:5672", "tcp://10.0.2.12:5672"]
        ```
        """) { Versions = VersionRange.ApiManager4AndLater };

    public override IEnumerable<Diagnostic> Check(Deployment deployment)
    {
        var controlPlanes = deployment.Servers.Where(s => s.Role == ServerRole.ControlPlane && s.PortsKnown).ToList();
        if (controlPlanes.Count == 0) yield break;
        foreach (var node in deployment.Servers.Where(n => n.Role is ServerRole.Gateway or ServerRole.TrafficManager && n.Settings.Known))
        {
            if (node.Settings.Get(Enable) is { AsBoolean: false } enable)
            {
                yield return Report(enable.Location,
                    $"{node.Name}'s {Enable} is {enable.Written}: {node.Name} never hears from the control planes ({string.Join(", ", controlPlanes.Select(c => c.Name))}) " +
                    "of APIs deployed, tokens revoked or subscriptions made; set it to true and list every control plane's broker in event_listening_endpoints",
                    ServerEndpoints.Key(node, Enable));
                continue;
            }
            foreach (var finding in ControlPlanesMissing(deployment, node, controlPlanes)) yield return finding;
        }
    }

    private IEnumerable<Diagnostic> ControlPlanesMissing(Deployment deployment, ServerNode node, IReadOnlyList<ServerNode> controlPlanes)
    {
        var written = node.Settings.IsWritten(ListeningEndpoints) ? node.Settings.Get(ListeningEndpoints) : null;
        // Without the key the node listens on its own machine: a control plane sharing it may be the one.
        if (written is null && controlPlanes.Any(c => SharesMachine(node, c))) yield break;
        var items = deployment.Reaches(node, written, ServerPorts.Jms);
        if (items.Any(i => i.Reach.Kind == ReachKind.Unknown)) yield break;
        var listensToOne = controlPlanes.Any(c => items.Any(i => i.ReachesNode(c)));
        foreach (var controlPlane in controlPlanes.Where(c => !items.Any(i => i.ReachesNode(c))))
        {
            var broker = ServerEndpoints.Address(controlPlane, "tcp", ServerPorts.Jms);
            yield return Report(written?.Location ?? node.Settings.PlaceFor(ListeningEndpoints),
                written is null
                    ? $"{node.Name}'s {ListeningEndpoints} is not set, so {node.Name} listens to a broker on its own machine, not {controlPlane.Name}'s: " +
                      $"it never receives the event hub's events (APIs deployed, tokens revoked); list every control plane's broker, {broker} among them"
                    : listensToOne
                        ? $"{node.Name}'s {ListeningEndpoints} {ServerEndpoints.Written(written)} does not reach {controlPlane.Name}'s broker: {node.Name} cannot " +
                          $"fall back to {controlPlane.Name}, and receives no event hub event while the brokers it lists are down; add {broker}"
                        : $"{node.Name}'s {ListeningEndpoints} {ServerEndpoints.Written(written)} reaches no control plane's broker, not {controlPlane.Name}'s: " +
                          $"{node.Name} never receives the event hub's events (APIs deployed, tokens revoked); add {broker}",
                ServerEndpoints.Key(node, $"{ListeningEndpoints}:{controlPlane.Name}"));
        }
    }

    private static bool SharesMachine(ServerNode a, ServerNode b) =>
        a.Override.Host is not { } host || b.Override.Host is not { } other || Hosts.SameAddress(host, other);
}
