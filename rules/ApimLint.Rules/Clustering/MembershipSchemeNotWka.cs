using ApimLint.Diagnostics;
using ApimLint.Engine;
using ApimLint.Model;

namespace ApimLint.Rules.Clustering;

public sealed class MembershipSchemeNotWka : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "APIM402", "membership-scheme-not-wka", RuleCategory.Clustering, Severity.Error,
        "Each node with clustering enabled must set <parameter name=\"membershipScheme\">wka</parameter>.",
        """
        ## What it does
        For each node whose axis2.xml clustering is enabled, checks that the `membershipScheme`
        parameter is `wka`. Without the parameter the clustering agent uses `multicast`.

        ## Why it matters
        The pack ships `multicast`. Multicast discovery needs a network that forwards multicast between
        the nodes, which data centres, clouds and most firewalls do not; the nodes then each form a
        cluster of one, silently, with no cache invalidation between them. The guide asks to "change the
        `membershipScheme` parameter to `wka`" and lists each node as the other's well-known member.
        (WSO2 Clustering Guide; failure 4 of the domain facts.)

        ## Example
        ```xml
        <parameter name="membershipScheme">multicast</parameter>
        ```

        ## How to fix
        On both nodes:
        ```xml
        <parameter name="membershipScheme">wka</parameter>
        ```
        and list the peer under `<members>` (see APIM404).

        Fix (safe): `apimlint --fix` writes `wka` into a membershipScheme parameter that exists, as the guide
        does; the members list is APIM404's.
        """) { Fix = FixSafety.Safe };

    public override IEnumerable<Diagnostic> Check(Deployment deployment)
    {
        foreach (var node in deployment.Nodes)
        {
            if (node.Cluster is not { IsEnabled: true, IsWka: false } cluster) continue;
            var peer = deployment.PeerOf(node);
            var key = Key(node, node.Axis2Xml, "/axisconfig/clustering/parameter[@name='membershipScheme']");
            var related = peer.Cluster is { IsEnabled: true, IsWka: true, MembershipScheme: { } peerScheme }
                ? new[] { new RelatedLocation(peerScheme.Location, $"{peer.Name}'s membershipScheme") }
                : [];
            var scheme = cluster.EffectiveMembershipScheme;
            var consequence = scheme.Equals("multicast", StringComparison.OrdinalIgnoreCase)
                ? $"{node.Name} finds {peer.Name} only if the network forwards multicast between them"
                : $"{node.Name} does not use its well-known <members> list to find {peer.Name}";
            yield return cluster.MembershipScheme is { } written
                ? Report(written.Location, $"{node.Name}'s clustering membershipScheme is '{written.Value}', not 'wka': {consequence}", key, related)
                    with { Fix = Fix.Safe("Set membershipScheme to wka", Edits.Replace(written.Location, "wka")) }
                : Report(cluster.StartTag,
                    $"{node.Name}'s clustering sets no membershipScheme, so it uses '{scheme}', not 'wka': {consequence}", key, related);
        }
    }
}
