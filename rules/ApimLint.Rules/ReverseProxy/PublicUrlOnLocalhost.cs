using ApimLint.Diagnostics;
using ApimLint.Engine;
using ApimLint.Model;
using ApimLint.Model.Servers;

namespace ApimLint.Rules.ReverseProxy;

public sealed class PublicUrlOnLocalhost : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "APIM618", "public-url-on-localhost", RuleCategory.ReverseProxy, Severity.Warning,
        "A node nginx serves must not give users localhost: [server] hostname, the Developer Portal URL and the gateway endpoints name the load balancer.",
        """
        ## What it does
        For each node that nginx serves (a location reaches its management port, through an upstream
        naming the node's address), reports the values the node hands to browsers and API consumers when
        they name `localhost` or another loopback address:
        - `[server] hostname` (default `localhost`), from which the node builds its redirects and links;
        - on all-in-one and control-plane nodes, `[apim.devportal] url` (default
          `https://localhost:${mgt.transport.https.port}/devportal`), the Publisher's "View in Developer
          Portal" link;
        - on those nodes, the `http_endpoint`, `https_endpoint`, `ws_endpoint` and `wss_endpoint` of each
          `[[apim.gateway.environment]]`, which the Developer Portal shows as the API's URLs.

        ## Why it matters
        Behind a load balancer the node's own view of itself is not the users' view: redirects after
        login, the Publisher's links to the Developer Portal and the URLs consumers copy all send them to
        `localhost`, their own machine ([wso2/product-apim#7067](https://github.com/wso2/product-apim/issues/7067),
        [wso2/product-apim#7540](https://github.com/wso2/product-apim/issues/7540)). WSO2's
        [Configuring an Active-Active Deployment](https://apim.docs.wso2.com/en/4.4.0/install-and-setup/setup/single-node/configuring-an-active-active-deployment/)
        sets each of them to the load balancer's host.

        ## Example
        ```toml
        [server]
        hostname = "localhost"
        ```
        on nodes nginx serves as `api.am.wso2.com`.

        ## How to fix
        Write the load balancer's host: `hostname = "api.am.wso2.com"`,
        `url = "https://api.am.wso2.com/devportal"`, `https_endpoint = "https://gw.am.wso2.com"`.
        """) { Versions = VersionRange.ApiManager32AndLater };

    private static readonly string[] EndpointKeys = ["http_endpoint", "https_endpoint", "ws_endpoint", "wss_endpoint"];

    public override IEnumerable<Diagnostic> Check(Deployment deployment)
    {
        foreach (var node in deployment.Servers.Where(n => n.Settings.Known))
        {
            var fronting = deployment.ServersInFrontOf(node, ServerPorts.ManagementHttps);
            if (fronting.Count == 0) continue;
            var via = fronting[0].DisplayName;
            foreach (var (path, what) in PublicValues(node))
            {
                if (node.Settings.Get(path) is not { } setting || HostOf(node, setting) is not { } host || !Hosts.IsLoopback(host)) continue;
                yield return Report(setting.Location,
                    $"{node.Name}'s {Setting.Display(path)} {setting.Shown} names {host}, but users reach {node.Name} through nginx ({via}): {what}",
                    $"{node.Name}:{node.DeploymentToml.RelativePath}#{path}");
            }
        }
    }

    /// <summary>The host a value names: a URL's, or the value itself for [server] hostname; null when unknown before start-up.</summary>
    private static string? HostOf(ServerNode node, Setting setting) =>
        ServerEndpoint.Parse(node, setting)?.Host ?? (setting.Value is { } text && Hosts.IsHostOrAddress(text.Trim()) ? text.Trim() : null);

    private static IEnumerable<(string Path, string What)> PublicValues(ServerNode node)
    {
        yield return ("server.hostname", "its redirects and links send users to their own machine");
        if (node.Role is not (ServerRole.AllInOne or ServerRole.ControlPlane)) yield break;
        yield return ("apim.devportal.url", "the Publisher's links to the Developer Portal send users to their own machine");
        foreach (var environment in node.Settings.TablePaths("apim.gateway.environment"))
            foreach (var key in EndpointKeys)
                yield return ($"{environment}.{key}", "the Developer Portal shows API consumers this URL for the APIs");
    }
}
