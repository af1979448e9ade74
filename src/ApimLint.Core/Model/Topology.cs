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

    /// <summary>Strong clues that say opposite things: the deployment contradicts itself (APIM008).</summary>
    /// <summary>Unknown although clues speak: they disagree, and the deployment contradicts itself (APIM008).</summary>
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

/// <summary>The names a hosts file gives one address: each line's IP and names are one address, and lines sharing a word join.</summary>
internal sealed class AddressBook
{
    private readonly Dictionary<string, string> _parent = new(StringComparer.OrdinalIgnoreCase);

    public static readonly AddressBook Empty = new();

    public void Join(string a, string b) => _parent[Root(a)] = Root(b);

    public bool Same(string a, string b) =>
        Hosts.SameAddress(a, b) || _parent.ContainsKey(a) && _parent.ContainsKey(b) && string.Equals(Root(a), Root(b), StringComparison.OrdinalIgnoreCase);

    private string Root(string name)
    {
        while (_parent.TryGetValue(name, out var parent) && !parent.Equals(name, StringComparison.OrdinalIgnoreCase)) name = parent;
        _parent.TryAdd(name, name);
        return name;
    }
}
