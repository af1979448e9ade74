namespace ApimLint.Model.Servers;

/// <summary>The default ports of an API-M 3.x/4.x node, each moved by its <c>[server] offset</c>.</summary>
public static class ServerPorts
{
    /// <summary>The node's message broker (JMS): throttle decisions, event duplication, the event hub.</summary>
    public const int Jms = 5672;

    /// <summary>The Traffic Manager's binary receiver (<c>tcp://</c>) for throttle events.</summary>
    public const int ThrottleReceiver = 9611;

    /// <summary>The Traffic Manager's binary authentication receiver (<c>ssl://</c>).</summary>
    public const int ThrottleAuthReceiver = 9711;

    public const int ManagementHttps = 9443;
    public const int GatewayHttp = 8280;
    public const int GatewayHttps = 8243;
}
