using System.Text;

namespace ApimLint.Model;

/// <summary>
/// The ${…} placeholders API-M fills in at start-up, with the values a node gives them
/// (ports shifted by the node's offset).
/// </summary>
public static class Placeholders
{
    /// <summary>
    /// Replaces each ${name} (name: one or more characters other than '}') that the node has a value for. A plain
    /// scan rather than a regex: it runs on most values of every file, and building a regex matcher is a large
    /// part of a short run's start-up.
    /// </summary>
    public static string Resolve(string text, Node node)
    {
        var open = text.IndexOf("${", StringComparison.Ordinal);
        if (open < 0) return text;
        var resolved = new StringBuilder(text.Length);
        var copied = 0;
        while (open >= 0)
        {
            var close = text.IndexOf('}', open + 2);
            if (close < 0) break;
            if (close > open + 2 && ValueFor(text[(open + 2)..close], node) is { } value)
            {
                resolved.Append(text, copied, open - copied).Append(value);
                copied = close + 1;
                open = text.IndexOf("${", copied, StringComparison.Ordinal);
            }
            else
                open = text.IndexOf("${", close > open + 2 ? close + 1 : open + 1, StringComparison.Ordinal);
        }
        return copied == 0 ? text : resolved.Append(text, copied, text.Length - copied).ToString();
    }

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
