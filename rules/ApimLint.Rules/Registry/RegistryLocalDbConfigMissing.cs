using ApimLint.Diagnostics;
using ApimLint.Engine;
using ApimLint.Model;

namespace ApimLint.Rules.Registry;

public sealed class RegistryLocalDbConfigMissing : Rule
{
    private const string LocalDbConfig = "wso2registry";

    public override RuleDescriptor Descriptor { get; } = new(
        "APIM301", "registry-local-dbconfig-missing", RuleCategory.Registry, Severity.Error,
        "registry.xml must keep `<dbConfig name=\"wso2registry\">`, and `<currentDBConfig>` must name a dbConfig that exists.",
        """
        ## What it does
        Checks each node's repository/conf/registry.xml for the local registry's database config,
        `<dbConfig name="wso2registry">`, and that `<currentDBConfig>` names a `<dbConfig>` defined in the file.

        ## Why it matters
        The active-passive guide adds a `wso2gov` dbConfig, a remote instance and two mounts for the shared
        governance registry, and warns: "Do not replace the following configuration when adding the above
        mounting configurations." An operator who pastes the mount block over the default one removes the
        local registry's config; the node then fails at start-up with a registry initialisation error, or
        (with currentDBConfig pointing at the shared database) turns the shared store into its local one.
        ([Governance registry mounting docs](https://wso2docs.atlassian.net/wiki/spaces/Governance540/pages/1050338/Remote+Instance+and+Mount+Configuration+Details).)

        ## Example
        ```xml
        <currentDBConfig>wso2registry</currentDBConfig>
        <dbConfig name="wso2gov">
            <dataSource>jdbc/WSO2GovDB</dataSource>
        </dbConfig>
        ```

        ## How to fix
        Keep the default config beside the mount config:
        ```xml
        <dbConfig name="wso2registry">
            <dataSource>jdbc/WSO2CarbonDB</dataSource>
        </dbConfig>
        ```
        and make `<currentDBConfig>` name it.

        Fix (safe): `apimlint --fix` puts the default dbConfig back before the others, as the pack
        ships it, and makes it the currentDBConfig again when another config had taken its place: the
        guide never changes the local registry. It does not touch a currentDBConfig that names another
        missing config while the default exists.
        """) { Fix = FixSafety.Safe };

    public override IEnumerable<Diagnostic> Check(Deployment deployment)
    {
        foreach (var node in deployment.Nodes)
        {
            if (node.Registry is not { } registry) continue;
            var current = registry.CurrentDbConfig;
            var key = Key(node, node.RegistryXml, "/wso2registry/dbConfig[@name='wso2registry']");
            var fix = registry.DbConfig(LocalDbConfig) is null ? RestoreDefault(registry, current) : null;
            if (current is not null && registry.DbConfig(current.Value) is null)
            {
                yield return Report(current.Location,
                    $"{node.Name}'s registry.xml sets currentDBConfig to '{current.Value}', but defines no <dbConfig name=\"{current.Value}\"> " +
                    $"(it defines {Names(registry)})", key) with { Fix = current.Value == LocalDbConfig ? fix : null };
            }
            else if (fix is not null)
            {
                var anchor = registry.DbConfigs.FirstOrDefault()?.Element ?? registry.Root;
                yield return Report(ApimLint.Text.Location.InFile(anchor.Source, anchor.StartTagSpan),
                    $"{node.Name}'s registry.xml has no <dbConfig name=\"wso2registry\">: the mount configuration must be added beside it, not instead of it",
                    key) with { Fix = fix };
            }
        }
    }

    /// <summary>Puts the default dbConfig back and makes it the current one again, as the pack ships them.</summary>
    private static Fix RestoreDefault(RegistryConfig registry, Located<string>? current)
    {
        const string dbConfig = "<dbConfig name=\"wso2registry\">\n    <dataSource>jdbc/WSO2CarbonDB</dataSource>\n</dbConfig>\n";
        var edit = registry.DbConfigs.FirstOrDefault() is { } first
            ? Edits.InsertBefore(first.Element, dbConfig)
            : Edits.InsertLastChild(registry.Root, dbConfig.TrimEnd('\n'));
        return current is null || current.Value == LocalDbConfig
            ? Fix.Safe("Restore <dbConfig name=\"wso2registry\">", edit)
            : Fix.Safe("Restore <dbConfig name=\"wso2registry\"> as the current dbConfig", edit, Edits.Replace(current.Location, LocalDbConfig));
    }

    private static string Names(RegistryConfig registry) =>
        registry.DbConfigs.Count == 0 ? "none" : string.Join(", ", registry.DbConfigs.Select(d => $"'{d.Name.Value}'"));
}
