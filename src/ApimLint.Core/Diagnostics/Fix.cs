using ApimLint.Text;

namespace ApimLint.Diagnostics;

/// <summary>Replace a span of a file's text (an empty span inserts).</summary>
public sealed record TextEdit(string Path, TextSpan Span, string NewText);

/// <summary>Create a file that does not exist yet.</summary>
public sealed record FileCreation(string Path, string Content);

/// <summary>Safe fixes keep the deployment's intent and --fix applies them; unsafe ones are judgement calls.</summary>
public enum FixSafety { Safe, Unsafe }

/// <summary>A titled set of edits, possibly across several files, that resolves one finding.</summary>
public sealed record Fix(string Title, FixSafety Safety, IReadOnlyList<TextEdit> Edits, IReadOnlyList<FileCreation> Creations);
