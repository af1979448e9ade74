using ApimLint.Diagnostics;
using ApimLint.Drift;
using ApimLint.Model;

namespace ApimLint.Configuration;

/// <summary>apimlint.json: the deployment's layout and the team's choices about rules.</summary>
public sealed record ProjectConfig
{
    /// <summary>The file it was read from; null when there is none.</summary>
    public string? File { get; init; }

    public IReadOnlyList<NodeConfig> Nodes { get; init; } = [];

    /// <summary>The release the nodes run ("version"), which 3.x/4.x nodes' files do not name.</summary>
    public ProductVersion? Version { get; init; }

    /// <summary>The nodes are API-M 3.x/4.x ones, each in a role (all-in-one, control-plane, …) rather than active or passive.</summary>
    public bool HasServerRoles => Nodes.Any(n => n.Server is not null);
    public string? Nginx { get; init; }

    /// <summary>The configuration prefix nginx runs with on the server ("nginx": { "prefix" }); null for /etc/nginx.</summary>
    public string? NginxPrefix { get; init; }
    public IReadOnlyList<string> Sql { get; init; } = [];
    public TargetOs? Os { get; init; }

    /// <summary>How artifacts reach the passive ("artifactSync"); null when the file does not say, which means Rsync.</summary>
    public ArtifactSync? ArtifactSync { get; init; }
    public IReadOnlyDictionary<string, Severity> Rules { get; init; } = new Dictionary<string, Severity>();
    public Severity? FailLevel { get; init; }
    public string? Baseline { get; init; }
    public DriftSettings Drift { get; init; } = DriftSettings.None;

    /// <summary>The folder paths in the file are relative to.</summary>
    public string? Directory => File is null ? null : Path.GetDirectoryName(File);

    public static readonly ProjectConfig None = new();
}

/// <summary>
/// One node: where its APIM_HOME is, its role (<paramref name="Role"/> for a 2.x pair, <see cref="Server"/> for API-M
/// 3.x/4.x), and what the files cannot tell (its host, an offset given with -DportOffset).
/// </summary>
public sealed record NodeConfig(string Name, NodeRole? Role, string Path, string? Host, int? PortOffset, TargetOs? Os)
{
    /// <summary>The 3.x/4.x role; null for a node of a 2.x pair.</summary>
    public Model.Servers.ServerRole? Server { get; init; }

    /// <summary>The group of peers a 3.x/4.x node belongs to; null for its role's.</summary>
    public string? Group { get; init; }

    /// <summary>Other names and addresses the node goes by, so that nginx servers written with them are matched to it.</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];
}

/// <summary>apimlint.json is not valid: a one-line error with file:line:col, exit 2.</summary>
public sealed class ConfigException(string message) : Exception(message);
