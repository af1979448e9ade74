using ApimLint.Diagnostics;
using ApimLint.Model;
using ApimLint.Suppressions;

namespace ApimLint.Engine;

/// <summary>How one inline suppression fared in a run.</summary>
/// <param name="Hidden">The findings it hid.</param>
/// <param name="UnknownIds">IDs it names that are no rule.</param>
/// <param name="Unsuppressible">IDs of rules that do not allow suppression, whose findings it therefore left in place.</param>
public sealed record SuppressionUse(InlineSuppression Suppression, IReadOnlyList<Diagnostic> Hidden, IReadOnlyList<string> UnknownIds, IReadOnlyList<string> Unsuppressible);

/// <summary>
/// A rule about the inline suppressions themselves: it runs after the other rules and their
/// suppressions, and sees how each suppression was used.
/// </summary>
public abstract class SuppressionRule : Rule
{
    public sealed override IEnumerable<Diagnostic> Check(Deployment deployment) => [];

    public abstract IEnumerable<Diagnostic> Check(IReadOnlyList<SuppressionUse> uses);
}
