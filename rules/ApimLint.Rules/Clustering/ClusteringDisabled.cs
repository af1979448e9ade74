using ApimLint.Diagnostics;
using ApimLint.Engine;
using ApimLint.Model;
using ApimLint.Text;

namespace ApimLint.Rules.Clustering;

public sealed class ClusteringDisabled : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "APIM401", "clustering-disabled", RuleCategory.Clustering, Severity.Error,
        "Each node's axis2.xml must enable clustering: `<clustering … enable=\"true\">`.",
        """
        ## What it does
        Checks the `<clustering>` element of each node's repository/conf/axis2/axis2.xml: its `enable`
        attribute must be `true` (Axis2 reads a missing attribute as enabled, any other value as
        disabled); an axis2.xml without a `<clustering>` element does not cluster at all. The other clustering rules skip a node whose
        clustering is off, so this is the one finding for it.

        ## Why it matters
        The pack ships `enable="false"`. The guide's first clustering step is to set it to `true` "to
        ensure that each node is in sync with the changes that happen to the other node". A node with
        clustering off never joins its peer: no cache invalidation between the nodes, so throttling
        policies, scopes and API changes made on one node stay stale on the other until its caches
        expire. ([WSO2 Clustering Guide](https://docs.wso2.com/display/Cluster).)

        ## Example
        ```xml
        <clustering class="org.wso2.carbon.core.clustering.hazelcast.HazelcastClusteringAgent"
                    enable="false">
        ```

        ## How to fix
        Set `enable="true"` on both nodes, with the WKA settings of the guide (membershipScheme `wka`,
        the same domain, each node's own localMemberHost and localMemberPort, the peer as member).

        Fix (safe): `apimlint --fix` sets `enable="true"`, as the guide's first clustering step does.
        """) { Fix = FixSafety.Safe };

    public override IEnumerable<Diagnostic> Check(Deployment deployment)
    {
        foreach (var node in deployment.Nodes)
        {
            var peer = deployment.PeerOf(node);
            var key = Key(node, node.Axis2Xml, "/axisconfig/clustering/@enable");
            if (node.Cluster is not { } cluster)
            {
                if (node.Axis2Xml.Syntax?.Root is not { } root) continue;
                yield return Report(Location.InFile(root.Source, root.StartTagSpan),
                    $"{node.Name}'s axis2.xml has no <clustering> element: {node.Name} does not cluster with {peer.Name}", key);
                continue;
            }
            if (cluster.IsEnabled) continue;
            var related = peer.Cluster is { IsEnabled: true, IsEnableWritten: true } peerCluster
                ? new[] { new RelatedLocation(peerCluster.Enable.Location, $"{peer.Name}'s clustering enable") }
                : [];
            yield return Report(cluster.Enable.Location,
                $"{node.Name}'s clustering is enable=\"{cluster.Enable.Value}\": {node.Name} does not cluster with {peer.Name}; it should be \"true\"",
                key, related) with { Fix = cluster.IsEnableWritten ? Fix.Safe("Enable clustering", Edits.Replace(cluster.Enable.Location, "true")) : null };
        }
    }
}
