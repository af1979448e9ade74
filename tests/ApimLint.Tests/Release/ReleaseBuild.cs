using System.Diagnostics;

namespace ApimLint.Tests.Release;

/// <summary>
/// One run of .github/scripts/build-release.sh for linux-x64 (the other runtimes take minutes each), shared by the tests of
/// the release executable and of the action that downloads it.
/// </summary>
public sealed class ReleaseBuild : IDisposable
{
    public const string Version = "9.8.7-test.1";
    public const string Executable = "apimlint-linux-x64";

    private readonly TempDirectory _temp = new();

    public ReleaseBuild()
    {
        Folder = Path.Combine(_temp.Path, "release");
        Commit = ReleaseProcess.Run("git", ["rev-parse", "HEAD"], TestPaths.RepositoryRoot).Stdout.Trim();
        Build = ReleaseProcess.Run(Path.Combine(TestPaths.RepositoryRoot, ".github/scripts/build-release.sh"),
            ["--no-pack", Version, Folder, "linux-x64"], TestPaths.RepositoryRoot);
    }

    /// <summary>The release's files, as the workflow attaches them.</summary>
    public string Folder { get; }

    public ReleaseProcess.Result Build { get; }

    /// <summary>The commit checked out when the build ran, which the executable must name.</summary>
    public string Commit { get; }

    public string ExecutablePath => Path.Combine(Folder, Executable);

    public void Dispose() => _temp.Dispose();
}

[CollectionDefinition(Name)]
public sealed class ReleaseBuildCollection : ICollectionFixture<ReleaseBuild>
{
    public const string Name = "release build";
}

/// <summary>Runs a program as a user would, with extra environment variables.</summary>
public static class ReleaseProcess
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static Result Run(string program, IEnumerable<string> args, string workingDirectory, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(program, args)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return new Result(process.ExitCode, stdout, stderr.Result);
    }
}
