namespace ApimLint.Tests;

/// <summary>Finds the repository's fixtures from wherever the tests run.</summary>
public static class TestPaths
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string Fixture(string relative) => Path.Combine(RepositoryRoot, "fixtures", relative);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ApimLint.sln"))) return dir.FullName;
        throw new InvalidOperationException("ApimLint.sln not found above " + AppContext.BaseDirectory);
    }
}
