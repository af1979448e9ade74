using ApimLint.Diagnostics;
using ApimLint.Engine;
using ApimLint.Model;

namespace ApimLint.Rules.Registry;

public sealed class RegistryMountReadOnly : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "APIM305", "registry-mount-readonly", RuleCategory.Registry, Severity.Warning,
        "A `<remoteInstance>` that a `<mount>` uses must not be `<readOnly>true</readOnly>`: both nodes of an active-passive pair write to the shared registry.",
        """
        ## What it does
        Checks each `<remoteInstance>` of each node's repository/conf/registry.xml that at least one
        `<mount>` names: its `<readOnly>` must not be `true`.

        ## Why it matters
        Read-only remote instances are for worker nodes that only read what a manager node writes. In an
        active-passive pair there is no such split: both nodes run the Publisher, Store and Admin Portal,
        and the passive takes over all writes after failover. With a read-only mount, creating or
        updating an API, a document or a lifecycle state fails on that node with a registry write error.
        The guide writes `<readOnly>false</readOnly>` for the remote instance on both nodes.
        ([Governance registry mounting docs](https://wso2docs.atlassian.net/wiki/spaces/Governance540/pages/1050338/Remote+Instance+and+Mount+Configuration+Details).)

        ## Example
        On the passive:
        ```xml
        <remoteInstance url="https://localhost:9453/registry">
            <id>wso2gov</id>
            <cacheId>apimadmin@jdbc:mysql://localhost:3306/regdb</cacheId>
            <dbConfig>wso2gov</dbConfig>
            <readOnly>true</readOnly>
            <registryRoot>/</registryRoot>
        </remoteInstance>
        ```

        ## How to fix
        Set `<readOnly>false</readOnly>` on the remote instance on both nodes.
        """);

    public override IEnumerable<Diagnostic> Check(Deployment deployment)
    {
        foreach (var node in deployment.Nodes)
        {
            if (node.Registry is not { } registry) continue;
            foreach (var instance in registry.RemoteInstances)
            {
                if (!instance.IsReadOnly) continue;
                var paths = registry.MountsThrough(instance).Select(m => m.Path?.Value).OfType<string>().Distinct().ToList();
                if (paths.Count == 0) continue;
                var them = paths.Count == 1 ? "it" : "them";
                var role = node.Role == NodeRole.Active ? $"the active writes to {them}" : $"the passive writes to {them} after failover";
                yield return Report(instance.ReadOnly!.Location,
                    $"{node.Name}'s remote instance {instance.DisplayName} is readOnly '{instance.ReadOnly.Value}', but {string.Join(" and ", paths)} " +
                    $"{(paths.Count == 1 ? "is" : "are")} mounted through it and {role}; it should be false",
                    Key(node, node.RegistryXml, $"/wso2registry/remoteInstance[id='{instance.Id?.Value}']/readOnly"));
            }
        }
    }
}
