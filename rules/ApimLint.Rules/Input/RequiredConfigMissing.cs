using ApimLint.Diagnostics;
using ApimLint.Engine;
using ApimLint.Model;
using ApimLint.Text;

namespace ApimLint.Rules.Input;

public sealed class RequiredConfigMissing : Rule
{
    private static readonly string[] Required =
    [
        "repository/conf/carbon.xml", "repository/conf/axis2/axis2.xml", "repository/conf/registry.xml", "repository/conf/user-mgt.xml",
        "repository/conf/datasources/master-datasources.xml", "repository/conf/api-manager.xml", Node.OwnJndiFile,
    ];

    public override RuleDescriptor Descriptor { get; } = new(
        "APIM002", "required-config-missing", RuleCategory.Input, Severity.Error,
        "Each node must have the configuration files an API-M node cannot run without.",
        """
        ## What it does
        Checks that each node has repository/conf/carbon.xml, axis2/axis2.xml, registry.xml,
        user-mgt.xml, datasources/master-datasources.xml, api-manager.xml and jndi.properties, and
        points at the peer's copy when the peer has one.

        ## Why it matters
        A node without one of these files does not start, or starts with the defaults compiled into
        the server, none of which fit an active-passive pair. It also hides every check of that file:
        apimlint cannot compare what is not there. Usually a copy step of the guide ("Make a copy of
        the active instance") left it out.

        ## Example
        The passive was assembled by hand and has no registry.xml.

        ## How to fix
        Copy the file from the peer and make the node-specific changes (port offset, cluster
        addresses, brokerlists).
        """);

    public override IEnumerable<Diagnostic> Check(Deployment deployment)
    {
        foreach (var node in deployment.Nodes)
        {
            var peer = deployment.PeerOf(node);
            var present = node.Files.Where(f => f.Exists).Select(f => f.RelativePath).ToHashSet(StringComparer.Ordinal);
            var peerFiles = peer.Files.Where(f => f.Exists).ToDictionary(f => f.RelativePath, StringComparer.Ordinal);
            foreach (var file in Required.Where(f => !present.Contains(f)))
            {
                var related = peerFiles.TryGetValue(file, out var copy)
                    ? new[] { new RelatedLocation(Location.WholeFile(copy.FullPath), $"{peer.Name}'s {Path.GetFileName(file)}") }
                    : [];
                yield return Report(Location.WholeFile(Path.Combine(node.Home, file)),
                    $"{node.Name} has no {file}" + (related.Length > 0 ? $"; {peer.Name} has one" : ""),
                    $"{node.Name}:{file}#missing", related);
            }
        }
    }
}
