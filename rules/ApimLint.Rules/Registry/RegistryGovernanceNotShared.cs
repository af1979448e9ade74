using ApimLint.Diagnostics;
using ApimLint.Engine;
using ApimLint.Model;
using ApimLint.Text;

namespace ApimLint.Rules.Registry;

public sealed class RegistryGovernanceNotShared : Rule
{
    private static readonly string[] SharedPaths = [RegistryConfig.GovernancePath, RegistryConfig.ConfigPath];

    public override RuleDescriptor Descriptor { get; } = new(
        "APIM304", "registry-governance-not-shared", RuleCategory.Registry, Severity.Error,
        "/_system/governance and /_system/config must both be mounted to a remote instance whose dbConfig is on a shared (non-H2) datasource.",
        """
        ## What it does
        For each node, follows the `<mount>`s of `/_system/governance` and `/_system/config` in
        repository/conf/registry.xml to their `<remoteInstance>`, its `<dbConfig>`, that config's
        `<dataSource>` and the datasource of that JNDI name in master-datasources.xml. It reports a
        node that does not mount both spaces, a remote instance without a dbConfig, and a chain that
        ends on an embedded H2 database. (An unknown instanceId or an invalid remote dbConfig is left to
        APIM302 and APIM303, an undefined dataSource to the datasource rules.)

        ## Why it matters
        The governance space holds API artifacts, documents and lifecycle state; the config space holds
        tenant and API-M configuration. The guide mounts both from the shared WSO2GOV_DB so that the
        passive sees what the active wrote. A space left unmounted, or mounted from an H2 file inside
        each node, is private to each node: after failover the passive serves APIs without their
        registry resources, and changes made on one node never reach the other. (
        [Governance registry mounting docs](https://wso2docs.atlassian.net/wiki/spaces/Governance540/pages/1050338/Remote+Instance+and+Mount+Configuration+Details).)

        ## Example
        ```xml
        <dbConfig name="wso2gov">
            <dataSource>jdbc/WSO2CarbonDB</dataSource>
        </dbConfig>
        ```
        where jdbc/WSO2CarbonDB is `jdbc:h2:repository/database/WSO2CARBON_DB`.

        ## How to fix
        Mount both spaces from the remote instance, and point its dbConfig at the shared registry
        database both nodes use:
        ```xml
        <dbConfig name="wso2gov">
            <dataSource>jdbc/WSO2GovDB</dataSource>
        </dbConfig>
        <mount path="/_system/governance" overwrite="true">
            <instanceId>wso2gov</instanceId>
            <targetPath>/_system/governance</targetPath>
        </mount>
        <mount path="/_system/config" overwrite="true">
            <instanceId>wso2gov</instanceId>
            <targetPath>/_system/config</targetPath>
        </mount>
        ```
        with WSO2GOV_DB (`jdbc/WSO2GovDB`) on the external database.
        """);

    public override IEnumerable<Diagnostic> Check(Deployment deployment)
    {
        foreach (var node in deployment.Nodes)
        {
            if (node.Registry is not { } registry) continue;
            var peer = deployment.PeerOf(node);

            var missing = SharedPaths.Where(p => registry.Mount(p) is null).ToList();
            if (missing.Count > 0)
                yield return MissingMounts(node, peer, registry, missing);

            var mounted = SharedPaths.Except(missing)
                .Select(p => registry.Mount(p)!.InstanceId is { } id && registry.RemoteInstance(id.Value) is { } instance ? new MountedPath(p, instance) : null)
                .OfType<MountedPath>()
                .GroupBy(m => m.Instance, m => m.Path);
            foreach (var group in mounted)
            {
                if (Check(node, registry, group.Key, group.ToList()) is { } finding) yield return finding;
            }
        }
    }

    private Diagnostic MissingMounts(Node node, Node peer, RegistryConfig registry, List<string> missing)
    {
        var present = SharedPaths.Except(missing).Select(p => registry.Mount(p)!).FirstOrDefault();
        var anchor = present?.Element ?? registry.Root;
        var related = missing.Select(p => peer.Registry?.Mount(p)).OfType<RegistryMount>()
            .Select(m => new RelatedLocation(Location.InFile(m.Element.Source, m.Element.StartTagSpan), $"{peer.Name}'s mount of {m.Path!.Value}"))
            .ToArray();
        var what = missing.Count == SharedPaths.Length
            ? $"mounts neither {SharedPaths[0]} nor {SharedPaths[1]}"
            : $"mounts {SharedPaths.Except(missing).Single()} but not {missing.Single()}";
        return Report(Location.InFile(anchor.Source, anchor.StartTagSpan),
            $"{node.Name}'s registry.xml {what}: {(missing.Count == 1 ? "it stays" : "they stay")} in {node.Name}'s local registry, not shared with {peer.Name}",
            Key(node, node.RegistryXml, "/wso2registry/mount#shared-spaces"), related);
    }

    private Diagnostic? Check(Node node, RegistryConfig registry, RegistryRemoteInstance instance, IReadOnlyList<string> paths)
    {
        var spaces = string.Join(" and ", paths);
        var key = Key(node, node.RegistryXml, $"/wso2registry/remoteInstance[id='{instance.Id?.Value}']#shared-datasource");
        if (instance.DbConfig is null)
            return Report(Location.InFile(instance.Element.Source, instance.Element.StartTagSpan),
                $"{node.Name}'s remote instance {instance.DisplayName}, which {spaces} {(paths.Count == 1 ? "is" : "are")} mounted from, has no <dbConfig>: " +
                $"the registry would reach it as a remote server{(instance.Url is { } instanceUrl ? " at " + instanceUrl.Value : "")}, not through the shared governance database",
                key);

        // Unknown or local dbConfig: APIM303. A dbConfig without <dataSource> or an undefined JNDI name: the datasource rules.
        if (registry.DbConfig(instance.DbConfig.Value) is not { DataSource: { } dataSourceName } dbConfig
            || dbConfig.Name.Value == registry.CurrentDbConfig?.Value
            || node.DataSourceByJndiName(dataSourceName.Value) is not { ParsedUrl.IsEmbedded: true, Url: { } url } dataSource)
            return null;

        return Report(dataSourceName.Location,
            $"{node.Name} mounts {spaces} through remote instance {instance.DisplayName} on dbConfig '{dbConfig.Name.Value}', whose dataSource " +
            $"{dataSourceName.Value} ({dataSource.Name.Value}) is an embedded H2 database inside the node: nothing is shared with its peer",
            key, new RelatedLocation(url.Location, $"{node.Name}'s {dataSource.Name.Value} url"));
    }

    private sealed record MountedPath(string Path, RegistryRemoteInstance Instance);
}
