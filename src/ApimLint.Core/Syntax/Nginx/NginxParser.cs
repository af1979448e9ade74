using ApimLint.Text;

namespace ApimLint.Syntax.Nginx;

/// <summary>
/// Parses one nginx configuration file as nginx's own reader (ngx_conf_file.c) does, without following its
/// includes (see <see cref="NginxConfig"/> for that). The first error ends the parse, with nginx's wording.
/// </summary>
public static class NginxParser
{
    /// <summary>nginx itself has no limit; this one keeps a hostile file from costing unbounded memory in open blocks.</summary>
    public const int MaxBlockDepth = 256;

    public static NginxFileSyntax Parse(SourceText source)
    {
        var tokenizer = new NginxTokenizer(source);
        var top = new List<NginxDirectiveSyntax>();

        // Open blocks on an explicit stack, so that nesting depth costs no call stack.
        var open = new Stack<(NginxStatement Header, List<NginxDirectiveSyntax> Children)>();
        var current = top;
        while (true)
        {
            var statement = tokenizer.Next();
            switch (statement.Kind)
            {
                case NginxStatementKind.Error:
                    return Failed(source, tokenizer, statement.Offset, statement.Message!);

                case NginxStatementKind.EndOfFile:
                    if (open.Count > 0) return Failed(source, tokenizer, statement.Offset, "unexpected end of file, expecting \"}\"");
                    return new NginxFileSyntax(source, top, tokenizer.Comments, null);

                case NginxStatementKind.Directive:
                    current.Add(Directive(source, statement, TextSpan.FromBounds(statement.Words[0].Span.Start, statement.Offset + 1), null, null));
                    break;

                case NginxStatementKind.BlockStart:
                    if (open.Count == MaxBlockDepth) return Failed(source, tokenizer, statement.Offset, $"blocks nested deeper than {MaxBlockDepth} levels");
                    current = [];
                    open.Push((statement, current));
                    break;

                case NginxStatementKind.BlockEnd:
                    if (open.Count == 0) return Failed(source, tokenizer, statement.Offset, "unexpected \"}\"");
                    var (header, children) = open.Pop();
                    current = open.Count > 0 ? open.Peek().Children : top;
                    var block = Directive(source, header, TextSpan.FromBounds(header.Words[0].Span.Start, statement.Offset + 1),
                        children, TextSpan.FromBounds(header.Offset, statement.Offset + 1));
                    foreach (var child in children) child.Parent = block;
                    current.Add(block);
                    break;
            }
        }
    }

    private static NginxDirectiveSyntax Directive(SourceText source, NginxStatement statement, TextSpan span,
        List<NginxDirectiveSyntax>? block, TextSpan? blockSpan)
    {
        var words = statement.Words;
        var arguments = new NginxArgumentSyntax[words.Count - 1];
        for (var i = 1; i < words.Count; i++) arguments[i - 1] = words[i];
        return new NginxDirectiveSyntax(source, span, words[0].Value, words[0].Span, arguments, block, blockSpan);
    }

    private static NginxFileSyntax Failed(SourceText source, NginxTokenizer tokenizer, int offset, string message) =>
        new(source, [], tokenizer.Comments, new SyntaxError(source, offset, message));
}
