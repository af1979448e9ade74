using ApimLint.Model;
using ApimLint.Model.Servers;

namespace ApimLint.Rules.Gateway;

/// <summary>One <c>[[apim.throttling.url_group]]</c> of a node: its path, its type and what its traffic_manager_urls reach.</summary>
internal sealed record TrafficManagerUrlGroup(string Path, string? Type, Setting? Urls, IReadOnlyList<ReachedItem> Items);

/// <summary>Where a node that serves API traffic publishes its throttle events: the Traffic Managers of its url_groups.</summary>
internal static class TrafficManagerUrlGroups
{
    public const string ArrayPath = "apim.throttling.url_group";

    /// <summary>A whole ReceiverUrlGroup that api-manager.xml.j2 writes instead of the url_groups.</summary>
    private const string ReceiverUrl = "apim.throttling.receiver_url";

    /// <summary>Whether the node's url_groups are what it publishes to: not when it writes receiver_url, which replaces them.</summary>
    public static bool Apply(ServerNode node) => node.Settings.Known && !node.Settings.IsWritten(ReceiverUrl);

    public static IReadOnlyList<TrafficManagerUrlGroup> Of(Deployment deployment, ServerNode node) =>
        node.Settings.TablePaths(ArrayPath).Select(path =>
        {
            var urls = node.Settings.Get($"{path}.traffic_manager_urls");
            return new TrafficManagerUrlGroup(path, node.Settings.Get($"{path}.type")?.Value,
                urls, deployment.Reaches(node, urls, ServerPorts.ThrottleReceiver));
        }).ToList();
}
