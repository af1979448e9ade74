using ApimLint.Text;

namespace ApimLint.Syntax.Sql;

public sealed class SqlScriptSyntax(SourceText source, IReadOnlyList<CreateDatabaseSyntax> createDatabases, IReadOnlyList<CommentTrivia> comments, SyntaxError? error)
    : SyntaxNode(source, new TextSpan(0, source.Length)), ICommentedSyntax
{
    public IReadOnlyList<CommentTrivia> Comments { get; } = comments;

    public IReadOnlyList<CreateDatabaseSyntax> CreateDatabases { get; } = createDatabases;

    public SyntaxError? Error { get; } = error;
}

/// <summary><c>CREATE DATABASE|SCHEMA [IF NOT EXISTS] name [[DEFAULT] CHARACTER SET|CHARSET [=] cs] …</c>; span without the ';'.</summary>
public sealed class CreateDatabaseSyntax(SourceText source, TextSpan span, string name, TextSpan nameSpan, string? characterSet, TextSpan? characterSetSpan)
    : SyntaxNode(source, span)
{
    /// <summary>The database name without backquotes.</summary>
    public string Name { get; } = name;

    public TextSpan NameSpan { get; } = nameSpan;

    public string? CharacterSet { get; } = characterSet;

    public TextSpan? CharacterSetSpan { get; } = characterSetSpan;
}
