using ApimLint.Text;

namespace ApimLint.Syntax;

/// <summary>A node of any file's syntax tree: it knows its file and its exact span in it.</summary>
public abstract class SyntaxNode(SourceText source, TextSpan span)
{
    public SourceText Source { get; } = source;

    public TextSpan Span { get; } = span;

    public Location Location => Location.InFile(Source, Span);

    /// <summary>The text exactly as written.</summary>
    public string SourceString => Source[Span];
}
