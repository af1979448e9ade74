using ApimLint.Diagnostics;
using ApimLint.Engine;
using ApimLint.Model;

namespace ApimLint.Rules.ReverseProxy;

public sealed class UpstreamServerUnmatched : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "APIM614", "upstream-server-unmatched", RuleCategory.ReverseProxy, Severity.Warning,
        "Every server of an upstream behind the nodes' locations must be matched to a node, so that its role can be checked.",
        """
        ## What it does
        For each upstream that /carbon, /publisher, /admin, /store or API traffic proxies to, reports a
        server whose host is a name (not loopback, not an IP address) the deployment gives no node. A
        node goes by its apimlint.json `host` and `aliases`, its axis2.xml `localMemberHost` and its
        carbon.xml `HostName` and `MgtHostName` (not a placeholder both nodes carry alike), and by every
        name a `hosts` file at the top of the deployment folder (`/etc/hosts` format) gives the same
        address. apimlint resolves no names itself. An IP address that is no node's is APIM601's (or,
        while a node is known only by a name, unchecked: APIM406 asks for its IP address on two hosts).
        It stays silent while the topology is unknown (APIM008 says why).

        ## Why it matters
        APIM601, APIM602 and APIM603 check which node each server is: that the passive is the backup,
        that the manager upstream holds the active only, that the ports are the nodes'. A server that
        matches no node leaves its whole upstream unchecked: `server apim-node1.example.com:9443
        backup;` with the passive as primary would fail over the wrong way and no rule could say so.
        Real nginx files name the nodes by host name far more often than by IP address.

        ## Example
        ```nginx
        upstream allnodes {
            server apim-node1.example.com:9443;
            server apim-node2.example.com:9443 backup;
        }
        ```
        with nothing in the deployment naming either host.

        ## How to fix
        Give each node its names in apimlint.json:
        ```json
        "nodes": [
          { "role": "active",  "path": "active",  "aliases": ["apim-node1.example.com"] },
          { "role": "passive", "path": "passive", "aliases": ["apim-node2.example.com"] }
        ]
        ```
        or add a `hosts` file to the deployment folder that maps them to the addresses the nodes
        advertise (`192.168.10.1 apim-node1.example.com`).
        """);

    public override IEnumerable<Diagnostic> Check(Deployment deployment)
    {
        var routing = NginxRouting.Of(deployment);
        foreach (var upstream in deployment.Nginx.Upstreams)
        {
            if (routing.RoleOf(upstream) == UpstreamRole.None) continue;
            foreach (var target in upstream.Servers.Select(routing.Resolve).Where(t => t.Unmatched))
            {
                var server = target.Server;
                yield return Report(server.Address.Location,
                    $"upstream {upstream.Name.Value}'s server {server.Address.Value} matches no node: {server.Host} is none of the names the deployment gives " +
                    $"a node, so which node it is, and its role in the upstream, cannot be checked; declare the node's names in apimlint.json " +
                    $"(nodes[].aliases) or in a hosts file in the deployment folder (apimlint topology lists the names it knows)",
                    routing.Key(server.Directive));
            }
        }
    }
}
