using ApimLint.Drift;
using ApimLint.Engine;
using ApimLint.Model;

namespace ApimLint.Rules.Drift;

/// <summary>A rule that reads the comparison of the nodes' trees, which starts as the check does (see <see cref="Rule.Start"/>).</summary>
public abstract class DriftRule : Rule
{
    public override void Start(Deployment deployment) => DriftContext.Begin(deployment);
}
