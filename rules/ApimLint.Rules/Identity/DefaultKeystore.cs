using ApimLint.Diagnostics;
using ApimLint.Engine;
using ApimLint.Model;

namespace ApimLint.Rules.Identity;

public sealed class DefaultKeystore : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "APIM203", "default-keystore", RuleCategory.Identity, Severity.Warning,
        "carbon.xml's primary KeyStore must not be the pack's wso2carbon.jks, nor keep its password wso2carbon.",
        """
        ## What it does
        Reports a node whose carbon.xml `<Security><KeyStore>` is still `wso2carbon.jks`, or whose
        keystore or key password is still `wso2carbon`.

        ## Why it matters
        Every API-M pack ships the same wso2carbon.jks with the same private key and password. The
        primary keystore signs tokens and encrypts the Secure Vault's secrets: with the public one,
        anyone can forge what the gateway trusts and decrypt what the vault protects. The guide: "It is
        recommended to change this default keystore in a production deployment." (
        [WSO2 production deployment guidelines](https://apim.docs.wso2.com/en/3.2.0/install-and-setup/setup/deployment-best-practices/production-deployment-guidelines/).)

        ## Example
        ```xml
        <KeyStore>
            <Location>${carbon.home}/repository/resources/security/wso2carbon.jks</Location>
            <Password>wso2carbon</Password>
        ```

        ## How to fix
        Create a keystore of your own (keytool), import it into the client truststore, point
        `<Location>` at it and set its passwords on both nodes.
        """) { IsSecurity = true };

    public override IEnumerable<Diagnostic> Check(Deployment deployment)
    {
        foreach (var node in deployment.Nodes)
        {
            if (node.KeyStore is not { } keyStore) continue;
            var reasons = new List<string>();
            if (keyStore.Location?.Value.EndsWith("wso2carbon.jks", StringComparison.OrdinalIgnoreCase) == true) reasons.Add("is the pack's wso2carbon.jks");
            if (keyStore.Password?.IsOneOf("wso2carbon") == true || keyStore.KeyPassword?.IsOneOf("wso2carbon") == true) reasons.Add("keeps the pack's password");
            if (reasons.Count == 0) continue;
            yield return Report(keyStore.Location?.Location ?? ApimLint.Text.Location.InFile(keyStore.Element.Source, keyStore.Element.StartTagSpan),
                $"{node.Name}'s primary keystore {string.Join(" and ", reasons)}, so its private key is public: tokens can be forged and vaulted secrets decrypted",
                Key(node, node.CarbonXml, "/Server/Security/KeyStore"));
        }
    }
}
