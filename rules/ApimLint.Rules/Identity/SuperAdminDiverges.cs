using ApimLint.Diagnostics;
using ApimLint.Engine;
using ApimLint.Model;
using ApimLint.Model.Servers;

namespace ApimLint.Rules.Identity;

public sealed class SuperAdminDiverges : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "APIM206", "super-admin-diverges", RuleCategory.Identity, Severity.Error,
        "[super_admin] username and password must be the same on every node.",
        """
        ## What it does
        Compares `[super_admin] username` (without case) and `password` across all nodes that write them, and
        reports each node that differs from the first node that writes the key. The password is compared,
        never shown. A `$secret{…}` or `$env{…}` value is not compared: its value is not known before the
        node starts.

        ## Why it matters
        The super admin is one user of the shared user store, and the configuration's defaults use it as the
        credentials of the connections between nodes: the event hub's (`[apim.event_hub] username` and
        `password` are `$ref{super_admin.*}`), the key manager's and the throttling admin services'. A node
        with other credentials fails to authenticate to its peers: the gateways stop receiving API and
        subscription events or throttle decisions, and the node that wrote the user first decides which
        password the user store keeps
        ([Configuring an Active-Active Deployment](https://apim.docs.wso2.com/en/4.4.0/install-and-setup/setup/single-node/configuring-an-active-active-deployment/);
        [distributed deployment](https://apim.docs.wso2.com/en/4.4.0/install-and-setup/setup/distributed-deployment/deploying-wso2-api-m-in-a-distributed-setup/)).

        ## Example
        cp1 writes `username = "opsadmin"`, gw1 keeps `username = "admin"`.

        ## How to fix
        Write the same `[super_admin]` username and password on every node.
        """) { Versions = VersionRange.ApiManager32AndLater };

    public override IEnumerable<Diagnostic> Check(Deployment deployment)
    {
        foreach (var d in deployment.Divergences("super_admin.username", StringComparer.OrdinalIgnoreCase))
            yield return Report(d.Setting.Location,
                $"{d.Node.Name}'s [super_admin] username is {d.Setting.Value}, {d.First.Name}'s is {d.FirstSetting.Value}: the nodes authenticate to each other's event hub and services as the super admin; write the same on every node",
                $"{d.Node.Name}:{d.Node.DeploymentToml.RelativePath}#super_admin.username",
                new RelatedLocation(d.FirstSetting.Location, $"{d.First.Name}'s [super_admin] username"));
        foreach (var d in deployment.Divergences("super_admin.password", StringComparer.Ordinal))
            yield return Report(d.Setting.Location,
                $"{d.Node.Name}'s [super_admin] password differs from {d.First.Name}'s (not shown): the nodes authenticate to each other's event hub and services as the super admin; write the same on every node",
                $"{d.Node.Name}:{d.Node.DeploymentToml.RelativePath}#super_admin.password",
                new RelatedLocation(d.FirstSetting.Location, $"{d.First.Name}'s [super_admin] password"));
    }
}
