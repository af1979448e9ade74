using ApimLint.Text;

namespace ApimLint.Diagnostics;

/// <summary>Replace a span of a file's text (an empty span inserts).</summary>
public sealed record TextEdit(string Path, TextSpan Span, string NewText);

/// <summary>A file a fix creates.</summary>
public abstract record NewFile(string Path);

/// <summary>Create a file with the given text.</summary>
public sealed record FileCreation(string Path, string Content) : NewFile(Path);

/// <summary>
/// Create a file as a copy of another with edits (spans of the source): how a fix derives, say,
/// jndi2.properties from jndi.properties without ever holding the credentials written in it.
/// </summary>
public sealed record FileCopy(string Path, string SourcePath, IReadOnlyList<TextEdit> Edits) : NewFile(Path);

/// <summary>Safe fixes keep the deployment's intent and --fix applies them; unsafe ones are judgement calls.</summary>
public enum FixSafety { Safe, Unsafe }

/// <summary>A titled set of edits, possibly across several files, that resolves one finding.</summary>
public sealed record Fix(string Title, FixSafety Safety, IReadOnlyList<TextEdit> Edits, IReadOnlyList<NewFile> Creations)
{
    /// <summary>The title as every output shows it: a value it quotes never shows a credential.</summary>
    public string Title { get; init; } = Secrets.SecretMask.Apply(Title);

    public static Fix Safe(string title, params TextEdit[] edits) => new(title, FixSafety.Safe, edits, []);

    public static Fix Unsafe(string title, params TextEdit[] edits) => new(title, FixSafety.Unsafe, edits, []);
}
