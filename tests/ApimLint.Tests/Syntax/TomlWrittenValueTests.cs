using ApimLint.Syntax;
using ApimLint.Syntax.Toml;
using ApimLint.Text;

namespace ApimLint.Tests.Syntax;

/// <summary>A decoded value written in the place of a deployment.toml value reads back as that value.</summary>
public sealed class TomlWrittenValueTests
{
    /// <summary>Writes <paramref name="value"/> over the value at <paramref name="path"/>; null when nothing written there can hold it.</summary>
    private static string? Write(string text, string path, string value)
    {
        var source = new SourceText("deployment.toml", text);
        var at = TomlParser.Parse(source).Get(path)!.Value.ValueSpan;
        var written = WrittenValue.At(Location.InFile(source, at))!;
        return written.Encode(value) is { } encoded ? text[..at.Start] + encoded + text[at.End..] : null;
    }

    private static string? ReadBack(string text, string path) => TomlParser.Parse(new SourceText("deployment.toml", text)).Get(path)?.Value.Value;

    [Theory]
    [InlineData("a = \"old\"\n", "C:\\dir \"x\"\ttab\u0001é😀")]
    [InlineData("a = \"\"\"\nold\"\"\"\n", "two\nlines with \"\"\" inside\\")]
    [InlineData("a = 'old'\n", "C:\\dir \"x\"")]
    [InlineData("a = '''old'''\n", "C:\\dir\nsecond line")]
    [InlineData("a = 9443\n", "-9444")]
    [InlineData("a = 1.5\n", "2.5e-3")]
    [InlineData("a = false\n", "true")]
    public void A_value_written_in_place_reads_back(string text, string value)
    {
        var rewritten = Write(text, "a", value);

        Assert.NotNull(rewritten);
        Assert.Null(TomlParser.Parse(new SourceText("deployment.toml", rewritten)).Error);
        Assert.Equal(value, ReadBack(rewritten, "a"));
    }

    [Theory]
    [InlineData("a = 'old'\n", "it's")]
    [InlineData("a = 'old'\n", "two\nlines")]
    [InlineData("a = '''old'''\n", "ends with '")]
    [InlineData("a = 9443\n", "9443a")]
    [InlineData("a = 9443\n", "1_000")]
    [InlineData("a = 9443\n", "99999999999999999999")]
    [InlineData("a = 1.5\n", "1.")]
    [InlineData("a = true\n", "yes")]
    [InlineData("a = 1979-05-27\n", "1980-01-01")]
    public void A_value_the_place_cannot_hold_is_not_written(string text, string value) => Assert.Null(Write(text, "a", value));

    [Fact]
    public void A_lone_surrogate_is_not_written() => Assert.Null(Write("a = \"old\"\n", "a", "lone \ud800 surrogate"));

    [Fact]
    public void An_array_item_is_a_value_of_its_own_and_the_array_is_none()
    {
        var source = new SourceText("deployment.toml", "[apim.cors]\nallow_methods = [\"GET\", 'PUT']\n");
        var methods = TomlParser.Parse(source).Get("apim.cors.allow_methods")!.Value;

        Assert.Null(WrittenValue.At(Location.InFile(source, methods.ValueSpan)));
        var put = WrittenValue.At(Location.InFile(source, methods.Items[1].ValueSpan))!;
        Assert.Equal("PUT", put.Decoded);
        Assert.Equal("PATCH", put.Encode("PATCH"));
        Assert.Equal(new LinePosition(2, 26), source.GetLinePosition(put.Span.Start));
    }

    [Fact]
    public void A_template_does_not_parse_as_a_toml_file_so_no_fix_writes_into_it()
    {
        var source = new SourceText("deployment.toml", "[server]\nhostname = \"{{ .Values.hostname }}\"\n");

        var parsed = FileSyntax.Parse(source.Path, source)!.Value;
        Assert.Equal(new LinePosition(2, 13), parsed.Error?.Position);
        Assert.Contains("render it first", parsed.Error!.Message);
        Assert.Null(WrittenValue.At(Location.InFile(source, new TextSpan(23, 23))));
    }

    [Fact]
    public void A_syntax_error_in_a_toml_file_is_its_file_syntax_error()
    {
        var source = new SourceText("deployment.toml", "[server\nhostname = \"a\"\n");

        Assert.Equal(new LinePosition(1, 8), FileSyntax.Parse(source.Path, source)!.Value.Error?.Position);
    }
}
