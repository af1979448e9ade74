using ApimLint.Diagnostics;
using ApimLint.Engine;
using ApimLint.Model;
using ApimLint.Model.Servers;

namespace ApimLint.Rules.Gateway;

public sealed class CacheInvalidationOff : Rule
{
    private const string Enabled = "apim.cache_invalidation.enabled";

    public override RuleDescriptor Descriptor { get; } = new(
        "APIM522", "cache-invalidation-off", RuleCategory.Gateway, Severity.Warning,
        "Two or more all-in-one or control-plane nodes should enable [apim.cache_invalidation], or each keeps stale keys and secrets.",
        """
        ## What it does
        In a group of two or more all-in-one or control-plane nodes, reports a node whose
        `[apim.cache_invalidation] enabled` is not `true` (the default is `false`), at the value, or at the
        place the table belongs when it is not written. A value set at start-up (`$env{…}`) is not judged.

        ## Why it matters
        Each node caches what it read from the shared database: key manager configurations, application
        keys and consumer secrets, API and scope data. Without cache invalidation a change made through one
        node (a regenerated consumer secret, a revoked key, an updated key manager) is not announced to the
        other, which keeps serving the old value until its cache expires: a secret that "does not work" on
        every other request behind the load balancer
        ([docs-apim#6608](https://github.com/wso2/docs-apim/issues/6608);
        [Configuring an Active-Active Deployment](https://apim.docs.wso2.com/en/4.4.0/install-and-setup/setup/single-node/configuring-an-active-active-deployment/)).

        ## Example
        ```toml
        [apim.cache_invalidation]
        enabled = false
        ```

        ## How to fix
        On every node of the group:
        ```toml
        [apim.cache_invalidation]
        enabled = true
        ```
        `--fix` writes it: over the value written, or under the table (a new one at the end of the file).
        """) { Versions = VersionRange.ApiManager4AndLater, Fix = FixSafety.Safe };

    public override IEnumerable<Diagnostic> Check(Deployment deployment)
    {
        foreach (var node in deployment.Servers.Where(n => n.Role is ServerRole.AllInOne or ServerRole.ControlPlane))
        {
            if (deployment.PeersOf(node).Count == 0 || node.Settings.Get(Enabled) is not { AsBoolean: false } enabled) continue;
            var peers = string.Join(", ", deployment.PeersOf(node).Select(p => p.Name));
            yield return Report(enabled.Location,
                $"{node.Name}'s {Enabled} is {(enabled.Source == SettingSource.File ? enabled.Value : "not written (default false)")}: " +
                $"{node.Name} neither announces nor hears cache invalidations, so it and {peers} keep stale keys and secrets after a change made through another node; set it to true",
                $"{node.Name}:{node.DeploymentToml.RelativePath}#{Enabled}") with
            {
                Fix = node.Settings.Write(Enabled, "true") is { } edit ? Fix.Safe($"set {Enabled} = true on {node.Name}", edit) : null,
            };
        }
    }
}
