using ApimLint.Diagnostics;
using ApimLint.Drift;
using ApimLint.Engine;
using ApimLint.Model;
using static ApimLint.Rules.Drift.DriftFindings;

namespace ApimLint.Rules.Drift;

public sealed class FileDrift : DriftRule
{
    public override bool YieldsToSpecificRules => true;

    public override RuleDescriptor Descriptor { get; } = new(
        "APIM702", "file-drift", RuleCategory.Drift, Severity.Warning,
        "Both nodes must have the same configuration files under repository/conf and repository/deployment/server.",
        """
        ## What it does
        Lists the files under `repository/conf` and `repository/deployment/server` of both nodes (the
        deployed artifacts excepted: APIM703 covers them) and reports a file that exists on one node
        only, and a file that no parser reads (a keystore, a web application, a Jaggery page) or that
        does not parse, whose content differs. Runtime files are not compared (logs, `tmp`, the embedded
        databases, `*.log`, `*.lck`, `*.pid`, a web application's folder unpacked beside its `.war`),
        nor files declared node-specific or excluded with `--drift-ignore`. The peer throttle
        publishers and the JNDI files they read may have other names on each node; APIM502 and
        APIM504 check them.

        ## Why it matters
        A configuration file added on one node (a claim mapping, a tenant's settings, a custom
        handler's configuration) or a Jaggery app patched on one node only is a difference nobody sees
        until failover, when the passive behaves otherwise. The passive is meant to be a copy of the
        active (the guide: "Make a copy of the active instance configured above").

        ## Example
        The active has `repository/conf/identity/claim-config-custom.xml`, the passive does not.

        ## How to fix
        Copy the file to the node that lacks it (or remove it from the one that should not have it), and
        keep the nodes' configuration under one configuration management. A file that is meant to exist
        on one node only can be declared node-specific (`drift.nodeSpecific`) or left out with
        `--drift-ignore 'repository/conf/…'`.
        """);

    public override IEnumerable<Diagnostic> Check(Deployment deployment)
    {
        var report = DriftContext.ReportFor(deployment);
        foreach (var item in Unexpected(deployment, DriftKind.File))
        {
            var message = Presence(item, $"passive's {item.File} differs from active's ({item.Detail ?? $"{item.Active.Display} and {item.Passive.Display}"})");
            yield return Report(Where(report, item), message, LogicalKey(item), ActiveSide(item, "file")) with { Severity = SeverityOf(item) };
        }
    }
}
