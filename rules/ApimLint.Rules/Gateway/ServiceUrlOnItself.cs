using ApimLint.Diagnostics;
using ApimLint.Engine;
using ApimLint.Model;
using ApimLint.Model.Servers;

namespace ApimLint.Rules.Gateway;

public sealed class ServiceUrlOnItself : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "APIM524", "service-url-on-itself", RuleCategory.Gateway, Severity.Error,
        "In a distributed deployment a node's service URLs must reach the role that serves them, not the node itself.",
        """
        ## What it does
        In a deployment with control planes, gateways or traffic managers on separate nodes, reports a
        service URL that reaches the node that writes it (`localhost`, `${carbon.local.ip}`, its own
        address, on its own management port):
        - on a control plane, a `[[apim.gateway.environment]] service_url` (the gateways' admin services);
        - on a gateway, `[apim.key_manager] service_url` and `[apim.event_hub] service_url` (the control plane);
        - on a traffic manager, `[apim.event_hub] service_url`.

        A key left out counts as its default: `[apim.key_manager] service_url` defaults to
        `https://localhost:${mgt.transport.https.port}/services/`. A URL naming a load balancer or a name
        apimlint cannot tie to a node is left alone.

        ## Why it matters
        A gateway whose key manager URL is its own management port validates tokens against a key
        manager it does not run, and a control plane whose environment's service URL is itself deploys
        APIs into itself: the 4.5 and 4.7 gateway and traffic-manager packs ship these blocks commented
        out, pointing at localhost, so a component left at its defaults looks for its control plane on
        itself. WSO2's distributed deployment guide sets each of them to the other role's load balancer
        ([Deploying API-M in a distributed setup](https://apim.docs.wso2.com/en/4.4.0/install-and-setup/setup/distributed-deployment/deploying-wso2-api-m-in-a-distributed-setup/);
        [wso2/product-apim#7067](https://github.com/wso2/product-apim/issues/7067)).

        ## Example
        On a gateway:
        ```toml
        [apim.key_manager]
        service_url = "https://localhost:9443/services/"
        ```

        ## How to fix
        Point it at the role that serves it, through its load balancer:
        `service_url = "https://cp.example.com/services/"` on the gateway, the gateway load balancer's
        management host on the control plane.
        """) { Versions = VersionRange.ApiManager4AndLater };

    public override IEnumerable<Diagnostic> Check(Deployment deployment)
    {
        if (!deployment.Servers.Any(n => n.Role is ServerRole.ControlPlane or ServerRole.Gateway or ServerRole.TrafficManager)) yield break;
        foreach (var node in deployment.Servers.Where(n => n.Settings.Known))
            foreach (var (path, serves) in ServiceUrls(node))
            {
                if (node.Settings.Get(path) is not { } setting || ServerEndpoint.Parse(node, setting) is not { } endpoint) continue;
                if (deployment.Reach(node, endpoint, ServerPorts.ManagementHttps).Node != node) continue;
                yield return Report(setting.Location,
                    $"{node.Name}'s {Setting.Display(path)} {setting.Shown} reaches {node.Name} itself, a {node.Role.Name()}: {serves}",
                    $"{node.Name}:{node.DeploymentToml.RelativePath}#{path}");
            }
    }

    /// <summary>The service URLs a node of each role writes for another role, and what that role serves there.</summary>
    private static IEnumerable<(string Path, string Serves)> ServiceUrls(ServerNode node) => node.Role switch
    {
        ServerRole.ControlPlane => node.Settings.TablePaths("apim.gateway.environment")
            .Select(t => ($"{t}.service_url", "APIs are deployed to the gateways through it; point it at the gateways' management load balancer")),
        ServerRole.Gateway =>
        [
            ("apim.key_manager.service_url", "the gateway validates tokens against the key manager there; point it at the control plane"),
            ("apim.event_hub.service_url", "the gateway fetches its APIs and policies from the event hub there; point it at the control plane"),
        ],
        ServerRole.TrafficManager => [("apim.event_hub.service_url", "the traffic manager fetches its policies from the event hub there; point it at the control plane")],
        _ => [],
    };
}
