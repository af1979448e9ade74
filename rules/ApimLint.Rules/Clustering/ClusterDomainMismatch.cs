using ApimLint.Diagnostics;
using ApimLint.Engine;
using ApimLint.Model;

namespace ApimLint.Rules.Clustering;

public sealed class ClusterDomainMismatch : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "APIM403", "cluster-domain-mismatch", RuleCategory.Clustering, Severity.Error,
        "Both nodes must set the same clustering domain parameter in axis2.xml.",
        """
        ## What it does
        When both nodes enable clustering, compares their `domain` parameters (a node without one is in
        the agent's default domain, `apache.axis2.domain`). It reports the passive when they differ,
        with the active's value beside it.

        ## Why it matters
        The domain is the Hazelcast group name: members of different domains ignore each other even
        when each lists the other as a well-known member. The nodes run as two one-node clusters, the
        "member joined" log line never appears, and cache invalidation between them does not happen.
        The guide sets `wso2.pub.store.domain` on the active before copying it; a passive configured by
        hand, or left with the pack's `wso2.carbon.domain`, differs. ([product-is#1710](https://github.com/wso2/product-is/issues/1710).)

        ## Example
        The active has `<parameter name="domain">wso2.pub.store.domain</parameter>`, the passive:
        ```xml
        <parameter name="domain">wso2.carbon.domain</parameter>
        ```

        ## How to fix
        Give both nodes the same domain, e.g. `<parameter name="domain">wso2.pub.store.domain</parameter>`.

        Fix (unsafe): `apimlint --fix --unsafe-fixes` copies the active's domain to the passive (the
        passive's to the active with `--prefer passive`): which node has the intended name is a judgement.
        """) { Fix = FixSafety.Unsafe };

    public override IEnumerable<Diagnostic> Check(Deployment deployment)
    {
        if (deployment.Active.Cluster is not { IsEnabled: true } active || deployment.Passive.Cluster is not { IsEnabled: true } passive)
            yield break;
        if (active.EffectiveDomain == passive.EffectiveDomain) yield break;

        var related = ClusterParameter.Related(deployment.Active, active, active.Domain, "domain", ClusterConfig.DefaultDomain);
        var location = passive.LocationOf(passive.Domain);
        var written = passive.Domain is null ? $"sets no domain, so it is in '{passive.EffectiveDomain}'" : $"domain is '{passive.EffectiveDomain}'";
        yield return Report(location,
            $"passive's clustering {written}, but active's is '{active.EffectiveDomain}': the nodes form separate clusters",
            Key(deployment.Passive, deployment.Passive.Axis2Xml, "/axisconfig/clustering/parameter[@name='domain']"), related)
            with { Fix = CopyPreferred(deployment, active, passive) };
    }

    /// <summary>Writes the preferred node's domain into the other's domain parameter (both must be written).</summary>
    private static Fix? CopyPreferred(Deployment deployment, ClusterConfig active, ClusterConfig passive)
    {
        var (from, to) = deployment.Preferred == NodeRole.Active ? (active, passive) : (passive, active);
        return from.Domain is null || to.Domain is null
            ? null
            : Fix.Unsafe($"Use {deployment.PreferredNode.Name}'s domain '{from.Domain.Value}' on both nodes", Edits.Replace(to.Domain.Location, from.Domain.Value));
    }
}
