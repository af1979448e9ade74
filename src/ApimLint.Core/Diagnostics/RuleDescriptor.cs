using ApimLint.Model;

namespace ApimLint.Diagnostics;

public enum RuleCategory { Input, Datasources, Identity, Registry, Clustering, Gateway, ReverseProxy, Drift, Platform }

/// <summary>
/// What a rule is, independent of any deployment: the single source of its documentation in every
/// output (text, SARIF rule metadata, `apimlint explain`).
/// </summary>
/// <param name="Id">APIMnnn; the hundreds digit is the category.</param>
/// <param name="Name">kebab-case name of the problem, e.g. wka-members-not-mutual.</param>
/// <param name="Summary">One line saying what must hold.</param>
/// <param name="Explanation">Markdown with the sections What it does, Why it matters, Example, How to fix.</param>
public sealed record RuleDescriptor(string Id, string Name, RuleCategory Category, Severity DefaultSeverity, string Summary, string Explanation)
{
    /// <summary>Security rules carry a tag and a security severity in SARIF.</summary>
    public bool IsSecurity { get; init; }

    /// <summary>False for findings no inline comment may hide (say why in the rule's doc).</summary>
    public bool Suppressible { get; init; } = true;

    /// <summary>Whether the rule offers a fix, and how safe it is; null when it offers none.</summary>
    public FixSafety? Fix { get; init; }

    /// <summary>The other rules' findings this rule's finding explains, which the engine drops when it reports.</summary>
    public IReadOnlyList<Supersession> Supersedes { get; init; } = [];

    /// <summary>The releases whose deployments the rule checks; a deployment of another release is not checked by it.</summary>
    public VersionRange Versions { get; init; } = VersionRange.ApiManager2;

    /// <summary>Whether the rule checks a deployment of the release; every rule checks one whose release is not known.</summary>
    public bool AppliesTo(ProductVersion? version) => version is not { } known || Versions.Contains(known);

    /// <summary>
    /// Whether the rule checks the deployment: its release, when known; else its kind of configuration (deployment.toml
    /// from API-M 3.0, the XML files before), so that neither generation's rules read the other's files.
    /// </summary>
    public bool AppliesTo(Deployment deployment) =>
        deployment.ProductVersion is { } known ? Versions.Contains(known)
        : deployment.ConfiguredByToml ? Versions.Through >= VersionRange.FirstTomlRelease
        : Versions.From < VersionRange.FirstTomlRelease;
}
