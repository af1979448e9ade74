using ApimLint.Diagnostics;
using ApimLint.Engine;
using ApimLint.Model;
using ApimLint.Text;

namespace ApimLint.Rules.Clustering;

public sealed class WkaMembersNotMutual : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "APIM404", "wka-members-not-mutual", RuleCategory.Clustering, Severity.Error,
        "With well-known-address clustering, each node's `<members>` must list the other node's localMemberHost and localMemberPort.",
        """
        ## What it does
        For each node whose axis2.xml clustering is enabled with `membershipScheme` `wka`, checks that
        `<members>` holds a `<member>` whose `<hostName>` and `<port>` equal the peer node's
        `localMemberHost` and `localMemberPort` (`localhost` and `127.0.0.1` count as the same). A list
        that names only the node itself lacks its peer. When the peer's clustering is off (APIM401),
        both nodes share a host and a localMemberPort (APIM405), or the peer advertises an address the
        other host cannot reach (APIM406), that is the finding and this rule stays silent; so it is while
        the topology is unknown (APIM008), since the peer's own address may be the slip.

        ## Why it matters
        A WKA member only finds the cluster through the addresses in its list. The guide asks that "the
        primary active node should specify the information of the secondary active node and vice
        versa", but its example member is port 4000 while two nodes on one host need two different
        localMemberPort values (the port offset does not move it). A node that does not list its peer
        forms a cluster of its own: no cache invalidation between the nodes, and when the listed member
        is down the survivor cannot re-form the cluster. ([WSO2 Clustering Guide](https://docs.wso2.com/display/Cluster);
        [product-is#20728](https://github.com/wso2/product-is/issues/20728).)

        ## Example
        Both nodes on 192.168.10.1, the active on port 4000 and the passive on 4001; the active lists:
        ```xml
        <members>
            <member>
                <hostName>192.168.10.1</hostName>
                <port>4000</port>
            </member>
        </members>
        ```

        ## How to fix
        List the peer: in the active's axis2.xml the passive's localMemberHost and localMemberPort
        (`192.168.10.1`, `4001`), in the passive's the active's.

        Fix (safe): `apimlint --fix` corrects a member that names the node itself into its peer, or
        adds a `<member>` for the peer; the values are the peer's own localMemberHost and
        localMemberPort, so nothing is guessed.
        """) { Fix = FixSafety.Safe };

    public override IEnumerable<Diagnostic> Check(Deployment deployment)
    {
        foreach (var node in deployment.Nodes)
        {
            var peer = deployment.PeerOf(node);
            if (node.Cluster is not { IsEnabled: true, IsWka: true } cluster || peer.Cluster is not { IsEnabled: true } peerCluster) continue;
            // Whether the peer's address is wrong or the list is depends on where the nodes run: APIM008 says it is not known.
            if (!deployment.Topology.Known) continue;
            // A placeholder the container rewrites at start names no host yet: only the port can be checked.
            var peerHost = peerCluster.LocalMemberHost?.Value is { } advertised && !Hosts.IsPlaceholder(advertised, cluster.LocalMemberHost?.Value) ? advertised : null;
            var peerPort = peerCluster.EffectiveLocalMemberPort;
            if (cluster.Members.Any(m => m.PortNumber == peerPort && (peerHost is null || (m.Host is { } h && Hosts.SameAddress(h.Value, peerHost)))))
                continue;

            var anchor = cluster.MembersElement ?? cluster.Element;
            var listed = cluster.Members.Count == 0
                ? "it lists no member"
                : "it lists " + string.Join(", ", cluster.Members.Select(m => $"{m.Host?.Value ?? "?"}:{m.Port?.Value ?? "?"}"));
            var related = new List<RelatedLocation>();
            if (peerCluster.LocalMemberHost is { } host) related.Add(new(host.Location, $"{peer.Name}'s localMemberHost"));
            if (peerCluster.LocalMemberPort is { } port) related.Add(new(port.Location, $"{peer.Name}'s localMemberPort"));
            yield return Report(Location.InFile(anchor.Source, anchor.StartTagSpan),
                $"{node.Name}'s well-known members do not include {peer.Name} at {peerHost ?? "its host"}:{peerPort}; {listed}",
                Key(node, node.Axis2Xml, "/axisconfig/clustering/members"), related.ToArray()) with { Fix = AddPeer(cluster, peerHost, peerPort) };
        }
    }

    /// <summary>Turns a member naming the node itself into the peer, or else adds the peer to the list.</summary>
    private static Fix? AddPeer(ClusterConfig cluster, string? peerHost, int? peerPort)
    {
        if (peerHost is null || peerPort is null || cluster.MembersElement is not { EndTagSpan: not null } members) return null;
        var ownHost = cluster.LocalMemberHost?.Value;
        var self = cluster.Members.FirstOrDefault(m => m.Host is { } h && m.Port is not null && ownHost is not null
                                                       && Hosts.SameAddress(h.Value, ownHost) && m.PortNumber == cluster.EffectiveLocalMemberPort);
        if (self is not null)
            return Fix.Safe($"List the peer {peerHost}:{peerPort} instead of the node itself",
                Edits.Replace(self.Host!.Location, peerHost), Edits.Replace(self.Port!.Location, peerPort.Value.ToString()));
        return Fix.Safe($"Add the peer {peerHost}:{peerPort} to <members>",
            Edits.InsertLastChild(members, $"<member>\n    <hostName>{peerHost}</hostName>\n    <port>{peerPort}</port>\n</member>"));
    }
}
