using ApimLint.Diagnostics;
using ApimLint.Engine;
using ApimLint.Model;
using ApimLint.Text;

namespace ApimLint.Rules.Registry;

public sealed class RegistryMountUnknownInstance : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "APIM302", "registry-mount-unknown-instance", RuleCategory.Registry, Severity.Error,
        "Every `<mount>`'s `<instanceId>` in registry.xml must equal the `<id>` of a `<remoteInstance>`.",
        """
        ## What it does
        Checks each `<mount>` of each node's repository/conf/registry.xml: its `<instanceId>` must name
        the `<id>` of a `<remoteInstance>` declared in the same file. When it does not, the finding
        suggests the declared id closest to what is written.

        ## Why it matters
        The guide's own registry.xml declares `<remoteInstance>` with `<id>wso2gov</id>`, then mounts
        `/_system/config` with `<instanceId>gov</instanceId>`. The registry cannot resolve the mount:
        the node logs a mount failure at start-up and keeps `/_system/config` in its own local
        database, so the two nodes no longer share tenant and API-M configuration. A bad mount is also
        remembered in the local registry database after registry.xml is corrected
        ([product-ei#4800](https://github.com/wso2/product-ei/issues/4800)), so fix it before the first
        start. ([Governance registry mounting docs](https://wso2docs.atlassian.net/wiki/spaces/Governance540/pages/1050338/Remote+Instance+and+Mount+Configuration+Details),
        ADMIN44x registry.xml docs.)

        ## Example
        ```xml
        <remoteInstance url="https://localhost:9453/registry">
            <id>wso2gov</id>
            ...
        </remoteInstance>
        <mount path="/_system/config" overwrite="true">
            <instanceId>gov</instanceId>
            <targetPath>/_system/config</targetPath>
        </mount>
        ```

        ## How to fix
        Write the remote instance's id in the mount: `<instanceId>wso2gov</instanceId>`. If the node has
        already started with the bad mount, also remove the stale mount entry from its local registry
        (or start it once with a clean local registry database).

        Fix (safe when registry.xml declares exactly one remote instance): `apimlint --fix` writes that
        instance's id into the mount; with several, which one was meant is a judgement and no fix is offered.
        """) { Fix = FixSafety.Safe };

    public override IEnumerable<Diagnostic> Check(Deployment deployment)
    {
        foreach (var node in deployment.Nodes)
        {
            if (node.Registry is not { } registry) continue;
            var ids = registry.RemoteInstances.Select(r => r.Id?.Value).OfType<string>().Where(id => id.Length > 0).Distinct().ToList();
            foreach (var mount in registry.Mounts)
            {
                var path = mount.Path?.Value ?? "(no path)";
                var key = Key(node, node.RegistryXml, $"/wso2registry/mount[@path='{path}']/instanceId");
                if (mount.InstanceId is not { } instanceId)
                {
                    yield return Report(Location.InFile(mount.Element.Source, mount.Element.StartTagSpan),
                        $"{node.Name}'s registry mount of {path} has no <instanceId>; {Declared(ids)}", key);
                    continue;
                }
                if (registry.RemoteInstance(instanceId.Value) is not null) continue;

                var closest = Closest(instanceId.Value, ids);
                var related = closest is not null && registry.RemoteInstance(closest)?.Id is { } closestId
                    ? new[] { new RelatedLocation(closestId.Location, $"{node.Name}'s remote instance '{closest}'") }
                    : [];
                yield return Report(instanceId.Location,
                    $"{node.Name}'s registry mount of {path} names instanceId '{instanceId.Value}', but no <remoteInstance> has that id; " +
                    (closest is null ? Declared(ids) : $"did you mean '{closest}'?"),
                    key, related) with { Fix = ids.Count == 1 ? Fix.Safe($"Mount {path} from the remote instance '{ids[0]}'", Edits.Replace(instanceId.Location, ids[0])) : null };
            }
        }
    }

    private static string Declared(IReadOnlyList<string> ids) =>
        ids.Count == 0 ? "registry.xml declares no remote instance" : "the remote instances are " + string.Join(", ", ids.Select(id => $"'{id}'"));

    /// <summary>The declared id nearest to what is written (edit distance, containment breaking ties), first in file order.</summary>
    private static string? Closest(string written, IReadOnlyList<string> ids)
    {
        string? closest = null;
        (int Contains, int Distance) best = (int.MaxValue, int.MaxValue);
        foreach (var id in ids)
        {
            var candidate = (Contains: id.Contains(written, StringComparison.OrdinalIgnoreCase) || written.Contains(id, StringComparison.OrdinalIgnoreCase) ? 0 : 1,
                Distance: EditDistance.Between(written.ToLowerInvariant(), id.ToLowerInvariant()));
            // Strictly better only: on a tie the first in file order stays.
            if (candidate.Contains < best.Contains || candidate.Contains == best.Contains && candidate.Distance < best.Distance) (closest, best) = (id, candidate);
        }
        return closest;
    }
}
