using ApimLint.Diagnostics;
using ApimLint.Engine;
using ApimLint.Model;
using ApimLint.Text;

namespace ApimLint.Rules.Datasources;

public sealed class DanglingDatasourceReference : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "APIM107", "dangling-datasource-reference", RuleCategory.Datasources, Severity.Error,
        "Every JNDI name that user-mgt.xml, registry.xml or api-manager.xml uses must be defined by a datasource.",
        """
        ## What it does
        Checks the JNDI names used by user-mgt.xml's `dataSource` property, registry.xml's dbConfig
        `<dataSource>` and api-manager.xml's `<DataSourceName>` against the `<jndiConfig><name>` of the
        node's datasources, and suggests the closest defined name.

        ## Why it matters
        The guide names the governance datasource `WSO2GOV_DB` but its JNDI name `jdbc/WSO2GovDB`, while
        the user store's is `jdbc/WSO2UM_DB`: typing one in the style of the other is easy. A name no
        datasource defines fails the component at start-up ("Cannot find data source"), on that node only.

        ## Example
        ```xml
        <dataSource>jdbc/WSO2GOV_DB</dataSource>
        ```
        while the datasource's JNDI name is `jdbc/WSO2GovDB`.

        ## How to fix
        Use the JNDI name exactly as the datasource defines it.
        """);

    public override IEnumerable<Diagnostic> Check(Deployment deployment)
    {
        foreach (var node in deployment.Nodes)
        {
            if (node.DataSourceFiles.Count == 0 || node.DataSourceFiles.Any(f => f.Error is not null)) continue;
            var defined = node.DataSources.Select(d => d.JndiName?.Value).OfType<string>().ToList();
            foreach (var (use, file, path) in Uses(node))
            {
                if (defined.Contains(use.Value)) continue;
                var closest = defined.MinBy(d => EditDistance.Between(d, use.Value, ignoreCase: true));
                yield return Report(use.Location,
                    $"{node.Name}'s {Path.GetFileName(file.RelativePath)} uses {use.Value}, which no datasource defines" + (closest is null ? "" : $"; did you mean {closest}?"),
                    Key(node, file, path));
            }
        }
    }

    private static IEnumerable<(Located<string> Use, IConfigFile File, string Path)> Uses(Node node)
    {
        if (node.UserStore?.DataSource is { } userStore) yield return (userStore, node.UserMgtXml, "/UserManager/Realm/Configuration/Property[@name='dataSource']");
        foreach (var dbConfig in node.Registry?.DbConfigs ?? [])
            if (dbConfig.DataSource is { } registry) yield return (registry, node.RegistryXml, $"/wso2registry/dbConfig[@name='{dbConfig.Name.Value}']/dataSource");
        if (node.ApiManagerXml.Syntax?.Root?.Element("DataSourceName") is { } apiManager)
            yield return (new Located<string>(apiManager.Text, Location.InFile(apiManager.Source, apiManager.TextSpan)), node.ApiManagerXml, "/APIManager/DataSourceName");
    }
}
