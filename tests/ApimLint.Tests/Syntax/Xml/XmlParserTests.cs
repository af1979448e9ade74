using ApimLint.Syntax.Xml;
using ApimLint.Text;
using static ApimLint.Tests.Syntax.Xml.XmlTestHelpers;

namespace ApimLint.Tests.Syntax.Xml;

public sealed class XmlParserTests
{
    [Fact]
    public void Parses_declaration_comments_and_root_with_exact_spans()
    {
        const string text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- head -->\n<a x='1'>hi</a>\n<!--tail-->\n";
        var document = Parse(text);

        AssertLossless(document);
        Assert.Equal(new TextSpan(0, text.Length), document.Span);
        Assert.Collection(
            document.Children,
            n => Assert.Equal("xml", Assert.IsType<XmlProcessingInstructionSyntax>(n).Target),
            n => Assert.Equal(" head ", Assert.IsType<XmlCommentSyntax>(n).Content),
            n => Assert.Same(document.Root, n),
            n => Assert.Equal("tail", Assert.IsType<XmlCommentSyntax>(n).Content));
        var root = document.Root!;
        Assert.Equal("<a x='1'>hi</a>", root.SourceString);
        Assert.Equal("<a x='1'>", document.Source[root.StartTagSpan]);
        Assert.Equal("</a>", document.Source[root.EndTagSpan!.Value]);
        Assert.Equal("hi", document.Source[root.ContentSpan]);
        Assert.Equal("hi", root.Text);
        Assert.Equal("1", root.AttributeValue("x"));
        Assert.Equal('\'', root.Attribute("x")!.Quote);
        var comment = (XmlCommentSyntax)document.Children[1];
        Assert.Equal("<!-- head -->", comment.SourceString);
        Assert.Equal(" head ", document.Source[comment.ContentSpan]);
    }

    [Fact]
    public void Text_span_points_at_the_trimmed_value()
    {
        const string text = "<root>\n  <port>\n     4000  \n  </port>\n</root>";
        var document = Parse(text);
        var port = document.Root!.Element("port")!;

        Assert.Equal("4000", port.Text);
        Assert.Equal("4000", document.Source[port.TextSpan]);
        Assert.Equal(new LinePosition(3, 6), document.Source.GetLinePosition(port.TextSpan.Start));
    }

    [Fact]
    public void Element_without_text_has_an_empty_text_span_at_the_content_start()
    {
        var root = ParseRoot("<a>\n  <b/>\n  <!-- c -->\n</a>");

        Assert.Equal("", root.Text);
        Assert.Equal(new TextSpan(root.ContentSpan.Start, 0), root.TextSpan);
        var b = root.Element("b")!;
        Assert.True(b.IsSelfClosing);
        Assert.Null(b.EndTagSpan);
        Assert.Equal("", b.Text);
        Assert.Equal(new TextSpan(b.Span.End - 2, 0), b.ContentSpan);
        Assert.Equal(b.ContentSpan, b.TextSpan);
    }

    [Fact]
    public void Text_concatenates_text_and_cdata_children_only()
    {
        const string text = "<a> x <b>inner</b> <![CDATA[ <y> & ]]> <!-- no --> z </a>";
        var document = Parse(text);
        var root = document.Root!;

        Assert.Equal("x   <y> &   z", root.Text);
        Assert.Equal("x <b>inner</b> <![CDATA[ <y> & ]]> <!-- no --> z", document.Source[root.TextSpan]);
        var cdata = root.Children.OfType<XmlTextSyntax>().Single(t => t.IsCData);
        Assert.Equal(" <y> & ", cdata.Value);
        Assert.Equal("<![CDATA[ <y> & ]]>", cdata.SourceString);
        Assert.Equal(7, root.Children.Count);
    }

    [Fact]
    public void Cdata_only_text_span_points_inside_the_section()
    {
        var document = Parse("<a><![CDATA[  secret ]]></a>");
        Assert.Equal("secret", document.Root!.Text);
        Assert.Equal("secret", document.Source[document.Root.TextSpan]);
    }

    [Fact]
    public void Decodes_predefined_entities_and_character_references()
    {
        const string text = "<a v=\"&lt;&gt;&amp;&quot;&apos;&#65;&#x42;&#x1F600;\">&lt;b&gt; &amp; &#10;x&#x41;&#128512;</a>";
        var document = Parse(text);
        var root = document.Root!;

        Assert.Equal("<>&\"'AB\U0001F600", root.AttributeValue("v"));
        Assert.Equal("&lt;&gt;&amp;&quot;&apos;&#65;&#x42;&#x1F600;", document.Source[root.Attribute("v")!.ValueSpan]);
        Assert.Equal("<b> & \nxA\U0001F600", root.Text);
        AssertLossless(document);
    }

    [Fact]
    public void Character_references_to_whitespace_are_trimmed_from_text_and_its_span()
    {
        var document = Parse("<a>&#32; v &#x9;</a>");
        Assert.Equal("v", document.Root!.Text);
        Assert.Equal("v", document.Source[document.Root.TextSpan]);
    }

    [Fact]
    public void Attribute_values_are_normalized_as_xml_requires()
    {
        var root = ParseRoot("<a v=\"x\r\n\ty\n\" w='&#10;'/>");

        Assert.Equal("x  y ", root.AttributeValue("v"));
        Assert.Equal("\n", root.AttributeValue("w"));
    }

    [Fact]
    public void Text_line_breaks_are_normalized_to_lf()
    {
        var root = ParseRoot("<a>x\r\ny\rz<![CDATA[\r\n]]></a>");
        Assert.Equal("x\ny\nz\n", string.Concat(root.Children.OfType<XmlTextSyntax>().Select(t => t.Value)));
    }

    [Fact]
    public void Attributes_spread_over_lines_with_spaces_around_equals()
    {
        const string text = "<clustering class=\"c.Agent\"\r\n            enable = 'false'\n\tx\t=\"1\">\r\n</clustering>";
        var document = Parse(text);
        var root = document.Root!;

        AssertLossless(document);
        Assert.Equal(["class", "enable", "x"], root.Attributes.Select(a => a.Name));
        var enable = root.Attribute("enable")!;
        Assert.Equal("enable = 'false'", enable.SourceString);
        Assert.Equal("false", document.Source[enable.ValueSpan]);
        Assert.Equal(new LinePosition(2, 23), document.Source.GetLinePosition(enable.ValueSpan.Start));
        Assert.Equal(new LinePosition(3, 2), document.Source.GetLinePosition(root.Attribute("x")!.NameSpan.Start));
    }

    [Fact]
    public void Prefixed_names_keep_the_qualified_name_and_expose_the_local_name()
    {
        var root = ParseRoot("<svns:root xmlns:svns='urn:x'><svns:item svns:secretAlias='k'/><item/></svns:root>");

        Assert.Equal("svns:root", root.Name);
        Assert.Equal("root", root.LocalName);
        Assert.Equal(2, root.Elements("item").Count());
        Assert.Equal("svns:item", root.Element("item")!.Name);
        Assert.Equal("k", root.Element("item")!.AttributeValue("secretAlias"));
        Assert.Equal("secretAlias", root.Element("item")!.Attribute("secretAlias")!.LocalName);
    }

    [Fact]
    public void Element_navigation_and_path()
    {
        var root = ParseRoot(
            "<axisconfig name='AxisJava2.0'><clustering><parameter name='localMemberHost'>h</parameter>" +
            "<parameter name=\"it's\"/><members><member/></members></clustering></axisconfig>");
        var clustering = root.Element("clustering")!;
        var host = clustering.Element("parameter")!;
        var member = clustering.Element("members")!.Element("member")!;

        Assert.Equal("/axisconfig", root.Path);
        Assert.Equal("/axisconfig/clustering/parameter[@name='localMemberHost']", host.Path);
        Assert.Equal("/axisconfig/clustering/parameter[@name=\"it's\"]", clustering.Elements("parameter").Last().Path);
        Assert.Equal("/axisconfig/clustering/members/member", member.Path);
        Assert.Equal(["members", "clustering", "axisconfig"], member.Ancestors().Select(a => a.Name));
        Assert.Equal(["parameter", "parameter", "members"], clustering.Elements().Select(e => e.Name));
        Assert.Null(root.Element("missing"));
        Assert.Null(root.Attribute("missing"));
        Assert.Null(root.AttributeValue("missing"));
        Assert.Null(root.Parent);
        Assert.Same(root, clustering.Parent);
    }

    [Fact]
    public void Processing_instructions_inside_content_are_children()
    {
        var root = ParseRoot("<a><?php echo 1; ?><?x?></a>");
        Assert.Equal(["php", "x"], root.Children.Cast<XmlProcessingInstructionSyntax>().Select(p => p.Target));
        Assert.Equal("<?php echo 1; ?>", root.Children[0].SourceString);
    }

    [Fact]
    public void Byte_order_mark_at_offset_zero_is_skipped()
    {
        var document = Parse("\uFEFF<?xml version='1.0'?><a/>");

        AssertLossless(document);
        Assert.Equal(1, document.Children[0].Span.Start);
        Assert.Equal("<a/>", document.Root!.SourceString);
    }

    [Fact]
    public void Doctype_with_internal_subset_is_skipped_and_entities_are_not_declared()
    {
        const string text = "<!DOCTYPE a [\n  <!ENTITY e \"x > ] y\">\n  <!-- ] > -->\n  <!ELEMENT a ANY>\n]>\n<a>&amp;</a>";
        var document = Parse(text);

        Assert.Null(document.Error);
        Assert.Equal("&", document.Root!.Text);
        Assert.Equal(new LinePosition(6, 1), document.Source.GetLinePosition(document.Root.Span.Start));
    }

    [Fact]
    public void Unreferenced_external_entity_declaration_is_harmless()
    {
        var document = Parse("<!DOCTYPE a SYSTEM \"http://example.invalid/a.dtd\" [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><a>ok</a>");
        Assert.Null(document.Error);
        Assert.Equal("ok", document.Root!.Text);
    }

    [Fact]
    public void Names_may_use_non_ascii_letters()
    {
        var root = ParseRoot("<配置 ключ='значение'><𐀀/></配置>");
        Assert.Equal("配置", root.Name);
        Assert.Equal("значение", root.AttributeValue("ключ"));
        Assert.Equal("𐀀", root.Elements().Single().Name);
    }

    [Fact]
    public void Depth_of_exactly_the_limit_is_accepted()
    {
        var text = string.Concat(Enumerable.Repeat("<a>", XmlParser.MaxDepth)) + string.Concat(Enumerable.Repeat("</a>", XmlParser.MaxDepth));
        var root = ParseRoot(text);
        var deepest = DescendantsAndSelf(root).Last();
        Assert.Equal(XmlParser.MaxDepth - 1, deepest.Ancestors().Count());
    }
}
