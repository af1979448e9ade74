using ApimLint.Diagnostics;
using ApimLint.Engine;
using ApimLint.Model;
using ApimLint.Syntax.Nginx;

namespace ApimLint.Rules.ReverseProxy;

public sealed class TlsCertificatePlaceholder : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "APIM606", "tls-certificate-placeholder", RuleCategory.ReverseProxy, Severity.Error,
        "A virtual server that listens with TLS must have ssl_certificate and ssl_certificate_key naming real files, not placeholders.",
        """
        ## What it does
        For each virtual server that speaks TLS (`listen … ssl`, or the obsolete `ssl on;`), checks that
        `ssl_certificate` and `ssl_certificate_key` are set, in the server or inherited from the http
        level, and that neither is still a placeholder: a path with `<…>` in it (the guide's
        `<<Certifacte.crt>>`), a `{{…}}` template, or `/path/to/…`.

        ## Why it matters
        The guide asks to "generate a certificate and update the certificate and key path in the
        configuration below", but its block keeps `ssl_certificate <<Certifacte.crt>>;` and
        `ssl_certificate_key <<CertficateKey.key>>;`. nginx cannot load such a file and does not start;
        without the directives at all, `nginx -t` fails with `no "ssl_certificate" is defined for the
        "listen ... ssl" directive`. Every console, the store and the HTTPS API traffic are behind this
        server. (nginx ssl module; the guide's nginx section.)

        ## Example
        ```nginx
        ssl_certificate <<Certifacte.crt>>;
        ssl_certificate_key <<CertficateKey.key>>;
        ```

        ## How to fix
        Generate (or obtain) the proxy's certificate for the host users reach and write the paths of the
        certificate chain and its private key, e.g. `ssl_certificate /etc/nginx/ssl/apim.crt;` and
        `ssl_certificate_key /etc/nginx/ssl/apim.key;`.
        """) { IsSecurity = true };

    public override IEnumerable<Diagnostic> Check(Deployment deployment)
    {
        var routing = NginxRouting.Of(deployment);
        var reported = new HashSet<NginxDirectiveSyntax>();
        foreach (var server in deployment.Nginx.Servers.Where(s => s.IsTls))
        {
            var missing = new List<string>();
            foreach (var (name, directive) in new[] { ("ssl_certificate", server.SslCertificate), ("ssl_certificate_key", server.SslCertificateKey) })
            {
                if (directive is not { Arguments.Count: > 0 })
                {
                    missing.Add(name);
                    continue;
                }
                var path = directive.Arguments[0];
                // Inherited from the http level, the same directive serves several servers: one finding.
                if (!IsPlaceholder(path.Value) || !reported.Add(directive)) continue;
                yield return Report(path.Location,
                    $"{name} is still the placeholder {path.Value}: nginx cannot load it and does not start; write the path of the proxy's " +
                    (name == "ssl_certificate" ? "certificate" : "private key"),
                    routing.Key(directive));
            }
            if (missing.Count == 0) continue;
            var listen = server.Listens.FirstOrDefault(l => l.Ssl)?.Directive;
            var tls = listen ?? server.SslOn!;
            var refusal = missing.Contains("ssl_certificate")
                ? $"no \"ssl_certificate\" is defined for the \"{(listen is null ? "ssl" : "listen ... ssl")}\" directive"
                : $"no \"ssl_certificate_key\" is defined for certificate \"{server.SslCertificate!.Arguments[0].Value}\"";
            yield return Report(tls.Location,
                $"server {server.DisplayName} speaks TLS but has no {string.Join(" and no ", missing)}: nginx does not start ({refusal})",
                routing.Key(server.Directive) + "/" + string.Join("+", missing));
        }
    }

    private static bool IsPlaceholder(string path) =>
        path.Contains('<') || path.Contains('>') || path.Contains("{{", StringComparison.Ordinal) ||
        path.Contains("/path/to/", StringComparison.OrdinalIgnoreCase);
}
