using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using ApimLint.Model;
using ApimLint.Rules;

namespace ApimLint.Tests.Reporting;

/// <summary>The JUnit XML report, checked against the schema of Jenkins's xUnit plugin and read back as CI servers read it.</summary>
public sealed class JUnitReportTests
{
    private static readonly string Fixtures = TestPaths.Fixture("");

    private static readonly Lazy<XmlSchemaSet> Schema = new(() =>
    {
        var schemas = new XmlSchemaSet();
        schemas.Add(null, Path.Combine(TestPaths.RepositoryRoot, "tests/ApimLint.Tests/Reporting/Schemas/junit-10.xsd"));
        schemas.Compile();
        return schemas;
    });

    private static string JUnit(string fixture)
    {
        var result = Apimlint.Run(Fixtures, "check", fixture, "--format", "junit", "--fail-level", "none");
        Assert.Equal((0, ""), (result.ExitCode, result.Stderr));
        return result.Stdout;
    }

    internal static List<string> SchemaErrors(string xml)
    {
        var errors = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = Schema.Value };
        settings.ValidationFlags |= XmlSchemaValidationFlags.ReportValidationWarnings;
        settings.ValidationEventHandler += (_, e) => errors.Add($"{e.Severity} {e.Exception.LineNumber}:{e.Exception.LinePosition}: {e.Message}");
        using var reader = XmlReader.Create(new StringReader(xml), settings);
        while (reader.Read()) { }
        return errors;
    }

    public static TheoryData<string> Deployments() => new() { "example", "correct-same-host" };

    [Theory]
    [MemberData(nameof(Deployments))]
    public void Conforms_to_the_junit_schema_jenkins_validates_with(string fixture)
    {
        Assert.Empty(SchemaErrors(JUnit(fixture)));
    }

    [Fact]
    public void The_schema_check_does_reject_a_suite_without_its_counts()
    {
        var broken = JUnit("example").Replace("<testsuite name=\"APIM001 unparseable-config\" tests=\"3\"", "<testsuite name=\"APIM001 unparseable-config\"");

        Assert.Contains(SchemaErrors(broken), e => e.Contains("'tests'", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_enabled_rule_is_a_suite_of_three_cases_and_a_clean_deployment_passes_them_all()
    {
        var root = XDocument.Parse(JUnit("correct-same-host")).Root!;

        Assert.Equal(RuleRegistry.All.Select(r => $"{r.Descriptor.Id} {r.Descriptor.Name}"), root.Elements("testsuite").Select(s => (string?)s.Attribute("name")));
        Assert.Equal((RuleRegistry.All.Count * 3, 0), ((int)root.Attribute("tests")!, (int)root.Attribute("failures")!));
        Assert.Empty(root.Descendants("failure"));
        // Only the rules of other releases than the fixture's 2.6.0 are skipped.
        Assert.Equal(RuleRegistry.All.Where(r => !r.Descriptor.Versions.Contains(new ProductVersion(2, 6, 0))).Select(r => $"{r.Descriptor.Id} {r.Descriptor.Name}"),
            root.Elements("testsuite").Where(s => s.Descendants("skipped").Any()).Select(s => (string?)s.Attribute("name")));
    }

    [Fact]
    public void The_example_fails_one_case_per_rule_and_place_holding_each_of_its_findings()
    {
        var root = XDocument.Parse(JUnit("example")).Root!;
        var failures = root.Descendants("failure").ToList();
        var expected = File.ReadAllLines(TestPaths.Fixture("example.expected.txt")).Where(l => l.Length > 0 && !l.StartsWith(' ') && l.Contains(": ", StringComparison.Ordinal)).ToList();

        Assert.Equal(failures.Count, (int)root.Attribute("failures")!);
        Assert.Equal(expected.Order(StringComparer.Ordinal), failures.SelectMany(f => f.Value.Split('\n')).Where(l => !l.StartsWith(' ')).Order(StringComparer.Ordinal));
        var wka = Assert.Single(failures, f => (string?)f.Parent!.Attribute("name") == "APIM404 wka-members-not-mutual on active");
        Assert.Equal(("error", "active's well-known members do not include passive at 192.168.10.1:4001; it lists 192.168.10.1:4000"),
            ((string?)wka.Attribute("type"), (string?)wka.Attribute("message")));
        Assert.Equal("apimlint.Clustering", (string?)wka.Parent!.Attribute("classname"));
    }

    [Fact]
    public void Hostile_text_is_escaped_skipped_rules_say_why_and_the_bytes_are_the_same_every_run()
    {
        var result = Apimlint.RunWith(CiReportRules.All, Fixtures, "check", "correct-same-host", "--format", "junit", "--fail-level", "none");

        Assert.Equal(
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" +
            "<testsuites name=\"apimlint correct-same-host\" tests=\"6\" failures=\"2\" errors=\"0\">\n" +
            "  <testsuite name=\"APIM997 hostile-note\" tests=\"3\" failures=\"2\" errors=\"0\" skipped=\"0\">\n" +
            "    <testcase name=\"APIM997 hostile-note on active\" classname=\"apimlint.Input\">\n" +
            "      <failure message=\"&lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot; 'single' \\x1b[31mred\\x00 nul \\uffff end\" type=\"note\">correct-same-host/active/repository/conf/carbon.xml: note APIM997: &lt;b&gt;bold&lt;/b&gt; &amp; \"quoted\" 'single' \\x1b[31mred\\x00 nul \\uffff end\n" +
            "    correct-same-host/passive/repository/conf/carbon.xml: note: passive's &lt;carbon.xml&gt; &amp; more</failure>\n" +
            "    </testcase>\n" +
            "    <testcase name=\"APIM997 hostile-note on passive\" classname=\"apimlint.Input\" />\n" +
            "    <testcase name=\"APIM997 hostile-note on deployment\" classname=\"apimlint.Input\">\n" +
            "      <failure message=\"upstream &quot;x&quot; &amp; &lt;y&gt;\" type=\"note\">correct-same-host/nginx/nginx.conf:8:14: note APIM997: upstream \"x\" &amp; &lt;y&gt;</failure>\n" +
            "    </testcase>\n" +
            "  </testsuite>\n" +
            "  <testsuite name=\"APIM998 old-release-only\" tests=\"3\" failures=\"0\" errors=\"0\" skipped=\"3\">\n" +
            "    <testcase name=\"APIM998 old-release-only on active\" classname=\"apimlint.Platform\">\n" +
            "      <skipped message=\"APIM998 checks API-M 2.0; this deployment runs API-M 2.6.0\" />\n" +
            "    </testcase>\n" +
            "    <testcase name=\"APIM998 old-release-only on passive\" classname=\"apimlint.Platform\">\n" +
            "      <skipped message=\"APIM998 checks API-M 2.0; this deployment runs API-M 2.6.0\" />\n" +
            "    </testcase>\n" +
            "    <testcase name=\"APIM998 old-release-only on deployment\" classname=\"apimlint.Platform\">\n" +
            "      <skipped message=\"APIM998 checks API-M 2.0; this deployment runs API-M 2.6.0\" />\n" +
            "    </testcase>\n" +
            "  </testsuite>\n" +
            "</testsuites>\n",
            result.Stdout);
        Assert.Empty(SchemaErrors(result.Stdout));
        Assert.Equal(result.Stdout, Apimlint.RunWith(CiReportRules.All, Fixtures, "check", "correct-same-host", "--format", "junit", "--fail-level", "none").Stdout);
    }

    [Fact]
    public void Gitlab_and_junit_are_file_formats_written_beside_the_text_on_standard_output()
    {
        using var temp = new TempDirectory();
        var (gitlab, junit) = (Path.Combine(temp.Path, "gl-code-quality-report.json"), Path.Combine(temp.Path, "apimlint-junit.xml"));

        var result = Apimlint.Run(Fixtures, "check", "example", "--format", "text", "--format", "gitlab", "--output", gitlab, "--format", "junit", "--output", junit);

        Assert.Equal(1, result.ExitCode);
        Assert.EndsWith(File.ReadLines(TestPaths.Fixture("example.expected.txt")).Last() + "\n", result.Stdout);
        Assert.Equal(JUnit("example"), File.ReadAllText(junit));
        Assert.StartsWith("[\n  {\n    \"description\": \"APIM404: ", File.ReadAllText(gitlab));
    }
}
