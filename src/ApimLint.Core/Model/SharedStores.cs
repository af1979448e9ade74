using ApimLint.Syntax.Xml;
using ApimLint.Text;

namespace ApimLint.Model;

/// <summary>
/// The three stores both nodes must share. The guide calls their datasources WSO2AM_DB, WSO2UM_DB and
/// WSO2GOV_DB, but a store is whichever datasource its reader names, whatever that datasource is called.
/// </summary>
public enum SharedStore { ApiManager, UserStore, Registry }

/// <summary>How a node's store was found.</summary>
public enum StoreResolution
{
    /// <summary>Its reader names a JNDI name that a datasource defines.</summary>
    Read,

    /// <summary>Nothing reads the store, and a datasource has the guide's name.</summary>
    GuideName,

    /// <summary>Its reader names something that does not resolve, or the reading file was not read: another finding or none.</summary>
    Unknown,

    /// <summary>Nothing reads the store, no other rule reports that, and no datasource has the guide's name.</summary>
    Missing,
}

/// <summary>One shared store of a node: the datasource behind it and what names that datasource.</summary>
/// <param name="Reader">What reads the store, worded to follow "the one", e.g. "api-manager.xml reads".</param>
/// <param name="Reference">The JNDI name the reader writes.</param>
/// <param name="MissingBecause">For a missing store, why nothing reads it, e.g. "api-manager.xml has no &lt;DataSourceName&gt;".</param>
public sealed record SharedStoreUse(SharedStore Store, StoreResolution Resolution, DataSource? DataSource, string? Reader, Located<string>? Reference, string? MissingBecause = null)
{
    public string GuideName => GuideNameOf(Store);

    public string RoleName => Store switch
    {
        SharedStore.ApiManager => "API-M",
        SharedStore.UserStore => "user store",
        _ => "registry",
    };

    /// <summary>"active's registry datasource WSO2REG_DB (the one registry.xml's governance mount uses, jdbc/WSO2REG_DB)".</summary>
    public string Describe(Node node) => Resolution == StoreResolution.Read
        ? $"{node.Name}'s {RoleName} datasource {DataSource!.Name.Value} (the one {Reader}, {Reference!.Value})"
        : $"{node.Name}'s {RoleName} datasource {DataSource?.Name.Value ?? GuideName} (the guide's name: nothing on {node.Name} names another)";

    public static string GuideNameOf(SharedStore store) => store switch
    {
        SharedStore.ApiManager => "WSO2AM_DB",
        SharedStore.UserStore => "WSO2UM_DB",
        _ => "WSO2GOV_DB",
    };
}

/// <summary>Finds a node's shared stores by what reads them.</summary>
public static class SharedStores
{
    public static readonly SharedStore[] All = [SharedStore.ApiManager, SharedStore.UserStore, SharedStore.Registry];

    public static IEnumerable<SharedStoreUse> Of(Node node) => All.Select(store => Of(node, store));

    public static SharedStoreUse Of(Node node, SharedStore store) => store switch
    {
        SharedStore.ApiManager => ApiManager(node),
        SharedStore.UserStore => UserStore(node),
        _ => Registry(node),
    };

    private static SharedStoreUse ApiManager(Node node)
    {
        if (node.ApiManagerXml.Syntax?.Root is not { } root) return Fallback(node, SharedStore.ApiManager, missingBecause: null);
        return root.Element("DataSourceName") is { } name
            ? Resolve(node, SharedStore.ApiManager, "api-manager.xml reads", new Located<string>(name.Text, Location.InFile(name.Source, name.TextSpan)))
            : Fallback(node, SharedStore.ApiManager, "api-manager.xml has no <DataSourceName>");
    }

    private static SharedStoreUse UserStore(Node node)
    {
        if (node.UserMgtXml.Syntax?.Root is null) return Fallback(node, SharedStore.UserStore, missingBecause: null);
        return node.UserStore?.DataSource is { } reference
            ? Resolve(node, SharedStore.UserStore, "user-mgt.xml reads", reference)
            : Fallback(node, SharedStore.UserStore, "user-mgt.xml's realm names no dataSource");
    }

    /// <summary>
    /// mount → remoteInstance → dbConfig → dataSource, through the governance mount, else the config mount.
    /// A registry.xml that mounts neither is APIM304's finding, so the store is then never missing.
    /// </summary>
    private static SharedStoreUse Registry(Node node)
    {
        if (node.Registry is not { } registry) return Fallback(node, SharedStore.Registry, missingBecause: null);
        foreach (var (path, space) in new[] { (RegistryConfig.GovernancePath, "governance"), (RegistryConfig.ConfigPath, "config") })
        {
            if (registry.Mount(path) is not { } mount) continue;
            // A broken link of the chain is the registry rules' finding (unknown instance, instance without dbConfig, unknown dbConfig).
            if (mount.InstanceId is not { } id || registry.RemoteInstance(id.Value) is not { DbConfig: { } dbConfigName }
                || registry.DbConfig(dbConfigName.Value) is not { DataSource: { } reference })
                return new SharedStoreUse(SharedStore.Registry, StoreResolution.Unknown, null, null, null);
            return Resolve(node, SharedStore.Registry, $"registry.xml's {space} mount uses", reference);
        }
        return Fallback(node, SharedStore.Registry, missingBecause: null);
    }

    /// <summary>A JNDI name no datasource defines is APIM107's: the store is unknown.</summary>
    private static SharedStoreUse Resolve(Node node, SharedStore store, string reader, Located<string> reference) =>
        node.DataSourceByJndiName(reference.Value) is { } dataSource
            ? new SharedStoreUse(store, StoreResolution.Read, dataSource, reader, reference)
            : new SharedStoreUse(store, StoreResolution.Unknown, null, reader, reference);

    /// <summary>
    /// Nothing reads the store: the guide's name, if defined; else missing when there is a reason to give
    /// (the reading file was read and no other rule reports the absent reader), unknown otherwise.
    /// </summary>
    private static SharedStoreUse Fallback(Node node, SharedStore store, string? missingBecause) =>
        node.DataSourceByName(SharedStoreUse.GuideNameOf(store)) is { } dataSource
            ? new SharedStoreUse(store, StoreResolution.GuideName, dataSource, null, null)
            : new SharedStoreUse(store, missingBecause is null ? StoreResolution.Unknown : StoreResolution.Missing, null, null, null, missingBecause);
}
