using ApimLint.Diagnostics;
using ApimLint.Engine;
using ApimLint.Model;
using ApimLint.Text;

namespace ApimLint.Rules.ReverseProxy;

public sealed class ConnectorProxyPortMissing : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "APIM615", "connector-proxy-port-missing", RuleCategory.ReverseProxy, Severity.Warning,
        "A servlet connector nginx serves the web apps through on another port must set proxyPort to that port in catalina-server.xml.",
        """
        ## What it does
        For each node's servlet connector in repository/conf/tomcat/catalina-server.xml (port 9443 for
        HTTPS, 9763 for HTTP, before the port offset) that an nginx location of a web app (the store,
        the Publisher, the Admin Portal, the management console) proxies to, reads the ports the nginx
        servers holding those locations listen on. When nginx serves the apps on a port other than the
        connector's own, the connector must have `proxyPort` set to it. Reported per node and connector;
        nothing is said when nginx's routing cannot be matched to the nodes or a server's listen port is
        not known.

        ## Why it matters
        Without `proxyPort`, Tomcat reports the connector's own port to the apps, and the redirects and
        URLs the server builds for the browser name it: the user behind nginx on 443 is sent to
        `https://host:9443/…` (or `:9444` on the passive), which the proxy does not serve.
        ([Configuring the Proxy Server and the Load Balancer](https://docs.wso2.com/display/AM260/Configuring+the+Proxy+Server+and+the+Load+Balancer),
        [product-apim#8624](https://github.com/wso2/product-apim/issues/8624),
        [Tomcat's HTTP connector: proxyPort](https://tomcat.apache.org/tomcat-7.0-doc/config/http.html).)

        ## Example
        nginx listens on 443 and proxies `/publisher` to the nodes' port 9443, and the connector is
        ```xml
        <Connector protocol="org.apache.coyote.http11.Http11NioProtocol"
                   port="9443"
                   … />
        ```

        ## How to fix
        Add the port nginx listens on to the connector, on both nodes:
        ```xml
        <Connector protocol="org.apache.coyote.http11.Http11NioProtocol"
                   port="9443"
                   proxyPort="443"
                   … />
        ```
        Fix (safe when the nginx servers routing to the connector listen on one port): `apimlint --fix`
        adds or corrects `proxyPort`.
        """) { Fix = FixSafety.Safe };

    public override IEnumerable<Diagnostic> Check(Deployment deployment)
    {
        foreach (var (node, service, servers) in RoutedConnectors(deployment))
        {
            if (node.ConnectorOf(service) is not { Port: not null } connector) continue;
            var listens = servers.SelectMany(s => s.Listens).ToList();
            // A server without listen, or a listen without a port (a UNIX socket), is on a port apimlint does not know.
            if (servers.Any(s => s.Listens.Count == 0) || listens.Any(l => l.Port is null)) continue;
            var ports = new List<int>();
            foreach (var listen in listens)
                if (!ports.Contains(listen.Port!.Value)) ports.Add(listen.Port.Value);
            ports.Sort((a, b) => a.CompareTo(b));
            var own = node.PortOf(service);
            if (ports.Contains(own)) continue;
            // A proxyPort nginx listens on is right; a placeholder, or anything but a number, is a port apimlint does not know.
            if (connector.ProxyPort is { } written && (!int.TryParse(written.Value, System.Globalization.NumberStyles.None, null, out var set) || ports.Contains(set))) continue;
            var related = listens.Select(l => new RelatedLocation(Location.InFile(l.Directive.Source, l.Directive.Span), $"nginx listens on {l.Port}")).ToArray();
            var served = $"nginx serves its web apps on port {string.Join(" and ", ports)}";
            var message = connector.ProxyPort is null
                ? $"{node.Name}'s connector for the {service.Label()}, {node.PortWithOffset(service)}, has no proxyPort, but {served}: redirects and URLs the server builds name port {own}"
                : $"{node.Name}'s connector for the {service.Label()}, {node.PortWithOffset(service)}, has proxyPort {connector.ProxyPort.Value}, but {served}: redirects and URLs the server builds name port {connector.ProxyPort.Value}";
            var location = connector.ProxyPort is null ? Location.InFile(connector.Port.Source, connector.Port.ValueSpan) : connector.ProxyPortLocation;
            yield return Report(location, message,
                Key(node, node.CatalinaServerXml, $"/Server/Service/Connector[@port='{connector.Port.Value}']/@proxyPort"), related)
                with { Fix = ports.Count == 1 ? SetProxyPort(connector, ports[0]) : null };
        }
    }

    /// <summary>Each node's servlet port that a web app location proxies to, with the nginx servers that hold those locations.</summary>
    private static IEnumerable<RoutedConnector> RoutedConnectors(Deployment deployment)
    {
        var routing = NginxRouting.Of(deployment);
        var connectors = new List<RoutedConnector>();
        foreach (var served in deployment.Nginx.Locations)
        {
            if (routing.RoleOf(served.Location) is not (LocationRole.Manager or LocationRole.Store) || routing.UpstreamOf(served.Location) is not { } upstream) continue;
            foreach (var target in upstream.Servers.Select(routing.Resolve))
            {
                if (target is not { Node: { } node, Service: { } service } || !service.IsServlet()) continue;
                if (connectors.Find(c => c.Node == node && c.Service == service) is not { } connector)
                    connectors.Add(connector = new RoutedConnector(node, service, []));
                if (!connector.Servers.Contains(served.Server)) connector.Servers.Add(served.Server);
            }
        }
        connectors.Sort((a, b) => string.CompareOrdinal(a.Node.Name, b.Node.Name) is var byName and not 0 ? byName : ((int)a.Service).CompareTo((int)b.Service));
        return connectors;
    }

    private sealed record RoutedConnector(Node Node, NodeService Service, List<NginxServer> Servers);

    private static Fix SetProxyPort(TomcatConnector connector, int port)
    {
        var title = $"Set the connector's proxyPort to {port}";
        if (connector.ProxyPort is not null) return Fix.Safe(title, Edits.Replace(connector.ProxyPortLocation, port.ToString()));
        // After port="…": on a line of its own, aligned with it, where the attributes stand one a line.
        var after = connector.Port!;
        var indent = Edits.IndentationOf(after);
        var ownLine = after.Span.Start - indent.Length > 0 && after.Source.Text[after.Span.Start - indent.Length - 1] is '\n' or '\r';
        var text = ownLine ? $"\n{indent}proxyPort=\"{port}\"" : $" proxyPort=\"{port}\"";
        return Fix.Safe(title, new TextEdit(after.Source.Path, new TextSpan(after.Span.End, 0), text));
    }
}
