using ApimLint.Diagnostics;
using ApimLint.Engine;
using ApimLint.Model;

namespace ApimLint.Rules.Datasources;

public sealed class SharedDatasourceOnH2 : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "APIM102", "shared-datasource-on-h2", RuleCategory.Datasources, Severity.Error,
        "A shared datasource must not be an embedded H2 database.",
        """
        ## What it does
        Reports the datasource of a shared store (API-M data, user store, registry, found by what reads
        them as APIM101 describes) whose URL is an embedded H2 database (`jdbc:h2:` without a tcp or ssl
        server). Node-local stores (WSO2_CARBON_DB as the local registry, WSO2_MB_STORE_DB,
        WSO2AM_STATS_DB) may stay on H2. A registry mount on H2 is APIM304's, a user store moved off
        WSO2UM_DB is APIM201's.

        ## Why it matters
        An embedded H2 database lives inside the node: each node has its own copy. Users, subscriptions
        and tokens created on the active never reach the passive, and after failover they are "missing".
        (https://docs.wso2.com/display/AM260/Configuring+the+Active-Passive+Deployment)

        ## Example
        ```xml
        <url>jdbc:h2:repository/database/WSO2AM_DB;DB_CLOSE_ON_EXIT=FALSE</url>
        ```

        ## How to fix
        Point it at the external database both nodes share, e.g. `jdbc:mysql://db:3306/apimgtdb`.
        """);

    public override IEnumerable<Diagnostic> Check(Deployment deployment)
    {
        foreach (var node in deployment.Nodes)
            foreach (var use in SharedDataSources.Checked(node).Where(u => u.DataSource!.ParsedUrl is { IsEmbedded: true } && !MountedOnH2(u)))
                yield return Report(use.DataSource!.Url!.Location,
                    $"{use.Describe(node)} is an embedded H2 database: each node keeps its own copy of its data",
                    $"{node.Name}:datasource:{use.DataSource.Name.Value}#url");
    }

    /// <summary>A registry mount whose datasource is on H2 is APIM304's finding.</summary>
    private static bool MountedOnH2(SharedStoreUse use) => use is { Store: SharedStore.Registry, Resolution: StoreResolution.Read };
}
