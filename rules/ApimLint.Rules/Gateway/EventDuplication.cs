using ApimLint.Model;
using ApimLint.Model.Servers;

namespace ApimLint.Rules.Gateway;

/// <summary>
/// Where a 3.x/4.x node copies the events its broker receives (throttle decisions, and on a 4.x control plane the
/// event hub's events): carbon-apimgt's jndi2-cp.properties.j2 lists <c>apim.event_hub.event_duplicate_url</c> when
/// written, else <c>apim.throttling.event_duplicate_url</c>; with neither, the node copies to its own broker only.
/// </summary>
internal static class EventDuplication
{
    public const string EventHubKey = "apim.event_hub.event_duplicate_url";
    public const string ThrottlingKey = "apim.throttling.event_duplicate_url";

    private static readonly ProductVersion FirstEventHubRelease = new(4, 0, 0);

    /// <summary>
    /// The nodes that must copy their broker's events to their group's peers: traffic managers (and all-in-one nodes),
    /// and 4.x control planes, whose event hub gateways listen to; only in a group of two or more, and only nodes whose
    /// deployment.toml was read.
    /// </summary>
    public static IEnumerable<(ServerNode Node, IReadOnlyList<ServerNode> Peers)> Duplicating(Deployment deployment) =>
        deployment.Servers
            .Where(n => n.Settings.Known && (n.Role.RunsTrafficManager() || n.Role == ServerRole.ControlPlane && deployment.ProductVersion >= FirstEventHubRelease))
            .Select(n => (n, deployment.PeersOf(n)))
            .Where(g => g.Item2.Count > 0);

    /// <summary>The key the node's list comes from: the event hub's when written, else the throttling one (where a finding about an absent list points).</summary>
    public static string KeyOf(ServerNode node) =>
        node.Settings.IsWritten(EventHubKey) ? EventHubKey
        : node.Settings.IsWritten(ThrottlingKey) || node.Role != ServerRole.ControlPlane ? ThrottlingKey
        : EventHubKey;

    /// <summary>The node's list (null when not written: the node copies to its own broker only) and what each item reaches.</summary>
    public static (Setting? List, IReadOnlyList<ReachedItem> Items) Of(Deployment deployment, ServerNode node)
    {
        var list = node.EventDuplication();
        return (list, deployment.Reaches(node, list, ServerPorts.Jms));
    }
}
