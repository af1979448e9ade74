using ApimLint.Diagnostics;
using ApimLint.Engine;
using ApimLint.Model;

namespace ApimLint.Rules.Identity;

public sealed class DefaultAdminCredentials : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "APIM202", "default-admin-credentials", RuleCategory.Identity, Severity.Error,
        "The user store's admin must not keep the pack's admin/admin.",
        """
        ## What it does
        Reports a node whose user-mgt.xml `<AdminUser>` is still user `admin` with password `admin`.

        ## Why it matters
        Everyone knows the pack's credentials: with them the Publisher, the Admin Portal, the Carbon
        console and the admin services are open to anyone who reaches the proxy. The guide says it
        plainly: "If you are using the WSO2UM_DB to store users, remember to change the administrator
        username and password." (
        [WSO2 production deployment guidelines](https://apim.docs.wso2.com/en/3.2.0/install-and-setup/setup/deployment-best-practices/production-deployment-guidelines/).)
        This rule cannot be suppressed: no justification makes a public password safe in a deployment
        this gate lets through.

        ## Example
        ```xml
        <AdminUser>
            <UserName>admin</UserName>
            <Password>admin</Password>
        </AdminUser>
        ```

        ## How to fix
        Set another password (ideally through Secure Vault, `svns:secretAlias`) before the first start
        that creates the admin in the shared user store, and use the same credentials in the jndi files'
        AMQP URLs (APIM204).
        """) { IsSecurity = true, Suppressible = false };

    public override IEnumerable<Diagnostic> Check(Deployment deployment)
    {
        foreach (var node in deployment.Nodes)
        {
            if (node.UserStore is not { AdminUserName: { Value: "admin" } user, AdminPassword: { } password } || !password.IsOneOf("admin")) continue;
            yield return Report(password.Location,
                $"{node.Name}'s user store admin is still the pack's admin/admin: anyone who reaches the proxy can log in to the Publisher and the Admin Portal",
                Key(node, node.UserMgtXml, "/UserManager/Realm/Configuration/AdminUser"),
                new RelatedLocation(user.Location, $"{node.Name}'s admin user name"));
        }
    }
}
