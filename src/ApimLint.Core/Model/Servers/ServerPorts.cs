namespace ApimLint.Model.Servers;

/// <summary>
/// The default ports of an API-M 3.x/4.x node, each moved by its <c>[server] offset</c>: the 2.x pack's (<see cref="Ports"/>),
/// which 3.x and 4.x keep, under the names their deployment.toml gives the services.
/// </summary>
public static class ServerPorts
{
    /// <summary>The node's message broker (JMS): throttle decisions, event duplication, the event hub.</summary>
    public const int Jms = Ports.Broker;

    /// <summary>The Traffic Manager's binary receiver (<c>tcp://</c>) for throttle events.</summary>
    public const int ThrottleReceiver = Ports.BinaryReceiver;

    /// <summary>The Traffic Manager's binary authentication receiver (<c>ssl://</c>).</summary>
    public const int ThrottleAuthReceiver = Ports.BinaryAuthReceiver;

    public const int ManagementHttps = Ports.HttpsServlet;
    public const int ManagementHttp = Ports.HttpServlet;
    public const int GatewayHttp = Ports.NioHttp;
    public const int GatewayHttps = Ports.NioHttps;

    /// <summary>The gateway's WebSocket transports (ws, wss).</summary>
    public const int WebSocket = 9099;
    public const int SecureWebSocket = 8099;
}
