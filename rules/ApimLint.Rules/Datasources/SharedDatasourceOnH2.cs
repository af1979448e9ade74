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
        Reports a shared datasource (WSO2AM_DB, WSO2UM_DB, WSO2GOV_DB, or the user store's datasource on a
        node without WSO2UM_DB) whose URL is an embedded H2 database (`jdbc:h2:` without a tcp or ssl
        server). Node-local stores (WSO2_CARBON_DB as the local registry, WSO2_MB_STORE_DB,
        WSO2AM_STATS_DB) may stay on H2. A registry mount on H2 is APIM304's, a user store moved off
        WSO2UM_DB is APIM201's.

        ## Why it matters
        An embedded H2 database lives inside the node: each node has its own copy. Users, subscriptions
        and tokens created on the active never reach the passive, and after failover they are "missing".
        (Failure 16 of the domain facts.)

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
            foreach (var dataSource in SharedDataSources.Of(node).Where(d => d.ParsedUrl is { IsEmbedded: true }))
                yield return Report(dataSource.Url!.Location,
                    $"{node.Name}'s shared datasource {dataSource.Name.Value} is an embedded H2 database: each node keeps its own copy of its data",
                    $"{node.Name}:datasource:{dataSource.Name.Value}#url");
    }
}
