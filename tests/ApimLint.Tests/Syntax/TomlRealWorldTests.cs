using ApimLint.Syntax;
using ApimLint.Syntax.Toml;
using ApimLint.Text;

namespace ApimLint.Tests.Syntax;

/// <summary>The deployment.toml files of fixtures/realworld-toml (real WSO2 files, see its SOURCES.md).</summary>
public sealed class TomlRealWorldTests
{
    private static readonly string Root = TestPaths.Fixture("realworld-toml");

    public static TheoryData<string> Files() => Relative("*.toml");

    public static TheoryData<string> Templates()
    {
        var data = Relative("*.tpl");
        foreach (var file in Relative("*.j2")) data.Add(file);
        return data;
    }

    private static TheoryData<string> Relative(string pattern) =>
        new(Directory.GetFiles(Root, pattern, SearchOption.AllDirectories).Select(f => Path.GetRelativePath(Root, f).Replace('\\', '/')).Order(StringComparer.Ordinal));

    private static SourceText Read(string relative)
    {
        var path = Path.Combine(Root, relative);
        return new SourceText(path, File.ReadAllText(path));
    }

    [Fact]
    public void The_fixture_holds_five_files_and_two_templates()
    {
        Assert.Equal(5, Files().Count);
        Assert.Equal(2, Templates().Count);
    }

    /// <summary>
    /// Every value written back over its own span, encoded again from what it decodes to, gives the file byte for
    /// byte: spans cover exactly the values, decoding and encoding agree, and nothing around them is touched.
    /// </summary>
    [Theory]
    [MemberData(nameof(Files))]
    public void Round_trips_byte_for_byte_through_every_value(string relative)
    {
        var source = Read(relative);
        var document = TomlParser.Parse(source);
        Assert.Null(document.Error);
        Assert.Null(document.Template);
        Assert.Empty(document.Conflicts);

        var rewritten = source.Text;
        var values = document.Scalars().OrderByDescending(v => v.ValueSpan.Start).ToList();
        Assert.NotEmpty(values);
        foreach (var value in values)
        {
            var written = WrittenValue.At(Location.InFile(source, value.ValueSpan));
            Assert.NotNull(written);
            var encoded = written.Encode(written.Decoded);
            Assert.NotNull(encoded);
            rewritten = rewritten[..value.ValueSpan.Start] + encoded + rewritten[value.ValueSpan.End..];
        }
        Assert.Equal(source.Text, rewritten);
        // Each key span holds exactly the key: read alone, it gives the end of the entry's path.
        Assert.All(document.Entries, e => Assert.EndsWith(TomlParser.Parse(new SourceText("key.toml", source[e.KeySpan] + " = 0")).Entries[0].Path, e.Path));
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public void A_template_is_recognised_before_parsing(string relative)
    {
        var document = TomlParser.Parse(Read(relative));

        Assert.NotNull(document.Template);
        Assert.Null(document.Error);
        Assert.Empty(document.Entries);
    }

    [Fact]
    public void The_4_2_0_default_reads_as_its_key_paths()
    {
        var document = TomlParser.Parse(Read("product-defaults/v4.2.0/deployment.toml"));

        Assert.Equal("localhost", document.Get("server.hostname")!.Value.Value);
        Assert.Equal(new LinePosition(2, 12), document.Source.GetLinePosition(document.Get("server.hostname")!.Value.Span.Start));
        Assert.Equal(["Default"], document.Tables("apim.gateway.environment").Select(t => document.Get(t.Path + ".name")!.Value.Value));
        var listener = Assert.Single(document.Tables("event_listener"));
        Assert.Equal(new LinePosition(246, 1), document.Source.GetLinePosition(listener.Span.Start));
        // A [table] header under an array of tables belongs to its last element; a quoted key with a dot stays one part.
        var header = document.Get("event_listener[0].properties.\"header.X-WSO2-KEY-MANAGER\"")!;
        Assert.Equal("default", header.Value.Value);
        Assert.Equal(new LinePosition(255, 1), document.Source.GetLinePosition(header.KeySpan.Start));
        Assert.Equal(["GET", "PUT", "POST", "DELETE", "PATCH", "OPTIONS"], document.Get("apim.cors.allow_methods")!.Value.Items.Select(i => i.Value));
    }
}
