using ApimLint.Diagnostics;
using ApimLint.Drift;
using ApimLint.Model;
using ApimLint.Rules.Datasources;
using ApimLint.Text;

namespace ApimLint.Rules.Drift;

/// <summary>
/// What the drift rules share: the differences of a deployment that are not meant to be there, minus
/// those another rule already reports, and how a difference is worded.
/// </summary>
internal static class DriftFindings
{
    /// <summary>The items of one kind that are drift or must-equal, in file order.</summary>
    public static IEnumerable<DriftItem> Unexpected(Deployment deployment, DriftKind kind)
    {
        var peerPublishers = deployment.Nodes.SelectMany(n => n.PeerThrottlePublishers).ToList();
        var publisherFiles = peerPublishers.Select(p => p.File.RelativePath).ToHashSet(StringComparer.Ordinal);
        var jndiFiles = peerPublishers.Select(p => Node.NormalizeRelative(p.ProviderUrl!.Value)).ToHashSet(StringComparer.Ordinal);
        var sameDatabase = SharedDataSources.Of(deployment.Active)
            .Where(d => deployment.DatabaseOf(deployment.Active, d.ParsedUrl) is { } address && address == deployment.DatabaseOf(deployment.Passive, deployment.Passive.DataSourceByName(d.Name.Value)?.ParsedUrl))
            .Select(d => d.Name.Value).ToHashSet(StringComparer.Ordinal);
        return DriftContext.ReportFor(deployment).Of(kind)
            .Where(i => i.Verdict != DriftVerdict.Expected && !ExplainedElsewhere(i, publisherFiles, jndiFiles, sameDatabase));
    }

    /// <summary>
    /// Differences another rule explains better, left to it rather than reported twice: the gateway
    /// ServerURL, which each node resolves on its own (APIM501); the local registry configuration
    /// (APIM301); the URL of a shared datasource that reaches the same database from both nodes in other
    /// words (localhost and the host's address on a shared host; APIM103 reports different databases);
    /// the peer throttle publishers and the JNDI files they read, whose names may differ between the
    /// nodes (APIM502, APIM504).
    /// </summary>
    private static bool ExplainedElsewhere(DriftItem item, HashSet<string> peerPublisherFiles, HashSet<string> peerJndiFiles, HashSet<string> sameSharedDatabase) => item.Kind switch
    {
        DriftKind.Config => item.File switch
        {
            "repository/conf/api-manager.xml" => IsGatewayServerUrl(item.Key),
            "repository/conf/registry.xml" => IsLocalRegistry(item.Key),
            "repository/conf/datasources/master-datasources.xml" => DataSourceOfUrl(item.Key) is { } dataSource && sameSharedDatabase.Contains(dataSource),
            _ => peerPublisherFiles.Contains(item.File) && item.Key.EndsWith($"/property[@name='{EventPublisher.ProviderUrlProperty}']", StringComparison.Ordinal),
        },
        DriftKind.File => peerPublisherFiles.Contains(item.File) || peerJndiFiles.Contains(item.File),
        _ => false,
    };

    // The keys below are matched as literal text: a NonBacktracking regular expression is built when first used (the source
    // generator leaves it to the engine), which costs every check milliseconds of start-up.

    /// <summary><c>/APIManager/APIGateway/Environments/Environment[…]/ServerURL</c>, the predicate optional (it holds no ']').</summary>
    internal static bool IsGatewayServerUrl(string key) =>
        TryBetween(key, "/APIManager/APIGateway/Environments/Environment", "/ServerURL", out var predicate)
        && (predicate.Length == 0 || predicate.Length >= 2 && predicate[0] == '[' && predicate[^1] == ']' && !predicate[1..^1].Contains(']'));

    /// <summary>The name in <c>/datasources-configuration/datasources/datasource[name='NAME']/definition/configuration/url</c>, or null.</summary>
    internal static string? DataSourceOfUrl(string key) =>
        TryBetween(key, "/datasources-configuration/datasources/datasource[name='", "']/definition/configuration/url", out var name) && !name.Contains('\'')
            ? name.ToString()
            : null;

    /// <summary><c>/wso2registry/currentDBConfig</c>, or <c>/wso2registry/dbConfig[@name='wso2registry']</c> and what is under it (on one line).</summary>
    internal static bool IsLocalRegistry(string key)
    {
        var path = WithoutFinalNewline(key);
        if (path is "/wso2registry/currentDBConfig") return true;
        const string localDbConfig = "/wso2registry/dbConfig[@name='wso2registry']";
        if (!path.StartsWith(localDbConfig, StringComparison.Ordinal)) return false;
        var under = path[localDbConfig.Length..];
        return under.Length == 0 || under[0] == '/' && !under.Contains('\n');
    }

    /// <summary>Whether the key is <paramref name="prefix"/>, something, <paramref name="suffix"/>; that something is <paramref name="between"/>.</summary>
    private static bool TryBetween(string key, string prefix, string suffix, out ReadOnlySpan<char> between)
    {
        var path = WithoutFinalNewline(key);
        var found = path.Length >= prefix.Length + suffix.Length && path.StartsWith(prefix, StringComparison.Ordinal) && path.EndsWith(suffix, StringComparison.Ordinal);
        between = found ? path[prefix.Length..^suffix.Length] : default;
        return found;
    }

    /// <summary>As a regular expression's <c>$</c> reads the end: one final line feed does not count.</summary>
    private static ReadOnlySpan<char> WithoutFinalNewline(string key) => key.EndsWith('\n') ? key.AsSpan(0, key.Length - 1) : key;

    // ---- wording ---------------------------------------------------------------------------------

    /// <summary>Where a finding about an item stands: on the passive side (its value, or where it belongs).</summary>
    public static Location Where(DriftReport report, DriftItem item) =>
        item.Passive.Location ?? Location.WholeFile(report.FullPath(NodeRole.Passive, item.File));

    /// <summary>The active's side as a related location, when it has one.</summary>
    public static RelatedLocation[] ActiveSide(DriftItem item, string what) =>
        item.Active is { IsAbsent: false, Location: { } location } ? [new RelatedLocation(location, $"active's {what}")] : [];

    /// <summary>A value in a message: shortened, on one line; secrets are masked before they get here.</summary>
    public static string Value(string? value) => value switch
    {
        null => "absent",
        "" => "empty",
        _ => DriftValues.OneLine(value, 80),
    };

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
