namespace ApimLint.Reporting;

/// <summary>Paths as output shows them: relative to a base folder, with forward slashes.</summary>
public static class PathDisplay
{
    // Only Windows separates with '\'; elsewhere it is a character of a file's name and stays.
    public static string Relative(string fullPath, string baseDirectory) =>
        Path.GetRelativePath(baseDirectory, fullPath).Replace(Path.DirectorySeparatorChar, '/');
}
