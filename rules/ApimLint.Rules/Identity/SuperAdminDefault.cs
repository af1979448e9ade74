using ApimLint.Diagnostics;
using ApimLint.Engine;
using ApimLint.Model;
using ApimLint.Model.Servers;

namespace ApimLint.Rules.Identity;

public sealed class SuperAdminDefault : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "APIM205", "super-admin-default", RuleCategory.Identity, Severity.Error,
        "[super_admin] must not keep the pack's admin/admin.",
        """
        ## What it does
        Reports a node whose `[super_admin]` is still user `admin` with password `admin`, as the node reads
        them (`$ref{…}` followed). A password kept in Secure Vault (`$secret{…}`) or set at start-up
        (`$env{…}`) is not the default and is not judged.

        ## Why it matters
        Everyone knows the pack's credentials: with them the Publisher, the Admin Portal, the Carbon console
        and the admin services are open to anyone who reaches the load balancer. The same credentials are
        also the event hub's and the throttling connections' (`$ref{super_admin.*}` in the configuration's
        defaults), so anyone who reaches a node's broker can publish to it. WSO2 asks to change them before
        production ([Security Guidelines for Production Deployment](https://apim.docs.wso2.com/en/4.4.0/install-and-setup/deploy/security-guidelines-for-production-deployment/);
        [Configuring an Active-Active Deployment](https://apim.docs.wso2.com/en/4.4.0/install-and-setup/setup/single-node/configuring-an-active-active-deployment/)).
        This rule cannot be suppressed: no justification makes a public password safe.

        ## Example
        ```toml
        [super_admin]
        username = "admin"
        password = "admin"
        create_admin_account = true
        ```

        ## How to fix
        Set another password, ideally encrypted (`password = "$secret{admin_password}"` with the value under
        `[secrets]`, then run the cipher tool), the same on every node (APIM206), before the first start
        that creates the admin in the shared user store.
        """) { IsSecurity = true, Suppressible = false, Versions = VersionRange.ApiManager32AndLater };

    public override IEnumerable<Diagnostic> Check(Deployment deployment)
    {
        foreach (var node in deployment.Servers)
        {
            if (node.Settings.Get("super_admin.username") is not { Value: { } user } username || user.Trim() != "admin") continue;
            if (node.Settings.Get("super_admin.password") is not { IsSecret: false, Value: "admin" } password) continue;
            yield return Report(password.Location,
                $"{node.Name}'s [super_admin] is still the pack's admin/admin: " + (node.Role is ServerRole.AllInOne or ServerRole.ControlPlane
                    ? "anyone who reaches the load balancer can log in to the Publisher and the Admin Portal"
                    : $"anyone who reaches the {node.Role.Name()} can call its admin services and its broker with them"),
                $"{node.Name}:{node.DeploymentToml.RelativePath}#super_admin",
                new RelatedLocation(username.Location, $"{node.Name}'s super admin user name"));
        }
    }
}
