using ApimLint.Syntax.Xml;
using ApimLint.Text;

namespace ApimLint.Model;

/// <summary>
/// A <c>&lt;Connector&gt;</c> of repository/conf/tomcat/catalina-server.xml: its port as written (before the
/// node's port offset) and the proxyPort Tomcat reports to the apps in place of it.
/// </summary>
public sealed record TomcatConnector(XmlElementSyntax Element, XmlAttributeSyntax? Port, XmlAttributeSyntax? ProxyPort)
{
    public int? WrittenPort => Port is { } port && int.TryParse(port.Value, out var value) ? value : null;

    public Location ProxyPortLocation => Location.InFile(ProxyPort!.Source, ProxyPort.ValueSpan);
}

public static class TomcatConnectors
{
    /// <summary>The node's Tomcat connectors (Server/Service/Connector), in file order.</summary>
    public static IReadOnlyList<TomcatConnector> Connectors(this Node node) =>
        node.CatalinaServerXml.Syntax?.Root?.Elements("Service").SelectMany(s => s.Elements("Connector"))
            .Select(c => new TomcatConnector(c, c.Attribute("port"), c.Attribute("proxyPort"))).ToList() ?? [];

    /// <summary>The connector that serves a servlet port: the one whose written port is the service's default.</summary>
    public static TomcatConnector? ConnectorOf(this Node node, NodeService service) =>
        service.IsServlet() ? node.Connectors().FirstOrDefault(c => c.WrittenPort == service.DefaultPort()) : null;
}
