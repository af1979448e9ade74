using ApimLint.Diagnostics;
using ApimLint.Engine;
using ApimLint.Model;
using ApimLint.Model.Servers;

namespace ApimLint.Rules.ReverseProxy;

public sealed class ProxyPortNotSet : Rule
{
    private const string ProxyPortKey = "transport.https.properties.proxyPort";

    public override RuleDescriptor Descriptor { get; } = new(
        "APIM617", "proxy-port-not-set", RuleCategory.ReverseProxy, Severity.Warning,
        "A node nginx serves on another port than its management port must set [transport.https.properties] proxyPort to that port.",
        """
        ## What it does
        Finds the nginx servers whose locations send requests to a node's management port (9443 plus the
        node's `[server] offset`), through an upstream that names the node's address or a proxy_pass
        written with it. When they all listen on one other port (443), the node's deployment.toml must
        set `proxyPort` to it, written as `[transport.https.properties] proxyPort` or
        `[transport.https] properties.proxyPort`. Nodes apimlint cannot tie to an upstream server (no
        `host` in apimlint.json) and servers listening on several ports are left alone.

        ## Why it matters
        Without it the node builds its own URLs (redirects after login to the Publisher, the Developer
        Portal and the Carbon console, the callback URLs of the portals) with port 9443, which the load
        balancer does not serve: users leave the load balancer and fail. WSO2's
        [Configuring the Proxy Server and the Load Balancer](https://apim.docs.wso2.com/en/4.4.0/install-and-setup/setup/setting-up-proxy-server-and-the-load-balancer/configuring-the-proxy-server-and-the-load-balancer/)
        sets `proxyPort = 443` on every node behind the proxy.

        ## Example
        nginx listens on 443 and proxies to `10.0.1.11:9443`, and node1's deployment.toml has no
        `[transport.https.properties]` table.

        ## How to fix
        ```toml
        [transport.https.properties]
        proxyPort = 443
        ```
        `--fix` writes it: in place of a wrong value, under the table when the file has it, or as a new
        table at the end of the file.
        """) { Versions = VersionRange.ApiManager32AndLater, Fix = FixSafety.Safe };

    public override IEnumerable<Diagnostic> Check(Deployment deployment)
    {
        foreach (var node in deployment.Servers.Where(s => s.Settings.Known))
        {
            var servers = deployment.ServersInFrontOf(node, ServerPorts.ManagementHttps);
            var listens = servers.SelectMany(s => s.Listens).ToList();
            // A server without listen, or a listen without a port (a UNIX socket), is on a port apimlint does not know.
            if (servers.Count == 0 || servers.Any(s => s.Listens.Count == 0) || listens.Any(l => l.Port is null)) continue;
            var ports = listens.Select(l => l.Port!.Value).Distinct().ToList();
            if (ports.Count != 1 || ports[0] == node.Port(ServerPorts.ManagementHttps)) continue;
            var expected = ports[0];
            var setting = node.Settings.Get(ProxyPortKey);
            if (setting?.Value == expected.ToString(System.Globalization.CultureInfo.InvariantCulture)) continue;
            var server = servers[0];
            var related = new RelatedLocation(server.Listens[0].Directive.Location, $"nginx serves {node.Name} on {expected} here ({server.DisplayName})");
            var what = setting is null ? "does not set proxyPort" : $"sets proxyPort to {setting.Written}";
            yield return Report(setting?.Location ?? node.Settings.PlaceFor(ProxyPortKey),
                    $"{node.Name}'s deployment.toml {what}, but nginx serves its management port {node.Port(ServerPorts.ManagementHttps)} on {expected}: the node's redirects and URLs name a port the load balancer does not serve",
                    $"{node.Name}:{ServerNode.DeploymentTomlPath}#{ProxyPortKey}", related)
                with { Fix = SetProxyPort(node, expected) };
        }
    }

    private static Fix? SetProxyPort(ServerNode node, int port)
    {
        var value = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return node.Settings.Write(ProxyPortKey, value) is { } edit ? Fix.Safe($"set proxyPort = {value} in {node.Name}'s deployment.toml", edit) : null;
    }
}
