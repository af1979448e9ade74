using System.Text.Json;

namespace ApimLint.Tests.Drift;

/// <summary>`apimlint diff`: the table for people, JSON for scripts, exit codes, and never a secret.</summary>
public sealed class DiffCommandTests
{
    [Fact]
    public void The_example_differs_only_where_it_should_and_exits_0()
    {
        var result = Apimlint.Run(TestPaths.Fixture(""), "diff", "example");

        Assert.Equal(
            """
            FILE                             KEY                                                        ACTIVE  PASSIVE  VERDICT
            repository/conf/axis2/axis2.xml  /axisconfig/clustering/parameter[@name='localMemberPort']  4000    4001     expected
            repository/conf/carbon.xml       /Server/Ports/Offset                                       0       1        expected
            2 differences: 0 must-equal, 0 drift, 2 expected.

            """, result.Stdout);
        Assert.Equal(0, result.ExitCode);
    }

    [Fact]
    public void Json_lists_each_difference_with_its_rule_and_verdict()
    {
        using var temp = new TempDirectory();
        new Fixtures.FixtureCase
        {
            Base = "correct-two-hosts", Description = "",
            Replace = [new() { File = "passive/repository/conf/datasources/master-datasources.xml", Find = "192.168.10.10:3306/apimgtdb", With = "192.168.10.11:3306/apimgtdb" }],
            Add = [new() { File = "active/repository/deployment/server/userstores/ldap.xml", Content = "<UserStoreManager/>\n" }],
        }.Materialize(temp.Path);

        var result = Apimlint.Run(temp.Path, "diff", "--format", "json");

        var root = JsonDocument.Parse(result.Stdout).RootElement;
        Assert.Equal(1, root.GetProperty("schemaVersion").GetInt32());
        Assert.Equal(("active", "passive"), (root.GetProperty("active").GetString(), root.GetProperty("passive").GetString()));
        Assert.Equal("""{"must-equal":2,"drift":0,"expected":4}""", root.GetProperty("summary").GetRawText().Replace(" ", "").Replace("\n", ""));
        var url = root.GetProperty("differences").EnumerateArray().Single(d => d.GetProperty("key").GetString()!.EndsWith("/url"));
        Assert.Equal(("APIM701", "jdbc:mysql://192.168.10.10:3306/apimgtdb", "jdbc:mysql://192.168.10.11:3306/apimgtdb", "must-equal"),
            (url.GetProperty("rule").GetString(), url.GetProperty("active").GetString(), url.GetProperty("passive").GetString(), url.GetProperty("verdict").GetString()));
        var store = root.GetProperty("differences").EnumerateArray().Single(d => d.GetProperty("rule").GetString() == "APIM703");
        Assert.Equal(JsonValueKind.Null, store.GetProperty("passive").ValueKind);
        Assert.Equal(1, result.ExitCode);
    }

    [Fact]
    public void No_output_shows_a_secret_that_differs_between_the_nodes()
    {
        string[] secrets = ["Zq7-keystore-active", "Zq7-keystore-passive", "Zq7-amqp-passive", "Zq7-admin-passive", "Zq7-ds-passive"];
        using var temp = new TempDirectory();
        new Fixtures.FixtureCase
        {
            Base = "correct-same-host", Description = "",
            Replace =
            [
                new() { File = "active/repository/conf/carbon.xml", Find = "<Password>Ks-Pa55-Prod</Password>", With = $"<Password>{secrets[0]}</Password>" },
                new() { File = "passive/repository/conf/carbon.xml", Find = "<Password>Ks-Pa55-Prod</Password>", With = $"<Password>{secrets[1]}</Password>" },
                new() { File = "passive/repository/conf/jndi.properties", Find = "amqp://admin:Adm1n-Pa55@clientid", With = $"amqp://admin:{secrets[2]}@clientid" },
                new() { File = "passive/repository/conf/user-mgt.xml", Find = "<Password>Adm1n-Pa55</Password>", With = $"<Password>{secrets[3]}</Password>" },
                new()
                {
                    File = "passive/repository/conf/datasources/master-datasources.xml",
                    Find = "<password svns:secretAlias=\"Datasources.WSO2AM_DB.Configuration.Password\">password</password>",
                    With = $"<password>{secrets[4]}</password>",
                },
            ],
        }.Materialize(temp.Path);

        var outputs = new[]
        {
            Apimlint.Run(temp.Path, "diff"), Apimlint.Run(temp.Path, "diff", "--format", "json"),
            Apimlint.Run(temp.Path, "check", "--format", "text", "--fail-level", "none"), Apimlint.Run(temp.Path, "check", "--format", "json", "--fail-level", "none"),
            Apimlint.Run(temp.Path, "check", "--format", "sarif", "--fail-level", "none"), Apimlint.Run(temp.Path, "check", "--format", "github", "--fail-level", "none"),
        };

        Assert.Contains("/Server/Security/KeyStore/Password", outputs[0].Stdout);
        Assert.Contains("connectionfactory.TopicConnectionFactory/password", outputs[0].Stdout);
        Assert.Contains("passive's /Server/Security/KeyStore/Password differs from active's (a secret, compared by hash and not shown)", outputs[2].Stdout);
        foreach (var output in outputs)
            foreach (var secret in secrets.Append("Adm1n-Pa55").Append("Ks-Pa55-Prod"))
                Assert.DoesNotContain(secret, output.Stdout + output.Stderr);
    }

    [Fact]
    public void A_missing_node_folder_is_an_input_error()
    {
        using var temp = new TempDirectory();
        Directory.CreateDirectory(Path.Combine(temp.Path, "active"));

        var result = Apimlint.Run(temp.Path, "diff");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"apimlint: {Path.Combine(temp.Path, "passive")}: no passive node folder (give one with --passive)\n", result.Stderr);
    }

    [Fact]
    public void Nodes_can_be_given_anywhere()
    {
        var fixture = TestPaths.Fixture("correct-two-hosts");

        var result = Apimlint.Run(TestPaths.RepositoryRoot, "diff", "--active", Path.Combine(fixture, "active"), "--passive", Path.Combine(fixture, "passive"));

        Assert.Equal(0, result.ExitCode);
        Assert.EndsWith("4 differences: 0 must-equal, 0 drift, 4 expected.\n", result.Stdout);
    }

    [Fact]
    public void A_damaged_cache_is_ignored_with_a_warning_and_rebuilt()
    {
        using var temp = new TempDirectory();
        var cache = Path.Combine(temp.Path, "drift.cache");
        // A valid header, then a count that would have allocated two billion paths.
        using (var writer = new BinaryWriter(File.Create(cache)))
        {
            writer.Write("apimlint-drift-cache");
            writer.Write(2);
            writer.Write(ApimLint.Reporting.ProjectInfo.Version);
            writer.Write(int.MaxValue);
        }
        var expected = Apimlint.Run(TestPaths.Fixture(""), "diff", "example").Stdout;

        var damaged = Apimlint.Run(TestPaths.Fixture(""), "diff", "example", "--cache", cache);
        var rebuilt = Apimlint.Run(TestPaths.Fixture(""), "diff", "example", "--cache", cache);
        File.WriteAllBytes(cache, Enumerable.Range(0, 4096).Select(i => (byte)(i * 7919 >> 3)).ToArray());
        var garbage = Apimlint.Run(TestPaths.Fixture(""), "diff", "example", "--cache", cache);

        Assert.Equal((0, expected, $"apimlint: warning: {cache}: the drift cache is damaged or unreadable and was ignored; it will be rebuilt\n"), (damaged.ExitCode, damaged.Stdout, damaged.Stderr));
        Assert.Equal((0, expected, ""), (rebuilt.ExitCode, rebuilt.Stdout, rebuilt.Stderr));
        Assert.Equal((0, expected), (garbage.ExitCode, garbage.Stdout));
        Assert.Single(garbage.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Folders_linked_to_themselves_or_to_the_root_are_not_walked()
    {
        using var temp = new TempDirectory();
        Fixtures.FixtureCase.CopyDirectory(TestPaths.Fixture("example"), temp.Path);
        var expected = Apimlint.Run(temp.Path, "diff");
        Directory.CreateSymbolicLink(Path.Combine(temp.Path, "passive/repository/conf/loop"), ".");
        Directory.CreateSymbolicLink(Path.Combine(temp.Path, "passive/repository/conf/axis2/up"), "..");
        Directory.CreateSymbolicLink(Path.Combine(temp.Path, "active/repository/conf/everything"), "/");

        var result = Apimlint.Run(temp.Path, "diff");

        Assert.Equal((expected.ExitCode, expected.Stdout, ""), (result.ExitCode, result.Stdout, result.Stderr));
    }

    [Fact]
    public void With_follow_symlinks_linked_folders_are_walked_and_loops_end()
    {
        using var temp = new TempDirectory();
        using var outside = new TempDirectory();
        Fixtures.FixtureCase.CopyDirectory(TestPaths.Fixture("example"), temp.Path);
        File.WriteAllText(Path.Combine(outside.Path, "custom-handler.xml"), "<handler/>\n");
        Directory.CreateSymbolicLink(Path.Combine(temp.Path, "passive/repository/conf/loop"), ".");
        Directory.CreateSymbolicLink(Path.Combine(temp.Path, "passive/repository/conf/axis2/up"), "..");
        Directory.CreateSymbolicLink(Path.Combine(temp.Path, "active/repository/conf/everything"), "/");
        Directory.CreateSymbolicLink(Path.Combine(temp.Path, "passive/repository/conf/extra"), outside.Path);
        Directory.CreateSymbolicLink(Path.Combine(temp.Path, "passive/repository/conf/extra-again"), outside.Path);
        // Two outside folders that link to each other.
        Directory.CreateDirectory(Path.Combine(outside.Path, "a"));
        Directory.CreateDirectory(Path.Combine(outside.Path, "b"));
        Directory.CreateSymbolicLink(Path.Combine(outside.Path, "a", "to-b"), Path.Combine(outside.Path, "b"));
        Directory.CreateSymbolicLink(Path.Combine(outside.Path, "b", "to-a"), Path.Combine(outside.Path, "a"));
        File.WriteAllText(Path.Combine(outside.Path, "b", "cycle.xml"), "<cycle/>\n");

        var followed = Apimlint.Run(temp.Path, "diff", "--follow-symlinks");
        var confined = Apimlint.Run(temp.Path, "diff");

        var oneSided = followed.Stdout.Split('\n').Where(l => l.Contains("custom-handler.xml")).ToList();
        Assert.Equal(["repository/conf/extra-again/custom-handler.xml", "repository/conf/extra/custom-handler.xml"], oneSided.Select(l => l.Split(' ')[0]));
        Assert.Equal(2, followed.Stdout.Split('\n').Count(l => l.EndsWith("a/to-b/cycle.xml", StringComparison.Ordinal) || l.Contains("a/to-b/cycle.xml ")));
        Assert.DoesNotContain("to-a/", followed.Stdout);
        Assert.DoesNotContain("everything/", followed.Stdout);
        Assert.DoesNotContain("loop/", followed.Stdout);
        Assert.DoesNotContain("custom-handler.xml", confined.Stdout);
    }
}
