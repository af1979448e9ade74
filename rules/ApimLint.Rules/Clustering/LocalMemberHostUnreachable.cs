using ApimLint.Diagnostics;
using ApimLint.Engine;
using ApimLint.Model;

namespace ApimLint.Rules.Clustering;

public sealed class LocalMemberHostUnreachable : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "APIM406", "local-member-host-unreachable", RuleCategory.Clustering, Severity.Warning,
        "When the nodes are on different hosts, each node's localMemberHost must be its own IP address, not missing, a host name or loopback.",
        """
        ## What it does
        When the nodes run on different hosts, checks each node with clustering enabled: its
        `localMemberHost` parameter must be written, and must be an IP address other than loopback
        (`localhost`, `127.x.x.x`, `::1`), and not an address the deployment gives the peer (a passive
        that kept the active's value). On one host, loopback reaches the peer and is not reported.
        APIM404 does not also ask the peer to list such an address. A placeholder the node fills in when
        it starts (`${…}`, `$env{…}`, or a name both nodes carry alike, such as a container's service name
        its entry point rewrites) is not reported, nor is anything while the topology is unknown (APIM008),
        nor a node whose membership scheme finds the members' addresses itself (`aws`, or a scheme class
        such as `kubernetes`: see APIM402).

        ## Why it matters
        localMemberHost is the address a node advertises to its cluster and binds Hazelcast to. Loopback
        is unreachable from the other host; a host name may resolve to loopback or to another interface
        (the /etc/hosts entry of the machine's own name is often 127.0.1.1); without the parameter,
        Hazelcast picks an interface itself. The peer's join is then refused ("Wrong bind request") or
        never arrives, and each node forms its own cluster. The guide says localMemberHost "should be the
        server's IP address". ([WSO2 Clustering Guide](https://docs.wso2.com/display/Cluster);
        [hazelcast#6906](https://github.com/hazelcast/hazelcast/issues/6906) and
        [#5666](https://github.com/hazelcast/hazelcast/issues/5666).)

        ## Example
        The nodes on 192.168.10.1 and 192.168.10.2, the passive with:
        ```xml
        <parameter name="localMemberHost">127.0.0.1</parameter>
        ```

        ## How to fix
        Write each node's own IP address on the network the other node reaches it by, e.g.
        `<parameter name="localMemberHost">192.168.10.2</parameter>` on the passive, and list that address
        in the active's `<members>`.
        """) { Supersedes = [new("APIM404", SupersessionScope.Place)] };

    public override IEnumerable<Diagnostic> Check(Deployment deployment)
    {
        // On one host any address reaches the peer: only two hosts, known as such, make one unreachable.
        if (deployment.Topology.Sharing != HostSharing.Separate) yield break;
        foreach (var node in deployment.Nodes)
        {
            // aws and a named scheme class (kubernetes) find the members' addresses themselves.
            if (node.Cluster is not { IsEnabled: true, Scheme: MembershipSchemeKind.Wka or MembershipSchemeKind.Multicast } cluster) continue;
            // A placeholder is replaced when the node starts (a container's entry point writes its own address): not known here.
            if (cluster.LocalMemberHost is { } written && Hosts.IsPlaceholder(written.Value, deployment.PeerOf(node).Cluster?.LocalMemberHost?.Value)) continue;
            var peer = deployment.PeerOf(node);
            var host = cluster.LocalMemberHost?.Value;
            // On two hosts, the peer's own address (a copied axis2.xml) sends the peer's joins back to the peer.
            var reason = cluster.HostUnreachableReason(sharedHost: false)
                         ?? (host is not null && deployment.Topology.IsAddressOf(peer, host) && !deployment.Topology.IsAddressOf(node, host) ? $"is {peer.Name}'s address {host}" : null);
            if (reason is null) continue;
            var location = cluster.LocationOf(cluster.LocalMemberHost);
            yield return Report(location,
                $"{node.Name}'s clustering localMemberHost {reason}, but the nodes are on different hosts ({deployment.Topology.Evidence}): " +
                $"{peer.Name} may not reach {node.Name}'s cluster member; write {node.Name}'s IP address",
                Key(node, node.Axis2Xml, "/axisconfig/clustering/parameter[@name='localMemberHost']"));
        }
    }
}
