using ApimLint.Loading;

namespace ApimLint.Fixing;

/// <summary>Where a fix may write: the confinement rule's write side (<see cref="Confinement.WriteProblem"/>), as a fix run's error.</summary>
internal static class WritePath
{
    /// <summary>Throws unless <paramref name="path"/> is below <paramref name="root"/> with no link on the way, the file included.</summary>
    public static void EnsureWritable(string? root, string path)
    {
        var problem = root is null ? $"it is outside {Confinement.DeploymentFolder}, where apimlint writes nothing" : Confinement.WriteProblem(root, path);
        if (problem is not null) throw new FixWriteException($"{path}: {problem}; no file was changed");
    }
}
