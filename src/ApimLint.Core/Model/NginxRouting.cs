using System.Collections.Concurrent;
using ApimLint.Syntax;
using System.Runtime.CompilerServices;
using ApimLint.Syntax.Nginx;

namespace ApimLint.Model;

/// <summary>The ports of a node nginx forwards to.</summary>
public enum NodeService { HttpsServlet, HttpServlet, NioHttps, NioHttp }

public static class NodeServices
{
    public static readonly IReadOnlyList<NodeService> All = [NodeService.HttpsServlet, NodeService.HttpServlet, NodeService.NioHttps, NodeService.NioHttp];

    public static int DefaultPort(this NodeService service) => service switch
    {
        NodeService.HttpsServlet => Ports.HttpsServlet,
        NodeService.HttpServlet => Ports.HttpServlet,
        NodeService.NioHttps => Ports.NioHttps,
        _ => Ports.NioHttp,
    };

    /// <summary>The servlet transport serves the web apps (store, publisher, admin, carbon); NIO serves API traffic.</summary>
    public static bool IsServlet(this NodeService service) => service is NodeService.HttpsServlet or NodeService.HttpServlet;

    public static string Label(this NodeService service) => service switch
    {
        NodeService.HttpsServlet => "HTTPS servlet port",
        NodeService.HttpServlet => "HTTP servlet port",
        NodeService.NioHttps => "NIO HTTPS (API traffic) port",
        _ => "NIO HTTP (API traffic) port",
    };

    /// <summary>The port the node listens on for the service: its default plus the node's port offset.</summary>
    public static int PortOf(this Node node, NodeService service) => node.Port(service.DefaultPort());

    /// <summary>"9444 (9443 + offset 1)", or "9443" without an offset.</summary>
    public static string PortWithOffset(this Node node, NodeService service) =>
        node.PortOffset == 0 ? $"{node.PortOf(service)}" : $"{node.PortOf(service)} ({service.DefaultPort()} + offset {node.PortOffset})";
}

/// <summary>What a location is for, from the app it serves: the guide routes each kind to a different upstream.</summary>
public enum LocationRole
{
    /// <summary>Anything apimlint does not recognise.</summary>
    Other,

    /// <summary>/carbon, /publisher, /admin: the active node only.</summary>
    Manager,

    /// <summary>/store: both nodes, the passive as backup.</summary>
    Store,

    /// <summary>A location of no web app (such as <c>location /</c>) that reaches the NIO ports: API traffic, to both nodes.</summary>
    ApiTraffic,
}

/// <summary>What an upstream group is for, from the locations that use it.</summary>
public enum UpstreamRole
{
    /// <summary>No location of a known role proxies to it.</summary>
    None,

    /// <summary>Behind /carbon, /publisher and /admin: it must reach the active only.</summary>
    Manager,

    /// <summary>Behind /store or API traffic: both nodes, the passive as backup.</summary>
    Shared,
}

/// <summary>
/// Which node and which of its ports an upstream server reaches. <see cref="Resolved"/> is false when
/// apimlint cannot tell (a variable, a UNIX socket, a name no node is known by, two nodes on one address
/// and port, an unknown topology); resolved with no <see cref="Node"/> means no node listens there.
/// <see cref="Unmatched"/>: unresolved because its host is a name the deployment gives no node.
/// </summary>
public sealed record UpstreamServerTarget(NginxUpstreamServer Server, Node? Node, NodeService? Service, bool Resolved)
{
    public bool IsStray => Resolved && Node is null;

    public bool Unmatched { get; init; }
}

/// <summary>
/// nginx's routing read against the nodes: which node each upstream server is (by the nodes' effective
/// ports and the deployment's topology) and what each location and upstream is for. nginx's own
/// loopback is nginx's machine: the nodes' host when they share one (nginx runs beside them, as in the
/// guide), else a machine of its own.
/// </summary>
public sealed class NginxRouting
{
    private const string NginxOwnMachine = "nginx's own host";
    private static readonly ConditionalWeakTable<Deployment, NginxRouting> Cache = new();

    private readonly Deployment _deployment;
    private readonly NginxLocationMatch _locationMatch = new();

    private NginxRouting(Deployment deployment) => _deployment = deployment;

    public static NginxRouting Of(Deployment deployment) => Cache.GetValue(deployment, d => new NginxRouting(d));

    /// <summary>The machine a loopback address in nginx.conf stands for; null while the topology is not known.</summary>
    public string? NginxMachine => _deployment.Topology.Sharing switch
    {
        HostSharing.Shared => _deployment.MachineOf(_deployment.Active),
        HostSharing.Separate => NginxOwnMachine,
        _ => null,
    };

    /// <summary>The address a node is known by (the first of <see cref="Topology.AddressesOf"/>), if any.</summary>
    public string? AddressOf(Node node) => _deployment.Topology.AddressOf(node);

    public UpstreamServerTarget Resolve(NginxUpstreamServer server)
    {
        var (node, service, resolved, unmatched) = ResolveAddress(server.Host, server.EffectivePort);
        return new(server, node, service, resolved) { Unmatched = unmatched };
    }

    /// <summary>Which node and port a host and port written in nginx.conf reach; see <see cref="UpstreamServerTarget"/>.</summary>
    private (Node? Node, NodeService? Service, bool Resolved, bool Unmatched) ResolveAddress(string host, int port)
    {
        // While a node's ports are not known, no server can be told to be it, or not to be it.
        if (!_deployment.PortsKnown) return (null, null, false, false);
        if (host.Contains('$') || host.StartsWith("unix:", StringComparison.Ordinal)) return (null, null, false, false);
        if (!Hosts.IsLoopback(host) && !_deployment.Nodes.Any(n => _deployment.Topology.IsAddressOf(n, host)))
        {
            // A name no node goes by may be either; so may an IP address while a node is known only by name (apimlint
            // resolves no names) or while the topology is unknown.
            var unmatched = !IsAddress(host) || _deployment.Nodes.Any(n => AddressOf(n) is not null && !_deployment.Topology.AddressesOf(n).Any(a => IsAddress(a.Name)));
            if (unmatched || !_deployment.Topology.Known) return (null, null, false, _deployment.Topology.Known && !IsAddress(host));
        }
        if (Hosts.IsLoopback(host) && !_deployment.Topology.Known) return (null, null, false, false);

        (Node Node, NodeService Service)? match = null;
        foreach (var node in NodesAt(host))
            foreach (var service in NodeServices.All)
            {
                if (node.PortOf(service) != port) continue;
                // Two nodes or ports at one address and port: cannot tell which.
                if (match is not null) return (null, null, false, false);
                match = (node, service);
            }
        return match is var (matchedNode, matchedService) ? (matchedNode, matchedService, true, false) : (null, null, true, false);
    }

    /// <summary>The node and port a proxy_pass to a host and port (no upstream group) reaches; null when apimlint cannot tell or no node listens there.</summary>
    public (Node Node, NodeService Service)? NodeReachedDirectly(NginxLocation location) =>
        location.Target is { Port: { } port } target && ResolveAddress(target.Host, port) is ({ } node, { } service, _, _) ? (node, service) : null;

    /// <summary>
    /// The nodes that run on the machine a host written in nginx.conf names: loopback is nginx's own machine (the nodes'
    /// when they share a host), a node's name is its machine (both nodes' when shared), and any other address may be a
    /// node whose address is not known.
    /// </summary>
    public IReadOnlyList<Node> NodesAt(string host)
    {
        var topology = _deployment.Topology;
        if (Hosts.IsLoopback(host)) return topology.SharedHost ? _deployment.Nodes : [];
        var named = _deployment.Nodes.Where(n => topology.IsAddressOf(n, host)).ToList();
        return named.Count > 0 ? named : _deployment.Nodes.Where(n => AddressOf(n) is null).ToList();
    }

    /// <summary>The node port an upstream serves: the one most of its servers use (the first on a tie), else what its locations expect.</summary>
    public NodeService? ServiceOf(NginxUpstream upstream) =>
        ServiceOfServers(upstream) ?? UsersOf(upstream).Select(u => ExpectedService(u.Location)).FirstOrDefault(s => s is not null);

    /// <summary>The node port most of the upstream's servers use (the first on a tie), by port alone where the address is no node's; null when none does.</summary>
    public NodeService? ServiceOfServers(NginxUpstream upstream) => _serviceOfServers.GetOrAdd(upstream, u =>
    {
        // Counted by hand: grouping and ordering enum values makes the runtime compile generic code at start-up.
        var votes = new List<NodeService>();
        foreach (var server in u.Servers)
            if ((Resolve(server).Service ?? PortOnly(server.EffectivePort)) is { } vote) votes.Add(vote);
        NodeService? elected = null;
        var most = 0;
        foreach (var candidate in votes)
        {
            var count = 0;
            foreach (var vote in votes) if (vote == candidate) count++;
            if (count > most) (elected, most) = (candidate, count);
        }
        return elected;
    });

    private NodeService? PortOnly(int port)
    {
        foreach (var service in NodeServices.All)
            if (_deployment.Nodes.Any(n => n.PortsKnown && n.PortOf(service) == port)) return service;
        return null;
    }

    /// <summary>
    /// The node port a location's proxy_pass reaches: the one its upstream's servers use, or that of the host and port
    /// it names (by port alone where the address is no node's); null when apimlint cannot tell.
    /// </summary>
    public NodeService? ServiceReachedBy(NginxLocation location) =>
        UpstreamOf(location) is { } upstream ? ServiceOfServers(upstream)
        : location.Target is { Port: { } port } ? NodeReachedDirectly(location)?.Service ?? PortOnly(port)
        : null;

    /// <summary>The servers that reach a node on the given port, in file order.</summary>
    public IReadOnlyList<UpstreamServerTarget> Members(NginxUpstream upstream, NodeService service) =>
        upstream.Servers.Select(Resolve).Where(t => t.Node is not null && t.Service == service).ToList();

    /// <summary>
    /// A location of a web app by the app; any other (<c>location /</c>, /oauth2, an API's context) by the node port it
    /// reaches: the NIO ports carry API traffic, while the servlet port passes the web apps through by their paths
    /// (a portal host's <c>location /</c> serves /store, /oauth2, /commonauth). An unknown port tells nothing.
    /// </summary>
    public LocationRole RoleOf(NginxLocation location) => location.App switch
    {
        "carbon" or "publisher" or "admin" => LocationRole.Manager,
        "store" => LocationRole.Store,
        null when ServiceReachedBy(location) is { } service && !service.IsServlet() => LocationRole.ApiTraffic,
        _ => LocationRole.Other,
    };

    // Every location asks for its upstream's port and role, and an upstream may have thousands of locations: each is
    // computed once per upstream, by whichever of the rules (which run at once) asks first.
    private readonly ConcurrentDictionary<NginxUpstream, NodeService?> _serviceOfServers = new(ReferenceEqualityComparer.Instance as IEqualityComparer<NginxUpstream>);
    private readonly ConcurrentDictionary<NginxUpstream, UpstreamRole> _upstreamRoles = new(ReferenceEqualityComparer.Instance as IEqualityComparer<NginxUpstream>);
    private Dictionary<NginxUpstream, List<ServedLocation>>? _users;

    /// <summary>Requests for the management apps, as nginx is asked for them: each must reach the active alone.</summary>
    public static readonly IReadOnlyList<string> ManagementPaths = ["/carbon/", "/publisher/", "/admin/"];

    /// <summary>
    /// For each virtual server and management path, the location nginx picks for it (<see cref="NginxLocationMatch"/>)
    /// when that location proxies the request to a management app on the backend, in file order.
    /// </summary>
    public IEnumerable<ManagementRoute> ManagementRoutes() =>
        from server in _deployment.Nginx.Servers
        from path in ManagementPaths
        let location = _locationMatch.Select(server, path)
        where location?.Target is not null && BackendPath(location, path) is { } backend &&
              ManagementPaths.Any(p => backend.StartsWith(p, StringComparison.Ordinal) || backend + "/" == p)
        select new ManagementRoute(server, path, location);

    /// <summary>The path a request goes to on the backend: proxy_pass's URI replaces the matched prefix; null when a variable decides.</summary>
    private static string? BackendPath(NginxLocation location, string path) => location.Target?.Uri switch
    {
        null => path,
        { } uri when uri.Contains('$') || location.IsRegex => null,
        { } uri => uri + path[location.Path.Value.Length..],
    };

    /// <summary>The port a location of a known role must reach on the nodes, by its role and proxy_pass scheme.</summary>
    public NodeService? ExpectedService(NginxLocation location)
    {
        var tls = location.Target?.Scheme.Equals("https", StringComparison.OrdinalIgnoreCase) == true;
        return RoleOf(location) switch
        {
            LocationRole.Manager or LocationRole.Store => tls ? NodeService.HttpsServlet : NodeService.HttpServlet,
            LocationRole.ApiTraffic => tls ? NodeService.NioHttps : NodeService.NioHttp,
            _ => null,
        };
    }

    /// <summary>The upstream group a location's proxy_pass names (not a host with a port, which nginx resolves instead).</summary>
    public NginxUpstream? UpstreamOf(NginxLocation location) =>
        location.Target is { Port: null } target ? _deployment.Nginx.Upstream(target.Host) : null;

    /// <summary>The locations of a known role that proxy to the upstream, in file order.</summary>
    public IReadOnlyList<ServedLocation> UsersOf(NginxUpstream upstream)
    {
        if (_users is null)
        {
            // One pass over the locations for all upstreams, so that asking for each upstream costs no second pass.
            var users = new Dictionary<NginxUpstream, List<ServedLocation>>(ReferenceEqualityComparer.Instance as IEqualityComparer<NginxUpstream>);
            foreach (var served in _deployment.Nginx.Locations)
                if (UpstreamOf(served.Location) is { } target && RoleOf(served.Location) != LocationRole.Other)
                    (users.TryGetValue(target, out var list) ? list : users[target] = []).Add(served);
            _users = users;
        }
        return _users.TryGetValue(upstream, out var found) ? found : [];
    }

    /// <summary>
    /// Manager when only /carbon, /publisher, /admin use the upstream, shared when only /store and API
    /// traffic do. When both kinds use it, the upstream's own content decides which kind is misrouted:
    /// a group of several servers was meant for both nodes, a single server for the active alone.
    /// </summary>
    public UpstreamRole RoleOf(NginxUpstream upstream) => _upstreamRoles.GetOrAdd(upstream, u =>
    {
        var roles = UsersOf(u).Select(x => RoleOf(x.Location)).ToList();
        var manager = roles.Any(r => r == LocationRole.Manager);
        var shared = roles.Any(r => r is LocationRole.Store or LocationRole.ApiTraffic);
        return (manager, shared) switch
        {
            (true, true) => u.Servers.Count > 1 ? UpstreamRole.Shared : UpstreamRole.Manager,
            (true, false) => UpstreamRole.Manager,
            (false, true) => UpstreamRole.Shared,
            _ => UpstreamRole.None,
        };
    });

    /// <summary>How nginx should address a node's port: by loopback beside it on a shared host when the upstream does, else by the node's address.</summary>
    public string AddressFor(Node node, NodeService service, NginxUpstream? near)
    {
        var known = AddressOf(node);
        var host = _deployment.Topology.SharedHost && (known is null || near is null || near.Servers.Any(s => Hosts.IsLoopback(s.Host)))
            ? "127.0.0.1"
            : known ?? $"<{node.Name} host>";
        return $"{host}:{node.PortOf(service)}";
    }

    /// <summary>A logical key for an nginx directive: its file and its place in the configuration, no line numbers.</summary>
    public string Key(NginxDirectiveSyntax directive) => $"{_deployment.RelativePath(directive.Source.Path)}#{directive.KeyPath}";

    /// <summary>"location /admin", "location ~ ^/store/(.*)registry/(.*)$".</summary>
    public static string Display(NginxLocation location) =>
        location.Modifier is null ? $"location {location.Path.Value}" : $"location {location.Modifier} {location.Path.Value}";

    private static bool IsAddress(string host) => IpLiterals.IsAddress(host.Trim('[', ']'));

}
