using ApimLint.Diagnostics;
using ApimLint.Model;
using ApimLint.Secrets;
using ApimLint.Text;

namespace ApimLint.Engine;

/// <summary>
/// A rule reads the whole deployment model (never raw text) and reports diagnostics. Subclasses
/// declare their <see cref="Descriptor"/>, documentation included, and implement <see cref="Check"/>.
/// </summary>
public abstract class Rule
{
    public abstract RuleDescriptor Descriptor { get; }

    public abstract IEnumerable<Diagnostic> Check(Deployment deployment);

    /// <summary>
    /// True for a general rule (drift) whose finding says less than a specific rule's finding at the
    /// same place: the engine then drops it, so one slip is reported once, by the rule that explains it.
    /// </summary>
    public virtual bool YieldsToSpecificRules => false;

    /// <summary>
    /// Called on every rule about to check the deployment, before any checks it: a rule whose analysis is long and shared
    /// with other rules (the drift comparison, which reads both trees from disk) starts it here, so that it runs beside the
    /// other rules rather than after them.
    /// </summary>
    public virtual void Start(Deployment deployment)
    {
    }

    /// <summary>
    /// A finding. Its message, related messages and logical key (the baseline's fingerprint) pass through
    /// <see cref="SecretMask"/> here, so a value a rule quotes from a file can never show a credential.
    /// </summary>
    protected Diagnostic Report(Location location, string message, string logicalKey, params RelatedLocation[] related) =>
        new(Descriptor, Descriptor.DefaultSeverity, SecretMask.Apply(message), location,
            related.Select(r => r with { Message = SecretMask.Apply(r.Message) }).ToArray(), SecretMask.Apply(logicalKey));

    /// <summary>A logical key for a fact of a node's file: "passive:repository/conf/axis2/axis2.xml#/axisconfig/clustering".</summary>
    protected static string Key(Node node, IConfigFile file, string path) => $"{node.Name}:{file.RelativePath}#{path}";
}
