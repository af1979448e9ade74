namespace ApimLint.Model;

/// <summary>Derives whether the nodes share a host from what the files say, strongest evidence first.</summary>
internal static class TopologyReader
{
    public static Topology Derive(Node active, Node passive, NginxModel nginx)
    {
        if (active.AdvertisedHost is { } a && passive.AdvertisedHost is { } p)
        {
            var same = Hosts.SameAddress(a, p);
            return new Topology(same, same
                ? $"both nodes advertise localMemberHost {a}"
                : $"the nodes advertise different localMemberHost values ({a} and {p})");
        }
        if (FromNginx(active, passive, nginx) is { } fromNginx) return fromNginx;
        if (active.PortOffset != passive.PortOffset)
            return new Topology(true, $"the nodes run with different port offsets ({active.PortOffset} and {passive.PortOffset})");
        return new Topology(false, "the nodes run with the same port offset");
    }

    private static Topology? FromNginx(Node active, Node passive, NginxModel nginx)
    {
        foreach (var upstream in nginx.Upstreams)
        {
            foreach (var basePort in new[] { Ports.HttpsServlet, Ports.NioHttps, Ports.NioHttp })
            {
                var onActive = upstream.Servers.Where(s => s.Port == active.Port(basePort)).ToList();
                var onPassive = upstream.Servers.Where(s => s.Port == passive.Port(basePort)).ToList();
                if (active.PortOffset != passive.PortOffset && onActive.Count == 1 && onPassive.Count == 1)
                {
                    var same = Hosts.SameAddress(onActive[0].Host, onPassive[0].Host);
                    return new Topology(same,
                        $"nginx upstream {upstream.Name.Value} reaches the nodes at {onActive[0].Address.Value} and {onPassive[0].Address.Value}");
                }
                if (active.PortOffset == passive.PortOffset && onActive.Count == 2 && !Hosts.SameAddress(onActive[0].Host, onActive[1].Host))
                    return new Topology(false,
                        $"nginx upstream {upstream.Name.Value} reaches the nodes at {onActive[0].Address.Value} and {onActive[1].Address.Value}");
            }
        }
        return null;
    }
}
