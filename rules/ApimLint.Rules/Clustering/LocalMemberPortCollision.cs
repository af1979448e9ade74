using ApimLint.Diagnostics;
using ApimLint.Engine;
using ApimLint.Model;

namespace ApimLint.Rules.Clustering;

public sealed class LocalMemberPortCollision : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "APIM405", "local-member-port-collision", RuleCategory.Clustering, Severity.Error,
        "Two nodes on one host must use different localMemberPort values: the port offset does not move it.",
        """
        ## What it does
        When both nodes run on one host and enable clustering, checks that their `localMemberPort`
        parameters (4000 when not set) differ. It reports the passive, with the active's port beside it.
        APIM404 does not also report the well-known members of such a pair. It stays silent when only
        weak evidence (different port offsets) says the nodes share a host: offsets allow one host but
        do not prove it, and on two hosts the same port does not collide.

        ## Why it matters
        The port offset (carbon.xml `<Offset>`) shifts every port the server opens except Hazelcast's
        `localMemberPort`. The guide's example is 4000, and a passive copied from the active keeps it;
        the second node to start finds 4000 taken, auto-increments to 4001, and advertises a port that
        neither node's well-known member list names. The guide itself says that nodes on the same
        machine "require two different `localMemberPort` numbers". (WSO2 Clustering Guide 4.2.0;
        [product-is#20728](https://github.com/wso2/product-is/issues/20728).)

        ## Example
        Both nodes on 192.168.10.1, the passive with offset 1:
        ```xml
        <parameter name="localMemberPort">4000</parameter>
        ```
        on both.

        ## How to fix
        Give the passive its own port, e.g. `<parameter name="localMemberPort">4001</parameter>`, and make
        the active's `<members>` list it (the passive keeps listing the active at 4000).
        """) { Supersedes = [new("APIM404", SupersessionScope.NodePair)] };

    public override IEnumerable<Diagnostic> Check(Deployment deployment)
    {
        if (!deployment.LocalMemberPortsCollide || deployment.Topology.Weak) yield break;
        var active = deployment.Active.Cluster!;
        var passive = deployment.Passive.Cluster!;
        var port = passive.EffectiveLocalMemberPort;
        var related = ClusterParameter.Related(deployment.Active, active, active.LocalMemberPort, "localMemberPort", ClusterConfig.DefaultLocalMemberPort);
        var location = passive.LocationOf(passive.LocalMemberPort);
        var written = passive.LocalMemberPort is null ? $"sets no localMemberPort, so it uses {port}" : $"localMemberPort is {port}";
        yield return Report(location,
            $"passive's clustering {written}, the same as active's on the shared host ({deployment.Topology.Evidence}); " +
            $"the port offset does not move it: give the passive another port, e.g. {port + 1}",
            Key(deployment.Passive, deployment.Passive.Axis2Xml, "/axisconfig/clustering/parameter[@name='localMemberPort']"), related);
    }
}
