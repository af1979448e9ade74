using ApimLint.Diagnostics;
using ApimLint.Drift;
using ApimLint.Engine;
using ApimLint.Model;
using static ApimLint.Rules.Drift.DriftFindings;

namespace ApimLint.Rules.Drift;

public sealed class ProductVersionMismatch : DriftRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "APIM705", "product-version-mismatch", RuleCategory.Drift, Severity.Error,
        "Both nodes must run the same product version (carbon.xml Version) at the same update level.",
        """
        ## What it does
        Compares carbon.xml's `<Version>` and the update level of both nodes: with WSO2 Update Manager
        (WUM), the newest timestamp file in `updates/wum/`; with WSO2 Updates 2.0, the `update-level`
        of `updates/config.json` (where WSO2's call-home reads them). A node without either runs the
        release as shipped.

        ## Why it matters
        Active and passive share their databases and, after failover, their clients: a node of another
        version or update level may read the shared data otherwise, has other fixes and other bugs, and
        a failover becomes an upgrade or a downgrade. WSO2 asks to apply the same update level across
        all nodes of a deployment (WSO2 Updates 2.0 documentation: update one environment, verify it,
        then propagate the same updated pack).

        ## Example
        The active was updated with WUM (`updates/wum/1554386811000`); the passive still has
        `updates/wum/1548115200000`.

        ## How to fix
        Bring both nodes to the same version and update level: update one, test it, copy the updated
        pack to the other node and reapply its node-specific configuration.
        """);

    public override IEnumerable<Diagnostic> Check(Deployment deployment)
    {
        var report = DriftContext.ReportFor(deployment);
        foreach (var item in Unexpected(deployment, DriftKind.Version))
        {
            var message = item.Key == DriftAnalysis.VersionKey
                ? $"passive's carbon.xml Version is {Value(item.Passive.Display)}, but active's is {Value(item.Active.Display)}: the nodes run different products"
                : $"passive's update level is {Level(item.Passive.Display)}, but active's is {Level(item.Active.Display)}: the nodes run different patch levels";
            yield return Report(Where(report, item), message, LogicalKey(item), ActiveSide(item, item.Key == DriftAnalysis.VersionKey ? "Version" : "update level"))
                with { Severity = SeverityOf(item) };
        }
    }

    private static string Level(string? level) => level ?? "none (the release as shipped)";
}
