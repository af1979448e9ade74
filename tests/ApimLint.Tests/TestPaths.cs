namespace ApimLint.Tests;

/// <summary>Finds the repository's fixtures from wherever the tests run.</summary>
public static class TestPaths
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string Fixture(string relative) => Path.Combine(RepositoryRoot, "fixtures", relative);

    /// <summary>The releases whose default files fixtures/realworld-&lt;release&gt; holds.</summary>
    public static readonly string[] PackReleases = ["2.0.0", "2.1.0", "2.2.0", "2.5.0", "2.6.0"];

    /// <summary>A release's default configuration files under fixtures/realworld-&lt;release&gt; (relative, in order), without its SOURCES.md.</summary>
    public static IReadOnlyList<string> PackFiles(string release)
    {
        var root = Fixture($"realworld-{release}");
        return Directory.GetFiles(Path.Combine(root, "repository"), "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>The findings fixtures/example must yield, from its expected output: (rule, severity) in order.</summary>
    public static IReadOnlyList<(string Rule, string Severity)> ExampleFindings() =>
        File.ReadAllLines(Fixture("example.expected.txt"))
            .Select(l => System.Text.RegularExpressions.Regex.Match(l, @"^\S+: (error|warning|note) (APIM\d{3}):"))
            .Where(m => m.Success).Select(m => (m.Groups[2].Value, m.Groups[1].Value)).ToList();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ApimLint.sln"))) return dir.FullName;
        throw new InvalidOperationException("ApimLint.sln not found above " + AppContext.BaseDirectory);
    }
}
