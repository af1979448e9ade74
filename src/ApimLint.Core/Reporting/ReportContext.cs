using System.Security.Cryptography;
using System.Text;
using ApimLint.Diagnostics;
using ApimLint.Engine;
using ApimLint.Model;

namespace ApimLint.Reporting;

/// <summary>What every writer needs besides the findings: where paths are relative to, and what was run.</summary>
/// <param name="BaseDirectory">Output paths are relative to it (the working directory, or --base-path).</param>
/// <param name="DeploymentName">The deployment folder's name, for SARIF's automationDetails.id.</param>
/// <param name="NodePair">The nodes' folders, part of every fingerprint.</param>
/// <param name="Rules">The enabled rules, in ID order.</param>
/// <param name="DeploymentRoot">The deployment folder, for paths that must not depend on where apimlint runs.</param>
public sealed record ReportContext(string BaseDirectory, string DeploymentName, string NodePair, IReadOnlyList<Rule> Rules, string DeploymentRoot)
{
    public static ReportContext For(Deployment deployment, string baseDirectory, IReadOnlyList<Rule> rules) =>
        new(baseDirectory, Path.GetFileName(deployment.Root.TrimEnd(Path.DirectorySeparatorChar)),
            string.Join('|', deployment.NodeFolders.Select(n => deployment.RelativePath(n.Home))), rules, deployment.Root)
        {
            NginxPartlyRead = deployment.Nginx.Config is { NotRead.Count: > 0 },
        };

    /// <summary>Whether some nginx include was not read (APIM006), so that the routing checks saw only part of nginx's configuration.</summary>
    public bool NginxPartlyRead { get; init; }

    /// <summary>Absolute links to the files at the commit checked (under GitHub Actions), for Markdown read away from the checkout.</summary>
    public SourceLinks? Links { get; init; }

    public string RelativePath(string fullPath) => PathDisplay.Relative(fullPath, BaseDirectory);

    /// <summary>
    /// A finding's identity across edits: rule, logical key and node pair, never the line or the
    /// text, so alerts and baseline entries survive moved lines and changed values.
    /// </summary>
    public string Fingerprint(Diagnostic diagnostic) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{diagnostic.Rule.Id}|{diagnostic.LogicalKey}|{NodePair}")))[..16];
}
