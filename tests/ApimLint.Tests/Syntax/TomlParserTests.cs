using ApimLint.Syntax.Toml;
using ApimLint.Text;

namespace ApimLint.Tests.Syntax;

public sealed class TomlParserTests
{
    private static TomlDocumentSyntax Parse(string text) => TomlParser.Parse(new SourceText("deployment.toml", text));

    private static LinePosition At(TomlDocumentSyntax document, TextSpan span) => document.Source.GetLinePosition(span.Start);

    [Theory]
    [InlineData("[transport.https]\nproperties.proxyPort = 443\n")]
    [InlineData("[transport.https.properties]\nproxyPort = 443\n")]
    [InlineData("transport.https.properties.proxyPort = 443\n")]
    [InlineData("[\"transport\".'https']\n\"properties\" . proxyPort = 443\n")]
    [InlineData("[transport]\nhttps = { properties = { proxyPort = 443 } }\n")]
    public void Every_spelling_of_a_key_gives_one_canonical_path(string text)
    {
        var document = Parse(text);

        Assert.Null(document.Error);
        var proxyPort = Assert.Single(document.Entries, e => e.Value.Kind == TomlValueKind.Integer);
        Assert.Equal("transport.https.properties.proxyPort", proxyPort.Path);
        Assert.Same(proxyPort, document.Get("transport.https.properties.proxyPort"));
        Assert.Equal("443", proxyPort.Value.Value);
    }

    [Fact]
    public void A_quoted_part_that_is_not_a_bare_key_stays_quoted_whatever_its_quotes()
    {
        var basic = Parse("[apim.\"key.manager\"]\nenable = true\n");
        var literal = Parse("[apim.'key.manager']\nenable = true\n");

        Assert.Equal(["apim.\"key.manager\".enable"], basic.Entries.Select(e => e.Path));
        Assert.Equal(["apim.\"key.manager\".enable"], literal.Entries.Select(e => e.Path));
        Assert.Null(basic.Get("apim.key.manager.enable"));
    }

    [Fact]
    public void Keys_values_and_comments_have_their_line_and_column()
    {
        var document = Parse("# node 1\n[transport.https]\n  properties.proxyPort = 443 # the load balancer's\nname = 'gw'\n");

        var proxyPort = document.Get("transport.https.properties.proxyPort")!;
        Assert.Equal(new LinePosition(3, 3), At(document, proxyPort.KeySpan));
        Assert.Equal("properties.proxyPort", document.Source[proxyPort.KeySpan]);
        Assert.Equal(new LinePosition(3, 26), At(document, proxyPort.Value.Span));
        var name = document.Get("transport.https.name")!;
        Assert.Equal("'gw'", document.Source[name.Value.Span]);
        Assert.Equal("gw", document.Source[name.Value.ValueSpan]);
        Assert.Equal([(new LinePosition(1, 1), " node 1"), (new LinePosition(3, 30), " the load balancer's")],
            document.Comments.Select(c => (c.Source.GetLinePosition(c.Span.Start), c.Text)));
    }

    [Fact]
    public void Strings_are_decoded_and_numbers_read_as_a_reader_reads_them()
    {
        var document = Parse("a = \"C:\\\\x\\t\\u00e9\"\nb = '''\nraw\\n'''\nc = 1_000\nd = 0x1F\ne = 1.5e3\nf = false\n");

        Assert.Equal([("a", "C:\\x\té", TomlStringStyle.Basic), ("b", "raw\\n", TomlStringStyle.MultiLineLiteral)],
            document.Entries.Where(e => e.Value.Kind == TomlValueKind.String).Select(e => (e.Path, e.Value.Value, e.Value.StringStyle!.Value)));
        Assert.Equal(["1000", "31", "1.5e3", "false"], document.Entries.Skip(2).Select(e => e.Value.Value));
    }

    [Fact]
    public void Arrays_of_tables_are_ordered_tables_and_headers_below_one_name_its_last_element()
    {
        var document = Parse("""
            [[apim.throttling.url_group]]
            traffic_manager_urls = ["tcp://tm1:9611", "tcp://tm2:9611"]
            type = "loadbalance"

            [[apim.throttling.url_group]]
            traffic_manager_urls = ["tcp://tm3:9611"]
            [apim.throttling.url_group.extra]
            x = { y = 1 }
            """.ReplaceLineEndings("\n"));

        Assert.Null(document.Error);
        var groups = document.Tables("apim.throttling.url_group");
        Assert.Equal(["apim.throttling.url_group[0]", "apim.throttling.url_group[1]"], groups.Select(g => g.Path));
        Assert.Equal([new LinePosition(1, 1), new LinePosition(5, 1)], groups.Select(g => At(document, g.Span)));
        Assert.Equal("[[apim.throttling.url_group]]", document.Source[groups[1].HeaderSpan]);
        Assert.Equal(["traffic_manager_urls", "type"], groups[0].Entries.Select(e => e.Path[(groups[0].Path.Length + 1)..]));
        var urls = groups[0].Entries[0].Value;
        Assert.Equal(TomlValueKind.Array, urls.Kind);
        Assert.Equal(["tcp://tm1:9611", "tcp://tm2:9611"], urls.Items.Select(i => i.Value));
        Assert.Equal("\"tcp://tm2:9611\"", document.Source[urls.Items[1].Span]);
        Assert.Equal(["apim.throttling.url_group[1].extra.x", "apim.throttling.url_group[1].extra.x.y"],
            document.Entries.Skip(3).Select(e => e.Path));
        Assert.Equal(TomlValueKind.InlineTable, document.Get("apim.throttling.url_group[1].extra.x")!.Value.Kind);
        Assert.Equal("{ y = 1 }", document.Source[document.Get("apim.throttling.url_group[1].extra.x")!.Value.Span]);
        Assert.Empty(document.Tables("apim.throttling"));
    }

    [Fact]
    public void A_key_defined_twice_is_a_conflict_at_the_second_definition()
    {
        var document = Parse("[server]\nhostname = \"a\"\noffset = 1\nhostname = \"b\"\n");

        var conflict = Assert.Single(document.Conflicts);
        Assert.Equal(new LinePosition(4, 1), conflict.Position);
        Assert.Contains("hostname", conflict.Message);
        Assert.Same(conflict, document.Error);
        Assert.Equal("a", document.Get("server.hostname")!.Value.Value);
        Assert.Equal(2, document.Entries.Count(e => e.Path == "server.hostname"));
    }

    [Fact]
    public void A_table_defined_twice_and_a_table_over_a_dotted_key_are_conflicts()
    {
        var document = Parse("[server]\nhostname = \"a\"\n\n[server]\noffset = 1\n[apim]\nkey_manager.enable = true\n[apim.key_manager]\n");

        Assert.Equal([new LinePosition(4, 1), new LinePosition(8, 1)], document.Conflicts.Select(c => c.Position));
    }

    [Fact]
    public void A_syntax_error_is_reported_at_its_position_and_leaves_no_tree()
    {
        var document = Parse("[server]\nhostname = \"a\"\noffset = \n");

        Assert.Equal(new LinePosition(3, 10), document.Error?.Position);
        Assert.Empty(document.Entries);
        Assert.Null(document.Template);
    }

    [Fact]
    public void Sixty_three_nested_arrays_read() => Assert.Null(Parse("a = " + new string('[', 63) + new string(']', 63) + "\n").Error);

    [Fact]
    public void Nesting_too_deep_is_an_error_not_a_crash()
    {
        var document = Parse("ok = \"[[{\" # [[[{\nbad = " + new string('[', 100_000) + new string(']', 100_000) + "\n");

        Assert.Equal(new LinePosition(2, 7 + 63), document.Error?.Position);
        Assert.Equal("arrays or inline tables nested deeper than 63", document.Error?.Message);
    }

    [Fact]
    public void A_byte_order_mark_counts_in_positions()
    {
        var document = Parse("\uFEFF[server]\nhostname = \"a\"\n");

        Assert.Equal("\"a\"", document.Source[document.Get("server.hostname")!.Value.Span]);
    }

    [Theory]
    [InlineData("hostname = \"{{ .Values.wso2.apim.hostname }}\"\n", 1, 13)]
    [InlineData("[server]\n{{- if .Values.offset }}\noffset = 1\n{{- end }}\n", 2, 1)]
    [InlineData("[server]\n{% if offset is defined %}\noffset = {{ offset }}\n{% endif %}\n", 2, 1)]
    public void A_file_with_template_markers_is_a_template_and_is_not_read(string text, int line, int column)
    {
        var document = Parse(text);

        Assert.Equal(new LinePosition(line, column), At(document, document.Template!.Value));
        Assert.Null(document.Error);
        Assert.Empty(document.Entries);
        Assert.Equal(new LinePosition(line, column), document.TemplateError?.Position);
    }

    [Fact]
    public void Braces_that_open_no_template_marker_are_plain_toml()
    {
        var document = Parse("pattern = \"a{{b\"\nmessage = \"%} only\"\n");

        Assert.Null(document.Template);
        Assert.Equal("a{{b", document.Get("pattern")!.Value.Value);
    }
}
