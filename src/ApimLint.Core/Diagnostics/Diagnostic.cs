using ApimLint.Text;

namespace ApimLint.Diagnostics;

/// <summary>A place related to a finding, such as the peer node's value or the nginx line.</summary>
public sealed record RelatedLocation(Location Location, string Message);

/// <summary>
/// One finding. <see cref="LogicalKey"/> names what is wrong independent of line numbers (node + file +
/// element path), so that fingerprints and baselines survive edits around it.
/// </summary>
public sealed record Diagnostic(
    RuleDescriptor Rule,
    Severity Severity,
    string Message,
    Location Location,
    IReadOnlyList<RelatedLocation> Related,
    string LogicalKey,
    Fix? Fix = null)
{
    /// <summary>Set when an inline suppression or the baseline hides this finding.</summary>
    public Suppression? Suppression { get; init; }
}

/// <summary>Why a finding is not reported: an inline comment (in source) or the baseline (external).</summary>
public sealed record Suppression(SuppressionKind Kind, string Justification, Location? Location);

public enum SuppressionKind { InSource, External }
