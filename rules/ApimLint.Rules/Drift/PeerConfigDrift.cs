using ApimLint.Diagnostics;
using ApimLint.Drift;
using ApimLint.Engine;
using ApimLint.Model;
using ApimLint.Model.Servers;
using ApimLint.Secrets;

namespace ApimLint.Rules.Drift;

public sealed class PeerConfigDrift : Rule
{
    public override bool YieldsToSpecificRules => true;

    public override RuleDescriptor Descriptor { get; } = new(
        "APIM706", "peer-config-drift", RuleCategory.Drift, Severity.Warning,
        "A deployment.toml value must be the same on every node of a group unless it is meant to differ (offset, addresses, the peers each node names, declared node-specific keys).",
        """
        ## What it does
        Compares the deployment.toml of each node with the first node of its group (the nodes of one
        role, or the group apimlint.json gives) key by key, over what each node runs with: a key written
        on one node and left to its default on the other counts as the default. Keys are compared by
        their canonical path, so `[transport.https] properties.proxyPort` and
        `[transport.https.properties] proxyPort` are one key, and formatting and comments never count.
        Hosts compare without case, every loopback spelling being one.

        Not compared: keys each node sets differently on purpose (`server.offset`, `server.node_ip`,
        `clustering.local_member_*`, `clustering.members`, the event duplication lists and the throttle
        decision endpoints, which name the peers and the node itself), and whatever apimlint.json's
        `drift.nodeSpecific` or `drift.ignore` names as `repository/conf/deployment.toml#key.path`
        (`*` matches within a key). A key in `drift.mustEqual` that differs is an error. A difference
        a specific rule explains (the keystores, the databases, the admin account) is left to it.

        ## Why it matters
        The nodes of an all-in-one pair and of each group of a distributed deployment are copies of one
        configuration ("a copy of the active instance", WSO2's
        [Configuring an Active-Active Deployment](https://apim.docs.wso2.com/en/4.4.0/install-and-setup/setup/single-node/configuring-an-active-active-deployment/)).
        A hand edit on one node makes the group behave differently depending on which node a request
        reaches, and failover brings the surprise.

        ## Example
        node2 has `[apim.analytics] enable = true` while node1 has `enable = false`.

        ## How to fix
        Make the value the same on every node of the group, or declare the key node-specific in
        apimlint.json (`"drift": { "nodeSpecific": ["repository/conf/deployment.toml#apim.analytics.*"] }`).
        `--fix --unsafe-fixes` copies the first node's value (unsafe: which node is right is a judgement),
        writing it in place of the node's value or, when the node leaves the key to its default, under
        the key's table.
        """) { Versions = VersionRange.ApiManager32AndLater, Fix = FixSafety.Unsafe };

    public override IEnumerable<Diagnostic> Check(Deployment deployment)
    {
        var policy = new DriftPolicy(DriftContext.Settings);
        foreach (var group in deployment.Servers.Where(s => s.Settings.Known).GroupBy(s => s.Group, StringComparer.Ordinal))
        {
            var reference = group.First();
            foreach (var node in group.Skip(1))
                foreach (var diagnostic in Differences(policy, reference, node))
                    yield return diagnostic;
        }
    }

    private IEnumerable<Diagnostic> Differences(DriftPolicy policy, ServerNode reference, ServerNode node)
    {
        var paths = node.Settings.WrittenPaths.Concat(reference.Settings.WrittenPaths).Distinct(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            if (policy.IsIgnored(ServerNode.DeploymentTomlPath, path) || ExplainedBySpecificRules.Any(p => path.StartsWith(p, StringComparison.Ordinal))) continue;
            var verdict = policy.VerdictFor(ServerNode.DeploymentTomlPath, path);
            if (verdict == DriftVerdict.Expected) continue;
            var (theirs, ours) = (reference.Settings.Get(path), node.Settings.Get(path));
            var ((theirsKnown, theirText), (oursKnown, ourText)) = (Text(theirs), Text(ours));
            // A value given at start-up ($env, $sys) may well be the other node's: not known, so not a difference.
            if (!theirsKnown || !oursKnown) continue;
            if (theirText is not null && ourText is not null && HostSpelling.SameValue(theirText, ourText, HostSpelling.NamesAHost(path))) continue;
            var key = Setting.Display(path);
            var values = SecretPolicy.IsSecretName(path.AsSpan(path.LastIndexOf('.') + 1)) ? " (a secret, not shown)"
                : $": {DriftFindings.Value(ourText)} on {node.Name}, {DriftFindings.Value(theirText)} on {reference.Name}";
            var related = theirs is null ? [] : new[] { new RelatedLocation(theirs.Location, $"{reference.Name}'s value") };
            yield return Report(ours?.Location ?? node.Settings.PlaceFor(path),
                    $"{node.Name}'s {key} differs from {reference.Name}'s (group {node.Group}){values}",
                    $"{node.Name}:{ServerNode.DeploymentTomlPath}#{path}", related)
                with { Severity = verdict == DriftVerdict.MustEqual ? Severity.Error : Severity.Warning, Fix = CopyValue(reference, node, path, theirs) };
        }
    }

    /// <summary>The reference node's value written on the node, over its own or added to the key's table; none where the reference leaves the key to its default.</summary>
    private static Fix? CopyValue(ServerNode reference, ServerNode node, string path, Setting? theirs) =>
        theirs is { Source: SettingSource.File, Syntax: { } value } && node.Settings.Write(path, value.SourceString) is { } edit
            ? Fix.Unsafe($"copy {reference.Name}'s {path} to {node.Name}", edit)
            : null;

    /// <summary>
    /// Keys a specific rule compares as what they mean (the shared databases, the admin account, the keystores): a
    /// difference there is that rule's finding, or unknown to it, never a drift warning besides.
    /// </summary>
    private static readonly string[] ExplainedBySpecificRules =
        ["database.apim_db.", "database.shared_db.", "super_admin.", "keystore.primary.", "keystore.internal.", "keystore.tls.", "truststore."];

    /// <summary>What a node runs with for a key, as one text (an array as its items, a secret as written); null text when absent, not known when given at start-up.</summary>
    private static (bool Known, string? Text) Text(Setting? setting)
    {
        if (setting is null) return (true, null);
        var scalars = setting.Values;
        if (scalars.Any(s => s.IsUnknown && s.Syntax?.Kind is not Syntax.Toml.TomlValueKind.InlineTable)) return (false, null);
        string? One(Setting s) => s.IsSecret ? s.Written : s.Value ?? s.Syntax?.SourceString;
        return (true, setting.IsArray ? "[" + string.Join(", ", scalars.Select(One)) + "]" : One(setting));
    }
}
