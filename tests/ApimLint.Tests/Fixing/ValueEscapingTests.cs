using ApimLint.Engine;
using ApimLint.Fixing;
using ApimLint.Syntax.Json;
using ApimLint.Syntax.Nginx;
using ApimLint.Syntax.Properties;
using ApimLint.Syntax.Xml;
using ApimLint.Text;

namespace ApimLint.Tests.Fixing;

/// <summary>
/// A value written into a file by a fix (Edits.Replace) is escaped for the place it goes: the file still parses and
/// its reader reads exactly the value given, whatever characters it holds.
/// </summary>
public sealed class ValueEscapingTests
{
    public static readonly TheoryData<string> Values = new()
    {
        "plain", "a\"b", "a'b", "x & y < z > w", "end]]>more", "tab\there", "two\nlines", "cr\rhere", " leading", "trailing ",
        "key:=value", "back\\slash", "\\u0041", "é€😀", "#not a comment", "${carbon.home}/x;y{z}", "",
    };

    /// <summary>Writes <paramref name="value"/> at <paramref name="location"/> and reads the file again.</summary>
    private static SourceText Written(SourceText source, Location location, string value) =>
        new(source.Path, TextEditor.Apply(source.Text, [Edits.Replace(location, value)], source.NewLine));

    [Theory]
    [MemberData(nameof(Values))]
    public void Xml_attribute_values_in_either_quotes(string value)
    {
        foreach (var quote in new[] { '"', '\'' })
        {
            var source = new SourceText("/d/a.xml", $"<root><e timeout={quote}old{quote} other=\"x\"/></root>\n");
            var attribute = XmlParser.Parse(source).Root!.Element("e")!.Attribute("timeout")!;

            var written = XmlParser.Parse(Written(source, Location.InFile(source, attribute.ValueSpan), value));

            Assert.Null(written.Error);
            Assert.Equal(value, written.Root!.Element("e")!.AttributeValue("timeout"));
            Assert.Equal("x", written.Root!.Element("e")!.AttributeValue("other"));
        }
    }

    [Theory]
    [MemberData(nameof(Values))]
    public void Xml_element_text_open_or_self_closing(string value)
    {
        foreach (var element in new[] { "<e>old &amp; older</e>", "<e/>", "<e></e>" })
        {
            var source = new SourceText("/d/a.xml", $"<root>\n    {element}\n    <f>kept</f>\n</root>\n");
            var e = XmlParser.Parse(source).Root!.Element("e")!;

            var written = XmlParser.Parse(Written(source, Location.InFile(source, e.TextSpan), value));

            Assert.Null(written.Error);
            // Element text is read trimmed of XML whitespace, and a line break as a line feed.
            Assert.Equal(value.Trim(' ', '\t', '\n', '\r'), written.Root!.Element("e")!.Text);
            Assert.Equal("kept", written.Root!.Element("f")!.Text);
        }
    }

    [Fact]
    public void A_character_xml_cannot_carry_is_not_written()
    {
        var source = new SourceText("/d/a.xml", "<root a=\"x\">text</root>");
        var root = XmlParser.Parse(source).Root!;

        Assert.Null(Edits.TryReplace(Location.InFile(source, root.TextSpan), "nul\0"));
        Assert.Null(Edits.TryReplace(Location.InFile(source, root.Attribute("a")!.ValueSpan), "bell\a"));
    }

    [Theory]
    [MemberData(nameof(Values))]
    public void Properties_values_whole_or_in_part(string value)
    {
        var source = new SourceText("/d/jndi.properties",
            "# comment\nplain.key = old\\\n    continued\nescaped\\:key=x\\:y\nurl = amqp://admin:pw@clientid/carbon?brokerlist='tcp://localhost:5672'\n");
        var file = PropertiesParser.Parse(source);
        var url = file.Entry("url")!;
        var brokerStart = url.Value.IndexOf("tcp://", StringComparison.Ordinal);
        var brokerSpan = TextSpan.FromBounds(url.ValueSpan.Start + brokerStart, url.ValueSpan.Start + brokerStart + "tcp://localhost:5672".Length);

        foreach (var (key, span) in new[] { ("plain.key", file.Entry("plain.key")!.ValueSpan), ("escaped:key", file.Entry("escaped:key")!.ValueSpan), ("url", brokerSpan) })
        {
            var written = PropertiesParser.Parse(Written(source, Location.InFile(source, span), value));

            Assert.Null(written.Error);
            var expected = key == "url" ? $"amqp://admin:pw@clientid/carbon?brokerlist='{value}'" : value;
            Assert.Equal(expected, written.Entry(key)!.Value);
            Assert.Equal(["plain.key", "escaped:key", "url"], written.Entries.Select(e => e.Key));
            // Every character outside printable ASCII is a \u escape: the file reads the same as Latin-1 or UTF-8.
            Assert.DoesNotContain(written.Source.Text, c => c > '~');
        }
    }

    [Theory]
    [MemberData(nameof(Values))]
    public void Json_strings(string value)
    {
        var source = new SourceText("/d/site.json", "{\n  // comment\n  \"context\": \"/old\",\n  \"enabled\": false\n}\n");
        var context = (JsonScalarSyntax)((JsonObjectSyntax)JsonParser.Parse(source).Root!).Property("context")!.Value;

        var written = JsonParser.Parse(Written(source, Location.InFile(source, context.ValueSpan), value));

        Assert.Null(written.Error);
        var root = (JsonObjectSyntax)written.Root!;
        Assert.Equal(value, ((JsonScalarSyntax)root.Property("context")!.Value).Value);
        Assert.Equal("false", ((JsonScalarSyntax)root.Property("enabled")!.Value).Value);
    }

    [Fact]
    public void Json_literals_take_literals_only()
    {
        var source = new SourceText("/d/site.json", "{\"enabled\": false, \"size\": 5}");
        var root = (JsonObjectSyntax)JsonParser.Parse(source).Root!;
        var enabled = Location.InFile(source, ((JsonScalarSyntax)root.Property("enabled")!.Value).ValueSpan);

        Assert.Equal("true", Edits.Replace(enabled, "true").NewText);
        Assert.Equal("1.5e3", Edits.Replace(Location.InFile(source, ((JsonScalarSyntax)root.Property("size")!.Value).ValueSpan), "1.5e3").NewText);
        Assert.Null(Edits.TryReplace(enabled, "yes"));
        Assert.Null(Edits.TryReplace(enabled, "true, \"injected\": 1"));
    }

    [Theory]
    [MemberData(nameof(Values))]
    public void Nginx_arguments_bare_or_quoted(string value)
    {
        var source = new SourceText("/d/nginx.conf", "http {\n    server {\n        proxy_cookie_path /old '/quoted';\n        listen 443;\n    }\n}\n");
        var cookie = NginxParser.Parse(source).Directives[0].Block![0].Block![0];

        foreach (var argument in cookie.Arguments)
        {
            var written = NginxParser.Parse(Written(source, Location.InFile(source, argument.Span), value));

            Assert.Null(written.Error);
            var server = written.Directives[0].Block![0].Block!;
            Assert.Equal(value, server[0].Arguments[argument == cookie.Arguments[0] ? 0 : 1].Value);
            Assert.Equal(["proxy_cookie_path", "listen"], server.Select(d => d.Name));
        }
    }

    [Fact]
    public void A_place_that_is_no_value_is_not_written()
    {
        var source = new SourceText("/d/a.properties", "key = value\n");
        var entry = PropertiesParser.Parse(source).Entry("key")!;

        Assert.Null(Edits.TryReplace(Location.InFile(source, entry.Span), "x"));
        Assert.Null(Edits.TryReplace(Location.InFile(source, entry.KeySpan), "x"));
    }
}
