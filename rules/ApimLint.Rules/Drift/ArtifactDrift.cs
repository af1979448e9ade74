using ApimLint.Diagnostics;
using ApimLint.Drift;
using ApimLint.Engine;
using ApimLint.Model;
using static ApimLint.Rules.Drift.DriftFindings;

namespace ApimLint.Rules.Drift;

public sealed class ArtifactDrift : DriftRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "APIM703", "artifact-drift", RuleCategory.Drift, Severity.Error,
        "The deployed artifacts (synapse-configs, executionplans, userstores) must be the same on both nodes.",
        """
        ## What it does
        Compares the artifacts deployed under `repository/deployment/server`: `synapse-configs` (APIs,
        sequences, endpoints, proxy services, local entries, templates, tasks), `executionplans`
        (the Siddhi throttling policies) and `userstores` (secondary user stores). It reports one
        finding per artifact that exists on one node only or whose content differs; an XML artifact
        that is only formatted differently is the same artifact.

        ## Why it matters
        The Publisher deploys an API into the synapse-configs of the node it publishes to, and the
        guide asks for "a content synchronization mechanism like Rsync to synchronize the artifacts in
        the `<API-M_HOME>/repository/deployment/server/synapse-configs` directory of one node with
        those of the other node". When the Rsync is broken the passive has not the APIs the active
        serves and answers 404 for them after failover
        ([docs-apim PR 2770](https://github.com/wso2/docs-apim/pull/2770) and
        [#2259](https://github.com/wso2/docs-apim/issues/2259)). Throttling policies and secondary user stores are deployed the same way.

        ## Example
        The active has `synapse-configs/default/api/admin--OrderAPI_v1.0.0.xml`; the passive, whose
        Rsync cron job stopped, does not.

        ## How to fix
        Repair the synchronisation (the Rsync from the active to the passive, or a shared file system)
        and run it once by hand; check that it covers `executionplans` and `userstores` too. Do not
        publish on the passive: the one-way Rsync overwrites what it deploys.
        """);

    public override IEnumerable<Diagnostic> Check(Deployment deployment)
    {
        var report = DriftContext.ReportFor(deployment);
        foreach (var item in Unexpected(deployment, DriftKind.Artifact))
        {
            var artifact = $"{Kind(item.File)} {Path.GetFileNameWithoutExtension(item.File)}";
            var message = item switch
            {
                { Passive.IsAbsent: true } => $"active has the {artifact}, but passive does not: {Consequence(item.File)}",
                { Active.IsAbsent: true } => $"passive has the {artifact}, but active does not: it was deployed on passive only, and the next synchronisation from active may remove it",
                { Key: "(content)" } => $"passive's {artifact} differs from active's: {Consequence(item.File)}",
                _ => $"passive's {artifact} differs from active's at {item.Key} ({item.Detail}): {Consequence(item.File)}",
            };
            yield return Report(Where(report, item), message, LogicalKey(item), ActiveSide(item, "artifact")) with { Severity = SeverityOf(item) };
        }
    }

    private const string Server = "repository/deployment/server/";

    /// <summary>What an artifact is, from the folder it is deployed in.</summary>
    private static string Kind(string path)
    {
        var folders = path[Server.Length..].Split('/');
        return folders[0] switch
        {
            "executionplans" => "execution plan",
            "userstores" => "user store",
            _ => folders.Length > 3 ? folders[2] switch
            {
                "api" => "API",
                "sequences" => "sequence",
                "endpoints" => "endpoint",
                "proxy-services" => "proxy service",
                "local-entries" => "local entry",
                "templates" => "template",
                "tasks" => "task",
                "inbound-endpoints" => "inbound endpoint",
                "message-stores" => "message store",
                "message-processors" => "message processor",
                _ => "artifact",
            } : "synapse configuration",
        };
    }

    private static string Consequence(string path) => path[Server.Length..].Split('/')[0] switch
    {
        "executionplans" => "the artifacts are not synchronised, and passive enforces other throttling policies after failover",
        "userstores" => "the artifacts are not synchronised, and the users of this store cannot log in on passive after failover",
        _ => Kind(path) == "API"
            ? "the synapse-configs are not synchronised, and passive answers 404 for this API after failover"
            : "the synapse-configs are not synchronised, and the APIs that use it fail on passive after failover",
    };
}
