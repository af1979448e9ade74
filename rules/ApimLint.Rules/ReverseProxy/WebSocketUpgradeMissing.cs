using ApimLint.Diagnostics;
using ApimLint.Engine;
using ApimLint.Model;
using ApimLint.Model.Servers;
using ApimLint.Syntax.Nginx;

namespace ApimLint.Rules.ReverseProxy;

public sealed class WebSocketUpgradeMissing : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "APIM619", "websocket-upgrade-missing", RuleCategory.ReverseProxy, Severity.Error,
        "An nginx location in front of a gateway's WebSocket port must pass the upgrade: proxy_http_version 1.1 with the Upgrade and Connection headers.",
        """
        ## What it does
        Finds the nginx locations whose proxy_pass reaches a gateway's WebSocket transport (ws 9099 or
        wss 8099, plus the node's `[server] offset`) on an all-in-one or gateway node, through an
        upstream naming the node's address or a proxy_pass written with it, and reports one that does
        not set `proxy_http_version 1.1` (in the location or inherited) and the `Upgrade` and
        `Connection` request headers. A location whose includes apimlint did not read is left alone.

        ## Why it matters
        nginx talks HTTP/1.0 to the backend by default and does not pass the hop-by-hop `Upgrade`
        header: the WebSocket handshake reaches the gateway as a plain GET and every WebSocket API
        fails with 4xx, while REST APIs through the same nginx work
        ([nginx: WebSocket proxying](https://nginx.org/en/docs/http/websocket.html)). WSO2's load
        balancer sample for API-M has no WebSocket location at all, although the environment publishes
        `ws://…:9099` and `wss://…:8099` endpoints
        ([Configuring the Proxy Server and the Load Balancer](https://apim.docs.wso2.com/en/4.4.0/install-and-setup/setup/setting-up-proxy-server-and-the-load-balancer/configuring-the-proxy-server-and-the-load-balancer/)).

        ## Example
        ```nginx
        location / {
            proxy_pass http://wsgw;
        }
        ```

        ## How to fix
        ```nginx
        location / {
            proxy_http_version 1.1;
            proxy_set_header Upgrade $http_upgrade;
            proxy_set_header Connection "upgrade";
            proxy_pass http://wsgw;
        }
        ```
        """) { Versions = VersionRange.ApiManager32AndLater };

    private static readonly string[] Headers = ["Upgrade", "Connection"];

    public override IEnumerable<Diagnostic> Check(Deployment deployment)
    {
        var routing = NginxRouting.Of(deployment);
        var locations = deployment.Servers.Where(n => n.Role.RunsGateway())
            .SelectMany(n => new[] { ServerPorts.WebSocket, ServerPorts.SecureWebSocket }.SelectMany(port => deployment.LocationsInFrontOf(n, port)))
            .Select(x => x.Location)
            .Distinct();
        foreach (var location in locations)
        {
            if (!deployment.Nginx.IsReadCompletely(location.Directive)) continue;
            var missing = Headers.Where(h => !location.ProxyHeaders.ContainsKey(h)).ToList();
            if (Effective(location.Directive, "proxy_http_version")?.Arguments.FirstOrDefault()?.Value != "1.1") missing.Insert(0, "proxy_http_version 1.1");
            if (missing.Count == 0) continue;
            yield return Report(location.Path.Location,
                $"{NginxRouting.Display(location)} proxies a gateway's WebSocket port without {string.Join(", ", missing)}: the handshake reaches the gateway as a plain request and every WebSocket API fails",
                routing.Key(location.Directive) + "/websocket");
        }
    }

    /// <summary>The directive in effect at a location: its own, else the nearest enclosing block's (nginx inherits it down).</summary>
    private static NginxDirectiveSyntax? Effective(NginxDirectiveSyntax location, string name) =>
        location.Ancestors().Prepend(location).Select(level => level.FindAll(name).LastOrDefault()).FirstOrDefault(d => d is not null);
}
