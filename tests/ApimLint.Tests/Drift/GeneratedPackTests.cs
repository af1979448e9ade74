using System.Text.Json;

namespace ApimLint.Tests.Drift;

/// <summary>
/// A small pair of generated pack-shaped trees (a few hundred files: jars, web applications, Jaggery
/// files, artifacts, the real configuration) with differences planted: every planted difference is
/// found, by `check` and by `diff`, and nothing else; the cache changes nothing but what is read.
/// </summary>
public sealed class GeneratedPackTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly IReadOnlyList<PlantedDifference> _planted;

    public GeneratedPackTests()
    {
        _planted = new PackGenerator(TestPaths.Fixture("")) { Files = 400, Bytes = 4 << 20, Seed = 7 }.Generate(_temp.Path);
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Check_reports_every_planted_difference_and_nothing_else()
    {
        var result = Apimlint.Run(_temp.Path, "check", ".", "--format", "json");

        var findings = JsonDocument.Parse(result.Stdout).RootElement.GetProperty("findings").EnumerateArray()
            .Select(f => (Rule: f.GetProperty("rule").GetString()!, File: NodeRelative(f.GetProperty("location").GetProperty("path").GetString()!)))
            .Order().ToList();
        Assert.Equal(_planted.Select(p => (p.RuleId, p.File)).Order(), findings);
        Assert.Equal(1, result.ExitCode);
    }

    [Fact]
    public void Diff_lists_the_planted_differences_as_drift_and_only_the_node_specific_keys_as_expected()
    {
        var result = Apimlint.Run(_temp.Path, "diff", "--format", "json");

        var differences = JsonDocument.Parse(result.Stdout).RootElement.GetProperty("differences").EnumerateArray()
            .Select(d => (Rule: d.GetProperty("rule").GetString()!, File: d.GetProperty("file").GetString()!, Key: d.GetProperty("key").GetString()!, Verdict: d.GetProperty("verdict").GetString()!))
            .ToList();
        Assert.Equal(_planted.Select(p => (p.RuleId, p.File, p.What)).Order(), differences.Where(d => d.Verdict != "expected").Select(d => (d.Rule, d.File, d.Key)).Order());
        Assert.Equal(
            [
                "repository/conf/axis2/axis2.xml#/axisconfig/clustering/members/member/port",
                "repository/conf/axis2/axis2.xml#/axisconfig/clustering/parameter[@name='localMemberPort']",
                "repository/conf/carbon.xml#/Server/Ports/Offset",
                "repository/conf/jndi.properties#connectionfactory.QueueConnectionFactory/brokerlist",
                "repository/conf/jndi.properties#connectionfactory.TopicConnectionFactory/brokerlist",
                "repository/conf/jndi2.properties#connectionfactory.QueueConnectionFactory/brokerlist",
                "repository/conf/jndi2.properties#connectionfactory.TopicConnectionFactory/brokerlist",
            ],
            differences.Where(d => d.Verdict == "expected").Select(d => $"{d.File}#{d.Key}"));
        Assert.Equal(1, result.ExitCode);
    }

    [Fact]
    public void A_rerun_with_the_cache_gives_the_same_answer_and_trusts_unchanged_metadata()
    {
        var cache = Path.Combine(_temp.Path, "drift.cache");
        var first = Apimlint.Run(_temp.Path, "diff", "--cache", cache);
        var second = Apimlint.Run(_temp.Path, "diff", "--cache", cache);
        Assert.Equal(Apimlint.Run(_temp.Path, "diff").Stdout, first.Stdout);
        Assert.Equal(first.Stdout, second.Stdout);
        // `check` shares the cache file with `diff`.
        Apimlint.Run(_temp.Path, "check", ".", "--cache", cache);
        Assert.Equal(first.Stdout, Apimlint.Run(_temp.Path, "diff", "--cache", cache).Stdout);

        // The proof that a rerun reads only metadata: content changed behind the cache's back (same
        // size, same modification time) goes unseen, while a changed modification time is read again.
        var jar = Directory.GetFiles(Path.Combine(_temp.Path, "passive/repository/components/plugins")).Order(StringComparer.Ordinal).First();
        var modified = File.GetLastWriteTimeUtc(jar);
        var bytes = File.ReadAllBytes(jar);
        bytes[^1] ^= 0xff;
        File.WriteAllBytes(jar, bytes);
        File.SetLastWriteTimeUtc(jar, modified);
        var relative = Path.GetRelativePath(Path.Combine(_temp.Path, "passive"), jar).Replace('\\', '/');

        Assert.DoesNotContain(relative, Apimlint.Run(_temp.Path, "diff", "--cache", cache).Stdout);
        File.SetLastWriteTimeUtc(jar, modified.AddSeconds(1));
        Assert.Contains(relative, Apimlint.Run(_temp.Path, "diff", "--cache", cache).Stdout);
        Assert.Contains(relative, Apimlint.Run(_temp.Path, "diff").Stdout);
    }

    [Fact]
    public void Drift_ignore_leaves_paths_and_keys_out_of_both_commands()
    {
        var args = new[] { "--drift-ignore", "repository/components/**", "--drift-ignore", "repository/conf/log4j.properties#log4j.logger.*" };

        var diff = Apimlint.Run(_temp.Path, ["diff", .. args]);
        var check = Apimlint.Run(_temp.Path, ["check", ".", .. args]);

        foreach (var output in new[] { diff.Stdout, check.Stdout })
        {
            Assert.DoesNotContain("repository/components/", output);
            Assert.DoesNotContain("log4j", output);
            Assert.Contains("admin--OrderAPI", output);
        }
    }

    /// <summary>"passive/repository/conf/x.xml" → "repository/conf/x.xml".</summary>
    private static string NodeRelative(string path) => path[(path.IndexOf('/') + 1)..];
}
