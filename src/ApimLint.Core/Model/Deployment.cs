using ApimLint.Syntax.Hosts;
using ApimLint.Syntax.Sql;

namespace ApimLint.Model;

public enum TargetOs { Linux, Windows }

/// <summary>
/// How the nodes share deployed artifacts (synapse-configs, executionplans): the guide's one-way Rsync from the
/// active, or a shared file system both nodes mount, which lets each node publish and the passive stand in for the active.
/// </summary>
public enum ArtifactSync { Rsync, SharedFilesystem }

/// <summary>The one model of an active-passive deployment that every rule reads.</summary>
public sealed class Deployment
{
    public required string Root { get; init; }
    public required Node Active { get; init; }
    public required Node Passive { get; init; }
    public required NginxModel Nginx { get; init; }
    public required IReadOnlyList<ConfigFile<SqlScriptSyntax>> SqlScripts { get; init; }
    public required TargetOs Os { get; init; }
    public required Topology Topology { get; init; }

    /// <summary>How artifacts reach the passive, as apimlint.json declares it ("artifactSync"); the guide's Rsync when it does not.</summary>
    public ArtifactSync ArtifactSync { get; init; } = ArtifactSync.Rsync;

    /// <summary>The deployment folder's hosts file, when there is one: names it equates with addresses.</summary>
    public ConfigFile<HostsFileSyntax>? HostsFile { get; init; }

    /// <summary>Whose value a fix copies where the nodes disagree: the active's unless the user prefers the passive's.</summary>
    public NodeRole Preferred { get; init; } = NodeRole.Active;

    public Node PreferredNode => Preferred == NodeRole.Active ? Active : Passive;

    public IReadOnlyList<Node> Nodes => [Active, Passive];

    /// <summary>The release the deployment runs: the active's, else the passive's; null when neither carbon.xml names one.</summary>
    public ProductVersion? ProductVersion => Active.ProductVersion ?? Passive.ProductVersion;

    /// <summary>A path relative to the deployment folder, for logical keys that must not depend on where the folder is.</summary>
    public string RelativePath(string fullPath) => Path.GetRelativePath(Root, fullPath).Replace('\\', '/');

    /// <summary>Both nodes' ports are known (<see cref="Node.PortsKnown"/>).</summary>
    public bool PortsKnown => Active.PortsKnown && Passive.PortsKnown;

    /// <summary>The node whose APIM_HOME holds the file, if any.</summary>
    public Node? NodeOf(string fullPath) =>
        Nodes.FirstOrDefault(n => fullPath.StartsWith(n.Home.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal));

    public Node PeerOf(Node node) => node.Role == NodeRole.Active ? Passive : Active;

    public IEnumerable<IConfigFile> Files =>
        Active.Files.Concat(Passive.Files)
            .Append(Nginx.File)
            .Concat(Nginx.IncludedFiles)
            .Concat(SqlScripts)
            .Concat(HostsFile is { Exists: true } hosts ? [hosts] : []);

    /// <summary>
    /// Both nodes cluster on one host with the same localMemberPort: the port offset does not move it,
    /// so the second node to start takes another port that neither WKA list names.
    /// </summary>
    public bool LocalMemberPortsCollide =>
        Topology.SharedHost
        && Active.Cluster is { IsEnabled: true } a && Passive.Cluster is { IsEnabled: true } p
        && a.EffectiveLocalMemberPort is { } port && port == p.EffectiveLocalMemberPort;

    /// <summary>
    /// The machine a host written on <paramref name="node"/> stands for: loopback means the node's own
    /// machine, which is the peer's too when they share a host; a name of either node, that node's machine.
    /// </summary>
    public string MachineOf(Node node, string host) =>
        Hosts.IsLoopback(host) ? MachineOf(node)
        : Nodes.FirstOrDefault(n => Topology.IsAddressOf(n, host)) is { } named ? MachineOf(named)
        : host.ToLowerInvariant();

    /// <summary>The database a JDBC URL written on <paramref name="node"/> reaches; null for an embedded one or one the URL does not identify.</summary>
    public DatabaseAddress? DatabaseOf(Node node, JdbcUrl? url) =>
        url is not { IsIdentified: true } ? null : new(url.Engine, MachineOf(node, url.Host!), url.Port, url.Database);

    /// <summary>
    /// Whether two JDBC URLs, written on these nodes, reach one database (database names compared without
    /// case); null when that is unknown: a URL that does not identify its database, an Oracle SID against a
    /// service name, or localhost while the topology does not say whose machine it is.
    /// </summary>
    public bool? SameDatabase(Node node, JdbcUrl? url, Node otherNode, JdbcUrl? otherUrl)
    {
        if (DatabaseOf(node, url) is not { } one || DatabaseOf(otherNode, otherUrl) is not { } other) return null;
        // MariaDB's driver and MySQL's reach the same servers: the engine named in the URL is the driver's, not the database's.
        if (Protocol(one.Engine) != Protocol(other.Engine) || one.Port != other.Port) return false;
        if (url!.NamedBySid != otherUrl!.NamedBySid) return null;
        if (!string.Equals(one.Database, other.Database, StringComparison.OrdinalIgnoreCase)) return false;
        if (!Topology.Known && (Hosts.IsLoopback(url.Host!) || Hosts.IsLoopback(otherUrl.Host!))) return null;
        return one.Machine == other.Machine;
    }

    private static string Protocol(string engine) => engine == "mariadb" ? "mysql" : engine;

    /// <summary>The node's machine: its first known address, or a name for it (one name for both on a shared host).</summary>
    public string MachineOf(Node node) =>
        Topology.AddressOf(node)?.ToLowerInvariant() ?? (Topology.SharedHost ? "the shared host" : $"the {node.Name} host");
}
