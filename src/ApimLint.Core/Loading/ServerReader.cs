using ApimLint.Model;
using ApimLint.Model.Servers;

namespace ApimLint.Loading;

/// <summary>Where an API-M 3.x/4.x node is, and what apimlint.json says of it.</summary>
/// <param name="Role">The role apimlint.json gives; null to read it from the node (<see cref="ServerReader.RoleOf"/>).</param>
/// <param name="Group">The group of peers apimlint.json gives; null for the role's.</param>
public sealed record ServerInput(string Name, string Home, ServerRole? Role = null, string? Group = null)
{
    public NodeOverride Override { get; init; } = NodeOverride.None;
}

/// <summary>Builds a <see cref="ServerNode"/> from an APIM_HOME configured by deployment.toml.</summary>
internal static class ServerReader
{
    /// <summary>The start scripts of the 4.5+ distributions, each of which is one role.</summary>
    private static readonly (string Script, ServerRole Role)[] Distributions =
    [
        ("bin/api-cp.sh", ServerRole.ControlPlane), ("bin/gateway.sh", ServerRole.Gateway), ("bin/traffic-manager.sh", ServerRole.TrafficManager),
    ];

    public static ServerNode Read(ServerInput input)
    {
        var file = ConfigFileLoader.Toml(input.Home, ServerNode.DeploymentTomlPath);
        var role = input.Role ?? RoleOf(input.Home, new ServerSettings(file));
        return new ServerNode
        {
            Name = input.Name,
            Role = role,
            Group = input.Group ?? role.Name(),
            Home = input.Home,
            DeploymentToml = file,
            Override = input.Override,
        };
    }

    /// <summary>
    /// The role a node runs when apimlint.json does not say: the 4.5+ distribution it is (by its start script), else its
    /// profile (<c>[server] server_role</c>, as the configuration mapper's infer.json reads it), else all-in-one.
    /// </summary>
    public static ServerRole RoleOf(string home, ServerSettings settings) => StatedRoleOf(home, settings) ?? ServerRole.AllInOne;

    /// <summary>The role the node's files state (its distribution's start script, a profile other than "default"); null when they do not.</summary>
    public static ServerRole? StatedRoleOf(string home, ServerSettings settings)
    {
        foreach (var (script, role) in Distributions)
            if (FileStatus.KindOf(Path.Combine(home, script), followLinks: false) == FileKind.Regular) return role;
        return settings.Get("server.server_role")?.Value switch
        {
            "control-plane" => ServerRole.ControlPlane,
            "gateway-worker" => ServerRole.Gateway,
            "traffic-manager" => ServerRole.TrafficManager,
            "api-key-manager" => ServerRole.KeyManager,
            _ => null,
        };
    }

    /// <summary>Whether a folder is an APIM_HOME configured by deployment.toml.</summary>
    public static bool IsTomlConfigured(string home) =>
        FileStatus.KindOf(Path.Combine(home, ServerNode.DeploymentTomlPath), followLinks: false) == FileKind.Regular;
}

/// <summary>Finds the API-M 3.x/4.x nodes of a deployment folder, for `apimlint init`.</summary>
public static class ServerDiscovery
{
    /// <summary>The folder's subfolders configured by deployment.toml, in name order, each with the role its files state (null when they do not).</summary>
    public static IReadOnlyList<(string Folder, ServerRole? Role)> Find(string deploymentFolder) =>
        Directory.GetDirectories(deploymentFolder).Order(StringComparer.Ordinal)
            .Where(ServerReader.IsTomlConfigured)
            .Select(home => (Path.GetFileName(home), ServerReader.StatedRoleOf(home, new ServerSettings(ConfigFileLoader.Toml(home, ServerNode.DeploymentTomlPath)))))
            .ToList();
}
