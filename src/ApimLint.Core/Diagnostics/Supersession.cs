using ApimLint.Text;

namespace ApimLint.Diagnostics;

/// <summary>How far a superseding finding reaches over the findings of the rule it explains.</summary>
public enum SupersessionScope
{
    /// <summary>Every finding of the other rule: the fact is the node pair's, and a deployment has one pair.</summary>
    NodePair,

    /// <summary>A finding of the other rule that names this finding's place, as its location or a related one.</summary>
    Place,
}

/// <summary>
/// A rule's finding explains another rule's: when the rule reports, the engine drops the other rule's findings in
/// <see cref="Scope"/>, so a user reads the cause once instead of its consequence beside it. Only a reported finding
/// supersedes: a rule turned off in apimlint.json reports nothing, and the other rule's findings come back; a finding
/// hidden by an inline suppression or the baseline was still reported, and keeps superseding.
/// </summary>
public sealed record Supersession(string RuleId, SupersessionScope Scope)
{
    public bool Covers(Diagnostic superseding, Diagnostic other) =>
        other.Rule.Id == RuleId && Scope switch
        {
            SupersessionScope.NodePair => true,
            _ => other.Related.Select(r => r.Location).Prepend(other.Location).Any(l => SamePlace(l, superseding.Location)),
        };

    /// <summary>As the documentation says it: "APIM404 on the same node pair".</summary>
    public string Describe() => Scope switch
    {
        SupersessionScope.NodePair => $"{RuleId} on the same node pair",
        _ => $"{RuleId} where its finding names this finding's location",
    };

    private static bool SamePlace(Location a, Location b) => a.Path == b.Path && a.Span == b.Span;
}
