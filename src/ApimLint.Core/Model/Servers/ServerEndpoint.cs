using System.Globalization;

namespace ApimLint.Model.Servers;

/// <summary>
/// An address a node writes for another service (<c>tcp://tm1:5672</c>, <c>ssl://tm1:9711</c>, <c>https://cp:9443/services/</c>),
/// with Carbon's placeholders for the writing node itself filled in: <c>${carbon.local.ip}</c> is the node, <c>${jms.port}</c>
/// and the other port placeholders its ports.
/// </summary>
public sealed record ServerEndpoint(string Scheme, string Host, int? Port, Setting Source)
{
    /// <summary>The endpoint an item names, read as <paramref name="writer"/> reads it; null when it is not a URL with a host (or is unknown before start-up).</summary>
    public static ServerEndpoint? Parse(ServerNode writer, Setting item)
    {
        if (item.Value is not { } text) return null;
        var resolved = text.Trim()
            .Replace("${carbon.local.ip}", "localhost", StringComparison.Ordinal)
            .Replace("${jms.port}", Number(writer.Port(ServerPorts.Jms)), StringComparison.Ordinal)
            .Replace("${mgt.transport.https.port}", Number(writer.Port(ServerPorts.ManagementHttps)), StringComparison.Ordinal)
            .Replace("${http.nio.port}", Number(writer.Port(ServerPorts.GatewayHttp)), StringComparison.Ordinal)
            .Replace("${https.nio.port}", Number(writer.Port(ServerPorts.GatewayHttps)), StringComparison.Ordinal)
            .Replace("${carbon.context}", "/", StringComparison.Ordinal);
        if (resolved.Contains("${", StringComparison.Ordinal) || resolved.Contains("$env{", StringComparison.Ordinal)) return null;
        var schemeEnd = resolved.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd <= 0) return null;
        var rest = resolved[(schemeEnd + 3)..];
        var authority = rest.Split('/', 2)[0];
        if (authority.LastIndexOf('@') is var at and >= 0) authority = authority[(at + 1)..];
        var colon = authority.LastIndexOf(':');
        // An IPv6 address without a port keeps its colons inside brackets.
        if (colon < 0 || authority.EndsWith(']')) return Endpoint(authority, null);
        return Endpoint(authority[..colon], int.TryParse(authority[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) ? port : null);

        ServerEndpoint? Endpoint(string host, int? port) =>
            Hosts.IsHostOrAddress(host) ? new ServerEndpoint(resolved[..schemeEnd].ToLowerInvariant(), host, port, item) : null;
    }

    private static string Number(int port) => port.ToString(CultureInfo.InvariantCulture);

    public override string ToString() => Port is { } port ? $"{Scheme}://{Host}:{Number(port)}" : $"{Scheme}://{Host}";
}
