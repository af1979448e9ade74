using ApimLint.Diagnostics;
using ApimLint.Drift;
using ApimLint.Engine;
using ApimLint.Model;
using ApimLint.Text;
using static ApimLint.Rules.Drift.DriftFindings;

namespace ApimLint.Rules.Drift;

public sealed class ConfigDrift : DriftRule
{
    public override bool YieldsToSpecificRules => true;

    public override RuleDescriptor Descriptor { get; } = new(
        "APIM701", "config-drift", RuleCategory.Drift, Severity.Warning,
        "A configuration value must be the same on both nodes unless it is meant to differ (port offset, cluster addresses, brokerlists, declared node-specific keys).",
        """
        ## What it does
        Compares, key by key, every configuration file both nodes have under `repository/conf` and
        `repository/deployment/server`: XML element text and attributes (keyed by their path, e.g.
        `/axisconfig/clustering/parameter[@name='domain']`), `.properties` keys (an AMQP connection URL
        in its parts: user, password, brokerlist) and JSON values such as site.json's. The comparison is
        semantic: comments, whitespace, attribute order, quoting and formatting never count (but a
        `.properties` value is compared as Java reads it: whitespace at its end is part of it, and a
        message shows such a value in quotes), and two values are the same when they are equal as written or equal once each node's placeholders are
        resolved (`https://localhost:${mgt.transport.https.port}${carbon.context}services/` on the
        offset-0 node equals `https://localhost:9443/services/`), and a host compares without regard to its case, every
        loopback spelling (`localhost`, `127.0.0.1`, `::1`) being the same one, in a URL, a host:port or a key named for
        a host. It reports one finding per differing
        key, on the passive node, with the active's value as related location.

        Expected differences are not reported: the port `Offset`, `localMemberHost`,
        `localMemberPort` and the well-known `members`, the brokerlists of the JNDI files, the throttling
        `ReceiverUrlGroup` and `AuthUrlGroup` (each node names its own receiver and the peer's), the
        ciphertexts of Secure Vault (each node encrypts with its own padding), and whatever
        `--drift-ignore` excludes. A difference in a key that must be equal is an error: the connection
        settings (`url`, `username`, `password`, `driverClassName`) of the shared databases WSO2AM_DB,
        WSO2UM_DB and WSO2GOV_DB. Passwords are compared by hash and never shown. Differences another
        rule explains are left to it: the gateway ServerURL (APIM501), the local registry configuration
        (APIM301) and the JNDI file a peer publisher names (APIM502). `apimlint diff` lists every
        difference, expected ones included.

        ## Why it matters
        The passive starts as a copy of the active ("Make a copy of the active instance configured
        above. Use this copy as the passive instance.", the guide); from then on every hand edit on one
        node, every half-applied change, makes the pair drift, and failover brings the surprise: a pool
        size, a throttling setting, a log level or a database that is not what the active had. The
        shared stores in particular (API-M, user store, governance registry) must be one external
        database that both nodes use (WSO2
        "[Changing to MySQL](https://apim.docs.wso2.com/en/3.0.0/install-and-setup/setting-up-databases/changing-default-databases/changing-to-mysql/)"): a node
        on another database has other users, subscriptions and tokens after failover.

        ## Example
        The active's master-datasources.xml has `<maxActive>50</maxActive>` for WSO2AM_DB; the
        passive's, edited by hand during an incident, has:
        ```xml
        <maxActive>80</maxActive>
        ```

        ## How to fix
        Decide which value is right and write it on both nodes (usually: copy the active's). If the
        difference is meant, declare the key node-specific (`drift.nodeSpecific`), or leave it out of
        the comparison with `--drift-ignore 'repository/conf/…#/path/to/key'`.

        Fix (unsafe): `apimlint --fix --unsafe-fixes` copies the active's value to the passive (the
        passive's to the active with `--prefer passive`), where both nodes write the key and it is not
        a secret: which node holds the intended value is a judgement call. The value is copied as the
        file reads it and written as the other node's file writes it there: an XML attribute value
        `a"b` goes into a double-quoted attribute as `a&quot;b`, a .properties value keeps its escapes.
        No copy is offered where a value is only part of what the key compares (the rest of an AMQP
        URL, around its user and brokerlist).
        """) { Fix = FixSafety.Unsafe };

    /// <summary>Writes the preferred node's value over the other node's, escaped as the other node's file writes it there.</summary>
    private static Fix? CopyPreferred(Deployment deployment, DriftItem item)
    {
        if (item.IsSecret || item.Active.IsAbsent || item.Passive.IsAbsent || item.Active.Location is not { } activeAt || item.Passive.Location is not { } passiveAt) return null;
        var (from, to) = deployment.Preferred == NodeRole.Active ? (activeAt, passiveAt) : (passiveAt, activeAt);
        return Edits.Copy(from, to) is { } copy
            ? Fix.Unsafe($"Copy {deployment.PreferredNode.Name}'s {item.Key} to {deployment.PeerOf(deployment.PreferredNode).Name}", copy)
            : null;
    }

    public override IEnumerable<Diagnostic> Check(Deployment deployment)
    {
        var report = DriftContext.ReportFor(deployment);
        foreach (var item in Unexpected(deployment, DriftKind.Config))
        {
            var message = item switch
            {
                { IsSecret: true, Active.IsAbsent: false, Passive.IsAbsent: false } =>
                    $"passive's {item.Key} differs from active's (a secret, compared by hash and not shown)",
                { Passive.IsAbsent: true } => $"passive has no {item.Key}, but active's is {Value(item.Active.Display)}",
                { Active.IsAbsent: true } => $"passive's {item.Key} is {Value(item.Passive.Display)}, but active has no such key",
                _ => $"passive's {item.Key} is {Value(item.Passive.Display)}, but active's is {Value(item.Active.Display)}",
            };
            if (item.Verdict == DriftVerdict.MustEqual) message += ": both nodes must use the same value";
            yield return Report(Where(report, item), message, LogicalKey(item), ActiveSide(item, "value")) with { Severity = SeverityOf(item), Fix = CopyPreferred(deployment, item) };
        }
    }
}
