namespace ApimLint.Reporting;

/// <summary>Paths as output shows them: relative to a base folder, with forward slashes.</summary>
public static class PathDisplay
{
    public static string Relative(string fullPath, string baseDirectory) =>
        Path.GetRelativePath(baseDirectory, fullPath).Replace('\\', '/');
}
