using ApimLint.Model;
using ApimLint.Syntax.Nginx;
using ApimLint.Text;

namespace ApimLint.Loading;

/// <summary>
/// Builds the nginx part of the model from nginx.conf with its includes expanded. A file without an http block
/// (a site file of sites-enabled/ or conf.d/) is read as nginx reads it inside the http block that includes it.
/// </summary>
internal static class NginxModelReader
{
    private static readonly string[] BalancingMethods = ["ip_hash", "hash", "random", "least_conn", "least_time"];

    public static NginxModel Read(string root, string mainFile, string serverPrefix = NginxConfig.DefaultPrefix)
    {
        // Includes stay inside the deployment folder, or inside nginx.conf's own folder when --nginx names one elsewhere.
        var inside = Path.GetFullPath(mainFile).StartsWith(Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal);
        var config = NginxConfig.Load(mainFile, inside ? root : Path.GetDirectoryName(Path.GetFullPath(mainFile))!, ConfigFileLoader.Read, serverPrefix);
        var files = config.Files.Select(f => ConfigFileLoader.Nginx(root, f)).ToList();
        var http = config.Directives.Where(d => d.Name == "http" && d.Block is not null).ToList();
        var isSiteFile = http.Count == 0;
        var httpLevel = isSiteFile ? config.Directives : http.SelectMany(h => h.Block!).ToList();
        // A site file's top level is the http level: the headers it sets there are what its servers inherit last.
        var headers = new ProxyHeaders(isSiteFile ? httpLevel : []);
        return new NginxModel(files[0], files.Skip(1).ToList(), config,
            httpLevel.Where(d => d.Name == "upstream" && d.Block is not null && d.Arguments.Count > 0).Select(ReadUpstream).ToList(),
            httpLevel.Where(d => d.Name == "server" && d.Block is not null).Select(s => ReadServer(s, httpLevel, headers)).ToList())
        {
            IsSiteFile = isSiteFile,
        };
    }

    private static NginxUpstream ReadUpstream(NginxDirectiveSyntax upstream) =>
        new(upstream, Located(upstream.Arguments[0]),
            upstream.FindAll("server").Where(s => s.Arguments.Count > 0).Select(s =>
            {
                var (host, port) = SplitAddress(s.Arguments[0].Value);
                return new NginxUpstreamServer(s, Located(s.Arguments[0]), host, port, s.Arguments.Skip(1).ToList());
            }).ToList(),
            upstream.Block!.Where(d => BalancingMethods.Contains(d.Name)).ToList());

    private static NginxServer ReadServer(NginxDirectiveSyntax server, IReadOnlyList<NginxDirectiveSyntax> httpLevel, ProxyHeaders headers)
    {
        NginxDirectiveSyntax? Inherited(string name) => server.Find(name) ?? httpLevel.LastOrDefault(d => d.Name == name);
        var sslOn = Inherited("ssl") is { Arguments: [{ Value: "on" }] } ssl ? ssl : null;
        return new NginxServer(server,
            server.FindAll("listen").Where(l => l.Arguments.Count > 0).Select(ReadListen).ToList(),
            server.FindAll("server_name").SelectMany(d => d.Arguments).Select(Located).ToList(),
            sslOn, Inherited("ssl_certificate"), Inherited("ssl_certificate_key"),
            Locations(server).Select(l => ReadLocation(l, headers)).ToList());
    }

    private static IEnumerable<NginxDirectiveSyntax> Locations(NginxDirectiveSyntax parent) =>
        parent.FindAll("location").Where(l => l.Block is not null && l.Arguments.Count > 0).SelectMany(l => Locations(l).Prepend(l));

    private static NginxListen ReadListen(NginxDirectiveSyntax listen)
    {
        var address = listen.Arguments[0].Value;
        // A port nginx would refuse (99999999999) is no port: the model holds none rather than failing.
        var (host, port) = address.Length > 0 && address.All(char.IsAsciiDigit)
            ? ("*", int.TryParse(address, out var number) ? number : (int?)null)
            : SplitAddress(address);
        return new NginxListen(listen, host, port, listen.Arguments.Skip(1).Any(a => a.Value == "ssl"));
    }

    private static NginxLocation ReadLocation(NginxDirectiveSyntax location, ProxyHeaders effective)
    {
        var args = location.Arguments;
        var hasModifier = args.Count > 1;
        var proxyPass = location.Find("proxy_pass");
        var headers = new Dictionary<string, NginxDirectiveSyntax>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in effective.Of(location))
            headers.TryAdd(header.Arguments[0].Value, header);
        return new NginxLocation(location, hasModifier ? args[0].Value : null, Located(args[hasModifier ? 1 : 0]),
            proxyPass, proxyPass is { Arguments.Count: > 0 } ? ProxyTarget.Parse(proxyPass.Arguments[0].Value) : null,
            location.FindAll("proxy_redirect").ToList(), location.FindAll("proxy_cookie_path").ToList(), headers);
    }

    /// <summary>
    /// proxy_set_header directives are inherited from the enclosing level only when a level sets none
    /// of its own: the nearest of location, enclosing locations, server and http that sets any. Each level's
    /// own set is found once, so thousands of locations in one server cost no more than one pass over it.
    /// </summary>
    /// <param name="topLevel">The directives above every block when they are the http level (a site file); else empty.</param>
    private sealed class ProxyHeaders(IReadOnlyList<NginxDirectiveSyntax> topLevel)
    {
        private readonly Dictionary<NginxDirectiveSyntax, List<NginxDirectiveSyntax>> _setAt = new(ReferenceEqualityComparer.Instance);
        private readonly List<NginxDirectiveSyntax> _setAtTop = topLevel.Where(d => d.Name == "proxy_set_header" && d.Arguments.Count > 0).ToList();

        public IReadOnlyList<NginxDirectiveSyntax> Of(NginxDirectiveSyntax location) =>
            location.Ancestors().Prepend(location).Select(SetAt).FirstOrDefault(set => set.Count > 0) ?? _setAtTop;

        private List<NginxDirectiveSyntax> SetAt(NginxDirectiveSyntax level)
        {
            if (!_setAt.TryGetValue(level, out var set))
                _setAt[level] = set = level.FindAll("proxy_set_header").Where(h => h.Arguments.Count > 0).ToList();
            return set;
        }
    }

    private static (string Host, int? Port) SplitAddress(string address)
    {
        var colon = address.LastIndexOf(':');
        if (colon < 0 || address.EndsWith(']')) return (address, null);
        return (address[..colon], int.TryParse(address[(colon + 1)..], out var port) ? port : null);
    }

    private static Located<string> Located(NginxArgumentSyntax argument) => new(argument.Value, Location.InFile(argument.Source, argument.Span));
}
