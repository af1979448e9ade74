using ApimLint.Text;

namespace ApimLint.Model;

/// <summary>Whether the two nodes run on one machine: yes, no, or not known (the files do not say, or disagree).</summary>
public enum HostSharing { Unknown, Shared, Separate }

/// <summary>
/// One thing the deployment states about where the nodes run, and where it states it. <see cref="Says"/> is
/// <see cref="HostSharing.Unknown"/> for a clue that says nothing about sharing (a node's name, a placeholder).
/// A weak clue (different port offsets) decides only when no strong one speaks.
/// </summary>
public sealed record TopologyClue(string Fact, HostSharing Says, bool Strong, IReadOnlyList<Location> Where);

/// <summary>A name or address a node goes by, and what says so.</summary>
public sealed record NodeAddress(string Name, string Source, Location? Where);

/// <summary>What the deployment says about its machines: whether the nodes share one, each node's addresses, and the evidence.</summary>
public sealed class Topology
{
    private readonly IReadOnlyDictionary<NodeRole, IReadOnlyList<NodeAddress>> _addresses;
    private readonly AddressBook _book;

    internal Topology(HostSharing sharing, IReadOnlyList<TopologyClue> clues, string evidence, bool weak, bool settled,
        IReadOnlyDictionary<NodeRole, IReadOnlyList<NodeAddress>> addresses, AddressBook book)
    {
        Sharing = sharing;
        Clues = clues;
        Evidence = evidence;
        Weak = weak;
        Settled = settled;
        _addresses = addresses;
        _book = book;
    }

    public HostSharing Sharing { get; }

    /// <summary>Every clue read, in a fixed order: apimlint.json, axis2.xml, carbon.xml, nginx, port offsets, the hosts file.</summary>
    public IReadOnlyList<TopologyClue> Clues { get; }

    /// <summary>The clue that decided, for messages; when unknown, why.</summary>
    public string Evidence { get; }

    /// <summary>Decided only by weak clues: a fix that follows from it is a guess, so none is offered.</summary>
    public bool Weak { get; }

    /// <summary>Decided by apimlint.json's host for each node, whatever the files say.</summary>
    public bool Settled { get; }

    public bool SharedHost => Sharing == HostSharing.Shared;

    public bool Known => Sharing != HostSharing.Unknown;

    /// <summary>Unknown although clues speak: strong clues say opposite things, and the deployment contradicts itself (APIM008).</summary>
    public bool Conflicting => !Known && Clues.Any(c => c.Says != HostSharing.Unknown);

    /// <summary>The names and addresses the node goes by (on a shared host, the host's), most authoritative first.</summary>
    public IReadOnlyList<NodeAddress> AddressesOf(Node node) => _addresses.GetValueOrDefault(node.Role) ?? [];

    /// <summary>The address to show and write for a node: its first known one (on a shared host, the active's first, for both).</summary>
    public string? AddressOf(Node node) => (SharedHost ? _addresses.GetValueOrDefault(NodeRole.Active) : AddressesOf(node))?.FirstOrDefault()?.Name;

    /// <summary>Whether <paramref name="host"/> is one of the node's names (through the hosts file too); loopback is no node's name.</summary>
    public bool IsAddressOf(Node node, string host) => !Hosts.IsLoopback(host) && AddressesOf(node).Any(a => _book.Same(a.Name, host));

    /// <summary>The same address as written, as loopback, or as the hosts file equates them.</summary>
    public bool SameAddress(string a, string b) => _book.Same(a, b);
}

/// <summary>
/// The names a hosts file gives one address: a name joins the address of its line, unless the file puts it on several
/// addresses (round-robin), where it names none of them. Two different addresses never join. A union-find with path
/// compression and union by size keeps a large hosts file near-linear.
/// </summary>
internal sealed class AddressBook
{
    private readonly Dictionary<string, string> _parent = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _size = new(StringComparer.Ordinal);
    private readonly HashSet<string> _ambiguous = new(StringComparer.Ordinal);

    public static readonly AddressBook Empty = new();

    /// <summary>Reads hosts-file lines, each an address and the names it gives it.</summary>
    public static AddressBook Read(IEnumerable<(string Address, IEnumerable<string> Names)> lines)
    {
        var book = new AddressBook();
        var entries = lines.Select(l => (Address: Hosts.Canonical(l.Address), Names: l.Names.Select(Hosts.Canonical).ToList())).ToList();
        var addressOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (address, names) in entries)
            foreach (var name in names)
                if (addressOf.TryAdd(name, address) is false && addressOf[name] != address) book._ambiguous.Add(name);
        foreach (var (address, names) in entries)
        {
            book.Add(address);
            foreach (var name in names.Where(n => !book._ambiguous.Contains(n)))
            {
                book.Add(name);
                book.Union(name, address);
            }
        }
        return book;
    }

    /// <summary>One string for each address: names that the book equates give the same key.</summary>
    public string Key(string name)
    {
        var canonical = Hosts.Canonical(name);
        return _parent.ContainsKey(canonical) ? Find(canonical) : canonical;
    }

    public bool Same(string a, string b) => Key(a) == Key(b);

    /// <summary>A name the hosts file puts on several addresses: it names no one machine.</summary>
    public bool IsAmbiguous(string name) => _ambiguous.Contains(Hosts.Canonical(name));

    private void Add(string key)
    {
        if (_parent.TryAdd(key, key)) _size[key] = 1;
    }

    private string Find(string key)
    {
        var root = key;
        while (_parent[root] is var parent && parent != root) root = parent;
        while (_parent[key] is var next && next != root)
        {
            _parent[key] = root;
            key = next;
        }
        return root;
    }

    private void Union(string a, string b)
    {
        var (ra, rb) = (Find(a), Find(b));
        if (ra == rb) return;
        if (_size[ra] < _size[rb]) (ra, rb) = (rb, ra);
        _parent[rb] = ra;
        _size[ra] += _size[rb];
    }
}
