namespace ApimLint.Tests;

/// <summary>Finds the repository's fixtures from wherever the tests run.</summary>
public static class TestPaths
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string Fixture(string relative) => Path.Combine(RepositoryRoot, "fixtures", relative);

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
