using ApimLint.Syntax.Nginx;

namespace ApimLint.Model;

/// <summary>The reverse proxy as nginx would read it: upstream groups and virtual servers with their locations.</summary>
public sealed record NginxModel(ConfigFile<NginxFileSyntax> File, IReadOnlyList<ConfigFile<NginxFileSyntax>> IncludedFiles, NginxConfig? Config, IReadOnlyList<NginxUpstream> Upstreams, IReadOnlyList<NginxServer> Servers)
{
    public NginxUpstream? Upstream(string name) => Upstreams.FirstOrDefault(u => u.Name.Value == name);
}

public sealed record NginxUpstream(NginxDirectiveSyntax Directive, Located<string> Name, IReadOnlyList<NginxUpstreamServer> Servers,
    IReadOnlyList<NginxDirectiveSyntax> BalancingMethods);

public sealed record NginxUpstreamServer(NginxDirectiveSyntax Directive, Located<string> Address, string Host, int? Port, IReadOnlyList<NginxArgumentSyntax> Parameters)
{
    public bool IsBackup => Parameters.Any(p => p.Value == "backup");

    public bool IsDown => Parameters.Any(p => p.Value == "down");
}

public sealed record NginxServer(NginxDirectiveSyntax Directive, IReadOnlyList<NginxListen> Listens, IReadOnlyList<Located<string>> ServerNames,
    NginxDirectiveSyntax? SslOn, NginxDirectiveSyntax? SslCertificate, NginxDirectiveSyntax? SslCertificateKey, IReadOnlyList<NginxLocation> Locations);

public sealed record NginxListen(NginxDirectiveSyntax Directive, string Address, int? Port, bool Ssl);

public sealed record NginxLocation(NginxDirectiveSyntax Directive, string? Modifier, Located<string> Path,
    NginxDirectiveSyntax? ProxyPass, ProxyTarget? Target, IReadOnlyList<NginxDirectiveSyntax> ProxyRedirects,
    IReadOnlyList<NginxDirectiveSyntax> ProxyCookiePaths, IReadOnlyDictionary<string, NginxDirectiveSyntax> ProxyHeaders)
{
    public bool IsRegex => Modifier is "~" or "~*";
}

/// <summary>A proxy_pass URL split into scheme, host (an upstream name or an address), port and URI part.</summary>
public sealed record ProxyTarget(string Scheme, string Host, int? Port, string? Uri)
{
    public static ProxyTarget? Parse(string url)
    {
        var scheme = url.IndexOf("://", StringComparison.Ordinal);
        if (scheme < 0) return null;
        var rest = url[(scheme + 3)..];
        var slash = rest.IndexOf('/');
        var authority = slash < 0 ? rest : rest[..slash];
        var colon = authority.LastIndexOf(':');
        int? port = colon >= 0 && int.TryParse(authority[(colon + 1)..], out var p) ? p : null;
        return new ProxyTarget(url[..scheme], port is null ? authority : authority[..colon], port, slash < 0 ? null : rest[slash..]);
    }
}
