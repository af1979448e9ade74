using ApimLint.Model;

namespace ApimLint.Suppressions;

/// <summary>Every inline suppression of a deployment, read from the comments of every file the model holds.</summary>
public static class SuppressionIndex
{
    public static IReadOnlyList<InlineSuppression> Of(Deployment deployment) =>
        deployment.Files.Where(f => f.Mentions(InlineSuppression.Directive)).SelectMany(f => f.Comments).Where(InlineSuppression.MayBeOne).Select(InlineSuppression.Parse).OfType<InlineSuppression>().ToList();
}
