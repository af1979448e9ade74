using ApimLint.Diagnostics;
using ApimLint.Engine;
using ApimLint.Model;

namespace ApimLint.Rules.Gateway;

public sealed class GatewayServerUrlDiverges : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "APIM501", "gateway-serverurl-diverges", RuleCategory.Gateway, Severity.Error,
        "Both nodes' API Gateway environment ServerURLs must reach the same gateway: the active node's.",
        """
        ## What it does
        Resolves the `<ServerURL>` of each `<APIGateway>` `<Environment>` in api-manager.xml with its own
        node's values (`${mgt.transport.https.port}` is 9443 plus the node's port offset,
        `${carbon.context}` is `/`, `localhost` is the node's own host) and checks that environments of the
        same name on both nodes reach the same gateway. It reports the node that does not point at the
        active node's gateway. It stays silent while either node's carbon.xml cannot be read (APIM001
        says why) and apimlint.json gives no offset, since the ports then are not known.

        With `"artifactSync": "shared-filesystem"` in apimlint.json (both nodes mount the same
        `repository/deployment/server/synapse-configs` and `executionplans`, e.g. over NFS) the rule is
        silent: an API deployed through either node's own gateway lands in the shared folder, which the
        other node reads too, so each node may publish to its own gateway (
        [Distributed Deployment of the Gateway](https://apim.docs.wso2.com/en/3.0.0/install-and-setup/deploying-wso2-api-manager/distributed-deployment/distributed-deployment-of-the-gateway/):
        with a shared file system every node can deploy artifacts, unlike Rsync). Under the default, `"rsync"`,
        it checks as described above.

        ## Why it matters
        The guide asks to point "the `<ServerURL>` to the same Gateway node" but its example is the
        placeholder URL, which each node resolves to itself. With the passive on port offset 1 the
        passive's Publisher deploys APIs into its own synapse-configs, which the one-way Rsync from the
        active then overwrites: APIs published on the passive vanish. (
        [API-M 2.5 active-active guide](https://wso2docs.atlassian.net/wiki/spaces/AM250/pages/28345309/Configuring+an+Active-Active+Deployment), step 4.)

        ## Example
        On the passive (port offset 1):
        ```xml
        <ServerURL>https://localhost:${mgt.transport.https.port}${carbon.context}services/</ServerURL>
        ```
        resolves to `https://localhost:9444/services/`, the passive's own gateway.

        ## How to fix
        Write the active node's gateway explicitly on both nodes, e.g.
        `<ServerURL>https://localhost:9443/services/</ServerURL>` when both nodes share a host, or the
        active's address when they do not.

        Fix (safe): `apimlint --fix` writes the active node's gateway URL into the ServerURL that
        does not reach it; the active is the node both must publish to, so nothing is guessed. It
        offers no fix when the nodes are on different hosts and the active's address is not known, nor
        for the passive when the topology rests only on weak evidence (different port offsets alone). It
        stays silent while the topology is unknown (APIM008).
        """) { Fix = FixSafety.Safe };

    public override IEnumerable<Diagnostic> Check(Deployment deployment)
    {
        // On a shared file system a node's own gateway writes where the other's reads: any gateway will do.
        if (deployment.ArtifactSync == ArtifactSync.SharedFilesystem) yield break;
        // A ServerURL resolves through the nodes' offsets, which are not known without carbon.xml.
        if (!deployment.PortsKnown) yield break;
        // localhost is each node's own machine: which gateway a URL reaches follows from the topology.
        if (!deployment.Topology.Known) yield break;
        var active = deployment.Active;
        var passive = deployment.Passive;
        var activeGateway = (deployment.MachineOf(active), active.Port(Ports.HttpsServlet));
        foreach (var activeEnv in active.GatewayEnvironments)
        {
            var passiveEnv = passive.GatewayEnvironments.FirstOrDefault(e => e.Name.Value == activeEnv.Name.Value);
            if (passiveEnv is null || Target(deployment, active, activeEnv) is not { } a || Target(deployment, passive, passiveEnv) is not { } p || a == p)
                continue;
            var blamed = new List<(Node Node, GatewayEnvironment Env, GatewayEnvironment Other)>();
            if (a != activeGateway) blamed.Add((active, activeEnv, passiveEnv));
            if (p != activeGateway || blamed.Count == 0) blamed.Add((passive, passiveEnv, activeEnv));
            // The same URL on two hosts reaches two machines (localhost is each node's own): name them.
            var sameText = activeEnv.ResolvedServerUrl == passiveEnv.ResolvedServerUrl;
            string Shown(GatewayEnvironment env, (string Machine, int Port) target) =>
                sameText ? $"{env.ResolvedServerUrl} on {target.Machine}" : env.ResolvedServerUrl!;
            foreach (var (node, env, other) in blamed)
            {
                var peer = deployment.PeerOf(node);
                var (mine, theirs) = node == active ? (a, p) : (p, a);
                yield return Report(env.ServerUrl!.Location,
                    $"{node.Name}'s gateway environment '{env.Name.Value}' ServerURL resolves to {Shown(env, mine)}, " +
                    $"but {peer.Name}'s resolves to {Shown(other, theirs)}: both nodes must publish to the active node's gateway",
                    Key(node, node.ApiManagerXml, $"/APIManager/APIGateway/Environments/Environment[Name='{env.Name.Value}']/ServerURL"),
                    new RelatedLocation(other.ServerUrl!.Location, $"{peer.Name}'s ServerURL")) with { Fix = PointAtActive(deployment, node, env) };
            }
        }
    }

    private static Fix? PointAtActive(Deployment deployment, Node node, GatewayEnvironment env)
    {
        var active = deployment.Active;
        var host = node == active || deployment.Topology.SharedHost ? "localhost" : deployment.Topology.AddressOf(active);
        // On the passive, localhost is right only if the nodes share a host, which weak evidence does not prove.
        if (host is null || node != active && deployment.Topology.Weak) return null;
        var url = $"https://{host}:{active.Port(Ports.HttpsServlet)}{active.WebContextRoot.TrimEnd('/')}/services/";
        return Fix.Safe($"Point the ServerURL at the active node's gateway ({url})", Edits.Replace(env.ServerUrl!.Location, url));
    }

    /// <summary>The machine and port a resolved ServerURL reaches, as seen from its node.</summary>
    private static (string Machine, int Port)? Target(Deployment deployment, Node node, GatewayEnvironment env) =>
        Uri.TryCreate(env.ResolvedServerUrl, UriKind.Absolute, out var uri) && !uri.Host.Contains('$')
            ? (deployment.MachineOf(node, uri.Host), uri.Port)
            : null;
}
