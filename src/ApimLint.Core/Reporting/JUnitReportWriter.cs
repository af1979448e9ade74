using System.Globalization;
using System.Text;
using System.Xml;
using ApimLint.Diagnostics;
using ApimLint.Engine;
using ApimLint.Model;
using ApimLint.Reporting.Escaping;

namespace ApimLint.Reporting;

/// <summary>
/// JUnit XML for Jenkins (junit), Azure DevOps (PublishTestResults) and GitLab (artifacts:reports:junit): one test suite
/// per enabled rule, and in it one test case per place the rule checks — the active, the passive, and the rest of the
/// deployment (nginx, SQL scripts, hosts file). Every case is written, passing ones too, so that a CI server counts the
/// checks and follows each case from failing to fixed; a rule that does not check the deployment's release is skipped.
/// A failing case has one failure holding all its findings, since Jenkins and Azure DevOps read only a case's first.
/// </summary>
public sealed class JUnitReportWriter(ReportContext context, Deployment deployment)
{
    /// <summary>The place of a finding outside both APIM_HOMEs.</summary>
    private const string Elsewhere = "deployment";

    private IEnumerable<string> Places => deployment.NodeNames.Append(Elsewhere);

    public void Write(TextWriter output, IReadOnlyList<Diagnostic> diagnostics)
    {
        var byCase = diagnostics.ToLookup(d => (d.Rule.Id, PlaceOf(d)));
        var suites = context.Rules.Select(rule => Suite(rule, byCase)).ToList();
        var buffer = new MemoryStream();
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, IndentChars = "  ", NewLineChars = "\n" };
        using (var xml = XmlWriter.Create(buffer, settings))
        {
            xml.WriteStartElement("testsuites");
            xml.WriteAttributeString("name", XmlValue.Escape($"apimlint {context.DeploymentName}"));
            WriteCounts(xml, suites.SelectMany(s => s.Cases).ToList(), withSkipped: false);
            foreach (var suite in suites) WriteSuite(xml, suite);
            xml.WriteEndElement();
        }
        output.Write(Encoding.UTF8.GetString(buffer.ToArray()));
        output.Write('\n');
    }

    private string PlaceOf(Diagnostic d) => deployment.NodeNameOf(d.Location.Path) ?? Elsewhere;

    private sealed record Case(string Place, IReadOnlyList<Diagnostic> Findings, string? Skipped);

    private sealed record TestSuite(RuleDescriptor Rule, IReadOnlyList<Case> Cases);

    private TestSuite Suite(Rule rule, ILookup<(string, string), Diagnostic> byCase)
    {
        var descriptor = rule.Descriptor;
        var skipped = descriptor.AppliesTo(deployment) ? null
            : $"{descriptor.Id} checks {descriptor.Versions}; this deployment runs API-M {deployment.ProductVersion}";
        return new(descriptor, Places.Select(place => new Case(place, byCase[(descriptor.Id, place)].ToList(), skipped)).ToList());
    }

    private static void WriteCounts(XmlWriter xml, IReadOnlyList<Case> cases, bool withSkipped)
    {
        xml.WriteAttributeString("tests", Count(cases.Count));
        xml.WriteAttributeString("failures", Count(cases.Count(c => c.Findings.Count > 0)));
        xml.WriteAttributeString("errors", "0");
        if (withSkipped) xml.WriteAttributeString("skipped", Count(cases.Count(c => c.Skipped is not null)));
    }

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);

    private void WriteSuite(XmlWriter xml, TestSuite suite)
    {
        xml.WriteStartElement("testsuite");
        xml.WriteAttributeString("name", $"{suite.Rule.Id} {suite.Rule.Name}");
        WriteCounts(xml, suite.Cases, withSkipped: true);
        foreach (var @case in suite.Cases)
        {
            xml.WriteStartElement("testcase");
            xml.WriteAttributeString("name", $"{suite.Rule.Id} {suite.Rule.Name} on {@case.Place}");
            xml.WriteAttributeString("classname", $"apimlint.{suite.Rule.Category}");
            if (@case.Skipped is { } reason)
            {
                xml.WriteStartElement("skipped");
                xml.WriteAttributeString("message", reason);
                xml.WriteEndElement();
            }
            else if (@case.Findings.Count > 0) WriteFailure(xml, @case.Findings);
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }

    /// <summary>The findings' messages, one a line, and their compiler-style lines as the text format prints them.</summary>
    private void WriteFailure(XmlWriter xml, IReadOnlyList<Diagnostic> findings)
    {
        xml.WriteStartElement("failure");
        xml.WriteAttributeString("message", string.Join("\n", findings.Select(d => XmlValue.Escape(d.Message))));
        xml.WriteAttributeString("type", findings.Max(d => d.Severity).Name());
        var lines = new StringWriter { NewLine = "\n" };
        var text = new TextReportWriter(context.BaseDirectory, useColor: false);
        foreach (var d in findings) text.WriteFinding(lines, d);
        xml.WriteString(XmlValue.Representable(lines.ToString().TrimEnd('\n')));
        xml.WriteEndElement();
    }
}
