using ApimLint.Text;

namespace ApimLint.Syntax.Json;

public sealed class JsonDocumentSyntax(SourceText source, JsonNodeSyntax? root, IReadOnlyList<CommentTrivia> comments, SyntaxError? error)
    : SyntaxNode(source, new TextSpan(0, source.Length)), ICommentedSyntax
{
    public IReadOnlyList<CommentTrivia> Comments { get; } = comments;

    /// <summary>Null when <see cref="Error"/> is set.</summary>
    public JsonNodeSyntax? Root { get; } = root;

    public SyntaxError? Error { get; } = error;
}

public abstract class JsonNodeSyntax(SourceText source, TextSpan span) : SyntaxNode(source, span);

public sealed class JsonObjectSyntax(SourceText source, TextSpan span, IReadOnlyList<JsonPropertySyntax> properties)
    : JsonNodeSyntax(source, span)
{
    public IReadOnlyList<JsonPropertySyntax> Properties { get; } = properties;

    /// <summary>The last property of that name: like JavaScript, the one Jaggery reads.</summary>
    public JsonPropertySyntax? Property(string name) => Properties.LastOrDefault(p => p.Name == name);
}

public sealed class JsonArraySyntax(SourceText source, TextSpan span, IReadOnlyList<JsonNodeSyntax> items)
    : JsonNodeSyntax(source, span)
{
    public IReadOnlyList<JsonNodeSyntax> Items { get; } = items;
}

public enum JsonScalarKind { String, Number, True, False, Null }

public sealed class JsonScalarSyntax(SourceText source, TextSpan span, JsonScalarKind kind, string value)
    : JsonNodeSyntax(source, span)
{
    public JsonScalarKind Kind { get; } = kind;

    /// <summary>The decoded string, or the literal as written for numbers, true, false and null.</summary>
    public string Value { get; } = value;

    /// <summary>The span of the value without its quotes.</summary>
    public TextSpan ValueSpan => Kind == JsonScalarKind.String ? new TextSpan(Span.Start + 1, Span.Length - 2) : Span;
}

public sealed class JsonPropertySyntax(SourceText source, TextSpan span, string name, TextSpan nameSpan, JsonNodeSyntax value)
    : SyntaxNode(source, span)
{
    public string Name { get; } = name;

    public TextSpan NameSpan { get; } = nameSpan;

    public JsonNodeSyntax Value { get; } = value;
}
