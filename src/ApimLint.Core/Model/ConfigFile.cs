using ApimLint.Syntax;
using ApimLint.Text;

namespace ApimLint.Model;

/// <summary>
/// One configuration file of a node (or of the deployment) as the model saw it: missing, unparseable
/// (its <see cref="Error"/> becomes an APIM001 finding) or parsed into <typeparamref name="TSyntax"/>.
/// </summary>
public sealed class ConfigFile<TSyntax> : IConfigFile where TSyntax : class
{
    public ConfigFile(string relativePath, string fullPath, TSyntax? syntax, SyntaxError? error, bool exists)
    {
        RelativePath = relativePath;
        FullPath = fullPath;
        Syntax = error is null ? syntax : null;
        Error = error;
        Exists = exists;
    }

    /// <summary>Path under the node's APIM_HOME (or the deployment folder), with forward slashes.</summary>
    public string RelativePath { get; }

    public string FullPath { get; }

    /// <summary>The parsed file; null when it is missing or does not parse.</summary>
    public TSyntax? Syntax { get; }

    public SyntaxError? Error { get; }

    public bool Exists { get; }

    public Location WholeFile => Location.WholeFile(FullPath);

    public IReadOnlyList<CommentTrivia> Comments => (Syntax as ICommentedSyntax)?.Comments ?? [];

    public bool Mentions(string text) => Syntax is not SyntaxNode node || node.Source.Text.Contains(text, StringComparison.Ordinal);
}

/// <summary>What every configuration file has, whatever its syntax.</summary>
public interface IConfigFile
{
    string RelativePath { get; }
    string FullPath { get; }
    SyntaxError? Error { get; }
    bool Exists { get; }

    /// <summary>The file's comments, where inline suppressions are written.</summary>
    IReadOnlyList<CommentTrivia> Comments { get; }

    /// <summary>Whether the file's text may hold <paramref name="text"/>: one scan, where collecting its comments walks its whole tree.</summary>
    bool Mentions(string text);
}
