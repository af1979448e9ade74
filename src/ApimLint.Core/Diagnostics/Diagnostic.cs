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
    Fix? Fix = null);
