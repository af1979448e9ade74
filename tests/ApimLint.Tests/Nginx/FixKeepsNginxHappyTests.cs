using ApimLint.Tests.Fixtures;

namespace ApimLint.Tests.Nginx;

/// <summary>
/// --fix, judged by nginx itself: it never turns a configuration nginx accepts into one it refuses,
/// and it repairs the ones nginx refuses for a reason the catalogue knows and can fix.
/// </summary>
public sealed class FixKeepsNginxHappyTests
{
    public static TheoryData<string> NginxCases()
    {
        var data = new TheoryData<string> { "example", "correct-same-host", "correct-two-hosts", "correct-debian-nginx" };
        foreach (var dir in Directory.GetDirectories(TestPaths.Fixture("rules")).Where(IsAboutNginx).SelectMany(d => Directory.GetDirectories(d, "bad-*")).Order(StringComparer.Ordinal))
            data.Add(Path.GetRelativePath(TestPaths.Fixture("rules"), dir).Replace('\\', '/'));
        return data;
    }

    /// <summary>The reverse-proxy rules, and the one input rule whose fix nginx judges (events).</summary>
    private static bool IsAboutNginx(string ruleFolder) => Path.GetFileName(ruleFolder) is var id && (id.StartsWith("APIM6", StringComparison.Ordinal) || id == "APIM007");

    [Fact]
    public void The_harness_really_asks_nginx()
    {
        using var temp = new TempDirectory();
        FixtureCase.CopyDirectory(TestPaths.Fixture("correct-same-host"), temp.Path);
        File.AppendAllText(Path.Combine(temp.Path, "nginx/nginx.conf"), "\nthis_is_no_directive on;\n");

        var verdict = RealNginx.Test(temp.Path);

        Assert.False(verdict.Accepted);
        Assert.Contains("unknown directive \"this_is_no_directive\"", verdict.Output);
    }

    [Fact]
    public void Nginx_itself_refuses_a_main_file_without_events_as_APIM007_says()
    {
        using var temp = new TempDirectory();
        FixtureCase.Read(TestPaths.Fixture("rules/APIM007/bad-guide-block-as-the-whole-file")).Materialize(temp.Path);

        var verdict = RealNginx.Test(temp.Path);
        var finding = Apimlint.Run(temp.Path, ["check", "."]).Stdout;

        Assert.False(verdict.Accepted);
        Assert.Contains("no \"events\" section in configuration", verdict.Output);
        Assert.Contains("nginx/nginx.conf:1:1: error APIM007: [*] no \"events\" section in configuration", finding);
    }

    [Theory]
    [MemberData(nameof(NginxCases))]
    public void Fix_never_breaks_nginx_and_repairs_what_it_can(string name)
    {
        using var temp = new TempDirectory();
        var args = new List<string>();
        if (name.Contains('/'))
        {
            var fixture = FixtureCase.Read(TestPaths.Fixture("rules/" + name));
            fixture.Materialize(temp.Path);
            args.AddRange(fixture.Args);
        }
        else
        {
            FixtureCase.CopyDirectory(TestPaths.Fixture(name), temp.Path);
        }
        var before = RealNginx.Test(temp.Path);
        if (name.StartsWith("correct", StringComparison.Ordinal)) Assert.True(before.Accepted, before.Output);

        Apimlint.Run(temp.Path, ["check", ".", "--fix", "--unsafe-fixes", .. args]);
        var after = RealNginx.Test(temp.Path);
        var remainingNginxFindings = Apimlint.Run(temp.Path, ["check", ".", .. args]).Stdout.Split('\n').Where(l => l.StartsWith("nginx/")).ToList();

        if (before.Accepted) Assert.True(after.Accepted, $"--fix broke a configuration nginx accepted:\n{after.Output}");
        else if (remainingNginxFindings.Count == 0) Assert.True(after.Accepted, $"nginx still refuses after every nginx finding was fixed:\n{after.Output}");
    }
}
