using ApimLint.Diagnostics;
using ApimLint.Engine;
using ApimLint.Model;

namespace ApimLint.Rules.Input;

public sealed class NginxIncludeNotRead : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "APIM006", "nginx-include-not-read", RuleCategory.Input, Severity.Note,
        "What an nginx include brings in is checked only when the deployment folder holds it.",
        """
        ## What it does
        Names each `include` in nginx.conf (or a file it includes) whose files the deployment folder
        does not hold: a file that is not there, a glob whose folder is not there, or an absolute path
        outside nginx's configuration prefix. The files nginx packages install beside nginx.conf that
        route nothing (mime.types, fastcgi_params, fastcgi.conf, scgi_params, uwsgi_params, koi-utf,
        koi-win, win-utf, modules-enabled/) are not named. proxy_params, which sets the X-Forwarded-*
        headers, and snippets/, which hold the operator's own settings, are named like any other file.

        ## Why it matters
        The folder that holds nginx.conf stands for nginx's prefix (`/etc/nginx`, or the `prefix` of
        `"nginx"` in apimlint.json): `include conf.d/*.conf;` and `include /etc/nginx/conf.d/*.conf;`
        are both read from `conf.d/` beside nginx.conf. What is not there cannot be checked: an
        upstream in a file left out of the deployment may send traffic to the passive node, and no
        rule would see it. The summary line then says that the routing checks cover only what was
        read. (nginx documentation: the `include` directive, https://nginx.org/en/docs/ngx_core_module.html#include.)

        ## Example
        ```nginx
        http {
            include /etc/nginx/sites-enabled/*;   # no sites-enabled/ beside nginx.conf
            include /opt/proxy/apim.conf;         # outside the prefix /etc/nginx
        }
        ```

        ## How to fix
        Copy the included files into the deployment folder where nginx finds them, relative to
        nginx.conf (`sites-enabled/` beside it for `/etc/nginx/sites-enabled/*`); when nginx was built
        with another prefix, say so in apimlint.json: `"nginx": { "prefix": "/usr/local/nginx/conf" }`.
        """) { Versions = VersionRange.Any };

    public override IEnumerable<Diagnostic> Check(Deployment deployment) =>
        deployment.Nginx.Config?.NotRead.Select(p => Report(p.Include.Location, p.Message,
            $"{deployment.RelativePath(p.Include.Source.Path)}#include:{string.Join(" ", p.Include.Arguments.Select(a => a.Value))}")) ?? [];
}
