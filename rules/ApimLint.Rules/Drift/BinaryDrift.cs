using ApimLint.Diagnostics;
using ApimLint.Drift;
using ApimLint.Engine;
using ApimLint.Model;
using static ApimLint.Rules.Drift.DriftFindings;

namespace ApimLint.Rules.Drift;

public sealed class BinaryDrift : DriftRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "APIM704", "binary-drift", RuleCategory.Drift, Severity.Warning,
        "Both nodes must run the same jars and patches (repository/components/{plugins,dropins,lib,patches}, updates/).",
        """
        ## What it does
        In whole packs, compares the jars and patches of both nodes: `repository/components/plugins`,
        `dropins`, `lib` and `patches`, and `updates/`. It reports each file that exists on one node
        only or whose content differs (sizes first; files of one size byte by byte, in parallel, stopping
        at the first difference). The update level itself is APIM705's.

        ## Why it matters
        A patch or a WSO2 update applied to one node only, a JDBC driver copied to one
        `repository/components/lib` only (the guide asks to copy the MySQL driver there, on each node),
        or a hot-fixed jar replaced on one node: after failover the passive runs other code, with the
        bugs the active no longer has, or fails to reach its database.

        ## Example
        The active has `repository/components/patches/patch0005/org.wso2.carbon.apimgt.gateway_6.4.50.jar`;
        the passive does not.

        ## How to fix
        Apply the same patches and updates to both nodes (update one, test it, then copy the updated pack
        to the other and reapply the node-specific configuration), and copy the missing jars.
        """);

    public override IEnumerable<Diagnostic> Check(Deployment deployment)
    {
        var report = DriftContext.ReportFor(deployment);
        foreach (var item in Unexpected(deployment, DriftKind.Binary))
        {
            var message = Presence(item, $"passive's {item.File} differs from active's ({item.Detail ?? $"{item.Passive.Display} against {item.Active.Display}"})")
                          + ": the nodes run different patch levels";
            yield return Report(Where(report, item), message, LogicalKey(item), ActiveSide(item, "file")) with { Severity = SeverityOf(item) };
        }
    }
}
