using ApimLint.Model;

namespace ApimLint.Rules.Datasources;

/// <summary>The shared stores whose datasources the datasource rules check.</summary>
internal static class SharedDataSources
{
    /// <summary>
    /// The stores found on the node, except a user store pointed away from the node's WSO2UM_DB:
    /// that is APIM201's finding.
    /// </summary>
    public static IEnumerable<SharedStoreUse> Checked(Node node) =>
        SharedStores.Of(node).Where(use => use.DataSource is not null && !UserStoreMovedOffGuideName(node, use));

    public static IEnumerable<DataSource> Of(Node node) => Checked(node).Select(use => use.DataSource!).Distinct();

    private static bool UserStoreMovedOffGuideName(Node node, SharedStoreUse use) =>
        use is { Store: SharedStore.UserStore, Resolution: StoreResolution.Read }
        && node.DataSourceByName(use.GuideName) is { } guideNamed && guideNamed != use.DataSource;
}
