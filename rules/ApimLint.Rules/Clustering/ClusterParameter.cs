using ApimLint.Diagnostics;
using ApimLint.Model;

namespace ApimLint.Rules.Clustering;

/// <summary>Pointing at a node's clustering parameter as a related location, written or not.</summary>
internal static class ClusterParameter
{
    public static RelatedLocation Related(Node node, ClusterConfig cluster, Located<string>? parameter, string name, object defaultValue) =>
        new(cluster.LocationOf(parameter), parameter is null ? $"{node.Name} sets no {name} ({defaultValue})" : $"{node.Name}'s {name}");
}
