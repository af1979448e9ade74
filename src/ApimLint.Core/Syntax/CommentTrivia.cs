using ApimLint.Text;

namespace ApimLint.Syntax;

/// <summary>A comment in any format; <see cref="Text"/> is its content without the delimiters.</summary>
public sealed record CommentTrivia(SourceText Source, TextSpan Span, string Text);

/// <summary>A file syntax that keeps its comments, where inline suppressions live.</summary>
public interface ICommentedSyntax
{
    IReadOnlyList<CommentTrivia> Comments { get; }
}
