using ApimLint.Model;
using ApimLint.Model.Servers;

namespace ApimLint.Rules.Gateway;

/// <summary>How findings about the addresses a 3.x/4.x node writes name things.</summary>
internal static class ServerEndpoints
{
    /// <summary>Where <paramref name="node"/> listens for the service on <paramref name="defaultPort"/>, as other nodes write it.</summary>
    public static string Address(ServerNode node, string scheme, int defaultPort) =>
        $"{scheme}://{node.Addresses.FirstOrDefault() ?? $"<{node.Name} host>"}:{node.Port(defaultPort)}";

    /// <summary>The values as written, for a message: <c>["tcp://a:5672", "tcp://b:5672"]</c>.</summary>
    public static string Written(Setting setting) =>
        setting.IsArray ? $"[{string.Join(", ", setting.Items.Select(i => $"\"{i.Written}\""))}]" : $"\"{setting.Written}\"";

    /// <summary>The logical key of a finding about a node's deployment.toml key.</summary>
    public static string Key(ServerNode node, string path) => $"{node.Name}:{node.DeploymentToml.RelativePath}#{path}";
}
