using System.Text.Json.Nodes;
using ApimLint.Diagnostics;
using ApimLint.Engine;
using ApimLint.Model;
using ApimLint.Text;
using ApimLint.Tests.Fixtures;

namespace ApimLint.Tests.Cli;

/// <summary>`apimlint --fix` and `--diff` on the example, as a new user tries them.</summary>
public sealed class FixCommandTests
{
    [Fact]
    public void Diff_shows_exactly_what_fix_changes_and_writes_nothing()
    {
        using var temp = new TempDirectory();
        FixtureCase.CopyDirectory(TestPaths.Fixture("example"), temp.Path);

        var diff = Apimlint.Run(temp.Path, "--diff");

        var expectedFile = TestPaths.Fixture("example.fix.diff");
        if (Environment.GetEnvironmentVariable("APIMLINT_ACCEPT") == "1") File.WriteAllText(expectedFile, diff.Stdout);
        Assert.Equal(File.ReadAllText(expectedFile), diff.Stdout);
        Assert.Equal(1, diff.ExitCode);
        Assert.Equal("", RecursiveDiff(TestPaths.Fixture("example"), temp.Path));
    }

    [Fact]
    public void Fix_leaves_only_findings_without_a_safe_fix_and_a_second_fix_changes_nothing()
    {
        using var temp = new TempDirectory();
        FixtureCase.CopyDirectory(TestPaths.Fixture("example"), temp.Path);

        var fix = Apimlint.Run(temp.Path, "--fix", "--format", "json");
        var remaining = JsonNode.Parse(fix.Stdout)!["findings"]!.AsArray();

        Assert.All(remaining, f => Assert.False((bool)f!["fixAvailable"]!, $"{f["rule"]} still has a fix"));
        Assert.EndsWith("changed.\n", fix.Stderr);
        var again = Apimlint.Run(temp.Path, "--fix");
        Assert.Equal("0 fixes applied, 0 files changed.\n", again.Stderr);
    }

    [Fact]
    public void A_fix_that_cannot_be_written_changes_no_file()
    {
        using var temp = new TempDirectory();
        FixtureCase.CopyDirectory(TestPaths.Fixture("example"), temp.Path);
        // The passive lacks jmsEventPublisher2.xml, and a file stands where the fix must create it as a folder's child.
        var publishers = Path.Combine(temp.Path, "passive/repository/deployment/server/eventpublishers");
        File.Delete(Path.Combine(publishers, "jmsEventPublisher2.xml"));
        Directory.CreateDirectory(Path.Combine(publishers, "jmsEventPublisher2.xml"));
        var before = Snapshot(temp.Path);

        var result = Apimlint.Run(temp.Path, "--fix");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no file was changed", result.Stderr);
        Assert.Equal(before, Snapshot(temp.Path));
    }

    /// <summary>A configuration file only drift reads, written differently on each node.</summary>
    private static TempDirectory WithConfigFile(string relativePath, string active, string passive)
    {
        var temp = new TempDirectory();
        FixtureCase.CopyDirectory(TestPaths.Fixture("correct-same-host"), temp.Path);
        foreach (var (node, content) in new[] { ("active", active), ("passive", passive) })
        {
            var file = Path.Combine(temp.Path, node, relativePath);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, content);
        }
        return temp;
    }

    private static TempDirectory WithIdentityXml(string active, string passive) =>
        WithConfigFile("repository/conf/identity/identity.xml", $"<Server>\n    {active}\n</Server>\n", $"<Server>\n    {passive}\n</Server>\n");

    public static readonly TheoryData<string, string, string, string> CopiesIntoOtherSyntax = new()
    {
        // The active quotes the attribute with ', the passive with ": the copy's " becomes a reference.
        { "repository/conf/identity/identity.xml", "<Server>\n    <Cache timeout='a\"b &amp; c'/>\n</Server>\n", "<Server>\n    <Cache timeout=\"ab\"/>\n</Server>\n",
            "<Server>\n    <Cache timeout=\"a&quot;b &amp; c\"/>\n</Server>\n" },
        // Text written in CDATA on the active is escaped as text on the passive.
        { "repository/conf/identity/identity.xml", "<Server>\n    <Url><![CDATA[https://h/?a=1&b=<2>]]></Url>\n</Server>\n", "<Server>\n    <Url>https://h/</Url>\n</Server>\n",
            "<Server>\n    <Url>https://h/?a=1&amp;b=&lt;2></Url>\n</Server>\n" },
        // A self-closing element on the passive is opened to take the text.
        { "repository/conf/identity/identity.xml", "<Server>\n    <Name>a &lt; b</Name>\n</Server>\n", "<Server>\n    <Name/>\n</Server>\n",
            "<Server>\n    <Name>a &lt; b</Name>\n</Server>\n" },
        // The active's value is written with escapes and a continuation; the passive escapes ':' in its values.
        { "repository/conf/extra.properties", "url = http://h\\\n    :9443/\\u00e9\n", "url = http\\://other\n", "url = http\\://h\\:9443/\\u00E9\n" },
        { "repository/conf/extra.json", "{\"name\": \"say \\\"hi\\\"\\n\\u00e9\"}\n", "{\"name\": 'x'}\n".Replace('\'', '"'), "{\"name\": \"say \\\"hi\\\"\\n\u00e9\"}\n" },
    };

    [Theory]
    [MemberData(nameof(CopiesIntoOtherSyntax))]
    public void A_copied_value_is_escaped_as_the_other_node_s_file_writes_it(string relativePath, string active, string passive, string expected)
    {
        using var temp = WithConfigFile(relativePath, active, passive);

        var fix = Apimlint.Run(temp.Path, "--fix", "--unsafe-fixes");

        Assert.Equal(0, fix.ExitCode);
        Assert.EndsWith("1 fix applied, 1 file changed.\n", fix.Stderr);
        var written = File.ReadAllText(Path.Combine(temp.Path, "passive", relativePath));
        Assert.Equal(expected, written);
        Assert.Null(ApimLint.Syntax.FileSyntax.Parse(relativePath, new SourceText(relativePath, written))!.Value.Error);
        // Drift compares the values as the files' readers decode them: none differs now.
        Assert.Equal("No findings.\n", Apimlint.Run(temp.Path).Stdout);
    }

    /// <summary>A fix that breaks a file the model does not read: whatever rule makes it, nothing is written.</summary>
    private sealed class BreakingRule(FixSafety? declared = FixSafety.Safe) : Rule
    {
        public override RuleDescriptor Descriptor { get; } = new("APIM992", "breaking", RuleCategory.Drift, Severity.Error, "Breaks a file.", "") { Fix = declared };

        public override IEnumerable<Diagnostic> Check(Deployment deployment)
        {
            var file = Path.Combine(deployment.Passive.Home, "repository/conf/identity/identity.xml");
            if (File.ReadAllText(file).Contains("<Broken", StringComparison.Ordinal)) yield break;
            yield return Report(Location.WholeFile(file), "breaks", "passive#identity") with
            {
                Fix = Fix.Safe("break", new TextEdit(file, new TextSpan(0, 0), "<Broken>")),
            };
        }
    }

    [Fact]
    public void A_fix_that_breaks_a_file_the_model_does_not_read_writes_nothing()
    {
        using var temp = WithIdentityXml("<Cache name=\"ab\"/>", "<Cache name=\"ab\"/>");
        var before = Snapshot(temp.Path);

        var result = Apimlint.RunWith([new BreakingRule()], temp.Path, "--fix");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"apimlint: {Path.Combine(temp.Path, "passive/repository/conf/identity/identity.xml")}: a fix made it unparseable (", result.Stderr);
        Assert.Equal(before, Snapshot(temp.Path));
    }

    [Theory]
    [InlineData(FixSafety.Unsafe, "unsafe fixes")]
    [InlineData(null, "none")]
    public void A_rule_whose_fix_is_not_the_safety_it_documents_is_a_bug_in_the_rule(FixSafety? declared, string documented)
    {
        using var temp = WithIdentityXml("<Cache timeout=\"ab\"/>", "<Cache timeout=\"ab\"/>");

        var result = Apimlint.RunWith([new BreakingRule(declared)], temp.Path, "check", ".");

        Assert.Equal(3, result.ExitCode);
        Assert.StartsWith($"apimlint: internal error: rule APIM992 failed: it offers a safe fix, but its documentation declares {documented}\n", result.Stderr);
    }

    [Fact]
    public void A_node_folder_replaced_by_a_link_to_an_outside_folder_is_neither_read_nor_fixed()
    {
        using var temp = new TempDirectory();
        using var outside = new TempDirectory();
        FixtureCase.Read(TestPaths.Fixture("rules/APIM506/bad-passive-jndi-copied-from-active")).Materialize(temp.Path);
        var conf = Path.Combine(temp.Path, "passive", "repository", "conf");
        var outsideConf = Path.Combine(outside.Path, "conf");
        FixtureCase.CopyDirectory(conf, outsideConf);
        Directory.Delete(conf, recursive: true);
        Directory.CreateSymbolicLink(conf, outsideConf);
        var outsideBefore = Snapshot(outside.Path);

        var result = Apimlint.Run(temp.Path, "--fix");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("passive/repository/conf/carbon.xml:1:1: error APIM001: carbon.xml does not parse: it is in a folder linked to outside its node's folder, which apimlint does not follow (--follow-symlinks does)", result.Stdout);
        Assert.Equal(outsideBefore, Snapshot(outside.Path));
    }

    [Theory]
    [InlineData("active", "passive", "wso2.pub.store.domain")]
    [InlineData("passive", "active", "wso2.carbon.domain")]
    public void Prefer_decides_whose_value_an_unsafe_fix_copies(string prefer, string changed, string domain)
    {
        using var temp = new TempDirectory();
        FixtureCase.Read(TestPaths.Fixture("rules/APIM403/bad-passive-pack-domain")).Materialize(temp.Path);
        var before = Snapshot(temp.Path);

        var safeOnly = Apimlint.Run(temp.Path, "--fix", "--prefer", prefer);
        Assert.Equal(before, Snapshot(temp.Path));
        Assert.Contains(" APIM403: ", safeOnly.Stdout);

        Apimlint.Run(temp.Path, "--fix", "--unsafe-fixes", "--prefer", prefer);
        var axis2 = File.ReadAllText(Path.Combine(temp.Path, changed, "repository/conf/axis2/axis2.xml"));
        Assert.Contains($"<parameter name=\"domain\">{domain}</parameter>", axis2);
        Assert.Equal("No findings.\n", Apimlint.Run(temp.Path).Stdout);
    }

    private static SortedDictionary<string, string> Snapshot(string root) =>
        new(Directory.GetFiles(root, "*", SearchOption.AllDirectories).ToDictionary(f => f, File.ReadAllText), StringComparer.Ordinal);

    private static string RecursiveDiff(string a, string b)
    {
        var left = Snapshot(a).ToDictionary(p => Path.GetRelativePath(a, p.Key), p => p.Value);
        var right = Snapshot(b).ToDictionary(p => Path.GetRelativePath(b, p.Key), p => p.Value);
        return string.Join("\n", left.Keys.Union(right.Keys).Where(k => left.GetValueOrDefault(k) != right.GetValueOrDefault(k)));
    }
}
