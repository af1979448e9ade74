using ApimLint.Diagnostics;
using ApimLint.Engine;
using ApimLint.Model;

namespace ApimLint.Rules.Input;

public sealed class UnusedSuppression : SuppressionRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "APIM003", "unused-suppression", RuleCategory.Input, Severity.Warning,
        "Every inline suppression must hide a finding.",
        """
        ## What it does
        Reports an `apimlint-disable-next-line` or `apimlint-disable-file` comment that hid no finding:
        the slip it was written for has been fixed or moved, it names an ID that is no rule, or it
        names a rule that does not allow suppression.

        ## Why it matters
        A stale suppression silently waits for the next slip on that line and hides it. Removing
        suppressions that no longer suppress anything keeps every one of them a reviewed decision.

        ## Example
        ```nginx
        # apimlint-disable-next-line APIM605 -- nginx 1.14 on this host still needs it
        listen 443 ssl;
        ```
        after `ssl on;` was removed.

        ## How to fix
        Delete the comment, or correct the IDs it names. `apimlint rules` lists the IDs; a rule whose
        documentation says it cannot be suppressed must be fixed instead.
        """) { Versions = VersionRange.Any };

    public override IEnumerable<Diagnostic> Check(IReadOnlyList<SuppressionUse> uses)
    {
        foreach (var use in uses)
        {
            var s = use.Suppression;
            if (s.Justification is null || use.Hidden.Count > 0 && use.UnknownIds.Count == 0 && use.Unsuppressible.Count == 0) continue;
            var why = new List<string>();
            if (use.UnknownIds.Count > 0) why.Add($"{string.Join(", ", use.UnknownIds)} {(use.UnknownIds.Count == 1 ? "is" : "are")} not a rule");
            if (use.Unsuppressible.Count > 0) why.Add($"{string.Join(", ", use.Unsuppressible)} cannot be suppressed");
            if (use.Hidden.Count == 0) why.Add(s.Scope == Suppressions.SuppressionScope.File ? "no finding in this file matches it" : $"no finding on line {s.TargetLine} matches it");
            yield return Report(s.Location, $"this suppression of {string.Join(", ", s.RuleIds)} is not used: {string.Join("; ", why)}",
                $"{s.Location.Path}#suppression:{string.Join(",", s.RuleIds)}");
        }
    }
}
