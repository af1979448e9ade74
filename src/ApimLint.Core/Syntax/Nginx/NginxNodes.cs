using ApimLint.Text;

namespace ApimLint.Syntax.Nginx;

/// <summary>One nginx configuration file, parsed on its own: its includes are not followed.</summary>
public sealed class NginxFileSyntax : SyntaxNode, ICommentedSyntax
{
    internal NginxFileSyntax(SourceText source, IReadOnlyList<NginxDirectiveSyntax> directives, IReadOnlyList<CommentTrivia> comments, SyntaxError? error)
        : base(source, new TextSpan(0, source.Length))
    {
        Directives = directives;
        Comments = comments;
        Error = error;
    }

    public IReadOnlyList<CommentTrivia> Comments { get; }

    /// <summary>
    /// The top-level directives. Empty when <see cref="Error"/> is set: nginx rejects the whole file, and rules
    /// that looked at half of it would report settings as missing that are only past the error.
    /// </summary>
    public IReadOnlyList<NginxDirectiveSyntax> Directives { get; }

    /// <summary>The first syntax error, where nginx would stop reading.</summary>
    public SyntaxError? Error { get; }
}

/// <summary>
/// A directive: a simple one spans from its name to its ';' inclusive, a block one from its name to the
/// block's '}' inclusive.
/// </summary>
public sealed class NginxDirectiveSyntax : SyntaxNode
{
    private readonly List<NginxDirectiveSyntax>? _block;

    internal NginxDirectiveSyntax(SourceText source, TextSpan span, string name, TextSpan nameSpan, IReadOnlyList<NginxArgumentSyntax> arguments,
        List<NginxDirectiveSyntax>? block, TextSpan? blockSpan)
        : base(source, span)
    {
        Name = name;
        NameSpan = nameSpan;
        Arguments = arguments;
        _block = block;
        BlockSpan = blockSpan;
    }

    /// <summary>The name as nginx reads it: quotes removed, escapes processed.</summary>
    public string Name { get; }

    /// <summary>The name as written, quotes included if it was quoted.</summary>
    public TextSpan NameSpan { get; }

    public IReadOnlyList<NginxArgumentSyntax> Arguments { get; }

    /// <summary>The directives between '{' and '}'; null for a simple directive.</summary>
    public IReadOnlyList<NginxDirectiveSyntax>? Block => _block;

    /// <summary>'{' to '}' inclusive; null for a simple directive.</summary>
    public TextSpan? BlockSpan { get; }

    /// <summary>The block directive this one is in; null at the top level.</summary>
    public NginxDirectiveSyntax? Parent { get; internal set; }

    /// <summary>The children list, for the parser and the include expansion to fill.</summary>
    internal List<NginxDirectiveSyntax>? BlockList => _block;

    /// <summary>The first directive of this block with the name; null if none or if this is not a block.</summary>
    public NginxDirectiveSyntax? Find(string name)
    {
        if (_block is null) return null;
        foreach (var child in _block)
            if (child.Name == name) return child;
        return null;
    }

    /// <summary>The directives of this block with the name, in order; empty if this is not a block.</summary>
    public IEnumerable<NginxDirectiveSyntax> FindAll(string name) =>
        _block is null ? [] : _block.Where(child => child.Name == name);

    /// <summary>The enclosing block directives, innermost first.</summary>
    public IEnumerable<NginxDirectiveSyntax> Ancestors()
    {
        for (var parent = Parent; parent is not null; parent = parent.Parent) yield return parent;
    }

    public override string ToString() => Name;

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
}

/// <summary>An argument (or the name) of a directive. Its span covers it as written, quotes included.</summary>
public sealed class NginxArgumentSyntax : SyntaxNode
{
    internal NginxArgumentSyntax(SourceText source, TextSpan span, string value, bool isQuoted)
        : base(source, span)
    {
        Value = value;
        IsQuoted = isQuoted;
    }

    /// <summary>The value nginx sees: quotes removed; \", \', \\, \t, \r, \n unescaped, any other backslash kept.</summary>
    public string Value { get; }

    /// <summary>Whether it was written in single or double quotes.</summary>
    public bool IsQuoted { get; }

    public override string ToString() => Value;
}
