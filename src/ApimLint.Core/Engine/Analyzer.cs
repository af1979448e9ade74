using ApimLint.Diagnostics;
using ApimLint.Loading;
using ApimLint.Model;
using ApimLint.Suppressions;

namespace ApimLint.Engine;

/// <summary>A rule threw: a bug in apimlint, reported as an internal error naming the rule.</summary>
public sealed class RuleFailedException(string ruleId, Exception inner) : Exception($"rule {ruleId} failed: {inner.Message}", inner)
{
    public string RuleId { get; } = ruleId;
}

/// <summary>Per-run settings: severities set by the user (Severity.None turns a rule off) and whether inline suppressions count.</summary>
public sealed record AnalysisOptions(IReadOnlyDictionary<string, Severity> Severities, bool InlineSuppressions)
{
    public static readonly AnalysisOptions Default = new(new Dictionary<string, Severity>(), true);

    public bool IsEnabled(Rule rule) => Severity(rule) != Diagnostics.Severity.None;

    public Severity Severity(Rule rule) => Severities.GetValueOrDefault(rule.Descriptor.Id, rule.Descriptor.DefaultSeverity);

    /// <summary>The user's severity for the rule, when set; else the finding keeps the severity its rule gave it.</summary>
    public Diagnostic Apply(Diagnostic diagnostic) =>
        Severities.TryGetValue(diagnostic.Rule.Id, out var severity) ? diagnostic with { Severity = severity } : diagnostic;
}

/// <summary>What a run found: the findings to report, and those an inline suppression hid.</summary>
public sealed record AnalysisResult(IReadOnlyList<Diagnostic> Reported, IReadOnlyList<Diagnostic> Suppressed);

/// <summary>Runs rules over a deployment, applies severities and inline suppressions, and orders the findings deterministically.</summary>
public static class Analyzer
{
    public static IReadOnlyList<Diagnostic> Run(Deployment deployment, IEnumerable<Rule> rules) =>
        Run(deployment, rules, AnalysisOptions.Default).Reported;

    public static AnalysisResult Run(Deployment deployment, IEnumerable<Rule> rules, AnalysisOptions options)
    {
        var enabled = rules.Where(options.IsEnabled).Where(r => r.Descriptor.AppliesTo(deployment)).ToList();
        foreach (var rule in enabled) rule.Start(deployment);
        var found = WithoutRestatements(WithoutSuperseded(CheckAll(enabled, rule => rule.Check(deployment).Select(d => options.Apply(d)))), enabled, deployment);
        var suppressed = new List<Diagnostic>();
        var suppressionRules = enabled.OfType<SuppressionRule>().ToList();
        if (options.InlineSuppressions)
        {
            var uses = SuppressionIndex.Of(deployment).Select(s => Use(s, found, enabled)).ToList();
            // A finding two suppressions cover is hidden once, by the first.
            var hidden = new HashSet<Diagnostic>();
            foreach (var use in uses)
                foreach (var diagnostic in use.Hidden)
                {
                    if (!hidden.Add(diagnostic)) continue;
                    found.Remove(diagnostic);
                    suppressed.Add(diagnostic with { Suppression = new Suppression(SuppressionKind.InSource, use.Suppression.Justification!, use.Suppression.Location) });
                }
            found.AddRange(suppressionRules.SelectMany(rule => Checked(rule, () => rule.Check(uses).Select(d => options.Apply(d)))));
        }
        return new AnalysisResult(found.Order(DiagnosticOrder.Instance).ToList(), suppressed.Order(DiagnosticOrder.Instance).ToList());
    }

    /// <summary>
    /// Drops the findings another rule's finding explains, as its descriptor declares (<see cref="Supersession"/>). Runs
    /// before inline suppressions: a suppressed finding still explains, and only a rule turned off lets them back.
    /// </summary>
    private static List<Diagnostic> WithoutSuperseded(List<Diagnostic> found)
    {
        var superseding = found.Where(d => d.Rule.Supersedes.Count > 0).ToList();
        if (superseding.Count == 0) return found;
        return found.Where(d => !superseding.Any(by => by.Rule.Supersedes.Any(s => s.Covers(by, d)))).ToList();
    }

    /// <summary>
    /// Drops the findings of yielding rules about a file (on either node) in which a specific rule
    /// already reports: that rule explains the difference better than "the nodes differ".
    /// </summary>
    private static List<Diagnostic> WithoutRestatements(List<Diagnostic> found, IReadOnlyList<Rule> enabled, Deployment deployment)
    {
        var yielding = enabled.Where(r => r.YieldsToSpecificRules).Select(r => r.Descriptor.Id).ToHashSet(StringComparer.Ordinal);
        if (yielding.Count == 0) return found;
        string FileOf(string path) =>
            deployment.NodeOf(path) is { } node
                ? Path.GetRelativePath(node.Home, path)
                : path;
        IEnumerable<string> Files(Diagnostic d) => d.Related.Select(r => r.Location).Prepend(d.Location).Select(l => FileOf(l.Path));
        var explained = found.Where(d => !yielding.Contains(d.Rule.Id)).SelectMany(Files).ToHashSet(StringComparer.Ordinal);
        return found.Where(d => !yielding.Contains(d.Rule.Id) || !Files(d).Any(explained.Contains)).ToList();
    }

    private static SuppressionUse Use(InlineSuppression suppression, IReadOnlyList<Diagnostic> found, IReadOnlyList<Rule> enabled)
    {
        var known = enabled.Select(r => r.Descriptor).ToDictionary(d => d.Id);
        var unknown = suppression.RuleIds.Where(id => !known.ContainsKey(id)).ToList();
        var unsuppressible = suppression.RuleIds.Where(id => known.TryGetValue(id, out var d) && !d.Suppressible).ToList();
        var hidden = suppression.Justification is null
            ? []
            : found.Where(d => d.Rule.Suppressible && suppression.Covers(d)).ToList();
        return new SuppressionUse(suppression, hidden, unknown, unsuppressible);
    }

    /// <summary>
    /// Runs the rules on every core: they only read one model that no longer changes. Findings keep the
    /// rules' order, and a failure is that of the first failing rule, as in a run one by one. Input that cannot be
    /// used (a rule's drift comparison over a limit, a folder that cannot be listed) is the input's error, not the rule's.
    /// </summary>
    private static List<Diagnostic> CheckAll(IReadOnlyList<Rule> rules, Func<Rule, IEnumerable<Diagnostic>> check)
    {
        var results = new List<Diagnostic>?[rules.Count];
        var failures = new Exception?[rules.Count];
        Parallel.For(0, rules.Count, i =>
        {
            try
            {
                results[i] = Checked(rules[i], () => check(rules[i]));
            }
            catch (Exception e) when (e is RuleFailedException or InputException)
            {
                failures[i] = e;
            }
        });
        if (failures.FirstOrDefault(f => f is not null) is { } failure) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        return results.SelectMany(r => r!).ToList();
    }

    private static List<Diagnostic> Checked(Rule rule, Func<IEnumerable<Diagnostic>> check)
    {
        try
        {
            var found = check().ToList();
            // A rule's documentation tells users which fixes it offers: a fix of another safety is the rule's bug.
            if (found.FirstOrDefault(d => d.Fix is { } fix && fix.Safety != rule.Descriptor.Fix) is { Fix: { } wrong })
                throw new InvalidOperationException($"it offers a {wrong.Safety.ToString().ToLowerInvariant()} fix, but its documentation declares "
                                                    + (rule.Descriptor.Fix is { } declared ? $"{declared.ToString().ToLowerInvariant()} fixes" : "none"));
            return found;
        }
        catch (Exception e) when (e is not OutOfMemoryException and not InputException)
        {
            throw new RuleFailedException(rule.Descriptor.Id, e);
        }
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
