namespace ApimLint.Model.Servers;

/// <summary>What a link between 3.x/4.x nodes carries.</summary>
public enum LinkKind
{
    /// <summary>A gateway's throttle events to a Traffic Manager's receiver (<c>[[apim.throttling.url_group]]</c>).</summary>
    ThrottleEvents,

    /// <summary>A node's events copied to a peer's broker (<c>event_duplicate_url</c>).</summary>
    EventDuplication,

    /// <summary>A node subscribing to a broker for throttle decisions (<c>throttle_decision_endpoints</c>).</summary>
    ThrottleDecisions,

    /// <summary>A gateway or traffic manager listening to a control plane's event hub (<c>event_listening_endpoints</c>).</summary>
    EventHub,
}

/// <summary>One link: a node's setting whose endpoint reaches another node.</summary>
public sealed record ServerLink(ServerNode From, ServerNode To, LinkKind Kind, Setting Source);

/// <summary>The links between the nodes of a 3.x/4.x deployment, as their settings write them and the endpoints reach.</summary>
public static class ServerWiring
{
    /// <summary>Every link from one node to another (a node reaching itself is not a link), in node and setting order.</summary>
    public static IReadOnlyList<ServerLink> Links(this Deployment deployment) =>
        deployment.Servers.SelectMany(node => LinksFrom(deployment, node)).Where(l => l.From != l.To).ToList();

    /// <summary>"throttle events", "event duplication", …: how every output names what a link carries.</summary>
    public static string Name(this LinkKind kind) => kind switch
    {
        LinkKind.ThrottleEvents => "throttle events",
        LinkKind.EventDuplication => "event duplication",
        LinkKind.ThrottleDecisions => "throttle decisions",
        _ => "event hub",
    };

    /// <summary>The list a node duplicates events with: the event hub's when written (it wins in jndi2-cp.properties.j2), else throttling's.</summary>
    public static Setting? EventDuplication(this ServerNode node) =>
        node.Settings.Get("apim.event_hub.event_duplicate_url") ?? node.Settings.Get("apim.throttling.event_duplicate_url");

    private static IEnumerable<ServerLink> LinksFrom(Deployment deployment, ServerNode node)
    {
        IEnumerable<ServerLink> To(Setting? setting, int port, LinkKind kind) =>
            deployment.Reaches(node, setting, port).Where(r => r.Reach.Node is not null).Select(r => new ServerLink(node, r.Reach.Node!, kind, r.Item));

        var links = new List<ServerLink>();
        if (node.Role.RunsGateway())
            foreach (var group in node.Settings.TablePaths("apim.throttling.url_group"))
                links.AddRange(To(node.Settings.Get($"{group}.traffic_manager_urls"), ServerPorts.ThrottleReceiver, LinkKind.ThrottleEvents));
        links.AddRange(To(node.EventDuplication(), ServerPorts.Jms, LinkKind.EventDuplication));
        if (node.Role is ServerRole.Gateway or ServerRole.AllInOne)
            links.AddRange(To(node.Settings.Get("apim.throttling.throttle_decision_endpoints"), ServerPorts.Jms, LinkKind.ThrottleDecisions));
        if (node.Role is ServerRole.Gateway or ServerRole.TrafficManager && node.Settings.Get("apim.event_hub.enable")?.AsBoolean == true)
            links.AddRange(To(node.Settings.Get("apim.event_hub.event_listening_endpoints"), ServerPorts.Jms, LinkKind.EventHub));
        return links;
    }

    /// <summary>The node an nginx upstream server (host and port) reaches: one whose address it names, listening on that port for some service.</summary>
    public static ServerNode? ServerAt(this Deployment deployment, string host, int? port) =>
        port is not { } known ? null
        : deployment.Servers.FirstOrDefault(s => s.Addresses.Any(a => Hosts.SameAddress(a, host)) && ServedPorts.Any(p => s.Port(p) == known));

    /// <summary>The ports nginx proxies to: management (servlet), gateway HTTP and HTTPS, WebSocket ws and wss.</summary>
    private static readonly int[] ServedPorts =
        [ServerPorts.ManagementHttps, ServerPorts.ManagementHttp, ServerPorts.GatewayHttp, ServerPorts.GatewayHttps, ServerPorts.WebSocket, ServerPorts.SecureWebSocket];
}
