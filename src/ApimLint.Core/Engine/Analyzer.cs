using ApimLint.Diagnostics;
using ApimLint.Model;

namespace ApimLint.Engine;

/// <summary>A rule threw: a bug in apimlint, reported as an internal error naming the rule.</summary>
public sealed class RuleFailedException(string ruleId, Exception inner) : Exception($"rule {ruleId} failed: {inner.Message}", inner)
{
    public string RuleId { get; } = ruleId;
}

/// <summary>Runs rules over a deployment and orders their findings deterministically.</summary>
public static class Analyzer
{
    public static IReadOnlyList<Diagnostic> Run(Deployment deployment, IEnumerable<Rule> rules)
    {
        var diagnostics = new List<Diagnostic>();
        foreach (var rule in rules)
        {
            try
            {
                diagnostics.AddRange(rule.Check(deployment));
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                throw new RuleFailedException(rule.Descriptor.Id, e);
            }
        }
        return diagnostics.Order(DiagnosticOrder.Instance).ToList();
    }
}

/// <summary>By file, position, rule and message, so that output is the same bytes for the same input.</summary>
public sealed class DiagnosticOrder : IComparer<Diagnostic>
{
    public static readonly DiagnosticOrder Instance = new();

    public int Compare(Diagnostic? x, Diagnostic? y)
    {
        if (ReferenceEquals(x, y)) return 0;
        if (x is null) return -1;
        if (y is null) return 1;
        var c = string.CompareOrdinal(x.Location.Path, y.Location.Path);
        if (c != 0) return c;
        c = (x.Location.Span?.Start ?? -1).CompareTo(y.Location.Span?.Start ?? -1);
        if (c != 0) return c;
        c = string.CompareOrdinal(x.Rule.Id, y.Rule.Id);
        return c != 0 ? c : string.CompareOrdinal(x.Message, y.Message);
    }
}
