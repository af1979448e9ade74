using ApimLint.Syntax.Nginx;

namespace ApimLint.Model;

/// <summary>The reverse proxy as nginx would read it: upstream groups and virtual servers with their locations.</summary>
public sealed record NginxModel(ConfigFile<NginxFileSyntax> File, IReadOnlyList<ConfigFile<NginxFileSyntax>> IncludedFiles, NginxConfig? Config, IReadOnlyList<NginxUpstream> Upstreams, IReadOnlyList<NginxServer> Servers)
{
    /// <summary>The upstream a proxy_pass host names; nginx compares the names case-insensitively.</summary>
    private Dictionary<string, NginxUpstream>? _byName;

    /// <summary>The upstream of that name (nginx compares them without case; the first definition wins).</summary>
    public NginxUpstream? Upstream(string name)
    {
        if (_byName is null)
        {
            var byName = new Dictionary<string, NginxUpstream>(StringComparer.OrdinalIgnoreCase);
            foreach (var upstream in Upstreams) byName.TryAdd(upstream.Name.Value, upstream);
            _byName = byName;
        }
        return _byName.GetValueOrDefault(name);
    }

    /// <summary>Whether the file read is a site file (no http block), read as part of an http block apimlint did not see.</summary>
    public bool IsSiteFile { get; init; }

    /// <summary>
    /// Whether everything at the http level and above is known: no include there went unread (or failed to
    /// parse), and the file holds the http block itself rather than being a site file that is only part of one.
    /// </summary>
    public bool HttpLevelIsComplete => Config is null ||
        !IsSiteFile && Config.LevelIsComplete(null) && Config.Directives.Where(d => d.Name == "http").All(Config.LevelIsComplete);

    /// <summary>
    /// Whether every include in <paramref name="block"/> (a block of the expanded tree) and in every block around it
    /// was read; for a site file, also those of its top level, which is part of the http level.
    /// </summary>
    public bool IsReadCompletely(NginxDirectiveSyntax block) => Config is null ||
        block.Ancestors().Prepend(block).All(Config.LevelIsComplete) && (!IsSiteFile || Config.LevelIsComplete(null));

    /// <summary>Every location of every virtual server, with the server it belongs to, in file order.</summary>
    public IEnumerable<ServedLocation> Locations =>
        Servers.SelectMany(s => s.Locations.Select(l => new ServedLocation(s, l)));
}

/// <summary>
/// A location and the virtual server it belongs to. A class rather than a tuple, as are the routing's answers built on it:
/// queries over value tuples make the runtime compile generic code at start-up, which every run would pay.
/// </summary>
public sealed record ServedLocation(NginxServer Server, NginxLocation Location);

/// <summary>The location nginx picks for a management path in a virtual server (<see cref="NginxRouting.ManagementRoutes"/>).</summary>
public sealed record ManagementRoute(NginxServer Server, string Path, NginxLocation Location);

public sealed record NginxUpstream(NginxDirectiveSyntax Directive, Located<string> Name, IReadOnlyList<NginxUpstreamServer> Servers,
    IReadOnlyList<NginxDirectiveSyntax> BalancingMethods)
{
    /// <summary>The methods that pick a server by a key (ip_hash, hash, random): nginx documents that they cannot be used with backup.</summary>
    public IEnumerable<NginxDirectiveSyntax> HashMethods => BalancingMethods.Where(m => m.Name is "ip_hash" or "hash" or "random");
}

public sealed record NginxUpstreamServer(NginxDirectiveSyntax Directive, Located<string> Address, string Host, int? Port, IReadOnlyList<NginxArgumentSyntax> Parameters)
{
    public bool IsBackup => Backup is not null;

    public bool IsDown => Parameters.Any(p => p.Value == "down");

    /// <summary>The <c>backup</c> parameter as written, if any.</summary>
    public NginxArgumentSyntax? Backup => Parameters.FirstOrDefault(p => p.Value == "backup");

    /// <summary>The port nginx connects to: 80 when the address has none.</summary>
    public int EffectivePort => Port ?? 80;
}

public sealed record NginxServer(NginxDirectiveSyntax Directive, IReadOnlyList<NginxListen> Listens, IReadOnlyList<Located<string>> ServerNames,
    NginxDirectiveSyntax? SslOn, NginxDirectiveSyntax? SslCertificate, NginxDirectiveSyntax? SslCertificateKey, IReadOnlyList<NginxLocation> Locations)
{
    /// <summary>Whether the server speaks TLS: a <c>listen … ssl</c> or the obsolete <c>ssl on;</c>.</summary>
    public bool IsTls => SslOn is not null || Listens.Any(l => l.Ssl);

    /// <summary>The server_name values that name one host (not "_", "", wildcards or regular expressions).</summary>
    public IEnumerable<string> ExactNames =>
        ServerNames.Select(n => n.Value).Where(n => n.Length > 0 && n != "_" && !n.Contains('*') && !n.StartsWith('~') && !n.StartsWith('.'));

    /// <summary>Whether every name the server answers to is an exact host name, so that a host can be compared with them.</summary>
    public bool HasOnlyExactNames => ServerNames.Count > 0 && ExactNames.Count() == ServerNames.Count;

    /// <summary>How a message names the server: its first server_name, else its first listen.</summary>
    public string DisplayName => ServerNames.FirstOrDefault()?.Value is { Length: > 0 } name
        ? name
        : Listens.FirstOrDefault() is { } listen ? $"listening on {listen.Directive.Arguments[0].Value}" : "without server_name";
}

public sealed record NginxListen(NginxDirectiveSyntax Directive, string Address, int? Port, bool Ssl);

/// <param name="ProxyHeaders">
/// The proxy_set_header directives in effect, by header name: the location's own, or, when it sets none,
/// those of the nearest enclosing block that does (nginx inherits them only into a level with none of its own).
/// </param>
public sealed record NginxLocation(NginxDirectiveSyntax Directive, string? Modifier, Located<string> Path,
    NginxDirectiveSyntax? ProxyPass, ProxyTarget? Target, IReadOnlyList<NginxDirectiveSyntax> ProxyRedirects,
    IReadOnlyList<NginxDirectiveSyntax> ProxyCookiePaths, IReadOnlyDictionary<string, NginxDirectiveSyntax> ProxyHeaders)
{
    /// <summary>The API Manager web applications nginx may put a location in front of.</summary>
    public static readonly IReadOnlyList<string> WebApps = ["store", "publisher", "admin", "carbon"];

    public bool IsRegex => Modifier is "~" or "~*";

    /// <summary>
    /// The path prefix the location matches, without a trailing slash ("/" for the root): a prefix
    /// location's path, or the literal start of a regular expression that begins with <c>^/</c>.
    /// </summary>
    public string? PublicContext => IsRegex ? NginxPaths.Normalize(RegexLiteralPrefix(Path.Value)) : NginxPaths.Normalize(Path.Value);

    /// <summary>
    /// The path on the backend the location's requests go to: proxy_pass's URI part when it has one
    /// (it replaces the matched prefix), else the request's own path. Null when a variable decides or
    /// the path cannot be told.
    /// </summary>
    public string? BackendContext =>
        Target?.Uri is { } uri ? (uri.Contains('$') ? null : NginxPaths.Normalize(uri)) : PublicContext;

    /// <summary>
    /// The web app (store, publisher, admin, carbon) the location serves: the first segment of the
    /// backend path when proxy_pass names one, else of the location's own path; null for anything else.
    /// </summary>
    public string? App => AppOf(Target?.Uri is { } uri && !uri.StartsWith("/$", StringComparison.Ordinal) ? uri : null) ?? AppOf(PublicContext);

    private static string? AppOf(string? path)
    {
        if (path is null || !path.StartsWith('/')) return null;
        var segment = path[1..].Split('/', 2)[0];
        return WebApps.FirstOrDefault(a => a == segment);
    }

    /// <summary>
    /// "^/store/(.*)registry/(.*)$" → "/store": the whole path segments certain to start every match,
    /// read from the literal text before the first metacharacter; null when there is none.
    /// </summary>
    private static string? RegexLiteralPrefix(string regex)
    {
        // An alternation anywhere may let a match start elsewhere.
        if (!regex.StartsWith("^/", StringComparison.Ordinal) || regex.Contains('|')) return null;
        var end = 1;
        while (end < regex.Length && regex[end] is not ('(' or '[' or '.' or '*' or '+' or '?' or '{' or '\\' or '$')) end++;
        if (end == regex.Length || (regex[end] == '$' && end == regex.Length - 1)) return regex[1..end];
        var literal = regex[1..end];
        // A quantifier applies to the last character, which is then not certain to be there.
        if (regex[end] is '*' or '?' or '{') literal = literal[..^1];
        var slash = literal.LastIndexOf('/');
        return slash <= 0 ? null : literal[..slash];
    }
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

/// <summary>URL paths as nginx and the web apps compare them.</summary>
public static class NginxPaths
{
    /// <summary>"/store/" → "/store", "" → "/": trailing slashes do not change which app a path names.</summary>
    public static string? Normalize(string? path) =>
        path is null ? null : path.TrimEnd('/') is { Length: > 0 } trimmed ? trimmed : "/";

    /// <summary>Whether one path is the other or lies under it, segment by segment ("/" covers everything).</summary>
    public static bool Overlap(string a, string b)
    {
        a = Normalize(a)!;
        b = Normalize(b)!;
        return a == b || a == "/" || b == "/" || b.StartsWith(a + "/", StringComparison.Ordinal) || a.StartsWith(b + "/", StringComparison.Ordinal);
    }
}
