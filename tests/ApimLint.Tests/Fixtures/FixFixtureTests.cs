using ApimLint.Rules;

namespace ApimLint.Tests.Fixtures;

/// <summary>
/// For every bad-* case of a rule that offers a fix: `--diff` prints exactly fix.diff (APIMLINT_ACCEPT=1
/// rewrites it), `--fix` clears the finding without a new one, a second `--fix` changes nothing, and
/// every changed file keeps its byte order mark and line endings.
/// </summary>
public sealed class FixFixtureTests
{
    private static readonly string RulesFolder = TestPaths.Fixture("rules");

    public static TheoryData<string> FixableCases()
    {
        var data = new TheoryData<string>();
        foreach (var rule in RuleRegistry.All.Where(r => r.Descriptor.Fix is not null))
        {
            var dir = Path.Combine(RulesFolder, rule.Descriptor.Id);
            foreach (var caseDir in Directory.GetDirectories(dir, "bad-*").Order(StringComparer.Ordinal))
                data.Add($"{rule.Descriptor.Id}/{Path.GetFileName(caseDir)}");
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(FixableCases))]
    public void Fix_clears_the_finding_and_touches_nothing_else(string name)
    {
        var caseDir = Path.Combine(RulesFolder, name);
        var fixture = FixtureCase.Read(caseDir);
        using var temp = new TempDirectory();
        fixture.Materialize(temp.Path);
        var before = Snapshot(temp.Path);

        var diff = Apimlint.Run(temp.Path, ["check", ".", "--diff", "--unsafe-fixes", .. fixture.Args]);
        var expectedFile = Path.Combine(caseDir, "fix.diff");
        if (Environment.GetEnvironmentVariable("APIMLINT_ACCEPT") == "1") File.WriteAllText(expectedFile, diff.Stdout);
        Assert.Equal(File.ReadAllText(expectedFile), diff.Stdout);
        Assert.Equal(before, Snapshot(temp.Path));

        var fix = Apimlint.Run(temp.Path, ["check", ".", "--fix", "--unsafe-fixes", .. fixture.Args]);
        var after = Snapshot(temp.Path);
        if (diff.Stdout.Length == 0)
        {
            Assert.Equal(before, after);
            return;
        }
        Assert.Equal(0, fix.ExitCode);
        Assert.Equal("No findings.\n", fix.Stdout);
        Assert.Equal("No findings.\n", Apimlint.Run(temp.Path, ["check", ".", .. fixture.Args]).Stdout);
        foreach (var (path, bytes) in after)
            if (before.TryGetValue(path, out var old) && !old.SequenceEqual(bytes)) AssertSameShape(path, old, bytes);

        var again = Apimlint.Run(temp.Path, ["check", ".", "--fix", "--unsafe-fixes", .. fixture.Args]);
        Assert.Equal("0 fixes applied, 0 files changed.\n", again.Stderr);
        Assert.Equal(after, Snapshot(temp.Path));
    }

    private static void AssertSameShape(string path, byte[] before, byte[] after)
    {
        static bool Bom(byte[] b) => b.Length >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF;
        Assert.True(Bom(before) == Bom(after), $"{path}: byte order mark changed");
        var (oldText, newText) = (System.Text.Encoding.UTF8.GetString(before), System.Text.Encoding.UTF8.GetString(after));
        if (!oldText.Replace("\r\n", "").Contains('\n')) Assert.False(newText.Replace("\r\n", "").Contains('\n'), $"{path}: a CRLF file got a bare LF");
        if (!oldText.Contains('\r')) Assert.False(newText.Contains('\r'), $"{path}: an LF file got a CR");
        Assert.Equal(oldText.EndsWith('\n'), newText.EndsWith('\n'));
    }

    private static SortedDictionary<string, byte[]> Snapshot(string root) =>
        new(Directory.GetFiles(root, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(root, f), File.ReadAllBytes), StringComparer.Ordinal);
}
