namespace ApimLint.Model.Servers;

/// <summary>Which nginx locations send requests to a 3.x/4.x node's port, directly or through an upstream.</summary>
public static class ServerFronting
{
    /// <summary>
    /// The nginx locations whose proxy_pass reaches <paramref name="node"/> on the port of <paramref name="defaultPort"/> (plus
    /// its offset), with their servers: an upstream server naming the node's address and that port, or a host and port written
    /// in proxy_pass itself.
    /// </summary>
    public static IReadOnlyList<ServedLocation> LocationsInFrontOf(this Deployment deployment, ServerNode node, int defaultPort)
    {
        var port = node.Port(defaultPort);
        bool Reaches(string host, int? at) => at == port && node.Addresses.Any(a => Hosts.SameAddress(a, host));
        return deployment.Nginx.Locations
            .Where(x => x.Location.Target is { } target && (target.Port is null && deployment.Nginx.Upstream(target.Host) is { } upstream
                ? upstream.Servers.Any(s => Reaches(s.Host, s.Port))
                : Reaches(target.Host, target.Port)))
            .ToList();
    }

    /// <summary>The nginx servers with a location in front of the node's port (<see cref="LocationsInFrontOf"/>).</summary>
    public static IReadOnlyList<NginxServer> ServersInFrontOf(this Deployment deployment, ServerNode node, int defaultPort) =>
        deployment.LocationsInFrontOf(node, defaultPort).Select(x => x.Server).Distinct().ToList();
}
