using ApimLint.Diagnostics;
using ApimLint.Engine;
using ApimLint.Model;
using ApimLint.Model.Servers;

namespace ApimLint.Rules.Datasources;

public sealed class SharedDatabaseOnH2 : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "APIM111", "shared-database-on-h2", RuleCategory.Datasources, Severity.Error,
        "In a deployment of several nodes, [database.apim_db] and [database.shared_db] must be written and point at a shared database, not the pack's embedded H2.",
        """
        ## What it does
        In a deployment of two nodes or more, reports an all-in-one or control-plane node whose
        `[database.apim_db]` or `[database.shared_db]` is an embedded H2
        database: `type = "h2"` without a url, a `jdbc:h2:` url without a `tcp://` or `ssl://` server, or
        the table not written at all, which leaves the pack's default. A value set at start-up
        (`$env{…}`) is not judged. Gateways and traffic managers are not checked: a gateway uses no API-M
        database, and the shared database only with several tenants, which the files do not show
        ([Understanding the distributed deployment](https://apim.docs.wso2.com/en/4.5.0/install-and-setup/setup/distributed-deployment/understanding-the-distributed-deployment-of-wso2-api-m/));
        a traffic manager gets its policies through the event hub, and WSO2's own Kubernetes patterns
        leave its databases on H2 ([wso2/kubernetes-apim](https://github.com/wso2/kubernetes-apim), pattern 4).

        ## Why it matters
        The pack's default is an H2 file under `repository/database` that each node has alone. APIs,
        applications, subscriptions and tokens created on one node never reach the others, and users and
        registry data (WSO2SHARED_DB) split the same way; after a failover they are "missing". The
        active-active page's step "Configure the database" says `WSO2AM_DB` and `WSO2SHARED_DB` "need to be
        shared between the two API-M nodes"
        ([Configuring an Active-Active Deployment](https://apim.docs.wso2.com/en/4.4.0/install-and-setup/setup/single-node/configuring-an-active-active-deployment/);
        [product-apim#9542](https://github.com/wso2/product-apim/issues/9542)).

        ## Example
        ```toml
        [database.apim_db]
        type = "h2"
        url = "jdbc:h2:./repository/database/WSO2AM_DB;DB_CLOSE_ON_EXIT=FALSE"
        ```

        ## How to fix
        Point both tables of every node at the external database server they share, e.g.
        ```toml
        [database.apim_db]
        type = "mysql"
        url = "jdbc:mysql://mysql.wso2.com:3306/WSO2AM_DB?useSSL=false"
        ```
        """) { Versions = VersionRange.ApiManager32AndLater };

    public override IEnumerable<Diagnostic> Check(Deployment deployment)
    {
        if (deployment.Servers.Count < 2) yield break;
        foreach (var node in deployment.Servers.Where(n => n.Role is ServerRole.AllInOne or ServerRole.ControlPlane))
        {
            foreach (var table in new[] { ServerDatabase.ApimDb, ServerDatabase.SharedDb })
            {
                if (ServerDatabase.Of(node, table) is not { Embedded: true } database) continue;
                var what = database.Written ? "is an embedded H2 database" : "is not written, so the node runs on the pack's embedded H2 database";
                yield return Report(database.Location,
                    $"{node.Name}'s [{table}] {what}: each node keeps its own copy of its data; point it at the database server all nodes share",
                    $"{node.Name}:{node.DeploymentToml.RelativePath}#{table}");
            }
        }
    }
}
