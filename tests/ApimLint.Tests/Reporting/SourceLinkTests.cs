using System.Text.RegularExpressions;

namespace ApimLint.Tests.Reporting;

/// <summary>Under GitHub Actions the job summary links each finding to its line at the commit checked; a relative link would 404 there.</summary>
public sealed class SourceLinkTests
{
    private const string Commit = "0123456789abcdef0123456789abcdef01234567";

    private static Dictionary<string, string> GitHubActions(string server = "https://github.com") => new()
    {
        ["GITHUB_SERVER_URL"] = server,
        ["GITHUB_REPOSITORY"] = "acme/api-gateway-config",
        ["GITHUB_SHA"] = Commit,
        ["GITHUB_WORKSPACE"] = TestPaths.RepositoryRoot,
    };

    private static List<string> Targets(string report) =>
        Regex.Matches(report, @"\| \[[^\]]+\]\(([^)]+)\) \|").Select(m => m.Groups[1].Value).ToList();

    [Fact]
    public void Links_go_to_the_line_at_the_commit_checked()
    {
        var report = Apimlint.RunIn(GitHubActions(), TestPaths.Fixture(""), "check", "example", "--format", "markdown", "--fail-level", "none").Stdout;

        var targets = Targets(report);
        Assert.NotEmpty(targets);
        Assert.Contains($"https://github.com/acme/api-gateway-config/blob/{Commit}/fixtures/example/active/repository/conf/registry.xml#L37", targets);
        Assert.All(targets, t => Assert.StartsWith($"https://github.com/acme/api-gateway-config/blob/{Commit}/fixtures/example/", t));
    }

    [Fact]
    public void Without_github_actions_links_stay_relative_to_the_report()
    {
        var report = Apimlint.RunIn(new Dictionary<string, string>(), TestPaths.Fixture(""), "check", "example", "--format", "markdown", "--fail-level", "none").Stdout;

        Assert.Contains("example/active/repository/conf/registry.xml#L37", Targets(report));
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("https://github.com/?q=1")]
    [InlineData("github.com")]
    public void A_server_url_that_is_not_a_web_address_gives_no_absolute_link(string server)
    {
        var report = Apimlint.RunIn(GitHubActions(server), TestPaths.Fixture(""), "check", "example", "--format", "markdown", "--fail-level", "none").Stdout;

        Assert.All(Targets(report), t => Assert.StartsWith("example/", t));
    }

    [Fact]
    public void A_deployment_outside_the_checkout_keeps_relative_links()
    {
        var environment = GitHubActions();
        environment["GITHUB_WORKSPACE"] = Path.Combine(TestPaths.RepositoryRoot, "src");
        var report = Apimlint.RunIn(environment, TestPaths.Fixture(""), "check", "example", "--format", "markdown", "--fail-level", "none").Stdout;

        Assert.All(Targets(report), t => Assert.StartsWith("example/", t));
    }
}
