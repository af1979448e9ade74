using ApimLint.Diagnostics;
using ApimLint.Engine;
using ApimLint.Model;

namespace ApimLint.Rules.Input;

public sealed class ProductVersionUnsupported : Rule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "APIM009", "product-version-unsupported", RuleCategory.Input, Severity.Warning,
        "The nodes' carbon.xml Version must name a release apimlint checks from these files: API-M 2.0 to 2.6 (3.x/4.x nodes are checked from their deployment.toml).",
        """
        ## What it does
        Reads the release each node runs from carbon.xml's `<Version>` and reports a release that none
        of apimlint's release-specific rules covers. Each rule states the releases it applies to
        (`apimlint explain APIMnnn`); a rule does not run on a deployment of another release, and runs
        on one whose carbon.xml names no release.

        ## Why it matters
        Defaults, file sets and failure modes differ between releases: API-M 1.10 has no Traffic
        Manager, and from 3.0 each node is configured through `repository/conf/deployment.toml`, from
        which the XML files are generated at start-up, so the XML files in the pack are not what the
        node runs ([API-M 3.0 configuration catalog](https://apim.docs.wso2.com/en/3.0.0/reference/config-catalog/)).
        Checking such a node with the 2.x rules would report errors in files the node ignores; not
        checking it silently would let a gate pass a deployment nothing looked at. So the 2.x rules
        stay silent and this warning says so. apimlint checks a 3.x/4.x node from its
        `repository/conf/deployment.toml`: a node folder that has one is read that way, and this
        warning is for a folder that lacks it.

        ## Example
        ```xml
        <Version>3.2.0</Version>
        ```
        in both nodes' carbon.xml.

        ## How to fix
        Check that the deployment folder holds the nodes you mean to check. For 3.x/4.x nodes, include
        each node's `repository/conf/deployment.toml` and list the nodes with their roles in
        apimlint.json (`apimlint init` does). For a release apimlint does not cover, nothing in the files is wrong: turn the warning off for that deployment in
        apimlint.json (`"rules": { "APIM009": "none" }`) once you have checked the deployment by
        other means.
        """) { Versions = VersionRange.Any };

    public override IEnumerable<Diagnostic> Check(Deployment deployment)
    {
        foreach (var node in deployment.Nodes)
        {
            if (node.VersionSetting is not { } setting || node.ProductVersion is not { } version) continue;
            if (VersionRange.ApiManager2.Contains(version)) continue;
            yield return Report(setting.Location,
                version >= VersionRange.FirstTomlRelease
                    ? $"{node.Name}'s carbon.xml Version is {version}, whose nodes are configured by repository/conf/deployment.toml, which this folder lacks: the API-M 2.x rules did not run, and the 3.x/4.x rules need that file"
                    : $"{node.Name}'s carbon.xml Version is {version}: apimlint checks API-M 2.0 to 2.6 and 3.2 onwards, so its rules did not run",
                $"{node.Name}#version");
        }
    }
}
