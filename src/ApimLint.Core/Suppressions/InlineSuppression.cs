using System.Text.RegularExpressions;
using ApimLint.Syntax;
using ApimLint.Text;

namespace ApimLint.Suppressions;

public enum SuppressionScope { NextLine, File }

/// <summary>
/// An <c>apimlint-disable-next-line ID[, ID] -- justification</c> or <c>apimlint-disable-file …</c>
/// comment. The justification follows "--", or ":" where the format forbids "--" in a comment (XML).
/// </summary>
public sealed partial record InlineSuppression(Location Location, SuppressionScope Scope, IReadOnlyList<string> RuleIds, string? Justification)
{
    /// <summary>The 1-based line whose findings a next-line suppression covers.</summary>
    public int TargetLine => Location.End!.Value.Line + 1;

    /// <summary>Whether the comment names the directive at all: a pack's files hold thousands of comments, few of them suppressions.</summary>
    public static bool MayBeOne(CommentTrivia comment) => comment.Text.Contains(Directive, StringComparison.Ordinal);

    /// <summary>What every suppression comment starts with (after white space).</summary>
    public const string Directive = "apimlint-disable-";

    public static InlineSuppression? Parse(CommentTrivia comment)
    {
        var match = Pattern().Match(comment.Text);
        if (!match.Success) return null;
        var ids = match.Groups["ids"].Value.Split([',', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries).Select(id => id.ToUpperInvariant()).ToList();
        var justification = match.Groups["why"].Success ? match.Groups["why"].Value.Trim() : "";
        return new InlineSuppression(Location.InFile(comment.Source, comment.Span),
            match.Groups["scope"].Value == "file" ? SuppressionScope.File : SuppressionScope.NextLine,
            ids, justification.Length == 0 ? null : justification);
    }

    public bool Covers(Diagnostics.Diagnostic diagnostic) =>
        RuleIds.Contains(diagnostic.Rule.Id)
        && diagnostic.Location.Path == Location.Path
        && (Scope == SuppressionScope.File || diagnostic.Location.Start?.Line == TargetLine);

    [GeneratedRegex(@"^\s*apimlint-disable-(?<scope>next-line|file)\s+(?<ids>[A-Za-z0-9]+(?:[\s,]+[A-Za-z]+\d+)*)\s*(?:(?:--|:)\s*(?<why>.*?))?\s*$", RegexOptions.Singleline)]
    private static partial Regex Pattern();
}
