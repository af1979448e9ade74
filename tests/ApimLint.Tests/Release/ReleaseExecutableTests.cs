using System.Security.Cryptography;

namespace ApimLint.Tests.Release;

/// <summary>
/// The release executable that build-release.sh makes (and the release workflow ships) checks a deployment exactly as the
/// framework-dependent build does, names the version and commit it was built from, and is listed in SHA256SUMS.
/// </summary>
[Collection(ReleaseBuildCollection.Name)]
public sealed class ReleaseExecutableTests(ReleaseBuild release)
{
    [Fact]
    public void The_build_script_succeeds()
    {
        Assert.True(release.Build.ExitCode == 0, release.Build.Stdout + release.Build.Stderr);
        Assert.Equal(["SHA256SUMS", ReleaseBuild.Executable], Directory.GetFiles(release.Folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Prints_the_example_findings_written_down()
    {
        var result = ReleaseProcess.Run(release.ExecutablePath, ["check", "example"], TestPaths.Fixture(""));

        Assert.Equal(File.ReadAllText(TestPaths.Fixture("example.expected.txt")), result.Stdout);
        Assert.Equal("", result.Stderr);
        Assert.Equal(1, result.ExitCode);
    }

    [Fact]
    public void Names_the_version_and_the_commit()
    {
        var result = ReleaseProcess.Run(release.ExecutablePath, ["--version"], TestPaths.RepositoryRoot);

        Assert.Matches("^[0-9a-f]{40}$", release.Commit);
        Assert.Equal($"{ReleaseBuild.Version}+{release.Commit}\n", result.Stdout);
        Assert.Equal(0, result.ExitCode);
    }

    [Fact]
    public void Sha256sums_lists_the_executable_with_its_hash()
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(release.ExecutablePath)));

        Assert.Equal($"{hash}  {ReleaseBuild.Executable}\n", File.ReadAllText(Path.Combine(release.Folder, "SHA256SUMS")));
    }
}
