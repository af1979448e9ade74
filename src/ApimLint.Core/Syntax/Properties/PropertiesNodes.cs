using ApimLint.Text;

namespace ApimLint.Syntax.Properties;

public sealed class PropertiesFileSyntax(SourceText source, IReadOnlyList<PropertyEntrySyntax> entries, IReadOnlyList<CommentTrivia> comments, SyntaxError? error)
    : SyntaxNode(source, new TextSpan(0, source.Length)), ICommentedSyntax
{
    public IReadOnlyList<CommentTrivia> Comments { get; } = comments;

    public IReadOnlyList<PropertyEntrySyntax> Entries { get; } = entries;

    public SyntaxError? Error { get; } = error;

    /// <summary>The last entry with that key: java.util.Properties keeps the last one.</summary>
    public PropertyEntrySyntax? Entry(string key) => Entries.LastOrDefault(e => e.Key == key);
}

/// <summary>One logical line <c>key = value</c>; <see cref="ValueSpan"/> covers the raw value as written.</summary>
public sealed class PropertyEntrySyntax(SourceText source, TextSpan span, string key, TextSpan keySpan, string value, TextSpan valueSpan)
    : SyntaxNode(source, span)
{
    public string Key { get; } = key;

    public TextSpan KeySpan { get; } = keySpan;

    /// <summary>The value with escapes and line continuations resolved.</summary>
    public string Value { get; } = value;

    public TextSpan ValueSpan { get; } = valueSpan;

    /// <summary>The value as written; equal to <see cref="Value"/> unless it uses escapes or continuations.</summary>
    public string RawValue => Source[ValueSpan];
}
