using ApimLint.Syntax.Toml;

namespace ApimLint.Model.Servers;

/// <summary>
/// One API-M 3.x/4.x node: configured by its repository/conf/deployment.toml (from which the node generates its XML files
/// at start-up), with a role, in a group of peers that back each other up.
/// </summary>
public sealed class ServerNode
{
    public const string DeploymentTomlPath = "repository/conf/deployment.toml";

    public required string Name { get; init; }
    public required ServerRole Role { get; init; }

    /// <summary>The peers this node backs up and is backed up by: nodes of one group share a role. By default, the role's name.</summary>
    public required string Group { get; init; }

    /// <summary>Full path of APIM_HOME.</summary>
    public required string Home { get; init; }

    public required ConfigFile<TomlDocumentSyntax> DeploymentToml { get; init; }

    /// <summary>What apimlint.json says the file cannot: the node's host and other names, an offset given with -DportOffset.</summary>
    public NodeOverride Override { get; init; } = NodeOverride.None;

    public ServerSettings Settings => _settings ??= new ServerSettings(DeploymentToml);
    private ServerSettings? _settings;

    /// <summary>Whether the node's ports are known: its deployment.toml was read, or apimlint.json gives the offset.</summary>
    public bool PortsKnown => Override.PortOffset is not null || Settings.Known;

    public int PortOffset => Override.PortOffset ?? (int.TryParse(Settings.Get("server.offset")?.Value, out var offset) ? offset : 0);

    /// <summary>The port the node really listens on for a default port.</summary>
    public int Port(int defaultPort) => defaultPort + PortOffset;

    /// <summary>The names the node goes by for its peers: apimlint.json's host and aliases, and <c>[server] node_ip</c>.</summary>
    public IEnumerable<string> Addresses =>
        new[] { Override.Host, Settings.Get("server.node_ip")?.Value }.OfType<string>().Concat(Override.Aliases).Where(a => a.Length > 0);

    public IEnumerable<IConfigFile> Files => [DeploymentToml];
}
