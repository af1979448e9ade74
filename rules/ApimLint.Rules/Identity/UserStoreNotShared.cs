using ApimLint.Diagnostics;
using ApimLint.Engine;
using ApimLint.Model;

namespace ApimLint.Rules.Identity;

public sealed class UserStoreNotShared : Rule
{
    private const string SharedUserStore = "WSO2UM_DB";

    public override RuleDescriptor Descriptor { get; } = new(
        "APIM201", "user-store-not-shared", RuleCategory.Identity, Severity.Error,
        "user-mgt.xml's dataSource must be the shared user store (WSO2UM_DB's JNDI name) on both nodes.",
        """
        ## What it does
        Checks each node's user-mgt.xml `<Property name="dataSource">`: it must name the JNDI name of
        the WSO2UM_DB datasource when the node defines one, and be the same on both nodes.

        ## Why it matters
        The guide moves users to the shared database: "Configure the API Manager to refer to the
        WSO2UM_DB for user information". A node left on `jdbc/WSO2CarbonDB` keeps its users, roles and
        the admin in its own H2 database: accounts created on the active do not exist on the passive,
        and after failover nobody can log in.

        ## Example
        ```xml
        <Property name="dataSource">jdbc/WSO2CarbonDB</Property>
        ```

        ## How to fix
        `<Property name="dataSource">jdbc/WSO2UM_DB</Property>` on both nodes.

        Fix (safe): `apimlint --fix` writes WSO2UM_DB's JNDI name into the property when the node defines
        that datasource: it is what the guide asks.
        """) { Fix = FixSafety.Safe };

    public override IEnumerable<Diagnostic> Check(Deployment deployment)
    {
        foreach (var node in deployment.Nodes)
        {
            if (node.UserStore?.DataSource is not { } dataSource) continue;
            var shared = node.DataSourceByName(SharedUserStore)?.JndiName?.Value;
            var key = Key(node, node.UserMgtXml, "/UserManager/Realm/Configuration/Property[@name='dataSource']");
            if (shared is not null && dataSource.Value != shared)
            {
                yield return Report(dataSource.Location,
                    $"{node.Name}'s user store uses {dataSource.Value}, not the shared {shared} ({SharedUserStore}): users and roles stay on {node.Name} alone",
                    key) with { Fix = Fix.Safe($"Use the shared user store {shared}", Edits.Replace(dataSource.Location, shared)) };
                continue;
            }
            var peer = deployment.PeerOf(node);
            if (node.Role == NodeRole.Passive && shared is null && peer.UserStore?.DataSource is { } peerSource && peerSource.Value != dataSource.Value)
                yield return Report(dataSource.Location,
                    $"{node.Name}'s user store uses {dataSource.Value}, but {peer.Name}'s uses {peerSource.Value}: the nodes see different users",
                    key, new RelatedLocation(peerSource.Location, $"{peer.Name}'s user store dataSource"));
        }
    }
}
