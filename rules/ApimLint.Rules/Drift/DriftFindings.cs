using System.Text.RegularExpressions;
using ApimLint.Diagnostics;
using ApimLint.Drift;
using ApimLint.Model;
using ApimLint.Text;

namespace ApimLint.Rules.Drift;

/// <summary>
/// What the drift rules share: the differences of a deployment that are not meant to be there, minus
/// those another rule already reports, and how a difference is worded.
/// </summary>
internal static partial class DriftFindings
{
    /// <summary>The items of one kind that are drift or must-equal, in file order.</summary>
    public static IEnumerable<DriftItem> Unexpected(Deployment deployment, DriftKind kind)
    {
        var peerPublishers = deployment.Nodes.SelectMany(n => n.PeerThrottlePublishers).ToList();
        var publisherFiles = peerPublishers.Select(p => p.File.RelativePath).ToHashSet(StringComparer.Ordinal);
        var jndiFiles = peerPublishers.Select(p => Node.NormalizeRelative(p.ProviderUrl!.Value)).ToHashSet(StringComparer.Ordinal);
        return DriftContext.ReportFor(deployment).Of(kind)
            .Where(i => i.Verdict != DriftVerdict.Expected && !ExplainedElsewhere(i, publisherFiles, jndiFiles));
    }

    /// <summary>
    /// Differences another rule explains better, left to it rather than reported twice: the gateway
    /// ServerURL, which each node resolves on its own (APIM501); the local registry configuration
    /// (APIM301); the peer throttle publishers and the JNDI files they read, whose names may differ
    /// between the nodes (APIM502, APIM504).
    /// </summary>
    private static bool ExplainedElsewhere(DriftItem item, HashSet<string> peerPublisherFiles, HashSet<string> peerJndiFiles) => item.Kind switch
    {
        DriftKind.Config => item.File switch
        {
            "repository/conf/api-manager.xml" => GatewayServerUrl().IsMatch(item.Key),
            "repository/conf/registry.xml" => LocalRegistry().IsMatch(item.Key),
            _ => peerPublisherFiles.Contains(item.File) && item.Key.EndsWith($"/property[@name='{EventPublisher.ProviderUrlProperty}']", StringComparison.Ordinal),
        },
        DriftKind.File => peerPublisherFiles.Contains(item.File) || peerJndiFiles.Contains(item.File),
        _ => false,
    };

    [GeneratedRegex(@"^/APIManager/APIGateway/Environments/Environment(\[[^\]]*\])?/ServerURL$")]
    private static partial Regex GatewayServerUrl();

    [GeneratedRegex(@"^/wso2registry/(currentDBConfig|dbConfig\[@name='wso2registry'\](/.*)?)$")]
    private static partial Regex LocalRegistry();

    // ---- wording ---------------------------------------------------------------------------------

    /// <summary>Where a finding about an item stands: on the passive side (its value, or where it belongs).</summary>
    public static Location Where(DriftReport report, DriftItem item) =>
        item.Passive.Location ?? Location.WholeFile(report.FullPath(NodeRole.Passive, item.File));

    /// <summary>The active's side as a related location, when it has one.</summary>
    public static RelatedLocation[] ActiveSide(DriftItem item, string what) =>
        item.Active is { IsAbsent: false, Location: { } location } ? [new RelatedLocation(location, $"active's {what}")] : [];

    /// <summary>A value in a message: shortened, on one line; secrets are masked before they get here.</summary>
    public static string Value(string? value)
    {
        if (value is null) return "absent";
        if (value.Length == 0) return "empty";
        var line = value.ReplaceLineEndings(" ");
        return line.Length <= 80 ? line : line[..79] + "…";
    }

    public static string LogicalKey(DriftItem item) => $"passive:{item.File}#{item.Key}";

    public static Severity SeverityOf(DriftItem item) => item.Verdict == DriftVerdict.MustEqual ? Severity.Error : Severity.Warning;

    /// <summary>"active has F, but passive does not" (or the other way), else what the caller says about a file both have.</summary>
    public static string Presence(DriftItem item, string whenBothHaveIt) => item switch
    {
        { Passive.IsAbsent: true } => $"active has {item.File}, but passive does not",
        { Active.IsAbsent: true } => $"passive has {item.File}, but active does not",
        _ => whenBothHaveIt,
    };
}
