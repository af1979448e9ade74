using ApimLint.Diagnostics;
using ApimLint.Engine;
using ApimLint.Model;
using ApimLint.Secrets;
using ApimLint.Syntax.Xml;
using ApimLint.Text;

namespace ApimLint.Rules.Registry;

public sealed class RegistryRemoteCacheIdMissing : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "APIM306", "registry-remote-cacheid-missing", RuleCategory.Registry, Severity.Warning,
        "Every `<remoteInstance>` of registry.xml needs a `<cacheId>`: the user name and JDBC URL of the datasource it mounts (`user@jdbc-url`).",
        """
        ## What it does
        Checks that each `<remoteInstance>` of each node's repository/conf/registry.xml has a
        `<cacheId>`, and that it is the user name and JDBC URL of the datasource its `<dbConfig>`
        names. The URLs are compared as the driver reads them (see APIM103: the default port written or
        not, parameters, host and database names without case), so any spelling of the same database
        is accepted. When the datasource cannot be found, or its URL does not say which database it
        reaches, only a missing or empty cacheId is reported.

        ## Why it matters
        The registry keys its cache of a mounted space by the remote instance's cacheId, written as the
        governance database's user name and JDBC URL (`user@jdbc-url`). The guide's registry.xml leaves
        it out; API-M 2.x then fails at start-up with "Unable to create fixed remote mounts", and the
        governance and config spaces are not mounted. A cacheId naming another user or database keys
        the mounted space's cache as another database's.
        ([product-apim#2808](https://github.com/wso2/product-apim/issues/2808),
        [docs-apim#2349](https://github.com/wso2/docs-apim/issues/2349),
        [Remote Instance and Mount Configuration Details](https://wso2docs.atlassian.net/wiki/spaces/Governance540/pages/1050338/Remote+Instance+and+Mount+Configuration+Details): "the cache id should be in the format of $database_username@$database_url".)

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
        Fix (safe when the datasource's user and URL are known): `apimlint --fix` writes them as the
        cacheId; when the URL carries a password, which a cacheId must not repeat, no fix is offered.
        """) { Fix = FixSafety.Safe };

    public override IEnumerable<Diagnostic> Check(Deployment deployment)
    {
        foreach (var node in deployment.Nodes)
        {
            if (node.Registry is not { } registry) continue;
            foreach (var instance in registry.RemoteInstances)
            {
                var dataSource = instance.DbConfig is { } name && registry.DbConfig(name.Value)?.DataSource is { } jndiName
                    ? node.DataSourceByJndiName(jndiName.Value)
                    : null;
                // A remote instance on the node's own local registry (APIM303) or on embedded H2 (APIM304) mounts the
                // wrong database: its cacheId is not compared with it, nor rewritten to name it.
                var mountsShared = dataSource is { ParsedUrl.IsEmbedded: false } && instance.DbConfig?.Value != registry.CurrentDbConfig?.Value;
                var related = dataSource?.Url is { } url
                    ? new[] { new RelatedLocation(url.Location, $"{node.Name}'s {dataSource.Name.Value} url") }
                    : [];
                var key = Key(node, node.RegistryXml, $"/wso2registry/remoteInstance[id='{instance.Id?.Value}']/cacheId");
                if (instance.CacheId is not { Value.Length: > 0 } cacheId)
                {
                    var location = instance.CacheId?.Location ?? Location.InFile(instance.Element.Source, instance.Element.StartTagSpan);
                    yield return Report(location,
                        $"{node.Name}'s remote instance {instance.DisplayName} has {(instance.CacheId is null ? "no" : "an empty")} <cacheId>: " +
                        "API-M 2.x fails with \"Unable to create fixed remote mounts\"; write the governance database's user@jdbc-url" +
                        (dataSource is null ? "" : $" ({dataSource.Name.Value}'s username and url)"),
                        key, related) with { Fix = mountsShared ? WriteCacheId(instance, dataSource!) : null };
                    continue;
                }
                if (!mountsShared || Matches(deployment, node, cacheId.Value, dataSource!) is not false) continue;
                // The cacheId is written first and the URL last: a message with user@ between two URLs would read as a URL's credentials.
                yield return Report(cacheId.Location,
                    $"{node.Name}'s remote instance {instance.DisplayName} has <cacheId> {cacheId.Value}, which is not the user and database of the datasource it mounts: " +
                    $"{dataSource!.Name.Value} connects{(dataSource.User is { } user ? $" as {user.Value}" : "")} to {dataSource.Url!.Value}",
                    key, related) with { Fix = WriteCacheId(instance, dataSource) };
            }
        }
    }

    /// <summary>Whether a cacheId names the datasource's user and database; null when the URLs do not say.</summary>
    private static bool? Matches(Deployment deployment, Node node, string cacheId, DataSource dataSource)
    {
        var jdbc = cacheId.IndexOf("jdbc:", StringComparison.OrdinalIgnoreCase);
        if (jdbc < 0 || (jdbc > 0 && cacheId[jdbc - 1] != '@')) return false;
        var (user, url) = (jdbc == 0 ? null : cacheId[..(jdbc - 1)], cacheId[jdbc..]);
        // A datasource without a username may take it from its URL: only a written one is compared.
        if (dataSource.User is { } written && user != written.Value) return false;
        if (url == dataSource.Url!.Value) return true;
        return deployment.SameDatabase(node, JdbcUrl.Parse(url), node, dataSource.ParsedUrl);
    }

    private static string CacheIdOf(DataSource dataSource) =>
        dataSource.User is { } user ? $"{user.Value}@{dataSource.Url!.Value}" : dataSource.Url!.Value;

    /// <summary>Writes the datasource's user@url when both are known and the URL holds no credential to copy.</summary>
    private static Fix? WriteCacheId(RegistryRemoteInstance instance, DataSource dataSource)
    {
        if (dataSource is not { User: not null, Url: not null }) return null;
        var cacheId = CacheIdOf(dataSource);
        if (SecretMask.Apply(cacheId) != cacheId) return null;
        var edit = instance.CacheId is { } written ? Edits.TryReplace(written.Location, cacheId)
            : instance.Element.Element("id") is { } id && XmlEscaping.Text(cacheId) is { } text ? Edits.InsertAfter(id, $"<cacheId>{text}</cacheId>")
            : null;
        return edit is null ? null : Fix.Safe($"Set the cacheId to {dataSource.Name.Value}'s user@url", edit);
    }
}
