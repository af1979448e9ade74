using ApimLint.Diagnostics;
using ApimLint.Engine;
using ApimLint.Model;

namespace ApimLint.Rules.Registry;

public sealed class RegistryRemoteDbConfigInvalid : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "APIM303", "registry-remote-dbconfig-invalid", RuleCategory.Registry, Severity.Error,
        "A `<remoteInstance>`'s `<dbConfig>` must name a `<dbConfig>` of registry.xml other than the `<currentDBConfig>`.",
        """
        ## What it does
        Checks each `<remoteInstance>` of each node's repository/conf/registry.xml that has a
        `<dbConfig>`: it must name a `<dbConfig name="…">` declared in the file, and not the one
        `<currentDBConfig>` names (the node's local registry).

        ## Why it matters
        A remote instance is the shared registry database both nodes mount their governance and config
        spaces from. If its dbConfig names nothing, the registry cannot create the mounts and the node
        keeps those spaces in its local database. If it names the currentDBConfig, the "remote" instance
        is the local registry itself (by default embedded H2 in each node): every node mounts its own
        database and nothing is shared. The guide adds
        `<dbConfig name="wso2gov">` for this and keeps `wso2registry` as the local config.
        ([Governance registry mounting docs](https://wso2docs.atlassian.net/wiki/spaces/Governance540/pages/1050338/Remote+Instance+and+Mount+Configuration+Details);
        ADMIN44x registry.xml docs.)

        ## Example
        ```xml
        <currentDBConfig>wso2registry</currentDBConfig>
        ...
        <remoteInstance url="https://localhost:9453/registry">
            <id>wso2gov</id>
            <dbConfig>wso2registry</dbConfig>
            ...
        </remoteInstance>
        ```

        ## How to fix
        Declare a dbConfig on the shared governance datasource and name it in the remote instance:
        ```xml
        <dbConfig name="wso2gov">
            <dataSource>jdbc/WSO2GovDB</dataSource>
        </dbConfig>
        ```
        with `<dbConfig>wso2gov</dbConfig>` in the `<remoteInstance>`.
        """);

    public override IEnumerable<Diagnostic> Check(Deployment deployment)
    {
        foreach (var node in deployment.Nodes)
        {
            if (node.Registry is not { } registry) continue;
            foreach (var instance in registry.RemoteInstances)
            {
                if (instance.DbConfig is not { } dbConfig) continue;
                var key = Key(node, node.RegistryXml, $"/wso2registry/remoteInstance[id='{instance.Id?.Value}']/dbConfig");
                var current = registry.CurrentDbConfig;
                if (registry.DbConfig(dbConfig.Value) is null)
                {
                    var others = registry.DbConfigs.Where(d => d.Name.Value != current?.Value).Select(d => $"'{d.Name.Value}'").ToList();
                    yield return Report(dbConfig.Location,
                        $"{node.Name}'s remote instance {instance.DisplayName} names dbConfig '{dbConfig.Value}', which registry.xml does not declare; " +
                        (others.Count == 0 ? "it declares no dbConfig besides the local one" : "it declares " + string.Join(", ", others)),
                        key);
                }
                // A registry.xml whose local config was replaced by the shared one is APIM301's finding.
                else if (current is not null && current.Value == dbConfig.Value && registry.DbConfig(RegistryConfig.LocalDbConfig) is not null)
                {
                    yield return Report(dbConfig.Location,
                        $"{node.Name}'s remote instance {instance.DisplayName} names dbConfig '{dbConfig.Value}', the node's own local registry " +
                        "(currentDBConfig): the remote instance must be the shared governance database",
                        key, new RelatedLocation(current.Location, $"{node.Name}'s currentDBConfig"));
                }
            }
        }
    }
}
