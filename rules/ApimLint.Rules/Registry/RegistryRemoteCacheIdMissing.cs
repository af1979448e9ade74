using ApimLint.Diagnostics;
using ApimLint.Engine;
using ApimLint.Model;
using ApimLint.Text;

namespace ApimLint.Rules.Registry;

public sealed class RegistryRemoteCacheIdMissing : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "APIM306", "registry-remote-cacheid-missing", RuleCategory.Registry, Severity.Warning,
        "Every <remoteInstance> of registry.xml needs a <cacheId>: the user name and JDBC URL of the governance database (user@jdbc-url).",
        """
        ## What it does
        Checks that each `<remoteInstance>` of each node's repository/conf/registry.xml has a
        non-empty `<cacheId>`.

        ## Why it matters
        The registry keys its cache of a mounted space by the remote instance's cacheId, written as the
        governance database's user name and JDBC URL (`user@jdbc-url`). The guide's registry.xml leaves
        it out; API-M 2.x then fails at start-up with "Unable to create fixed remote mounts", and the
        governance and config spaces are not mounted. (product-apim#2808, docs-apim#2349; failure 17 of
        the domain facts.)

        ## Example
        ```xml
        <remoteInstance url="https://localhost:9453/registry">
            <id>wso2gov</id>
            <dbConfig>wso2gov</dbConfig>
            <readOnly>false</readOnly>
            <registryRoot>/</registryRoot>
        </remoteInstance>
        ```

        ## How to fix
        Add the governance datasource's user name and URL, the same on both nodes:
        ```xml
        <cacheId>apimadmin@jdbc:mysql://localhost:3306/regdb</cacheId>
        ```
        """);

    public override IEnumerable<Diagnostic> Check(Deployment deployment)
    {
        foreach (var node in deployment.Nodes)
        {
            if (node.Registry is not { } registry) continue;
            foreach (var instance in registry.RemoteInstances)
            {
                if (instance.CacheId?.Value is { Length: > 0 }) continue;
                var dataSource = instance.DbConfig is { } name && registry.DbConfig(name.Value)?.DataSource is { } jndiName
                    ? node.DataSourceByJndiName(jndiName.Value)
                    : null;
                var related = dataSource?.Url is { } url
                    ? new[] { new RelatedLocation(url.Location, $"{node.Name}'s {dataSource.Name.Value} url") }
                    : [];
                var location = instance.CacheId?.Location ?? Location.InFile(instance.Element.Source, instance.Element.StartTagSpan);
                yield return Report(location,
                    $"{node.Name}'s remote instance {instance.DisplayName} has {(instance.CacheId is null ? "no" : "an empty")} <cacheId>: " +
                    "API-M 2.x fails with \"Unable to create fixed remote mounts\"; write the governance database's user@jdbc-url" +
                    (dataSource is null ? "" : $" ({dataSource.Name.Value}'s username and url)"),
                    Key(node, node.RegistryXml, $"/wso2registry/remoteInstance[id='{instance.Id?.Value}']/cacheId"), related);
            }
        }
    }
}
