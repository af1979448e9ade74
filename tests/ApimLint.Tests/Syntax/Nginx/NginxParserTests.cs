using ApimLint.Syntax;
using ApimLint.Syntax.Nginx;
using ApimLint.Text;

namespace ApimLint.Tests.Syntax.Nginx;

public sealed class NginxParserTests
{
    // The nginx.conf of the WSO2 API Manager 2.x active-passive deployment guide, laid out as an operator pastes it.
    private const string GuideConfig = """
        http {
            include mime.types;
            default_type application/octet-stream;
            sendfile on;
            keepalive_timeout 65;

            upstream manager-worker {
                server 127.0.0.1:9443;
            }

            upstream allnodes {
                server 127.0.0.1:9443;
                server 127.0.0.1:9444 backup;
            }

            upstream allnodes-traffic-http {
                server 127.0.0.1:8280;
                server 127.0.0.1:8281 backup;
            }

            upstream allnodes-traffic-https {
                server 127.0.0.1:8243;
                server 127.0.0.1:8244 backup;
            }

            server {
                server_name localhost;
                listen 443;
                ssl on;
                ssl_certificate <<Certifacte.crt>>;
                ssl_certificate_key <<CertficateKey.key>>;

                #Carbon - Manager-worker
                location /carbon {
                    index index.html;
                    proxy_set_header X-Forwarded-Host $host;
                    proxy_set_header X-Forwarded-Server $host;
                    proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                    proxy_pass https://manager-worker/carbon/;
                    proxy_redirect https://manager-worker/carbon/ https://localhost/carbon/;
                    #proxy_cookie_path / /carbon/;
                }

                location ~ ^/store/(.*)registry/(.*)$ {
                    index index.html;
                    proxy_pass https://allnodes/$1registry/$2;
                    proxy_next_upstream error timeout invalid_header http_500;
                    proxy_connect_timeout 2;
                }
            }
        }

        """;

    private static NginxFileSyntax Parse(string text)
    {
        var file = NginxParser.Parse(new SourceText("nginx.conf", text));
        return file;
    }

    private static NginxFileSyntax ParseValid(string text)
    {
        var file = Parse(text);
        Assert.True(file.Error is null, $"{file.Error?.Position}: {file.Error?.Message}");
        return file;
    }

    private static LinePosition Start(SyntaxNode node) => node.Source.GetLinePosition(node.Span.Start);

    private static LinePosition End(SyntaxNode node) => node.Source.GetLinePosition(node.Span.End);

    private static LinePosition At(SourceText source, int offset) => source.GetLinePosition(offset);

    private static string[] Values(NginxDirectiveSyntax directive) => directive.Arguments.Select(a => a.Value).ToArray();

    [Fact]
    public void Guide_config_has_the_structure_nginx_reads()
    {
        var file = ParseValid(GuideConfig);

        var http = Assert.Single(file.Directives);
        Assert.Equal("http", http.Name);
        Assert.Empty(http.Arguments);
        Assert.Null(http.Parent);
        Assert.Equal(
            ["include", "default_type", "sendfile", "keepalive_timeout", "upstream", "upstream", "upstream", "upstream", "server"],
            http.Block!.Select(d => d.Name));
        Assert.Equal(["mime.types"], Values(http.Find("include")!));
        Assert.Equal(["manager-worker", "allnodes", "allnodes-traffic-http", "allnodes-traffic-https"],
            http.FindAll("upstream").Select(u => u.Arguments.Single().Value));

        var allnodes = http.FindAll("upstream").Single(u => u.Arguments[0].Value == "allnodes");
        Assert.Equal([["127.0.0.1:9443"], ["127.0.0.1:9444", "backup"]], allnodes.FindAll("server").Select(Values));

        var server = http.Find("server")!;
        Assert.Same(http, server.Parent);
        Assert.Equal(["server_name", "listen", "ssl", "ssl_certificate", "ssl_certificate_key", "location", "location"],
            server.Block!.Select(d => d.Name));
        Assert.Equal(["443"], Values(server.Find("listen")!));
        Assert.Null(server.Find("proxy_pass"));
        Assert.Null(server.Find("listen")!.Find("anything"));
        Assert.Empty(server.Find("listen")!.FindAll("anything"));
    }

    [Fact]
    public void Guide_config_spans_are_exact()
    {
        var file = ParseValid(GuideConfig);
        var server = file.Directives[0].Find("server")!;

        var ssl = server.Find("ssl")!;
        Assert.Equal(new LinePosition(29, 9), Start(ssl));
        Assert.Equal(new LinePosition(29, 16), End(ssl));
        Assert.Equal("ssl on;", ssl.SourceString);
        Assert.Equal(new LinePosition(29, 9), At(file.Source, ssl.NameSpan.Start));
        var on = Assert.Single(ssl.Arguments);
        Assert.Equal("on", on.Value);
        Assert.False(on.IsQuoted);
        Assert.Equal(new LinePosition(29, 13), Start(on));
        Assert.Equal(new LinePosition(29, 15), End(on));

        var certificate = Assert.Single(server.Find("ssl_certificate")!.Arguments);
        Assert.Equal("<<Certifacte.crt>>", certificate.Value);
        Assert.Equal(new LinePosition(30, 25), Start(certificate));
        Assert.Equal("<<CertficateKey.key>>", server.Find("ssl_certificate_key")!.Arguments.Single().Value);

        var carbon = server.FindAll("location").First();
        Assert.Equal(["/carbon"], Values(carbon));
        Assert.Equal(["index", "proxy_set_header", "proxy_set_header", "proxy_set_header", "proxy_pass", "proxy_redirect"],
            carbon.Block!.Select(d => d.Name));
        Assert.Equal(["X-Forwarded-For", "$proxy_add_x_forwarded_for"], Values(carbon.FindAll("proxy_set_header").Last()));
        Assert.Equal(["https://manager-worker/carbon/", "https://localhost/carbon/"], Values(carbon.Find("proxy_redirect")!));

        var store = server.FindAll("location").Last();
        Assert.Equal(["~", "^/store/(.*)registry/(.*)$"], Values(store));
        Assert.Equal(new LinePosition(44, 18), Start(store.Arguments[0]));
        Assert.Equal(new LinePosition(44, 20), Start(store.Arguments[1]));
        Assert.Equal("^/store/(.*)registry/(.*)$", store.Arguments[1].SourceString);
        Assert.Equal(new LinePosition(44, 9), Start(store));
        Assert.Equal(new LinePosition(49, 10), End(store));
        Assert.Equal(new LinePosition(44, 47), At(file.Source, store.BlockSpan!.Value.Start));
        Assert.Equal(store.Span.End, store.BlockSpan.Value.End);
        Assert.StartsWith("location ~ ^/store/(.*)registry/(.*)$ {", store.SourceString);
        Assert.EndsWith("}", store.SourceString);

        var proxyPass = store.Find("proxy_pass")!;
        Assert.Equal("https://allnodes/$1registry/$2", proxyPass.Arguments.Single().Value);
        Assert.Equal("proxy_pass https://allnodes/$1registry/$2;", proxyPass.SourceString);
        Assert.Equal(new LinePosition(46, 24), Start(proxyPass.Arguments[0]));
        Assert.Equal(["error", "timeout", "invalid_header", "http_500"], Values(store.Find("proxy_next_upstream")!));
        Assert.Equal([store, server, file.Directives[0]], proxyPass.Ancestors());
    }

    [Fact]
    public void Every_node_span_holds_its_source_text()
    {
        var file = ParseValid(GuideConfig);
        var stack = new Stack<NginxDirectiveSyntax>(file.Directives);
        var count = 0;
        while (stack.Count > 0)
        {
            var directive = stack.Pop();
            count++;
            Assert.Equal(directive.Name, file.Source[directive.NameSpan]);
            Assert.StartsWith(directive.Name, directive.SourceString);
            Assert.EndsWith(directive.Block is null ? ";" : "}", directive.SourceString);
            foreach (var argument in directive.Arguments) Assert.Equal(argument.Value, argument.SourceString);
            if (directive.Block is null) continue;
            Assert.Equal("{", file.Source[new TextSpan(directive.BlockSpan!.Value.Start, 1)]);
            foreach (var child in directive.Block)
            {
                Assert.Same(directive, child.Parent);
                Assert.True(directive.BlockSpan.Value.Contains(child.Span));
                stack.Push(child);
            }
        }
        Assert.Equal(34, count);
    }

    [Fact]
    public void Quoted_arguments_are_unescaped_as_nginx_does()
    {
        var file = ParseValid("""
            a "x \" y" 'it\'s' "tab\there" "cr\rlf\n" "back\\slash" "\d" '' "{;}#";
            b b\ c b\"c b\\c b\tc;
            """);

        var a = file.Directives[0];
        Assert.Equal(["x \" y", "it's", "tab\there", "cr\rlf\n", "back\\slash", "\\d", "", "{;}#"], Values(a));
        Assert.All(a.Arguments, argument => Assert.True(argument.IsQuoted));
        Assert.Equal("\"x \\\" y\"", a.Arguments[0].SourceString);
        Assert.Equal("''", a.Arguments[6].SourceString);
        Assert.Equal(new LinePosition(1, 3), Start(a.Arguments[0]));

        // Outside quotes a backslash keeps the next character in the word; only the same escapes are removed.
        var b = file.Directives[1];
        Assert.Equal(["b\\ c", "b\"c", "b\\c", "b\tc"], Values(b));
        Assert.All(b.Arguments, argument => Assert.False(argument.IsQuoted));
        Assert.Equal("b\\ c", b.Arguments[0].SourceString);
    }

    [Fact]
    public void A_quoted_name_is_a_name()
    {
        var directive = ParseValid("\"listen\" '80';").Directives[0];

        Assert.Equal("listen", directive.Name);
        Assert.Equal(new TextSpan(0, 8), directive.NameSpan);
        Assert.Equal(new TextSpan(0, 14), directive.Span);
        Assert.True(directive.Arguments[0].IsQuoted);
    }

    [Fact]
    public void A_hash_starts_a_comment_only_where_a_word_could_start()
    {
        var file = ParseValid("""
            # leading comment ; { }
            a a#b "c"; # trailing; b {
            c #x
              d e#f;
            """);

        Assert.Equal(["a", "c"], file.Directives.Select(d => d.Name));
        Assert.Equal(["a#b", "c"], Values(file.Directives[0]));
        Assert.Equal(["d", "e#f"], Values(file.Directives[1]));
        Assert.Equal(new LinePosition(3, 1), Start(file.Directives[1]));
    }

    [Fact]
    public void Crlf_line_ends_are_whitespace_and_positions_follow_them()
    {
        var file = ParseValid("http {\r\n    # a comment\r\n    listen 80;\r\n}\r\n");

        var listen = file.Directives[0].Block!.Single();
        Assert.Equal(["80"], Values(listen));
        Assert.Equal(new LinePosition(3, 5), Start(listen));
        Assert.Equal(new LinePosition(3, 15), End(listen));
        Assert.Equal(new LinePosition(4, 2), End(file.Directives[0]));
    }

    [Fact]
    public void Variables_are_text_and_a_brace_after_a_dollar_opens_no_block()
    {
        var file = ParseValid("""
            set $a "${host}x";
            proxy_pass http://${upstream}/api/$1;
            return 200 x${;
            """);

        Assert.Equal(["$a", "${host}x"], Values(file.Directives[0]));
        Assert.Equal(["http://${upstream}/api/$1"], Values(file.Directives[1]));
        Assert.Null(file.Directives[2].Block);
        Assert.Equal(["200", "x${"], Values(file.Directives[2]));
    }

    [Fact]
    public void A_closing_brace_inside_a_word_belongs_to_the_word()
    {
        // As in nginx, '}' ends nothing in the middle of a word, so this block is never closed.
        var error = Parse("server { return 200 ok}").Error;

        Assert.NotNull(error);
        Assert.Equal("unexpected end of file, expecting \";\" or \"}\"", error.Message);
        Assert.Equal(new LinePosition(1, 24), error.Position);
        Assert.Equal(["a}b"], Values(ParseValid("x a}b;").Directives[0]));
    }

    [Fact]
    public void A_parenthesis_may_follow_a_closing_quote_and_starts_a_word()
    {
        var directive = ParseValid("if ($request_method = \"POST\") { return 405; }").Directives[0];

        Assert.Equal(["($request_method", "=", "POST", ")"], Values(directive));
        Assert.Equal("return", directive.Block!.Single().Name);
    }

    [Fact]
    public void Block_and_simple_directives_end_where_nginx_ends_them()
    {
        var file = ParseValid("events{}location /a{deny all;}x\"y\"{}");

        Assert.Equal(["events", "location", "x\"y\""], file.Directives.Select(d => d.Name));
        Assert.Empty(file.Directives[0].Block!);
        Assert.Equal(new TextSpan(6, 2), file.Directives[0].BlockSpan);
        Assert.Equal("location /a{deny all;}", file.Directives[1].SourceString);
        Assert.Equal(["/a"], Values(file.Directives[1]));
    }

    [Fact]
    public void An_empty_or_comment_only_file_has_no_directives()
    {
        Assert.Empty(ParseValid("").Directives);
        Assert.Empty(ParseValid("  \n# only a comment").Directives);
    }

    [Theory]
    [InlineData("http {\n  server {\n  }\n", 4, 1, "unexpected end of file, expecting \"}\"")]
    [InlineData("events { }\n}\n", 2, 1, "unexpected \"}\"")]
    [InlineData("http {\n  listen 80\n}\n", 3, 1, "unexpected \"}\"")]
    [InlineData("location /a {\n  proxy_pass x }\n", 2, 16, "unexpected \"}\"")]
    [InlineData("listen 80", 1, 10, "unexpected end of file, expecting \";\" or \"}\"")]
    [InlineData("listen 80\n# no semicolon\n", 3, 1, "unexpected end of file, expecting \";\" or \"}\"")]
    [InlineData("listen", 1, 7, "unexpected end of file, expecting \";\" or \"}\"")]
    [InlineData("http { ; }", 1, 8, "unexpected \";\"")]
    [InlineData(";", 1, 1, "unexpected \";\"")]
    [InlineData("{ }", 1, 1, "unexpected \"{\"")]
    [InlineData("http {\n    { }\n}", 2, 5, "unexpected \"{\"")]
    [InlineData("server_name \"a\"b;", 1, 16, "unexpected \"b\"")]
    [InlineData("server_name 'a'\"b\";", 1, 16, "unexpected \"\"\"")]
    [InlineData("server_name \"a\"#b;", 1, 16, "unexpected \"#\"")]
    [InlineData("server_name \"a\"}", 1, 16, "unexpected \"}\"")]
    [InlineData("server_name \"abc;\n", 2, 1, "unexpected end of file, expecting \";\" or \"}\"")]
    [InlineData("server_name 'abc;\r\n}\r\n", 3, 1, "unexpected end of file, expecting \";\" or \"}\"")]
    [InlineData("a \\", 1, 4, "unexpected end of file, expecting \";\" or \"}\"")]
    [InlineData("http {\r\n  listen 80\r\n}", 3, 1, "unexpected \"}\"")]
    public void Errors_are_nginx_s_first_error_at_its_exact_place(string text, int line, int column, string message)
    {
        var file = Parse(text);

        Assert.NotNull(file.Error);
        Assert.Equal(message, file.Error.Message);
        Assert.Equal(new LinePosition(line, column), file.Error.Position);
        Assert.Same(file.Source, file.Error.Source);
    }

    [Fact]
    public void A_file_with_an_error_has_no_directives()
    {
        var file = Parse("user nginx;\nhttp {\n  sendfile on;\n");

        Assert.NotNull(file.Error);
        Assert.Empty(file.Directives);
    }

    [Fact]
    public void The_first_error_wins()
    {
        var error = Parse("a \"b\"c;\n}\n").Error!;

        Assert.Equal("unexpected \"c\"", error.Message);
        Assert.Equal(new LinePosition(1, 6), error.Position);
    }

    [Fact]
    public void A_word_that_overflows_nginx_s_read_buffer_is_nginx_s_error()
    {
        var word = new string('x', 5000);

        var unquoted = Parse($"events {{}}\nroot {word};\n").Error!;
        Assert.Equal("too long parameter \"xxxxxxxxxx...\" started", unquoted.Message);
        Assert.Equal(new LinePosition(2, 6), unquoted.Position);

        // nginx reports a long quoted string even when it is closed.
        var quoted = Parse($"root \"{word}\";\n").Error!;
        Assert.Equal("too long parameter, probably missing terminating \"\"\" character", quoted.Message);
        Assert.Equal(new LinePosition(1, 6), quoted.Position);

        var comment = Parse($"events {{}}\n#{word}\n").Error!;
        Assert.Equal("too long parameter \"#xxxxxxxxx...\" started", comment.Message);
        Assert.Equal(new LinePosition(2, 1), comment.Position);

        // Words that fit in the buffer are fine however long the file is.
        var many = string.Concat(Enumerable.Repeat($"a {new string('y', 4000)};\n", 10));
        Assert.Equal(10, ParseValid(many).Directives.Count);
    }

    [Fact]
    public void Nesting_is_limited_without_using_the_call_stack()
    {
        var deepest = string.Concat(Enumerable.Repeat("a {", NginxParser.MaxBlockDepth)) + string.Concat(Enumerable.Repeat("}", NginxParser.MaxBlockDepth));
        var innermost = ParseValid(deepest).Directives[0];
        while (innermost.Block is [var child]) innermost = child;
        Assert.Equal(NginxParser.MaxBlockDepth - 1, innermost.Ancestors().Count());

        var error = Parse(string.Concat(Enumerable.Repeat("a {", 100_000))).Error!;
        Assert.Equal($"blocks nested deeper than {NginxParser.MaxBlockDepth} levels", error.Message);
        Assert.Equal(NginxParser.MaxBlockDepth * 3 + 2, error.Offset);
    }

    [Fact]
    public void A_large_file_parses_in_one_pass()
    {
        var text = "http {\n" + string.Concat(Enumerable.Repeat("    proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;\n", 100_000)) + "}\n";

        var http = ParseValid(text).Directives.Single();

        Assert.Equal(100_000, http.Block!.Count);
        Assert.Equal(new LinePosition(100_001, 5), Start(http.Block[^1]));
    }
}
