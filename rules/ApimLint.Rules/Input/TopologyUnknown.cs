using ApimLint.Diagnostics;
using ApimLint.Engine;
using ApimLint.Model;

namespace ApimLint.Rules.Input;

public sealed class TopologyUnknown : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "APIM008", "topology-unknown", RuleCategory.Input, Severity.Warning,
        "The deployment's files must agree on whether the two nodes share a host, or apimlint.json must say it.",
        """
        ## What it does
        apimlint derives whether the nodes run on one host from every clue the deployment states: each
        node's axis2.xml `localMemberHost`, carbon.xml `HostName` and `MgtHostName`, the nginx upstream
        servers that reach both nodes, and the port offsets (two nodes with the same offset cannot share
        a host; different offsets allow one but do not prove it). A value both nodes carry alike that
        is not an IP address (a container's service name such as `api-manager`, `${…}`, `$env{…}`) is a
        placeholder and no evidence. When clues contradict each other, this rule reports it once, with
        every clue, and the topology stays unknown. `apimlint topology` prints the same evidence.

        ## Why it matters
        Many checks depend on the answer: on one host `localhost` reaches the peer's broker and two
        nodes need two `localMemberPort` values; on two hosts neither holds. Guessing turns a slip in one
        file into a false error elsewhere and a "safe" fix that damages a correct file: a passive that
        kept the active's `localMemberHost` would make two hosts look like one, and the peer broker fix
        would point both correct jndi2 files at `localhost`. So while the topology is unknown, APIM404,
        APIM405, APIM406, APIM501, APIM503, APIM506 (for brokers not on loopback), APIM601, APIM614 and
        APIM103's comparison of `localhost` databases stay silent, and no fix that depends on it is
        offered. It is a warning, not an error: nothing proves the deployment broken, but those checks
        did not run, which a gate should not let pass unnoticed.

        ## Example
        The nodes on 192.168.10.1 and 192.168.10.2, both with port offset 0, and the passive's axis2.xml
        copied from the active:
        ```xml
        <parameter name="localMemberHost">192.168.10.1</parameter>
        ```
        on both nodes, while nginx reaches them at `192.168.10.1:9443` and `192.168.10.2:9443`.

        ## How to fix
        Correct the clue that is wrong (above, the passive's `localMemberHost`), or settle the question
        in apimlint.json with each node's host, which wins over every clue:
        ```json
        "nodes": [
          { "role": "active",  "path": "active",  "host": "192.168.10.1" },
          { "role": "passive", "path": "passive", "host": "192.168.10.2" }
        ]
        ```
        """);

    public override IEnumerable<Diagnostic> Check(Deployment deployment)
    {
        var topology = deployment.Topology;
        if (!topology.Conflicting) yield break;
        var speaking = topology.Clues.Where(c => c.Says != HostSharing.Unknown).ToList();
        var located = speaking.SelectMany(c => c.Where.Select(w => (Clue: c, Where: w))).ToList();
        if (located.Count == 0) yield break;
        string Says(HostSharing s) => s == HostSharing.Shared ? "one host" : "two hosts";
        var listed = string.Join("; ", speaking.Select(c => $"{c.Fact} ({Says(c.Says)})"));
        yield return Report(located[0].Where,
            $"the deployment's files disagree on whether the nodes share a host: {listed}; the checks that depend on it stay silent " +
            "until the wrong clue is corrected or apimlint.json gives each node's host (nodes[].host)",
            "topology",
            located.Skip(1).Select(l => new RelatedLocation(l.Where, $"says {Says(l.Clue.Says)}")).ToArray());
    }
}
