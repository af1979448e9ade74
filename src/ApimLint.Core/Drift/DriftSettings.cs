namespace ApimLint.Drift;

/// <summary>
/// What the user adds to the built-in divergence contract (<see cref="DriftDefaults"/>): globs relative
/// to APIM_HOME. A glob names files (<c>repository/conf/security/*.jks</c>) or, after '#', keys in them
/// (<c>repository/conf/carbon.xml#/Server/HostName</c>, <c>**/*.properties#log4j.logger.*</c>): '*' stands
/// for any run of characters without '/', '**' for any run at all.
/// </summary>
/// <param name="Ignore">Never compared (drift.ignore).</param>
/// <param name="NodeSpecific">Expected to differ between the nodes (drift.nodeSpecific).</param>
/// <param name="MustEqual">A difference is an error, not a warning (drift.mustEqual).</param>
public sealed record DriftSettings(IReadOnlyList<string> Ignore, IReadOnlyList<string> NodeSpecific, IReadOnlyList<string> MustEqual)
{
    public static DriftSettings None { get; } = new([], [], []);

    /// <summary>--follow-symlinks: the walk enters linked folders too, never into a loop.</summary>
    public bool FollowSymlinks { get; init; }
}

/// <summary>The divergence contract every deployment gets: what differs legitimately, what is never compared, what must be equal.</summary>
public static class DriftDefaults
{
    /// <summary>Runtime files: logs, temporary files, the embedded databases, locks and process ids.</summary>
    public static readonly IReadOnlyList<string> Ignore =
    [
        "repository/logs/**", "repository/database/**", "tmp/**", "repository/tmp/**",
        "**/*.log", "**/*.lck", "**/*.pid",
    ];

    /// <summary>What an active-passive pair sets differently on purpose.</summary>
    public static readonly IReadOnlyList<string> NodeSpecific =
    [
        // Each node's port offset (the passive's is 1 when both share a host).
        "repository/conf/carbon.xml#/Server/Ports/Offset",
        // Each node advertises its own address and port to the cluster, and lists the other node.
        "repository/conf/axis2/axis2.xml#/axisconfig/clustering/parameter[@name='localMemberHost']",
        "repository/conf/axis2/axis2.xml#/axisconfig/clustering/parameter[@name='localMemberPort']",
        "repository/conf/axis2/axis2.xml#/axisconfig/clustering/members",
        "repository/conf/axis2/axis2.xml#/axisconfig/clustering/members/**",
        // jndi.properties reaches the node's own broker, jndi2.properties the peer's.
        "**#connectionfactory.*/brokerlist",
        // Each node's data publisher names its own Traffic Manager's receiver and the peer's.
        "repository/conf/api-manager.xml#/APIManager/ThrottlingConfigurations/*/ReceiverUrlGroup",
        "repository/conf/api-manager.xml#/APIManager/ThrottlingConfigurations/*/AuthUrlGroup",
        // API-M 3.x/4.x deployment.toml (canonical dotted keys): each node's offset and address, the cluster members it
        // lists, the peers it duplicates events to and its own broker for throttle decisions.
        "repository/conf/deployment.toml#server.offset",
        "repository/conf/deployment.toml#server.node_ip",
        "repository/conf/deployment.toml#clustering.local_member_*",
        "repository/conf/deployment.toml#clustering.members*",
        "repository/conf/deployment.toml#apim.throttling.event_duplicate_url*",
        "repository/conf/deployment.toml#apim.event_hub.event_duplicate_url*",
        "repository/conf/deployment.toml#apim.throttling.throttle_decision_endpoints*",
    ];

    /// <summary>The shared stores (API-M, user store, governance registry) are one database that both nodes use.</summary>
    public static readonly IReadOnlyList<string> MustEqual =
        (from name in new[] { "WSO2AM_DB", "WSO2UM_DB", "WSO2GOV_DB" }
         from setting in new[] { "url", "username", "password", "driverClassName" }
         select $"repository/conf/datasources/master-datasources.xml#/datasources-configuration/datasources/datasource[name='{name}']/definition/configuration/{setting}")
        .ToList();
}
