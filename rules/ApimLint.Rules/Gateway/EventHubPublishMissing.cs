using ApimLint.Diagnostics;
using ApimLint.Engine;
using ApimLint.Model;
using ApimLint.Model.Servers;

namespace ApimLint.Rules.Gateway;

public sealed class EventHubPublishMissing : Rule
{
    private const string Groups = "apim.event_hub.publish.url_group";

    public override RuleDescriptor Descriptor { get; } = new(
        "APIM525", "event-hub-publish-missing", RuleCategory.Gateway, Severity.Error,
        "Each control plane of a group must publish its events to every control plane's event hub: one [[apim.event_hub.publish.url_group]] for each.",
        """
        ## What it does
        On each control plane of a group of two or more that writes `[[apim.event_hub.publish.url_group]]`
        tables, checks that their `urls` reach every control plane of the group, itself included (the
        event receiver, 9611 plus the node's offset), and reports each control plane none reaches. A
        control plane that writes no such table, or one whose urls name an address apimlint cannot tie to
        a node, is left alone.

        ## Why it matters
        The control plane publishes what gateways and traffic managers must learn (API deployments,
        revoked tokens, changed policies) to the event hubs it lists. WSO2's distributed deployment guide
        gives each control plane one url_group per control plane: "each event hub has to publish events
        to both event streams". A control plane missing from the list never hears the events its peer
        handles, and the gateways listening to it miss them: revoked tokens keep working through them
        ([Deploying API-M in a distributed setup](https://apim.docs.wso2.com/en/4.4.0/install-and-setup/setup/distributed-deployment/deploying-wso2-api-m-in-a-distributed-setup/)).

        ## Example
        cp1 has only
        ```toml
        [[apim.event_hub.publish.url_group]]
        urls = ["tcp://cp1:9611"]
        auth_urls = ["ssl://cp1:9711"]
        ```

        ## How to fix
        Add a url_group for each other control plane, on every control plane:
        ```toml
        [[apim.event_hub.publish.url_group]]
        urls = ["tcp://cp2:9611"]
        auth_urls = ["ssl://cp2:9711"]
        ```
        """) { Versions = VersionRange.ApiManager4AndLater };

    public override IEnumerable<Diagnostic> Check(Deployment deployment)
    {
        foreach (var node in deployment.Servers.Where(n => n.Role == ServerRole.ControlPlane && n.Settings.Known))
        {
            var groups = node.Settings.TablePaths(Groups);
            var peers = deployment.PeersOf(node);
            if (groups.Count == 0 || peers.Count == 0) continue;
            var reaches = groups.SelectMany(g => deployment.Reaches(node, node.Settings.Get($"{g}.urls"), ServerPorts.ThrottleReceiver)).ToList();
            if (reaches.Any(r => r.Reach.Kind == ReachKind.Unknown)) continue;
            var at = node.Settings.Get($"{groups[0]}.urls")?.Location ?? node.Settings.PlaceFor($"{groups[0]}.urls");
            foreach (var target in peers.Prepend(node).Where(t => !reaches.Any(r => r.ReachesNode(t))))
                yield return Report(at,
                    $"{node.Name}'s [[{Groups}]] urls reach no event hub of {target.Name}: " +
                    (target == node ? $"the gateways listening to {node.Name} miss the events it handles" : $"{target.Name} and the gateways listening to it never hear the events {node.Name} handles") +
                    $"; add a url_group with urls = [\"{ServerEndpoints.Address(target, "tcp", ServerPorts.ThrottleReceiver)}\"]",
                    ServerEndpoints.Key(node, $"{Groups}#{target.Name}"));
        }
    }
}
