using ApimLint.Diagnostics;
using ApimLint.Engine;
using ApimLint.Model;
using ApimLint.Text;

namespace ApimLint.Rules.ReverseProxy;

public sealed class PassiveNotBackup : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "APIM602", "passive-not-backup", RuleCategory.ReverseProxy, Severity.Error,
        "In an nginx upstream shared by both nodes, the passive node's server must be marked backup and the active's must not.",
        """
        ## What it does
        For each upstream behind /store or API traffic whose servers reach both nodes (see APIM601 for
        how a server is matched to a node), checks that the passive's server carries the `backup`
        parameter and the active's does not.

        ## Why it matters
        Without `backup`, nginx balances requests between its servers round robin: the passive serves
        half of the store and API traffic while the active is up, which is an active-active deployment
        the rest of the setup is not made for (one-way Rsync of synapse-configs from the active, the
        gateway ServerURL of the active; [API-M 2.5 active-active guide](https://wso2docs.atlassian.net/wiki/spaces/AM250/pages/28345309/Configuring+an+Active-Active+Deployment);
        [docs-apim PR 2770](https://github.com/wso2/docs-apim/pull/2770), [#2259](https://github.com/wso2/docs-apim/issues/2259)). With `backup` on the
        active instead, nginx sends everything to the passive while it is up; with both marked, nginx
        refuses the group. The guide writes `server 127.0.0.1:9444 backup;` for exactly this reason.
        (nginx upstream module, `backup`: "marks the server as a backup server. It will be passed
        requests when the primary servers are unavailable.")

        ## Example
        ```nginx
        upstream allnodes {
            server 127.0.0.1:9443;
            server 127.0.0.1:9444;
        }
        ```

        ## How to fix
        Mark the passive's server `backup` (`server 127.0.0.1:9444 backup;`) and leave the active's
        without it. If the upstream uses `ip_hash`, `hash` or `random`, remove it: nginx does not
        accept it together with `backup` (APIM604).

        Fix (safe): `apimlint --fix` adds `backup` to the passive's server or removes it from the active's:
        that is what active-passive means. A hash method in the same upstream is APIM604's.
        """) { Fix = FixSafety.Safe };

    public override IEnumerable<Diagnostic> Check(Deployment deployment)
    {
        var routing = NginxRouting.Of(deployment);
        foreach (var upstream in deployment.Nginx.Upstreams)
        {
            if (routing.RoleOf(upstream) != UpstreamRole.Shared || routing.ServiceOf(upstream) is not { } service) continue;
            var members = routing.Members(upstream, service);
            var active = members.Where(m => m.Node == deployment.Active).ToList();
            var passive = members.Where(m => m.Node == deployment.Passive).ToList();
            if (active.Count == 0 || passive.Count == 0) continue;

            var hashing = upstream.HashMethods.FirstOrDefault();
            foreach (var server in passive.Select(p => p.Server).Where(s => !s.IsBackup))
            {
                yield return Report(server.Address.Location,
                    $"upstream {upstream.Name.Value} has passive's server {server.Address.Value} without backup: nginx balances requests " +
                    "between the nodes and the passive serves them while the active is up; mark it backup" +
                    (hashing is null ? "" : $" and remove {hashing.Name}, which nginx does not accept with backup"),
                    routing.Key(server.Directive),
                    active.Select(a => new RelatedLocation(a.Server.Address.Location, "active's server")).ToArray())
                    with { Fix = Fix.Safe($"Mark passive's server {server.Address.Value} backup", new TextEdit(server.Directive.Source.Path, new TextSpan(server.Directive.Arguments[^1].Span.End, 0), " backup")) };
            }
            var allBackup = members.All(m => m.Server.IsBackup);
            foreach (var server in active.Select(a => a.Server).Where(s => s.IsBackup))
            {
                yield return Report(server.Backup!.Location,
                    $"upstream {upstream.Name.Value} marks active's server {server.Address.Value} backup: " +
                    (allBackup
                        ? "every server of the group is then a backup, which nginx refuses"
                        : "nginx sends the requests to the passive while it is up and to the active only when the passive is down"),
                    routing.Key(server.Directive) + "/backup",
                    passive.Select(p => new RelatedLocation(p.Server.Address.Location, "passive's server")).ToArray())
                    with { Fix = Fix.Safe($"Remove backup from active's server {server.Address.Value}", new TextEdit(server.Directive.Source.Path,
                        TextSpan.FromBounds(server.Backup!.Location.Span!.Value.Start - 1, server.Backup.Location.Span!.Value.End), "")) };
            }
        }
    }
}
