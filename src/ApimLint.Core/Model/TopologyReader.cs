using ApimLint.Syntax.Hosts;
using ApimLint.Text;

namespace ApimLint.Model;

/// <summary>
/// Derives the topology from every clue the deployment states, each with where it is written. apimlint.json's
/// host for both nodes settles it; otherwise strong clues decide when they agree, weak ones only when no strong
/// one speaks, and clues that disagree leave it unknown rather than guessed.
/// </summary>
internal static class TopologyReader
{
    public static Topology Derive(Node active, Node passive, NginxModel nginx, HostsFileSyntax? hostsFile)
    {
        var book = ReadBook(hostsFile);
        var clues = new List<TopologyClue>();
        var settled = Settle(active, passive, book);
        if (settled is not null) clues.Add(settled);
        clues.AddRange(SettingPair("localMemberHost", "advertise", n => n.Cluster?.LocalMemberHost, active, passive, book));
        clues.AddRange(SettingPair("carbon.xml HostName", "give", n => n.HostName, active, passive, book));
        clues.AddRange(SettingPair("carbon.xml MgtHostName", "give", n => n.MgtHostName, active, passive, book));
        clues.AddRange(FromNginx(active, passive, nginx, book));
        if (Offsets(active, passive) is { } offsets) clues.Add(offsets);

        var (sharing, weak) = settled is not null ? (settled.Says, false) : Decide(clues);
        var evidence = sharing == HostSharing.Unknown
            ? "the deployment's files disagree on whether the nodes share a host"
            : clues.First(c => c.Says == sharing && (c.Strong || weak)).Fact;
        var addresses = Addresses(active, passive, sharing, book, hostsFile, clues);
        return new Topology(sharing, clues, evidence, weak, settled is not null, addresses, book);
    }

    /// <summary>Strong clues decide when they agree; weak ones only when no strong clue speaks; disagreement is unknown.</summary>
    private static (HostSharing Sharing, bool Weak) Decide(IReadOnlyList<TopologyClue> clues)
    {
        foreach (var strong in new[] { true, false })
        {
            var says = clues.Where(c => c.Strong == strong && c.Says != HostSharing.Unknown).Select(c => c.Says).Distinct().ToList();
            if (says.Count == 1) return (says[0], !strong);
            if (says.Count > 1) return (HostSharing.Unknown, false);
        }
        return (HostSharing.Unknown, false);
    }

    private static TopologyClue? Settle(Node active, Node passive, AddressBook book)
    {
        if (active.Override.Host is not { } a || passive.Override.Host is not { } p) return null;
        var same = book.Same(a, p);
        return new TopologyClue($"apimlint.json gives the nodes {(same ? $"the same host {a}" : $"different hosts ({a} and {p})")}",
            same ? HostSharing.Shared : HostSharing.Separate, true, OverrideLocations(active, passive));
    }

    private static List<Location> OverrideLocations(params Node[] nodes) =>
        nodes.Select(n => n.Override.Source).OfType<string>().Distinct().Select(Location.WholeFile).ToList();

    /// <summary>
    /// A setting both nodes write: the same address says one host, different ones two. A value both carry alike that
    /// is not an IP address (a service name the container resolves, <c>${…}</c>, <c>$env{…}</c>) is a placeholder: no evidence.
    /// So is a value that is no host name or address: no fix may copy it into another file.
    /// </summary>
    private static IEnumerable<TopologyClue> SettingPair(string setting, string verb, Func<Node, Located<string>?> read, Node active, Node passive, AddressBook book)
    {
        var (a, p) = (read(active), read(passive));
        if (a is null || p is null || !IsName(a.Value) || !IsName(p.Value)) yield break;
        var where = new[] { a.Location, p.Location };
        if (Hosts.IsPlaceholder(a.Value, p.Value) || Hosts.IsPlaceholder(p.Value, a.Value))
        {
            yield return new TopologyClue($"the nodes {verb} {setting} {a.Value} and {p.Value}, a placeholder or a name both carry alike: no evidence", HostSharing.Unknown, false, where);
            yield break;
        }
        if (!Hosts.IsHostOrAddress(a.Value.Trim()) || !Hosts.IsHostOrAddress(p.Value.Trim()))
        {
            yield return new TopologyClue($"the nodes {verb} {setting} {a.Value} and {p.Value}, not both a host name or address: no evidence", HostSharing.Unknown, false, where);
            yield break;
        }
        yield return book.Same(a.Value, p.Value)
            ? new TopologyClue($"both nodes {verb} {setting} {(a.Value == p.Value ? a.Value : $"{a.Value} and {p.Value}, one address")}", HostSharing.Shared, true, where)
            : new TopologyClue($"the nodes {verb} different {setting} values ({a.Value} and {p.Value})", HostSharing.Separate, true, where);
    }

    /// <summary>A value that can name a machine: written, and not loopback (which names every machine).</summary>
    private static bool IsName(string value) => value.Trim().Length > 0 && !Hosts.IsLoopback(value.Trim());

    /// <summary>The same offset means the same ports: two such nodes cannot share a host. Different offsets allow one, but two hosts may use them too.</summary>
    private static TopologyClue? Offsets(Node active, Node passive)
    {
        if (!active.PortsKnown || !passive.PortsKnown) return null;
        var where = new[] { active, passive }.Select(n => n.OffsetSetting?.Location).OfType<Location>().ToList();
        return active.PortOffset == passive.PortOffset
            ? new TopologyClue($"both nodes run with port offset {active.PortOffset}, so on one host their ports would collide", HostSharing.Separate, true, where)
            : new TopologyClue($"the nodes run with different port offsets ({active.PortOffset} and {passive.PortOffset})", HostSharing.Shared, false, where);
    }

    /// <summary>
    /// An upstream that reaches both nodes' port: at one address with each node's offset (one host), or at two addresses
    /// (two hosts). Two names at different offsets may still be one machine's, so only addresses tell there.
    /// </summary>
    /// <summary>One clue per upstream that reaches both nodes on one of their ports: upstreams that disagree are a conflict.</summary>
    private static IEnumerable<TopologyClue> FromNginx(Node active, Node passive, NginxModel nginx, AddressBook book)
    {
        if (!active.PortsKnown || !passive.PortsKnown) yield break;
        foreach (var upstream in nginx.Upstreams)
            if (FromUpstream(active, passive, upstream, book) is { } clue) yield return clue;
    }

    private static TopologyClue? FromUpstream(Node active, Node passive, NginxUpstream upstream, AddressBook book)
    {
        foreach (var basePort in new[] { Ports.HttpsServlet, Ports.NioHttps, Ports.NioHttp })
        {
            var onActive = upstream.Servers.Where(s => s.Port == active.Port(basePort) && Usable(s.Host)).ToList();
            var onPassive = upstream.Servers.Where(s => s.Port == passive.Port(basePort) && Usable(s.Host)).ToList();
            if (active.PortOffset != passive.PortOffset && onActive.Count == 1 && onPassive.Count == 1)
            {
                var same = book.Same(onActive[0].Host, onPassive[0].Host);
                var addresses = ClusterConfig.IsIpAddress(onActive[0].Host) && ClusterConfig.IsIpAddress(onPassive[0].Host);
                return new TopologyClue($"nginx upstream {upstream.Name.Value} reaches the nodes at {onActive[0].Address.Value} and {onPassive[0].Address.Value}",
                    same ? HostSharing.Shared : HostSharing.Separate, same || addresses, [onActive[0].Address.Location, onPassive[0].Address.Location]);
            }
            if (active.PortOffset == passive.PortOffset && onActive.Count == 2 && !book.Same(onActive[0].Host, onActive[1].Host))
                return new TopologyClue($"nginx upstream {upstream.Name.Value} reaches the nodes at {onActive[0].Address.Value} and {onActive[1].Address.Value}",
                    HostSharing.Separate, true, [onActive[0].Address.Location, onActive[1].Address.Location]);
        }
        return null;
    }

    private static bool Usable(string host) => !host.Contains('$') && !host.StartsWith("unix:", StringComparison.Ordinal);

    private static AddressBook ReadBook(HostsFileSyntax? hostsFile) => hostsFile is null
        ? AddressBook.Empty
        : AddressBook.Read(hostsFile.Entries.Select(e => (e.Address.Text, e.Names.Select(n => n.Text))));

    /// <summary>
    /// Each node's names: apimlint.json's host and aliases, localMemberHost, carbon.xml's HostName and MgtHostName (no
    /// placeholder, no loopback), then what the hosts file equates with them. On a shared host both nodes go by all
    /// of them; otherwise a name both nodes carry is neither's.
    /// </summary>
    private static Dictionary<NodeRole, IReadOnlyList<NodeAddress>> Addresses(Node active, Node passive, HostSharing sharing, AddressBook book,
        HostsFileSyntax? hostsFile, List<TopologyClue> clues)
    {
        var own = new Dictionary<NodeRole, List<NodeAddress>>
        {
            [NodeRole.Active] = Expand(Declared(active, passive), book, hostsFile),
            [NodeRole.Passive] = Expand(Declared(passive, active), book, hostsFile),
        };
        foreach (var node in new[] { active, passive })
            foreach (var address in own[node.Role].Where(a => a.Source == HostsFileSource))
                clues.Add(new TopologyClue($"the hosts file equates {address.Name} with {node.Name}'s {own[node.Role].First(a => a.Source != HostsFileSource && book.Same(a.Name, address.Name)).Name}",
                    HostSharing.Unknown, false, address.Where is { } where ? [where] : []));
        if (sharing == HostSharing.Shared)
        {
            return new()
            {
                [NodeRole.Active] = Distinct(own[NodeRole.Active].Concat(own[NodeRole.Passive]), book),
                [NodeRole.Passive] = Distinct(own[NodeRole.Passive].Concat(own[NodeRole.Active]), book),
            };
        }
        // A name both nodes carry is neither's, unless apimlint.json gives it to one of them.
        bool FromConfig(NodeAddress a) => a.Source.StartsWith("apimlint.json", StringComparison.Ordinal);
        var keys = own.ToDictionary(o => o.Key, o => o.Value.Select(a => book.Key(a.Name)).ToHashSet());
        List<NodeAddress> Unshared(NodeRole role) =>
            own[role].Where(a => FromConfig(a) || !keys[role == NodeRole.Active ? NodeRole.Passive : NodeRole.Active].Contains(book.Key(a.Name))).ToList();
        return new() { [NodeRole.Active] = Unshared(NodeRole.Active), [NodeRole.Passive] = Unshared(NodeRole.Passive) };
    }

    private const string HostsFileSource = "the hosts file";

    private static IEnumerable<NodeAddress> Declared(Node node, Node peer)
    {
        var config = node.Override.Source is { } file ? Location.WholeFile(file) : null;
        if (node.Override.Host is { } host) yield return new NodeAddress(host, "apimlint.json host", config);
        foreach (var alias in node.Override.Aliases) yield return new NodeAddress(alias, "apimlint.json aliases", config);
        foreach (var (setting, read) in new (string, Func<Node, Located<string>?>)[]
                 {
                     ("axis2.xml localMemberHost", n => n.Cluster?.LocalMemberHost), ("carbon.xml HostName", n => n.HostName), ("carbon.xml MgtHostName", n => n.MgtHostName),
                 })
        {
            if (read(node) is not { } value || !IsName(value.Value) || !Hosts.IsHostOrAddress(value.Value.Trim())
                || Hosts.IsPlaceholder(value.Value, read(peer)?.Value)) continue;
            yield return new NodeAddress(value.Value.Trim(), setting, value.Location);
        }
    }

    /// <summary>The declared names, then every word of each hosts-file line whose address is one of them (but a name on several addresses, which names no one machine).</summary>
    private static List<NodeAddress> Expand(IEnumerable<NodeAddress> declared, AddressBook book, HostsFileSyntax? hostsFile)
    {
        var names = Distinct(declared, AddressBook.Empty);
        var keys = names.Select(n => book.Key(n.Name)).ToHashSet();
        var equated = from entry in hostsFile?.Entries ?? []
                      where keys.Contains(book.Key(entry.Address.Text))
                      from word in entry.Names.Prepend(entry.Address)
                      where !book.IsAmbiguous(word.Text)
                      select new NodeAddress(word.Text, HostsFileSource, word.Location);
        return Distinct(names.Concat(equated), AddressBook.Empty);
    }

    /// <summary>The first of each name (as the book equates them: with <see cref="AddressBook.Empty"/>, as <see cref="Hosts.SameAddress"/> does).</summary>
    private static List<NodeAddress> Distinct(IEnumerable<NodeAddress> addresses, AddressBook book)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return addresses.Where(a => seen.Add(book.Key(a.Name))).ToList();
    }
}
