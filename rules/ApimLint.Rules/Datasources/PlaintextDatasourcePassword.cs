using ApimLint.Diagnostics;
using ApimLint.Engine;
using ApimLint.Model;

namespace ApimLint.Rules.Datasources;

public sealed class PlaintextDatasourcePassword : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "APIM108", "plaintext-datasource-password", RuleCategory.Datasources, Severity.Warning,
        "An external database's password must be kept in Secure Vault (svns:secretAlias), not written in clear.",
        """
        ## What it does
        Reports a datasource on an external RDBMS (not the pack's embedded H2 stores, whose wso2carbon
        passwords protect nothing outside the node) whose `<password>` is written in clear instead of
        as a Secure Vault alias. Well-known values (root, wso2carbon, an empty password) get a stronger
        message. The value itself never appears in any output.

        ## Why it matters
        master-datasources.xml is copied between nodes, committed to repositories and attached to
        support tickets. A clear password for the shared databases opens every API, subscription,
        token and user of the deployment. The guide's example uses root/root.

        ## Example
        ```xml
        <username>root</username>
        <password>root</password>
        ```

        ## How to fix
        Encrypt it with the cipher tool (`ciphertool.sh -Dconfigure`) and reference it:
        `<password svns:secretAlias="Datasources.WSO2AM_DB.Configuration.Password">password</password>`.
        """) { IsSecurity = true };

    public override IEnumerable<Diagnostic> Check(Deployment deployment)
    {
        foreach (var node in deployment.Nodes)
        {
            foreach (var dataSource in node.DataSources)
            {
                if (dataSource.ParsedUrl is not { IsEmbedded: false } || dataSource.Password is not { IsVaulted: false } password) continue;
                var weak = password.IsEmpty ? "is empty" : password.IsOneOf("root", "wso2carbon", "admin", "password") ? "is a well-known default" : null;
                yield return Report(password.Location,
                    $"{node.Name}'s datasource {dataSource.Name.Value} password " +
                    (weak is null ? "is written in clear" : $"{weak} and written in clear") + "; keep it in Secure Vault (svns:secretAlias)",
                    $"{node.Name}:{Path.GetRelativePath(node.Home, dataSource.Element.Source.Path).Replace('\\', '/')}#/datasource[name='{dataSource.Name.Value}']/password");
            }
        }
    }
}
