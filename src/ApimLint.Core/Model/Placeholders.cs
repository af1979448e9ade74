using System.Text.RegularExpressions;

namespace ApimLint.Model;

/// <summary>
/// The ${…} placeholders API-M fills in at start-up, with the values a node gives them
/// (ports shifted by the node's offset).
/// </summary>
public static partial class Placeholders
{
    public static string Resolve(string text, Node node) =>
        PlaceholderPattern().Replace(text, m => ValueFor(m.Groups[1].Value, node) ?? m.Value);

    private static string? ValueFor(string name, Node node) => name switch
    {
        "mgt.transport.https.port" or "carbon.management.port" => node.Port(Ports.HttpsServlet).ToString(),
        "mgt.transport.http.port" => node.Port(Ports.HttpServlet).ToString(),
        "https.nio.port" => node.Port(Ports.NioHttps).ToString(),
        "http.nio.port" => node.Port(Ports.NioHttp).ToString(),
        "jms.port" => node.Port(Ports.Broker).ToString(),
        "receiver.url.port" => node.Port(Ports.BinaryReceiver).ToString(),
        "auth.url.port" => node.Port(Ports.BinaryAuthReceiver).ToString(),
        "carbon.context" => node.WebContextRoot,
        "carbon.local.ip" => "localhost",
        _ => null,
    };

    [GeneratedRegex(@"\$\{([^}]+)\}", RegexOptions.NonBacktracking)]
    private static partial Regex PlaceholderPattern();
}

/// <summary>API-M 2.x default ports, before the node's port offset is added.</summary>
public static class Ports
{
    public const int HttpServlet = 9763;
    public const int HttpsServlet = 9443;
    public const int NioHttp = 8280;
    public const int NioHttps = 8243;
    public const int Broker = 5672;
    public const int BinaryReceiver = 9611;
    public const int BinaryAuthReceiver = 9711;
}
