using ApimLint.Model.Servers;
using ApimLint.Syntax.Hosts;
using ApimLint.Syntax.Sql;

namespace ApimLint.Model;

public enum TargetOs { Linux, Windows }

/// <summary>
/// How the nodes share deployed artifacts (synapse-configs, executionplans): the guide's one-way Rsync from the
/// active, or a shared file system both nodes mount, which lets each node publish and the passive stand in for the active.
/// </summary>
public enum ArtifactSync { Rsync, SharedFilesystem }

/// <summary>
/// The one model of a deployment that every rule reads: an API-M 2.x active-passive pair (<see cref="Active"/>,
/// <see cref="Passive"/>), or API-M 3.x/4.x nodes configured by deployment.toml, in roles and groups (<see cref="Servers"/>).
/// </summary>
public sealed class Deployment
{
    public required string Root { get; init; }

    /// <summary>The 2.x pair. In a deployment of <see cref="Servers"/>, two nodes without files: the pair's rules find nothing there.</summary>
    public required Node Active { get; init; }
    public required Node Passive { get; init; }

    /// <summary>The API-M 3.x/4.x nodes, each configured by its deployment.toml; empty for a 2.x deployment.</summary>
    public IReadOnlyList<ServerNode> Servers { get; init; } = [];

    /// <summary>Whether the nodes are configured by deployment.toml (API-M 3.x/4.x) rather than by the 2.x XML files.</summary>
    public bool ConfiguredByToml => Servers.Count > 0;

    /// <summary>The release apimlint.json declares ("version"): for 3.x/4.x nodes, whose files do not name it.</summary>
    public ProductVersion? DeclaredVersion { get; init; }
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

    /// <summary>The release the deployment runs: apimlint.json's, else the active's, else the passive's; null when nothing names one.</summary>
    public ProductVersion? ProductVersion => DeclaredVersion ?? Active.ProductVersion ?? Passive.ProductVersion;

    /// <summary>A path relative to the deployment folder, for logical keys that must not depend on where the folder is.</summary>
    public string RelativePath(string fullPath) => Path.GetRelativePath(Root, fullPath).Replace('\\', '/');

    /// <summary>Both nodes' ports are known (<see cref="Node.PortsKnown"/>).</summary>
    public bool PortsKnown => Active.PortsKnown && Passive.PortsKnown;

    /// <summary>The node whose APIM_HOME holds the file, if any.</summary>
    public Node? NodeOf(string fullPath) => Nodes.FirstOrDefault(n => IsUnder(n.Home, fullPath));

    public Node PeerOf(Node node) => node.Role == NodeRole.Active ? Passive : Active;

    /// <summary>The 3.x/4.x node whose APIM_HOME holds the file, if any.</summary>
    public ServerNode? ServerOf(string fullPath) => Servers.FirstOrDefault(n => IsUnder(n.Home, fullPath));

    /// <summary>The name of the node (2.x or 3.x/4.x) whose folder holds the file; null for the deployment's own files.</summary>
    public string? NodeNameOf(string fullPath) => ServerOf(fullPath)?.Name ?? NodeOf(fullPath)?.Name;

    /// <summary>Every node's name and APIM_HOME: the servers' for a 3.x/4.x deployment, else the pair's.</summary>
    public IReadOnlyList<NodeFolder> NodeFolders =>
        ConfiguredByToml ? Servers.Select(s => new NodeFolder(s.Name, s.Home)).ToList() : Nodes.Select(n => new NodeFolder(n.Name, n.Home)).ToList();

    public IEnumerable<string> NodeNames => NodeFolders.Select(n => n.Name);

    private static bool IsUnder(string home, string fullPath) =>
        home.Length > 0 && fullPath.StartsWith(home.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    public IEnumerable<IConfigFile> Files =>
        Active.Files.Concat(Passive.Files)
            .Concat(Servers.SelectMany(s => s.Files))
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

/// <summary>A node's name and its APIM_HOME.</summary>
public sealed record NodeFolder(string Name, string Home);
