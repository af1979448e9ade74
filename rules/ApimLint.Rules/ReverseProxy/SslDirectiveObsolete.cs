using ApimLint.Diagnostics;
using ApimLint.Engine;
using ApimLint.Model;
using ApimLint.Text;

namespace ApimLint.Rules.ReverseProxy;

public sealed class SslDirectiveObsolete : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "APIM605", "ssl-directive-obsolete", RuleCategory.ReverseProxy, Severity.Warning,
        "TLS must be enabled with the ssl parameter of listen, not with the obsolete `ssl on;` directive.",
        """
        ## What it does
        Reports an `ssl on;` directive in a virtual server or at the http level.

        ## Why it matters
        The guide's server block writes `listen 443;` followed by `ssl on;`, as older WSO2 samples did.
        The `ssl` directive has been obsolete since nginx 1.15.0, which warns about it, and nginx
        1.25.1 removed it: the same configuration stops nginx from starting after an upgrade. It also
        turns TLS on for every listen of the server, so a plain-HTTP port added to it later speaks TLS.
        ([nginx CHANGES](https://nginx.org/en/CHANGES) 1.15.0 and 1.25.1.)

        ## Example
        ```nginx
        server {
            listen 443;
            ssl on;
        ```

        ## How to fix
        Remove `ssl on;` and mark the TLS port on its listen: `listen 443 ssl;`.

        Fix (safe): `apimlint --fix` removes `ssl on;` and adds `ssl` to the server's listen, which is what
        `ssl on;` meant; with several listens, which ones must speak TLS is a judgement, and no fix is offered.
        """) { Fix = FixSafety.Safe };

    /// <summary>Drops `ssl on;` and marks the server's one listen ssl, keeping the rest of the line as written.</summary>
    private static Fix MoveToListen(Syntax.Nginx.NginxDirectiveSyntax sslOn, NginxListen listen)
    {
        var remove = Edits.RemoveLines(sslOn);
        return listen.Ssl
            ? Fix.Safe("Remove \"ssl on;\"", remove)
            : Fix.Safe($"Replace \"ssl on;\" with \"listen {listen.Directive.Arguments[0].Value} ssl;\"", remove,
                new TextEdit(listen.Directive.Source.Path, new TextSpan(listen.Directive.Arguments[^1].Span.End, 0), " ssl"));
    }

    public override IEnumerable<Diagnostic> Check(Deployment deployment)
    {
        var routing = NginxRouting.Of(deployment);
        // An http-level `ssl on;` is inherited by every server: one finding for the directive.
        foreach (var group in deployment.Nginx.Servers.Where(s => s.SslOn is not null).GroupBy(s => s.SslOn!))
        {
            var listens = group.SelectMany(s => s.Listens).ToList();
            var fix = listens.Count == 1
                ? listens[0].Ssl
                    ? $"remove it, \"listen {listens[0].Directive.Arguments[0].Value} ssl;\" already enables TLS"
                    : $"remove it and write \"listen {listens[0].Directive.Arguments[0].Value} ssl;\" instead"
                : "remove it and add ssl to the listen directives that must speak TLS";
            yield return Report(group.Key.Location,
                $"\"ssl on;\" is obsolete since nginx 1.15.0 and refused from nginx 1.25.1: {fix}",
                routing.Key(group.Key),
                listens.Where(l => !l.Ssl).Select(l => new RelatedLocation(l.Directive.Location, "the listen to mark ssl")).ToArray())
                with { Fix = listens.Count == 1 ? MoveToListen(group.Key, listens[0]) : null };
        }
    }
}
