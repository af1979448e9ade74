using ApimLint.Model;
using ApimLint.Model.Servers;

namespace ApimLint.Rules.Gateway;

/// <summary>One item of a list of addresses a 3.x/4.x node writes, and what it reaches.</summary>
// Named in full: this namespace has a Reach of its own, for the 2.x pair.
internal sealed record ReachedItem(Setting Item, ApimLint.Model.Servers.Reach Reach)
{
    public bool ReachesNode(ServerNode node) => Reach.Kind == ReachKind.Node && Reach.Node == node;
}

/// <summary>What the addresses a 3.x/4.x node writes reach, and how findings about them name things.</summary>
internal static class ServerEndpoints
{
    /// <summary>
    /// Each value of <paramref name="setting"/> with the node it reaches for the service on <paramref name="defaultPort"/>;
    /// a value that is not an address apimlint can read (<c>$env{…}</c>, a secret) reaches what is not known.
    /// </summary>
    public static IReadOnlyList<ReachedItem> Reaches(Deployment deployment, ServerNode writer, Setting? setting, int defaultPort) =>
        setting?.Values.Select(item => new ReachedItem(item,
            ServerEndpoint.Parse(writer, item) is { } endpoint ? deployment.Reach(writer, endpoint, defaultPort) : ApimLint.Model.Servers.Reach.Unknown)).ToList() ?? [];

    /// <summary>Where <paramref name="node"/> listens for the service on <paramref name="defaultPort"/>, as other nodes write it.</summary>
    public static string Address(ServerNode node, string scheme, int defaultPort) =>
        $"{scheme}://{node.Addresses.FirstOrDefault() ?? $"<{node.Name} host>"}:{node.Port(defaultPort)}";

    /// <summary>The values as written, for a message: <c>["tcp://a:5672", "tcp://b:5672"]</c>.</summary>
    public static string Written(Setting setting) =>
        setting.IsArray ? $"[{string.Join(", ", setting.Items.Select(i => $"\"{i.Written}\""))}]" : $"\"{setting.Written}\"";

    /// <summary>The logical key of a finding about a node's deployment.toml key.</summary>
    public static string Key(ServerNode node, string path) => $"{node.Name}:{node.DeploymentToml.RelativePath}#{path}";
}
