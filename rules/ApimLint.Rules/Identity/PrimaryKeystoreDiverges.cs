using ApimLint.Diagnostics;
using ApimLint.Engine;
using ApimLint.Model;
using ApimLint.Model.Servers;

namespace ApimLint.Rules.Identity;

public sealed class PrimaryKeystoreDiverges : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "APIM207", "primary-keystore-diverges", RuleCategory.Identity, Severity.Error,
        "[keystore.primary] (and [keystore.internal] when written) must be the same keystore on every node.",
        """
        ## What it does
        Compares `[keystore.primary]` `file_name`, `alias` and `type` (alias and type without case) and its
        `password` and `key_password` (compared, never shown) across the nodes that write them, and
        `[keystore.internal]` likewise, and reports each node that differs from the first node that writes the
        key. A `$secret{…}` or `$env{…}` value is not compared, nor a key a node leaves to the pack's default.

        ## Why it matters
        The primary keystore signs tokens and encrypts what the nodes share in the database and the
        registry; the internal keystore encrypts the secrets of the shared database (OAuth client secrets, the
        credentials of API endpoints). "The same primary keystore should be used for all API Manager instances
        to decrypt the registry resources"
        ([distributed deployment](https://apim.docs.wso2.com/en/4.5.0/install-and-setup/setup/distributed-deployment/deploying-wso2-api-m-in-a-distributed-setup-with-tm-separated/);
        [docs-apim#8032](https://github.com/wso2/docs-apim/issues/8032)). A node with another keystore fails
        to decrypt what its peers wrote and rejects the JWTs they signed
        ([Configuring Keystores](https://apim.docs.wso2.com/en/4.4.0/install-and-setup/setup/security/configuring-keystores/configuring-keystores-in-wso2-api-manager/)).

        ## Example
        node1 writes `file_name = "apim-primary.jks"`, node2 `file_name = "wso2carbon.jks"`.

        ## How to fix
        Copy the same keystore file to every node's `repository/resources/security` and write the same
        `[keystore.primary]` (and `[keystore.internal]`) on every node.
        """) { Versions = VersionRange.ApiManager32AndLater };

    public override IEnumerable<Diagnostic> Check(Deployment deployment)
    {
        foreach (var table in new[] { "keystore.primary", "keystore.internal" })
            foreach (var (key, comparer, secret) in KeystoreSettings.Keys)
                foreach (var d in deployment.Divergences($"{table}.{key}", comparer))
                    yield return Report(d.Setting.Location,
                        KeystoreSettings.Difference(d, table, key, secret) + ": every node must use the same keystore to decrypt and verify what the others wrote",
                        $"{d.Node.Name}:{d.Node.DeploymentToml.RelativePath}#{table}.{key}",
                        KeystoreSettings.FirstNode(d, table, key));
    }
}
