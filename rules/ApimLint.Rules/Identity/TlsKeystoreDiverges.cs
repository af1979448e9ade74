using ApimLint.Diagnostics;
using ApimLint.Engine;
using ApimLint.Model;
using ApimLint.Model.Servers;

namespace ApimLint.Rules.Identity;

public sealed class TlsKeystoreDiverges : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "APIM208", "tls-keystore-diverges", RuleCategory.Identity, Severity.Warning,
        "The nodes of a group must use the same TLS keystore ([keystore.tls]) and truststore ([truststore]).",
        """
        ## What it does
        Within each group of peers (the nodes of one role, or the group apimlint.json gives), compares
        `[keystore.tls]` `file_name`, `alias`, `type`, `password` and `key_password`, and `[truststore]`
        `file_name`, `type` and `password` (alias and type without case; passwords compared, never shown),
        and reports each node that differs from the first node of its group that writes the key. A
        `$secret{…}` or `$env{…}` value is not compared, nor a key left to the pack's default.

        ## Why it matters
        "You should use the same keystore and truststore for SSL in both WSO2 API-M instances" (WSO2's
        [Configuring an Active-Active Deployment](https://apim.docs.wso2.com/en/4.4.0/install-and-setup/setup/single-node/configuring-an-active-active-deployment/),
        step 1): the load balancer and the clients that pin the certificate meet either node, and the
        nodes call each other's services over TLS, each trusting what its truststore holds. A peer
        with another certificate or truststore fails those calls, depending on which node a request
        reaches.

        ## Example
        node1 writes `[keystore.tls] file_name = "am-tls.jks"`, node2 `file_name = "wso2carbon.jks"`.

        ## How to fix
        Copy node1's TLS keystore and truststore to every node of the group and write the same
        `[keystore.tls]` and `[truststore]` tables on each.
        """) { Versions = VersionRange.ApiManager32AndLater };

    /// <summary>A truststore holds no private key: no alias or key password.</summary>
    private static readonly string[] TruststoreKeys = ["file_name", "type", "password"];

    public override IEnumerable<Diagnostic> Check(Deployment deployment)
    {
        var tables = new[] { ("keystore.tls", KeystoreSettings.Keys), ("truststore", KeystoreSettings.Keys.Where(k => TruststoreKeys.Contains(k.Key)).ToArray()) };
        foreach (var group in deployment.Servers.GroupBy(s => s.Group, StringComparer.Ordinal))
            foreach (var (table, keys) in tables)
                foreach (var (key, comparer, secret) in keys)
                    foreach (var d in group.Divergences($"{table}.{key}", comparer))
                        yield return Report(d.Setting.Location,
                            KeystoreSettings.Difference(d, table, key, secret) + $": the peers of group {d.Node.Group} must present and trust the same certificates",
                            $"{d.Node.Name}:{d.Node.DeploymentToml.RelativePath}#{table}.{key}",
                            KeystoreSettings.FirstNode(d, table, key));
    }
}
