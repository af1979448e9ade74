using ApimLint.Syntax.Nginx;
using ApimLint.Text;

namespace ApimLint.Tests.Syntax.Nginx;

public sealed class NginxParserTests
{
    private static NginxFileSyntax Parse(string text) => NginxParser.Parse(new SourceText("nginx.conf", text));

    private static LinePosition Position(ApimLint.Syntax.SyntaxNode node) => node.Source.GetLinePosition(node.Span.Start);

    [Fact]
    public void The_guide_s_configuration_parses_with_exact_spans()
    {
        var file = NginxParser.Parse(new SourceText("nginx.conf", File.ReadAllText(TestPaths.Fixture("example/nginx/nginx.conf"))));

        Assert.Null(file.Error);
        var http = Assert.Single(file.Directives);
        Assert.Equal("http", http.Name);
        var server = http.FindAll("server").First();
        var ssl = server.Find("ssl")!;
        Assert.Equal("on", ssl.Arguments[0].Value);
        Assert.Equal(new LinePosition(30, 13), Position(ssl.Arguments[0]));
        Assert.Equal("<<Certifacte.crt>>", server.Find("ssl_certificate")!.Arguments.Single().Value);
        var regex = server.FindAll("location").Single(l => l.Arguments[0].Value == "~" && l.Arguments[1].Value.StartsWith("^/store"));
        Assert.Equal(["~", "^/store/(.*)registry/(.*)$"], regex.Arguments.Select(a => a.Value));
        Assert.Equal("https://allnodes/$1registry/$2", regex.Find("proxy_pass")!.Arguments.Single().Value);
        Assert.Same(server, regex.Parent);
        Assert.Equal("location ~ ^/store/(.*)registry/(.*)$ {", file.Source[regex.Span].Split('\n')[0]);
        Assert.EndsWith("}", file.Source[regex.Span]);
    }

    [Fact]
    public void Quotes_escapes_and_comments_follow_nginx()
    {
        var file = Parse("a \"x \\\" y\" 'it\\'s' b\\ c \"\\d\";\nb a#b; # comment ;\r\nc \"${x}\" http://${y}/z ;");

        Assert.Null(file.Error);
        Assert.Equal(["x \" y", "it's", "b c", "\\d"], file.Directives[0].Arguments.Select(a => a.Value));
        Assert.True(file.Directives[0].Arguments[0].IsQuoted);
        Assert.Equal("\"x \\\" y\"", file.Source[file.Directives[0].Arguments[0].Span]);
        Assert.Equal(["a#b"], file.Directives[1].Arguments.Select(a => a.Value));
        Assert.Equal(["${x}", "http://${y}/z"], file.Directives[2].Arguments.Select(a => a.Value));
        Assert.Equal(new LinePosition(3, 1), Position(file.Directives[2]));
    }

    [Theory]
    [InlineData("http {\n  server {\n  }\n", 4, 1, "unexpected end of file, expecting \"}\"")]
    [InlineData("events { }\n}\n", 2, 1, "unexpected \"}\"")]
    [InlineData("listen 80", 1, 10, "unexpected end of file, expecting \";\" or \"}\"")]
    [InlineData("http { ; }", 1, 8, "unexpected \";\"")]
    [InlineData("{ }", 1, 1, "unexpected \"{\"")]
    [InlineData("server_name \"a\"b;", 1, 16, "unexpected \"b\"")]
    [InlineData("server_name \"abc;\n", 2, 1, "unexpected end of file, expecting \";\" or \"}\"")]
    [InlineData("location /a {\n  proxy_pass x }\n", 2, 16, "unexpected \"}\"")]
    public void Errors_are_reported_where_nginx_reports_them(string text, int line, int column, string message)
    {
        var error = Parse(text).Error;

        Assert.NotNull(error);
        Assert.Equal(message, error.Message);
        Assert.Equal(new LinePosition(line, column), error.Position);
    }

    [Fact]
    public void Deep_nesting_is_an_error_not_a_crash()
    {
        var text = string.Concat(Enumerable.Repeat("a {", 100_000));
        Assert.Equal("blocks nested deeper than 256", Parse(text).Error?.Message);
    }
}
