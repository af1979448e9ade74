using ApimLint.Diagnostics;
using ApimLint.Engine;
using ApimLint.Model;
using ApimLint.Text;

namespace ApimLint.Rules.Datasources;

public sealed class SharedDatasourceMissing : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "APIM101", "shared-datasource-missing", RuleCategory.Datasources, Severity.Error,
        "Each node must have a datasource for each shared store: API-M data, user store and registry.",
        """
        ## What it does
        Finds each node's three shared stores by what reads them, whatever their datasources are called:
        the API-M data is the datasource api-manager.xml's `<DataSourceName>` names, the user store the
        one user-mgt.xml's `<Property name="dataSource">` names, and the registry the one behind the
        governance mount of registry.xml (else the config mount): mount, its remote instance, that
        instance's dbConfig, its `<dataSource>`. Only when nothing reads a store does it look for the
        guide's name (WSO2AM_DB, WSO2UM_DB, WSO2GOV_DB), and reports a node that has neither. A reader
        naming a JNDI name no datasource defines is APIM107's; a registry.xml that mounts neither space,
        or a mount whose chain is broken, is the registry rules' (APIM302, APIM303, APIM304); a file that
        was not read says nothing: the store is then unknown and this rule stays silent.

        ## Why it matters
        The guide moves the API Manager, user and governance data to one external database both nodes
        use ("Update the existing WSO2AM_DB … Add two new entries, WSO2GOV_DB and WSO2UM_DB"); WSO2's own
        deployments call the registry's datasource WSO2REG_DB and mount /_system/governance and
        /_system/config on it, which shares the registry just as well. A node with no datasource for a
        store keeps that data in its own local database: after failover, subscriptions, users or
        registry resources are "missing".
        (https://docs.wso2.com/display/AM260/Configuring+the+Active-Passive+Deployment,
        WSO2 kubernetes-apim, https://github.com/wso2/kubernetes-apim)

        ## Example
        The passive's user-mgt.xml lost its `<Property name="dataSource">` and its master-datasources.xml
        has no WSO2UM_DB.

        ## How to fix
        Add the datasource as the guide writes it, pointing at the same database as the peer's, and name
        it where the store is read.
        """);

    public override IEnumerable<Diagnostic> Check(Deployment deployment)
    {
        foreach (var node in deployment.Nodes)
        {
            if (node.DataSourceFiles.FirstOrDefault(f => f.RelativePath.EndsWith("master-datasources.xml", StringComparison.Ordinal)) is not { Syntax.Root: { } root } master)
                continue;
            var peer = deployment.PeerOf(node);
            foreach (var missing in SharedStores.Of(node).Where(u => u.Resolution == StoreResolution.Missing))
            {
                var theirs = SharedStores.Of(peer, missing.Store).DataSource;
                var related = theirs is null ? [] : new[] { new RelatedLocation(theirs.Name.Location, $"{peer.Name}'s {missing.RoleName} datasource") };
                yield return Report(Location.InFile(root.Source, root.StartTagSpan),
                    $"{node.Name} defines no {missing.GuideName} and names no other {missing.RoleName} datasource ({missing.MissingBecause}): " +
                    $"the {missing.RoleName} data stays in {node.Name}'s own store, apart from {peer.Name}'s",
                    Key(node, master, $"/datasources-configuration/datasources/datasource[name='{missing.GuideName}']"), related);
            }
        }
    }
}
