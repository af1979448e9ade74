using ApimLint.Diagnostics;
using ApimLint.Engine;
using ApimLint.Model;

namespace ApimLint.Rules.Clustering;

public sealed class MembershipSchemeUnusable : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "APIM402", "membership-scheme-unusable", RuleCategory.Clustering, Severity.Error,
        "Each node with clustering enabled must use a membership scheme that finds its peer without multicast: wka (the guide's), aws, or a scheme whose class is named, such as kubernetes.",
        """
        ## What it does
        For each node whose axis2.xml clustering is enabled, reads the `membershipScheme` parameter as
        Carbon's clustering agent does (trimmed, compared exactly; `multicast` when it is not written).
        It accepts `wka`, Carbon's built-in `aws`, and any other name with a `membershipSchemeClassName`
        parameter, such as `kubernetes` with
        `org.wso2.carbon.membership.scheme.kubernetes.KubernetesMembershipScheme`. It reports `multicast`,
        and another name without a `membershipSchemeClassName`. The well-known `<members>` rules (APIM404
        and after) apply to `wka` only.

        ## Why it matters
        The pack ships `multicast`. Multicast discovery needs a network that forwards multicast between
        the nodes, which data centres, clouds and most firewalls do not; the nodes then each form a
        cluster of one, silently, with no cache invalidation between them. The guide asks to "change the
        `membershipScheme` parameter to `wka`" and lists each node as the other's well-known member
        (https://docs.wso2.com/display/AM260/Configuring+the+Active-Passive+Deployment). On Kubernetes,
        WSO2 finds the pods through the Kubernetes membership scheme instead
        (https://github.com/wso2/kubernetes-common, kubernetes-membership-scheme): a name other than
        multicast, wka and aws loads the class that `membershipSchemeClassName` names, and without one the
        clustering agent refuses the scheme ("Invalid membership scheme").

        ## Example
        ```xml
        <parameter name="membershipScheme">multicast</parameter>
        ```

        ## How to fix
        On both nodes:
        ```xml
        <parameter name="membershipScheme">wka</parameter>
        ```
        and list the peer under `<members>` (see APIM404); or, on Kubernetes, `kubernetes` with its
        `membershipSchemeClassName` and `KUBERNETES_SERVICES`, and the scheme's jar in
        repository/components/dropins.

        Fix (safe): `apimlint --fix` writes `wka` into a membershipScheme parameter that says
        `multicast`, as the guide does; the members list is APIM404's. Another scheme is left as it is:
        rewriting it to wka would drop the discovery the deployment chose.
        """) { Fix = FixSafety.Safe };

    public override IEnumerable<Diagnostic> Check(Deployment deployment)
    {
        foreach (var node in deployment.Nodes)
        {
            if (node.Cluster is not { IsEnabled: true } cluster) continue;
            var key = Key(node, node.Axis2Xml, "/axisconfig/clustering/parameter[@name='membershipScheme']");
            switch (cluster.Scheme)
            {
                case MembershipSchemeKind.Multicast:
                    yield return Multicast(deployment, node, cluster, key);
                    break;
                case MembershipSchemeKind.Unknown:
                    var written = cluster.MembershipScheme!;
                    yield return Report(written.Location,
                        $"{node.Name}'s clustering membershipScheme '{written.Value}' names no membershipSchemeClassName: the clustering agent knows only multicast, wka and aws, " +
                        $"and refuses it, so {node.Name} does not cluster with {deployment.PeerOf(node).Name}",
                        key);
                    break;
            }
        }
    }

    private Diagnostic Multicast(Deployment deployment, Node node, ClusterConfig cluster, string key)
    {
        var peer = deployment.PeerOf(node);
        var related = peer.Cluster is { IsEnabled: true, IsWka: true, MembershipScheme: { } peerScheme }
            ? new[] { new RelatedLocation(peerScheme.Location, $"{peer.Name}'s membershipScheme") }
            : [];
        var consequence = $"{node.Name} finds {peer.Name} only if the network forwards multicast between them";
        return cluster.MembershipScheme is { } written
            ? Report(written.Location, $"{node.Name}'s clustering membershipScheme is '{written.Value}', not 'wka': {consequence}", key, related)
                with { Fix = Fix.Safe("Set membershipScheme to wka", Edits.Replace(written.Location, "wka")) }
            : Report(cluster.StartTag,
                $"{node.Name}'s clustering sets no membershipScheme, so it uses '{ClusterConfig.DefaultMembershipScheme}', not 'wka': {consequence}", key, related);
    }
}
