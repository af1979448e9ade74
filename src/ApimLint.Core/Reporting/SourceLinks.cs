using System.Text.RegularExpressions;
using ApimLint.Reporting.Escaping;

namespace ApimLint.Reporting;

/// <summary>
/// Links to a file's line at the commit being checked, for Markdown read away from the checkout (a GitHub job summary, a
/// pull-request comment), where a relative link leads nowhere. Made from GitHub Actions' environment; each part is checked
/// so that no variable can turn the link into another scheme or another site's path.
/// </summary>
public sealed partial record SourceLinks(string ServerUrl, string Repository, string Commit, string Workspace)
{
    /// <summary>Links from GITHUB_SERVER_URL, GITHUB_REPOSITORY, GITHUB_SHA and GITHUB_WORKSPACE; null unless all four are set and well-formed.</summary>
    public static SourceLinks? FromEnvironment(Func<string, string?> variable)
    {
        var server = variable("GITHUB_SERVER_URL");
        var repository = variable("GITHUB_REPOSITORY");
        var commit = variable("GITHUB_SHA");
        var workspace = variable("GITHUB_WORKSPACE");
        if (!Uri.TryCreate(server, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || uri.Query.Length > 0 || uri.Fragment.Length > 0) return null;
        if (repository is null || !RepositoryName().IsMatch(repository) || commit is null || !CommitId().IsMatch(commit)) return null;
        if (string.IsNullOrEmpty(workspace) || !Path.IsPathFullyQualified(workspace)) return null;
        return new SourceLinks(uri.GetLeftPart(UriPartial.Path).TrimEnd('/'), repository, commit, workspace);
    }

    /// <summary>The blob link to a file (and line) of the repository; null for a file outside the checkout.</summary>
    public string? To(string fullPath, int? line)
    {
        var relative = Path.GetRelativePath(Workspace, fullPath);
        if (relative == "." || relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative)) return null;
        return $"{ServerUrl}/{Repository}/blob/{Commit}/{UriPath.Encode(relative.Replace('\\', '/'))}{(line is { } l ? $"#L{l}" : "")}";
    }

    [GeneratedRegex("^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$", RegexOptions.NonBacktracking)]
    private static partial Regex RepositoryName();

    [GeneratedRegex("^[0-9a-f]{40}([0-9a-f]{24})?$", RegexOptions.NonBacktracking)]
    private static partial Regex CommitId();
}
