using ApimLint.Diagnostics;
using ApimLint.Engine;
using ApimLint.Model;
using ApimLint.Model.Servers;

namespace ApimLint.Rules.Gateway;

public sealed class GatewayLabelsUnmatched : Rule
{
    private const string Labels = "apim.sync_runtime_artifacts.gateway.gateway_labels";

    public override RuleDescriptor Descriptor { get; } = new(
        "APIM523", "gateway-labels-unmatched", RuleCategory.Gateway, Severity.Warning,
        "A gateway's gateway_labels must name a gateway environment the control plane defines, or it deploys no API.",
        """
        ## What it does
        Collects the names of the `[[apim.gateway.environment]]` tables the all-in-one and control-plane
        nodes write, and reports a gateway (or all-in-one node) whose
        `[apim.sync_runtime_artifacts.gateway] gateway_labels` (default `["Default"]`) names none of them.
        Silent when no node writes an environment.

        ## Why it matters
        A gateway pulls the APIs deployed to the environments its labels name and nothing else: with a
        label no environment has, the gateway starts, answers every API call with "no matching resource",
        and nothing in its log says why. WSO2's
        [Synchronizing Artifacts in a Gateway Cluster](https://apim.docs.wso2.com/en/3.2.0/install-and-setup/setup/distributed-deployment/synchronizing-artifacts-in-a-gateway-cluster/)
        and the 4.x [distributed deployment](https://apim.docs.wso2.com/en/4.4.0/install-and-setup/setup/distributed-deployment/deploying-wso2-api-m-in-a-distributed-setup/)
        pages tie the labels to the environment names. A warning, not an error: 4.x also lets an admin
        add environments in the Admin Portal, which deployment.toml does not show.

        ## Example
        The control planes define `name = "Default"`; the gateways have
        `gateway_labels = ["Production and Sandbox"]` (the 3.x environment's name, kept from an old file).

        ## How to fix
        Name the environment the gateway serves: `gateway_labels = ["Default"]`, or rename the
        environment on every control plane.
        """) { Versions = VersionRange.ApiManager32AndLater };

    public override IEnumerable<Diagnostic> Check(Deployment deployment)
    {
        var environments = deployment.Servers
            .Where(n => n.Role is ServerRole.AllInOne or ServerRole.ControlPlane)
            .SelectMany(n => n.Settings.TablePaths("apim.gateway.environment").Select(t => n.Settings.Get($"{t}.name")?.Value))
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
        if (environments.Count == 0) yield break;
        foreach (var node in deployment.Servers.Where(n => n.Role is ServerRole.AllInOne or ServerRole.Gateway))
        {
            if (node.Settings.Get(Labels) is not { } labels) continue;
            var names = labels.Values.Select(v => v.Value).ToList();
            // A label given at start-up ($env) may be any environment.
            if (names.Count == 0 || names.Any(n => n is null || environments.Contains(n))) continue;
            yield return Report(labels.Location,
                $"{node.Name}'s gateway_labels {string.Join(", ", names.Select(n => $"\"{n}\""))} name no gateway environment of the deployment " +
                $"({string.Join(", ", environments.Order(StringComparer.Ordinal).Select(e => $"\"{e}\""))}): {node.Name} deploys no API",
                $"{node.Name}:{node.DeploymentToml.RelativePath}#{Labels}");
        }
    }
}
