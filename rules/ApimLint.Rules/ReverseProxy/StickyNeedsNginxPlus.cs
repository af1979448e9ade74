using ApimLint.Diagnostics;
using ApimLint.Engine;
using ApimLint.Model;

namespace ApimLint.Rules.ReverseProxy;

public sealed class StickyNeedsNginxPlus : Rule
{
    /// <summary>The methods of NGINX Plus's sticky; the third-party sticky module takes only name=value parameters.</summary>
    private static readonly string[] PlusMethods = ["cookie", "route", "learn"];

    public override RuleDescriptor Descriptor { get; } = new(
        "APIM616", "sticky-needs-nginx-plus", RuleCategory.ReverseProxy, Severity.Warning,
        "An upstream's `sticky cookie|route|learn` works only on NGINX Plus: community nginx refuses to start.",
        """
        ## What it does
        Reports a `sticky cookie …`, `sticky route …` or `sticky learn …` directive in an upstream block.
        A `sticky` with only `name=value` parameters (or none) is the third-party sticky module's, which
        community nginx can load, and is not reported.

        ## Why it matters
        The `sticky` directive of nginx's upstream module "is available as part of our commercial
        subscription" ([ngx_http_upstream_module, sticky](https://nginx.org/en/docs/http/ngx_http_upstream_module.html#sticky)):
        only NGINX Plus knows it. WSO2's load balancer samples are written for NGINX Plus and carry
        `sticky learn create=$upstream_cookie_jsessionid lookup=$cookie_jsessionid zone=client_sessions:1m;`
        ([Configuring the Proxy Server and the Load Balancer](https://apim.docs.wso2.com/en/4.4.0/install-and-setup/setup/setting-up-proxy-server-and-the-load-balancer/configuring-the-proxy-server-and-the-load-balancer/)).
        Pasted into community nginx, the configuration test fails with `unknown directive "sticky"` and
        nginx does not start (or keeps the old configuration on reload). This is a warning: apimlint cannot
        tell which nginx runs the file.

        ## Example
        ```nginx
        upstream sslapi.am.wso2.com {
            server 10.0.1.11:9443;
            server 10.0.1.12:9443;
            sticky learn create=$upstream_cookie_jsessionid
                lookup=$cookie_jsessionid
                zone=client_sessions:1m;
        }
        ```

        ## How to fix
        On NGINX Plus nothing. On community nginx keep the portals' sessions on one node another way:
        `ip_hash;` (the client's address), or `hash $cookie_jsessionid consistent;` (the session cookie; a
        client's first request, still without the cookie, may land on another node).
        """) { Versions = VersionRange.Any };

    public override IEnumerable<Diagnostic> Check(Deployment deployment)
    {
        var routing = NginxRouting.Of(deployment);
        foreach (var upstream in deployment.Nginx.Upstreams)
            foreach (var sticky in upstream.Directive.Block!.Where(d => d.Name == "sticky" && d.Arguments.Count > 0 && PlusMethods.Contains(d.Arguments[0].Value)))
                yield return Report(sticky.Location,
                    $"upstream {upstream.Name.Value} uses sticky {sticky.Arguments[0].Value}, which only NGINX Plus knows: community nginx refuses to start (unknown directive \"sticky\"); there, use ip_hash or hash $cookie_jsessionid",
                    routing.Key(sticky));
    }
}
