using ApimLint.Text;

namespace ApimLint.Syntax.Nginx;

/// <summary>One nginx configuration file, parsed without following its includes.</summary>
public sealed class NginxFileSyntax(SourceText source, IReadOnlyList<NginxDirectiveSyntax> directives, SyntaxError? error)
    : SyntaxNode(source, new TextSpan(0, source.Length))
{
    /// <summary>The top-level directives; empty when <see cref="Error"/> is set.</summary>
    public IReadOnlyList<NginxDirectiveSyntax> Directives { get; } = directives;

    public SyntaxError? Error { get; } = error;
}

/// <summary>A simple directive (name to ';') or a block directive (name to '}').</summary>
public sealed class NginxDirectiveSyntax : SyntaxNode
{
    private List<NginxDirectiveSyntax>? _block;

    internal NginxDirectiveSyntax(SourceText source, TextSpan span, string name, TextSpan nameSpan, IReadOnlyList<NginxArgumentSyntax> arguments)
        : base(source, span)
    {
        Name = name;
        NameSpan = nameSpan;
        Arguments = arguments;
    }

    public string Name { get; }

    public TextSpan NameSpan { get; }

    public IReadOnlyList<NginxArgumentSyntax> Arguments { get; }

    /// <summary>The directives inside '{ … }'; null for a simple directive. With includes expanded, see <see cref="NginxConfig"/>.</summary>
    public IReadOnlyList<NginxDirectiveSyntax>? Block => _block;

    /// <summary>'{' to '}' inclusive.</summary>
    public TextSpan? BlockSpan { get; private set; }

    public NginxDirectiveSyntax? Parent { get; internal set; }

    public NginxDirectiveSyntax? Find(string name) => Block?.FirstOrDefault(d => d.Name == name);

    public IEnumerable<NginxDirectiveSyntax> FindAll(string name) => Block?.Where(d => d.Name == name) ?? [];

    public IEnumerable<NginxDirectiveSyntax> Ancestors()
    {
        for (var p = Parent; p is not null; p = p.Parent) yield return p;
    }

    /// <summary>
    /// Where the directive sits, without line numbers: "/http/server[localhost:443]/location[/admin]/proxy_cookie_path".
    /// Blocks are told apart by what names them (an upstream's or location's arguments, a virtual
    /// server's first server_name and listen, an upstream server's address).
    /// </summary>
    public string KeyPath => string.Concat(Ancestors().Reverse().Append(this).Select(d => "/" + d.Name + d.KeySelector()));

    private string KeySelector() => Name switch
    {
        "server" when Block is not null =>
            $"[{Find("server_name")?.Arguments.FirstOrDefault()?.Value}:{Find("listen")?.Arguments.FirstOrDefault()?.Value}]",
        "server" when Arguments.Count > 0 => $"[{Arguments[0].Value}]",
        "upstream" or "location" when Arguments.Count > 0 => $"[{string.Join(' ', Arguments.Select(a => a.Value))}]",
        _ => "",
    };

    internal NginxDirectiveSyntax WithSpan(TextSpan span, TextSpan blockSpan, List<NginxDirectiveSyntax> block)
    {
        var directive = new NginxDirectiveSyntax(Source, span, Name, NameSpan, Arguments) { BlockSpan = blockSpan, _block = block };
        foreach (var child in block) child.Parent = directive;
        return directive;
    }

    /// <summary>Replaces the block's children, as include expansion does.</summary>
    internal void SetBlock(List<NginxDirectiveSyntax> block)
    {
        _block = block;
        foreach (var child in block) child.Parent = this;
    }
}

/// <summary>An argument; <see cref="SyntaxNode.Span"/> covers it as written, quotes included.</summary>
public sealed class NginxArgumentSyntax(SourceText source, TextSpan span, string value, bool isQuoted) : SyntaxNode(source, span)
{
    /// <summary>The value with quotes removed and escapes processed.</summary>
    public string Value { get; } = value;

    public bool IsQuoted { get; } = isQuoted;
}
