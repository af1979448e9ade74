using ApimLint.Syntax.Xml;
using ApimLint.Text;

namespace ApimLint.Tests.Syntax.Xml;

internal static class XmlTestHelpers
{
    public static XmlDocumentSyntax Parse(string text) => XmlParser.Parse(new SourceText("test.xml", text));

    public static XmlElementSyntax ParseRoot(string text)
    {
        var document = Parse(text);
        Assert.Null(document.Error);
        return document.Root!;
    }

    public static IEnumerable<XmlElementSyntax> DescendantsAndSelf(XmlElementSyntax root) => root.DescendantsAndSelf();

    /// <summary>Checks that every span is exact and that the nodes tile the text with nothing lost.</summary>
    public static void AssertLossless(XmlDocumentSyntax document)
    {
        Assert.Null(document.Error);
        var source = document.Source;
        var text = source.Text;
        var previousEnd = text.StartsWith('\uFEFF') ? 1 : 0;
        foreach (var node in document.Children)
        {
            Assert.True(string.IsNullOrWhiteSpace(text[previousEnd..node.Span.Start]), $"gap before {node.Span} is not whitespace");
            Assert.Null(node.Parent);
            previousEnd = node.Span.End;
        }
        Assert.True(string.IsNullOrWhiteSpace(text[previousEnd..]));
        Assert.Same(document.Root, document.Children.OfType<XmlElementSyntax>().Single());

        foreach (var element in DescendantsAndSelf(document.Root!))
        {
            var raw = element.SourceString;
            Assert.StartsWith("<" + element.Name, raw, StringComparison.Ordinal);
            Assert.EndsWith(">", raw, StringComparison.Ordinal);
            Assert.Equal(element.Name, source[element.NameSpan]);
            Assert.Equal(element.Span.Start, element.StartTagSpan.Start);
            Assert.EndsWith(">", source[element.StartTagSpan], StringComparison.Ordinal);
            if (element.EndTagSpan is { } endTag)
            {
                Assert.False(element.IsSelfClosing);
                Assert.Equal(element.Span.End, endTag.End);
                Assert.StartsWith("</" + element.Name, source[endTag], StringComparison.Ordinal);
                Assert.Equal(element.StartTagSpan.End, element.ContentSpan.Start);
                Assert.Equal(endTag.Start, element.ContentSpan.End);
            }
            else
            {
                Assert.True(element.IsSelfClosing);
                Assert.EndsWith("/>", raw, StringComparison.Ordinal);
                Assert.Equal(new TextSpan(element.Span.End - 2, 0), element.ContentSpan);
            }

            // The children tile the content exactly: each starts where the previous one ended.
            var cursor = element.ContentSpan.Start;
            foreach (var child in element.Children)
            {
                Assert.Same(element, child.Parent);
                Assert.Equal(cursor, child.Span.Start);
                cursor = child.Span.End;
            }
            Assert.Equal(element.ContentSpan.End, cursor);
            Assert.True(element.ContentSpan.Contains(element.TextSpan));

            foreach (var attribute in element.Attributes)
            {
                Assert.Same(element, attribute.Parent);
                Assert.True(element.StartTagSpan.Contains(attribute.Span));
                Assert.Equal(attribute.Name, source[attribute.NameSpan]);
                Assert.Equal(attribute.NameSpan.Start, attribute.Span.Start);
                var quote = attribute.Quote.ToString();
                Assert.EndsWith(quote + source[attribute.ValueSpan] + quote, attribute.SourceString, StringComparison.Ordinal);
                Assert.DoesNotContain(attribute.Quote, source[attribute.ValueSpan]);
            }
        }
    }
}
