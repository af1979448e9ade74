using ApimLint.Diagnostics;
using ApimLint.Engine;
using ApimLint.Model;

namespace ApimLint.Rules.Input;

public sealed class SuppressionJustificationMissing : SuppressionRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "APIM004", "suppression-justification-missing", RuleCategory.Input, Severity.Warning,
        "An inline suppression must say why; without a justification it suppresses nothing.",
        """
        ## What it does
        Reports an `apimlint-disable-next-line` or `apimlint-disable-file` comment with no
        justification after its rule IDs. Such a comment has no effect: the finding it names is
        still reported.

        ## Why it matters
        A suppression is a decision that the next reader of the configuration must be able to review:
        "not this one, because …". Without the because, nobody can tell a deliberate exception from a
        silenced slip.

        ## Example
        ```properties
        # apimlint-disable-next-line APIM503
        connectionfactory.TopicConnectionFactory = amqp://admin:admin@clientid/carbon?brokerlist='tcp://localhost:5673'
        ```

        ## How to fix
        Add the reason after `--` (or after `:` in XML, whose comments may not contain `--`):
        `# apimlint-disable-next-line APIM503 -- the peer broker is reached through an SSH tunnel on 5673`.
        """) { Versions = VersionRange.Any };

    public override IEnumerable<Diagnostic> Check(IReadOnlyList<SuppressionUse> uses) =>
        uses.Where(u => u.Suppression.Justification is null).Select(u => Report(u.Suppression.Location,
            $"this suppression of {string.Join(", ", u.Suppression.RuleIds)} gives no justification, so it suppresses nothing; add one after '--' (':' in XML)",
            $"{u.Suppression.Location.Path}#suppression:{string.Join(",", u.Suppression.RuleIds)}"));
}
