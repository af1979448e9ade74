using ApimLint.Diagnostics;
using ApimLint.Engine;
using ApimLint.Model;
using ApimLint.Text;

namespace ApimLint.Rules.Datasources;

public sealed class SharedDatasourceMissing : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "APIM101", "shared-datasource-missing", RuleCategory.Datasources, Severity.Error,
        "Each node must define the guide's three shared datasources: WSO2AM_DB, WSO2UM_DB and WSO2GOV_DB.",
        """
        ## What it does
        Checks that each node's datasources define WSO2AM_DB, WSO2UM_DB and WSO2GOV_DB.

        ## Why it matters
        The guide moves the API Manager, user and governance data to one external database both nodes
        use: "Update the existing WSO2AM_DB … Add two new entries, WSO2GOV_DB and WSO2UM_DB". A node
        without one of them keeps that data in its own H2 store (or fails on the dangling JNDI name):
        after failover, subscriptions, users or registry resources are "missing". (Failure 16 of the
        domain facts.)

        ## Example
        The passive was copied before WSO2GOV_DB was added to master-datasources.xml.

        ## How to fix
        Add the datasource as the guide writes it, pointing at the same database as the peer's.
        """);

    public override IEnumerable<Diagnostic> Check(Deployment deployment)
    {
        foreach (var node in deployment.Nodes)
        {
            if (node.DataSourceFiles.FirstOrDefault(f => f.RelativePath.EndsWith("master-datasources.xml", StringComparison.Ordinal)) is not { Syntax.Root: { } root } master)
                continue;
            var peer = deployment.PeerOf(node);
            foreach (var name in SharedDataSources.GuideNames.Where(n => node.DataSourceByName(n) is null))
            {
                var related = peer.DataSourceByName(name) is { } theirs ? new[] { new RelatedLocation(theirs.Name.Location, $"{peer.Name}'s {name}") } : [];
                yield return Report(Location.InFile(root.Source, root.StartTagSpan),
                    $"{node.Name} defines no {name}: the data it holds stays in {node.Name}'s own store, apart from {peer.Name}'s",
                    Key(node, master, $"/datasources-configuration/datasources/datasource[name='{name}']"), related);
            }
        }
    }
}
