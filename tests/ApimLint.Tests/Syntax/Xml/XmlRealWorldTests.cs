using System.Xml.Linq;
using ApimLint.Syntax.Xml;
using ApimLint.Text;

namespace ApimLint.Tests.Syntax.Xml;

public sealed class XmlRealWorldTests
{
    private static string FixtureRoot => TestPaths.Fixture("realworld-2.6.0");

    public static TheoryData<string> XmlFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(FixtureRoot, "*.xml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(FixtureRoot, file));
        }
        return data;
    }

    private static XmlDocumentSyntax Load(string relative)
    {
        var path = Path.Combine(FixtureRoot, relative);
        return XmlParser.Parse(new SourceText(path, File.ReadAllText(path)));
    }

    [Fact]
    public void Fixture_holds_the_real_configuration_files() => Assert.InRange(XmlFiles().Count, 20, 40);

    [Theory]
    [MemberData(nameof(XmlFiles))]
    public void Parses_without_error_and_losslessly(string relative)
    {
        var document = Load(relative);
        Assert.Null(document.Error);
        XmlTestHelpers.AssertLossless(document);
    }

    /// <summary>System.Xml is the oracle for decoding: names, attribute values and text must agree.</summary>
    [Theory]
    [MemberData(nameof(XmlFiles))]
    public void Agrees_with_System_Xml(string relative)
    {
        var document = Load(relative);
        var expected = XDocument.Parse(document.Source.Text, LoadOptions.PreserveWhitespace);
        AssertSame(expected.Root!, document.Root!);
    }

    private static void AssertSame(XElement expected, XmlElementSyntax actual)
    {
        Assert.Equal(expected.Name.LocalName, actual.LocalName);
        Assert.Equal(
            expected.Attributes().Select(a => (a.Name.LocalName, a.Value)),
            actual.Attributes.Select(a => (a.LocalName, a.Value)));
        var text = string.Concat(expected.Nodes().OfType<XText>().Select(t => t.Value)).Trim(' ', '\t', '\r', '\n');
        Assert.Equal(text, actual.Text);
        var expectedChildren = expected.Elements().ToList();
        var actualChildren = actual.Elements().ToList();
        Assert.Equal(expectedChildren.Count, actualChildren.Count);
        for (var i = 0; i < expectedChildren.Count; i++) AssertSame(expectedChildren[i], actualChildren[i]);
    }

    [Fact]
    public void Axis2_local_member_port_text_points_at_the_number()
    {
        var document = Load("repository/conf/axis2/axis2.xml");
        var root = document.Root!;
        var clustering = root.Element("clustering")!;
        var port = clustering.Elements("parameter").Single(p => p.AttributeValue("name") == "localMemberPort");

        Assert.Equal("4000", port.Text);
        Assert.Equal("4000", document.Source[port.TextSpan]);
        Assert.Equal(new LinePosition(724, 43), document.Source.GetLinePosition(port.TextSpan.Start));
        Assert.Equal(new LinePosition(724, 47), document.Source.GetLinePosition(port.TextSpan.End));
        Assert.Equal("/axisconfig/clustering/parameter[@name='localMemberPort']", port.Path);
        Assert.Equal("AxisJava2.0", root.AttributeValue("name"));
        Assert.Equal([clustering, root], port.Ancestors());
    }

    [Fact]
    public void Axis2_clustering_enable_attribute_value_span()
    {
        var document = Load("repository/conf/axis2/axis2.xml");
        var clustering = document.Root!.Element("clustering")!;
        var enable = clustering.Attribute("enable")!;

        Assert.Equal("false", enable.Value);
        Assert.Equal("false", document.Source[enable.ValueSpan]);
        Assert.Equal('"', enable.Quote);
        Assert.Equal(new LinePosition(658, 25), document.Source.GetLinePosition(enable.ValueSpan.Start));
        Assert.Equal(new LinePosition(657, 5), document.Source.GetLinePosition(clustering.Span.Start));
        Assert.Equal(new LinePosition(767, 18), document.Source.GetLinePosition(clustering.Span.End));
    }

    [Fact]
    public void Registry_with_crlf_line_endings_keeps_line_numbers()
    {
        var document = Load("repository/conf/registry.xml");
        Assert.Contains("\r\n", document.Source.Text, StringComparison.Ordinal);
        var root = document.Root!;

        var readOnly = root.Element("readOnly")!;
        Assert.Equal("false", readOnly.Text);
        Assert.Equal(new LinePosition(25, 15), document.Source.GetLinePosition(readOnly.TextSpan.Start));
        Assert.Equal(new LinePosition(315, 1), document.Source.GetLinePosition(root.EndTagSpan!.Value.Start));
        Assert.Equal("wso2registry", root.Name);
        Assert.Equal("/wso2registry/dbConfig[@name='wso2registry']", root.Element("dbConfig")!.Path);
        Assert.Equal(new LinePosition(29, 5), document.Source.GetLinePosition(root.Element("dbConfig")!.Span.Start));
        Assert.Equal("xml", Assert.IsType<XmlProcessingInstructionSyntax>(document.Children[0]).Target);
    }

    [Fact]
    public void Master_datasources_commented_out_block_stays_a_comment()
    {
        var document = Load("repository/conf/datasources/master-datasources.xml");
        var root = document.Root!;
        var elements = XmlTestHelpers.DescendantsAndSelf(root).ToList();

        Assert.Equal("xmlns:svns", root.Attribute("svns")!.Name);
        Assert.DoesNotContain(elements, e => e.Attribute("secretAlias") is not null);
        var comment = elements.SelectMany(e => e.Children).OfType<XmlCommentSyntax>().Single(c => c.Content.Contains("svns:secretAlias"));
        Assert.StartsWith("datasource>", comment.Content, StringComparison.Ordinal);
        Assert.Equal(new LinePosition(98, 9), document.Source.GetLinePosition(comment.Span.Start));
    }
}
