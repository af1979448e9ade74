namespace ApimLint.Model.Servers;

/// <summary>What an API-M 3.x/4.x node does: the whole product, or one profile of a distributed deployment.</summary>
public enum ServerRole { AllInOne, ControlPlane, Gateway, TrafficManager, KeyManager }

public static class ServerRoles
{
    private static readonly (ServerRole Role, string Name)[] Names =
    [
        (ServerRole.AllInOne, "all-in-one"), (ServerRole.ControlPlane, "control-plane"), (ServerRole.Gateway, "gateway"),
        (ServerRole.TrafficManager, "traffic-manager"), (ServerRole.KeyManager, "key-manager"),
    ];

    /// <summary>The names apimlint.json gives the roles, in order.</summary>
    public static IEnumerable<string> AllNames => Names.Select(n => n.Name);

    /// <summary>"all-in-one", "control-plane", …: how apimlint.json and every output name the role.</summary>
    public static string Name(this ServerRole role) => Names.First(n => n.Role == role).Name;

    public static ServerRole? Parse(string name) =>
        Names.FirstOrDefault(n => n.Name == name) is { Name: not null } found ? found.Role : null;

    /// <summary>A node that runs the Traffic Manager's throttle engine and broker: an all-in-one node or a traffic manager.</summary>
    public static bool RunsTrafficManager(this ServerRole role) => role is ServerRole.AllInOne or ServerRole.TrafficManager;

    /// <summary>A node that runs the event hub (the control plane's broker that gateways listen to).</summary>
    public static bool RunsEventHub(this ServerRole role) => role is ServerRole.AllInOne or ServerRole.ControlPlane;

    /// <summary>A node that serves API traffic and so publishes throttle events to the traffic managers.</summary>
    public static bool RunsGateway(this ServerRole role) => role is ServerRole.AllInOne or ServerRole.Gateway;
}
