using ApimLint.Syntax.Json;
using ApimLint.Text;

namespace ApimLint.Tests.Syntax;

public sealed class JsonParserTests
{
    [Theory]
    [InlineData("store")]
    [InlineData("publisher")]
    [InlineData("admin")]
    public void Real_site_json_with_comments_and_trailing_commas_parses(string app)
    {
        var path = TestPaths.Fixture($"realworld-2.6.0/repository/deployment/server/jaggeryapps/{app}/site/conf/site.json");
        var document = JsonParser.Parse(new SourceText(path, File.ReadAllText(path)));

        Assert.Null(document.Error);
        var proxy = Assert.IsType<JsonObjectSyntax>(Assert.IsType<JsonObjectSyntax>(document.Root).Property("reverseProxy")!.Value);
        var enabled = Assert.IsType<JsonScalarSyntax>(proxy.Property("enabled")!.Value);
        Assert.Equal(JsonScalarKind.False, enabled.Kind);
        Assert.Equal("false", document.Source[enabled.Span]);
        var host = Assert.IsType<JsonScalarSyntax>(proxy.Property("host")!.Value);
        Assert.Equal("sample.proxydomain.com", document.Source[host.ValueSpan]);
    }

    [Fact]
    public void Spans_are_in_characters_after_non_ascii_text()
    {
        var source = new SourceText("x.json", "{ \"name\": \"Zoë 😀\", \"next\": true }");
        var root = Assert.IsType<JsonObjectSyntax>(JsonParser.Parse(source).Root);

        var next = root.Property("next")!;
        Assert.Equal("\"next\"", source[next.NameSpan]);
        Assert.Equal("true", source[next.Value.Span]);
        Assert.Equal("Zoë 😀", ((JsonScalarSyntax)root.Property("name")!.Value).Value);
    }

    [Fact]
    public void Malformed_json_reports_its_position()
    {
        var source = new SourceText("x.json", "{\n  \"a\": 1,\n  \"b\" 2\n}");
        var error = JsonParser.Parse(source).Error;

        Assert.NotNull(error);
        Assert.Equal(new LinePosition(3, 7), error.Position);
    }

    [Fact]
    public void Empty_file_is_an_error()
    {
        var error = JsonParser.Parse(new SourceText("x.json", "  // nothing\n")).Error;
        Assert.Equal("the file holds no JSON value", error?.Message);
    }
}

public sealed class JsonCommentTests
{
    [Fact]
    public void Comments_are_kept_with_their_spans()
    {
        var source = new SourceText("x.json", "{\n  // line one\n  \"a\": 1, /* block */\n  \"b\": 2 // tail\n}");
        var document = JsonParser.Parse(source);

        Assert.Null(document.Error);
        Assert.Equal([" line one", " block ", " tail"], document.Comments.Select(c => c.Text));
        Assert.Equal(["// line one", "/* block */", "// tail"], document.Comments.Select(c => source[c.Span]));
        Assert.Equal(2, ((JsonObjectSyntax)document.Root!).Properties.Count);
    }
}
