using System.Text;
using ApimLint.Syntax.Xml;
using ApimLint.Text;
using static ApimLint.Tests.Syntax.Xml.XmlTestHelpers;

namespace ApimLint.Tests.Syntax.Xml;

public sealed class XmlParserErrorTests
{
    private static void AssertError(string text, int line, int column, string message)
    {
        var document = Parse(text);

        Assert.NotNull(document.Error);
        Assert.Equal(message, document.Error.Message);
        Assert.Equal(new LinePosition(line, column), document.Error.Position);
        Assert.Same(document.Source, document.Error.Source);
        Assert.Null(document.Root);
        Assert.Empty(document.Children);
    }

    [Theory]
    // Truncation: reported at the end of the text.
    [InlineData("<a>\n  <b>text", 2, 10, "unexpected end of file: <b> opened at 2:3 is not closed")]
    [InlineData("<a>\n<b x='1'", 2, 9, "unexpected end of file inside start tag <b>")]
    [InlineData("<a x='1/>", 1, 10, "unexpected end of file inside attribute value")]
    [InlineData("<a></a", 1, 7, "unexpected end of file, expected '>'")]
    [InlineData("<a><![CDATA[x</a>", 1, 18, "unexpected end of file inside CDATA section")]
    [InlineData("<a><?pi x</a>", 1, 14, "unexpected end of file inside processing instruction")]
    [InlineData("<!DOCTYPE a [<!ENTITY x 'y'>", 1, 29, "unexpected end of file inside DOCTYPE")]
    // Structure.
    [InlineData("<a>\n  <b></c>\n</a>", 2, 6, "end tag </c> does not match <b> opened at 2:3")]
    [InlineData("<a/>\n<b/>", 2, 1, "only one root element is allowed")]
    [InlineData("<a/>x", 1, 5, "text is not allowed after the root element")]
    [InlineData("x<a/>", 1, 1, "text is not allowed before the root element")]
    [InlineData("</a>", 1, 1, "end tag without a matching start tag")]
    [InlineData("<?xml version='1.0'?>\n<!-- c -->\n", 3, 1, "missing root element")]
    [InlineData("", 1, 1, "missing root element")]
    [InlineData(" <?xml version='1.0'?><a/>", 1, 2, "the XML declaration is only allowed at the very start of the document")]
    [InlineData("<a><!DOCTYPE a></a>", 1, 4, "expected a comment or CDATA section after '<!'")]
    [InlineData("<a/><!DOCTYPE a>", 1, 5, "DOCTYPE is not allowed after the root element")]
    // Names and tags.
    [InlineData("<1a/>", 1, 2, "invalid name start character '1'")]
    [InlineData("< a/>", 1, 2, "invalid name start character ' '")]
    [InlineData("<a/ >", 1, 4, "expected '>'")]
    [InlineData("<a \"x\"/>", 1, 4, "expected an attribute name, '>' or '/>'")]
    // Attributes.
    [InlineData("<a x y='1'/>", 1, 6, "attribute 'x' has no value")]
    [InlineData("<a x='1' y='2' x='3'/>", 1, 16, "duplicate attribute 'x'")]
    [InlineData("<a x='1'y='2'/>", 1, 9, "expected whitespace before the attribute name")]
    [InlineData("<a x=1/>", 1, 6, "expected a quoted value for attribute 'x'")]
    [InlineData("<a x='a<b'/>", 1, 8, "'<' is not allowed in an attribute value")]
    // References and character data.
    [InlineData("<a>AT&T</a>", 1, 6, "unescaped '&' (write &amp; for a literal '&')")]
    [InlineData("<a x='a & b'/>", 1, 9, "unescaped '&' (write &amp; for a literal '&')")]
    [InlineData("<a>&nbsp;</a>", 1, 4, "undefined entity '&nbsp;'")]
    [InlineData("<a>&#0;</a>", 1, 4, "character reference '&#0;' is not a valid XML character")]
    [InlineData("<a>&#xZ;</a>", 1, 4, "malformed character reference (expected '&#digits;' or '&#xhex;')")]
    [InlineData("<a>x]]>y</a>", 1, 5, "']]>' is not allowed in text")]
    [InlineData("<a>\n<!-- a -- b -->\n</a>", 2, 8, "'--' is not allowed inside a comment")]
    // XML declaration and DOCTYPE.
    [InlineData("<?xml version=\"2.0\"?><a/>", 1, 16, "invalid version '2.0' in the XML declaration")]
    [InlineData("<?xml encoding=\"UTF-8\"?><a/>", 1, 7, "expected 'version' in the XML declaration")]
    [InlineData("<?xml version='1.0' standalone='yes' encoding='UTF-8'?><a/>", 1, 38, "expected 'encoding', 'standalone' or '?>' in the XML declaration")]
    [InlineData("<?xml version='1.0' encoding='UTF 8'?><a/>", 1, 31, "invalid encoding 'UTF 8' in the XML declaration")]
    [InlineData("<?xml version='1.0'standalone='no'?><a/>", 1, 20, "expected whitespace or '?>'")]
    [InlineData("<!DOCTYPE a>\n<!DOCTYPE a>\n<a/>", 2, 1, "only one DOCTYPE is allowed")]
    [InlineData("<!DOCTYPE a SYSTEM \"a.dtd>\n<a/>", 2, 5, "unexpected end of file inside a quoted literal")]
    public void Reports_the_first_error_with_its_position(string text, int line, int column, string message) =>
        AssertError(text, line, column, message);

    [Fact]
    public void Unclosed_comment_is_reported_at_the_end_of_the_file() =>
        AssertError("<a>\n<!-- x\n</a>", 3, 5, "unexpected end of file inside comment");

    [Theory]
    [InlineData("<a>x\0</a>", 1, 5, "character U+0000 is not allowed in XML")]
    [InlineData("<a x='\u0001'/>", 1, 7, "character U+0001 is not allowed in XML")]
    [InlineData("<a>\uFFFF</a>", 1, 4, "character U+FFFF is not allowed in XML")]
    [InlineData("<a>\u0001</b>", 1, 4, "character U+0001 is not allowed in XML")]
    [InlineData("<a></b>\u0001", 1, 4, "end tag </b> does not match <a> opened at 1:1")]
    [InlineData("<a/>\0", 1, 5, "character U+0000 is not allowed in XML")]
    public void Control_characters_are_errors_unless_an_earlier_error_came_first(string text, int line, int column, string message) =>
        AssertError(text, line, column, message);

    [Fact]
    public void Unpaired_surrogate_is_an_error()
    {
        // Built at run time: a lone surrogate in attribute data does not survive test discovery.
        AssertError("<a>x" + '\uD800' + "</a>", 1, 5, "character U+D800 is not allowed in XML");
        AssertError("<a>" + '\uDC00' + '\uD800' + "</a>", 1, 4, "character U+DC00 is not allowed in XML");
    }

    [Theory]
    [InlineData("\uFEFF\uFEFF<a/>", 1, 2, "text is not allowed before the root element")]
    [InlineData("<a/>\uFEFF", 1, 5, "text is not allowed after the root element")]
    [InlineData("\uFEFF", 1, 2, "missing root element")]
    public void Byte_order_mark_is_only_skipped_at_offset_zero(string text, int line, int column, string message) =>
        AssertError(text, line, column, message);

    [Fact]
    public void Billion_laughs_is_an_undefined_entity_and_nothing_is_expanded()
    {
        var builder = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n  <!ENTITY lol \"lol\">\n");
        for (var i = 1; i <= 9; i++)
        {
            var previous = i == 1 ? "lol" : $"lol{i - 1}";
            builder.Append($"  <!ENTITY lol{i} \"").Append(string.Concat(Enumerable.Repeat($"&{previous};", 10))).Append("\">\n");
        }
        builder.Append("]>\n<lolz>&lol9;</lolz>");

        // Refused at the first reference, before anything is expanded: nothing to time.
        AssertError(builder.ToString(), 14, 7, "undefined entity '&lol9;'");
    }

    [Fact]
    public void External_entity_reference_is_an_error_and_nothing_is_read()
    {
        // A file the parser would have to read to expand the entity; its content must never surface.
        var secret = Path.Combine(Path.GetTempPath(), $"apimlint-xxe-{Guid.NewGuid():N}.txt");
        File.WriteAllText(secret, "TOP-SECRET");
        try
        {
            var uri = new Uri(secret).AbsoluteUri;
            var text = $"<!DOCTYPE foo [\n  <!ENTITY xxe SYSTEM \"{uri}\">\n]>\n<foo>&xxe;</foo>";
            AssertError(text, 4, 6, "external entities are not allowed: '&xxe;'");
            AssertError("<!DOCTYPE foo [<!ENTITY xxe PUBLIC \"-//x\" \"file:///etc/passwd\">]><foo a='&xxe;'/>", 1, 74, "external entities are not allowed: '&xxe;'");
        }
        finally
        {
            File.Delete(secret);
        }
    }

    [Fact]
    public void Entity_declared_in_the_doctype_is_still_undefined() =>
        AssertError("<!DOCTYPE a [<!ENTITY e \"x\">]><a>&e;</a>", 1, 34, "undefined entity '&e;'");

    [Fact]
    public void Deep_nesting_is_an_error_not_a_crash()
    {
        const int depth = 100_000;
        var text = string.Concat(Enumerable.Repeat("<a>", depth)) + string.Concat(Enumerable.Repeat("</a>", depth));

        AssertError(text, 1, XmlParser.MaxDepth * 3 + 1, $"elements are nested deeper than {XmlParser.MaxDepth} levels");
    }

    [Fact]
    public void Every_truncation_of_a_real_file_is_an_error_not_an_exception()
    {
        var text = File.ReadAllText(Path.Combine(TestPaths.Fixture("realworld-2.6.0"), "repository/conf/tomcat/catalina-server.xml"));
        for (var length = 0; length < text.TrimEnd().Length; length++)
        {
            var document = Parse(text[..length]);
            Assert.NotNull(document.Error);
            Assert.InRange(document.Error.Offset, 0, length);
        }
    }

    [Fact]
    public void Random_edits_of_real_files_never_throw_and_what_parses_is_lossless()
    {
        var folder = TestPaths.Fixture("realworld-2.6.0");
        var files = Directory.EnumerateFiles(folder, "*.xml", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        string[] pieces = ["<", ">", "/", "&", ";", "=", "\"", "'", " ", "\r\n", "<!--", "-->", "]]>", "<![CDATA[", "&#x0;", "&amp;", "<a>", "</a>", "<b/>", "\0", "\uFEFF", "<?pi x?>"];
        var random = new Random(20240601);
        foreach (var file in files)
        {
            var original = File.ReadAllText(file);
            for (var round = 0; round < 80; round++)
            {
                var builder = new StringBuilder(original);
                var position = random.Next(builder.Length);
                if (random.Next(2) == 0) builder.Remove(position, Math.Min(random.Next(1, 30), builder.Length - position));
                else builder.Insert(position, pieces[random.Next(pieces.Length)]);

                var document = Parse(builder.ToString());

                if (document.Error is null) AssertLossless(document);
                else Assert.InRange(document.Error.Offset, 0, builder.Length);
            }
        }
    }

    [Fact]
    public void Unclosed_element_names_where_it_opened()
    {
        const string text = "<a>\r\n  <b>\r\n    <c/>\r\n";
        var document = Parse(text);

        Assert.Equal("unexpected end of file: <b> opened at 2:3 is not closed", document.Error!.Message);
        Assert.Equal(text.Length, document.Error.Offset);
    }
}
