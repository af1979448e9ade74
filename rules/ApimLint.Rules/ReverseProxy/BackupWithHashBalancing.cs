using ApimLint.Diagnostics;
using ApimLint.Engine;
using ApimLint.Model;

namespace ApimLint.Rules.ReverseProxy;

public sealed class BackupWithHashBalancing : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "APIM604", "backup-with-hash-balancing", RuleCategory.ReverseProxy, Severity.Error,
        "An nginx upstream with a backup server must not use the ip_hash, hash or random balancing method.",
        """
        ## What it does
        Reports an `ip_hash`, `hash` or `random` directive in an upstream that also has a server marked
        `backup`, whichever of the two is written first.

        ## Why it matters
        The nginx documentation of `backup` says it "cannot be used along with the hash, ip_hash, and
        random load balancing methods". With the method written first, `nginx -t` refuses the
        configuration (`balancing method does not support parameter "backup"`) and nginx does not
        start. Written the other way round, nginx 1.22 (Debian 12's) accepts it without a word, and the
        backup server stays an active target: the passive takes requests while the active is up
        ([nginx/nginx#245](https://github.com/nginx/nginx/issues/245)). The combination comes from WSO2's sticky-session
        advice for active-active (`ip_hash`) pasted into the active-passive upstream, whose passive
        must stay `backup` (APIM602). ([nginx upstream module](https://nginx.org/en/docs/http/ngx_http_upstream_module.html).)

        ## Example
        ```nginx
        upstream allnodes {
            ip_hash;
            server 127.0.0.1:9443;
            server 127.0.0.1:9444 backup;
        }
        ```

        ## How to fix
        Remove the balancing method: in active-passive all requests go to the active, so there is no
        session to keep sticky, and the passive takes over only as `backup`.

        Fix (unsafe): `apimlint --fix --unsafe-fixes` removes the balancing method. It is a judgement call:
        whoever wrote `ip_hash` may have meant active-active with sticky sessions, where the fix is to drop
        `backup` instead.
        """) { Fix = FixSafety.Unsafe };

    public override IEnumerable<Diagnostic> Check(Deployment deployment)
    {
        var routing = NginxRouting.Of(deployment);
        foreach (var upstream in deployment.Nginx.Upstreams)
        {
            var backups = upstream.Servers.Where(s => s.IsBackup).ToList();
            if (backups.Count == 0) continue;
            foreach (var method in upstream.HashMethods)
            {
                var block = upstream.Directive.Block!.ToList();
                var before = block.IndexOf(method) < block.IndexOf(backups[0].Directive);
                yield return Report(method.Location,
                    $"upstream {upstream.Name.Value} uses {method.Name} together with backup server " +
                    string.Join(", ", backups.Select(b => b.Address.Value)) + ": " +
                    (before
                        ? "nginx refuses it (balancing method does not support parameter \"backup\")"
                        : "nginx 1.22 accepts this order silently and keeps the backup server an active target (nginx#245); with the method first it refuses it") +
                    "; remove " + method.Name,
                    routing.Key(method),
                    backups.Select(b => new RelatedLocation(b.Backup!.Location, $"backup on {b.Address.Value}")).ToArray())
                    with { Fix = Fix.Unsafe($"Remove {method.Name} from upstream {upstream.Name.Value}", Edits.RemoveLines(method)) };
            }
        }
    }
}
