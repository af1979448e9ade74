using System.Globalization;
using ApimLint.Reporting.Escaping;

namespace ApimLint.Tests.Reporting;

/// <summary>Each output sink's escaping, against the characters and sequences that would break out of it.</summary>
public sealed class EscapingTests
{
    /// <summary>Every C0 and C1 control, DEL, the bidi, format and separator characters, and samples beyond the BMP.</summary>
    public static readonly string Invisible = string.Concat(
        Enumerable.Range(0, 0x20).Append(0x7F).Concat(Enumerable.Range(0x80, 0x20))
            .Concat([0x061C, 0x200B, 0x200E, 0x200F, 0x2028, 0x2029, 0x202A, 0x202E, 0x2066, 0x2069, 0xFEFF])
            .Select(c => (char)c)) + char.ConvertFromUtf32(0xE0041) + char.ConvertFromUtf32(0x1D173);

    public static bool IsInvisible(string text, int at) => CharUnicodeInfo.GetUnicodeCategory(text, at)
        is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;

    [Fact]
    public void Terminal_text_shows_every_control_format_and_separator_character_as_a_visible_escape()
    {
        var shown = TerminalText.Escape("a" + Invisible + "z");

        Assert.DoesNotContain(Enumerable.Range(0, shown.Length), i => IsInvisible(shown, i));
        Assert.StartsWith("a\\x00\\x01", shown);
        Assert.Contains("\\n", shown);
        Assert.Contains("\\x1b", shown);
        Assert.Contains("\\x85", shown);
        Assert.Contains("\\u202e", shown);
        Assert.Contains("\\u2028", shown);
        Assert.Contains("\\U000e0041", shown);
        Assert.EndsWith("z", shown);
    }

    [Fact]
    public void Terminal_text_keeps_plain_and_non_latin_text_as_it_is()
    {
        const string plain = "host is ::1 at 10.0.0.1:9443 — ünïcødé 日本 😀 [x](y) C:\\path";
        Assert.Equal(plain, TerminalText.Escape(plain));
    }

    [Theory]
    [InlineData("##[group]x", "##\\x5bgroup]x")]
    [InlineData("a ##[error]b", "a ##\\x5berror]b")]
    [InlineData("#[x] ##", "#[x] ##")]
    public void Terminal_text_never_holds_a_legacy_workflow_command(string value, string shown)
    {
        Assert.Equal(shown, TerminalText.Escape(value));
    }

    [Theory]
    [InlineData("::error::x", "\\x3a:error::x")]
    [InlineData("  ::warning file=a::b", "  \\x3a:warning file=a::b")]
    [InlineData("\u3000::notice::x", "\u3000\\x3a:notice::x")]
    [InlineData("\n::error::x", "\\n::error::x")]
    [InlineData("a ::error::x", "a ::error::x")]
    public void A_value_that_begins_a_line_cannot_begin_a_workflow_command(string value, string shown)
    {
        Assert.Equal(shown, TerminalText.LineStart(value));
    }

    [Fact]
    public void A_block_keeps_its_lines_tabs_and_line_ending_carriage_returns_and_guards_each_line()
    {
        var shown = TerminalText.Block("+a\tb\r\n ::error::x\n-c\rd\e[2J\n+##[group]");

        Assert.Equal("+a\tb\r\n \\x3a:error::x\n-c\\rd\\x1b[2J\n+##\\x5bgroup]", shown);
    }

    [Theory]
    [InlineData("evil\n::error file=README.md,line=1::forged")]
    [InlineData("100% a,b:c\r\n%0A%25")]
    [InlineData("\e]0;title\a ##[group] \u202e")]
    public void Workflow_command_values_round_trip_through_the_runner_s_unescaping(string value)
    {
        var data = WorkflowCommand.Data(value);
        var property = WorkflowCommand.Property(value);

        Assert.DoesNotContain('\n', data + property);
        Assert.DoesNotContain('\r', data + property);
        Assert.DoesNotContain(':', property);
        Assert.DoesNotContain(',', property);
        Assert.Equal(TerminalText.Escape(value), RunnerUnescapeData(data));
        Assert.Equal(TerminalText.Escape(value), RunnerUnescapeProperty(property));
    }

    // The runner's own unescaping (actions/runner ActionCommand.cs).
    private static string RunnerUnescapeData(string s) => s.Replace("%0D", "\r").Replace("%0A", "\n").Replace("%25", "%");

    private static string RunnerUnescapeProperty(string s) =>
        s.Replace("%0D", "\r").Replace("%0A", "\n").Replace("%3A", ":").Replace("%2C", ",").Replace("%25", "%");

    [Theory]
    [InlineData("a | b\nc\r|d")]
    [InlineData("<img src=x onerror=alert(1)> &amp; <script>")]
    [InlineData("[click](https://evil) ![i](https://evil/i.png) <https://evil>")]
    [InlineData("```\n# Phish\n~~~ *b* _i_ ~~s~~ $x$ `code` \\| \\")]
    public void A_markdown_cell_has_no_unescaped_pipe_no_line_break_no_tag_and_no_link(string value)
    {
        var cell = MarkdownText.Inline(value);

        Assert.DoesNotContain('\n', cell);
        Assert.DoesNotContain('\r', cell);
        Assert.DoesNotContain('<', cell);
        Assert.DoesNotContain('>', cell);
        Assert.Equal(0, UnescapedCount(cell, '|'));
        Assert.Equal(0, UnescapedCount(cell, '['));
        Assert.Equal(0, UnescapedCount(cell, '`'));
        Assert.Equal(0, UnescapedCount(cell, '*'));
        Assert.Equal(0, UnescapedCount(cell, '_'));
    }

    /// <summary>How many times <paramref name="c"/> occurs not escaped by a backslash (itself not escaped).</summary>
    public static int UnescapedCount(string text, char c)
    {
        var count = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\') i++;
            else if (text[i] == c) count++;
        }
        return count;
    }

    [Fact]
    public void A_markdown_file_link_targets_the_percent_encoded_path()
    {
        Assert.Equal("[db/a\\_b \\[x\\](y).sql#L3](db/a_b%20%5Bx%5D%28y%29.sql#L3)",
            MarkdownText.FileLink("db/a_b [x](y).sql", 3));
        Assert.Equal("[javascript:alert(1)](javascript%3Aalert%281%29)", MarkdownText.FileLink("javascript:alert(1)", null));
    }

    [Theory]
    [InlineData("a\n```\n# Phish\n[click](https://evil)")]
    [InlineData("x\"] --> y[\"z")]
    [InlineData("%%{init: {\"securityLevel\": \"loose\"}}%%")]
    [InlineData("<b onclick=x>#quot;~~~|`a`|")]
    public void A_mermaid_label_stays_one_quoted_label_on_its_line(string value)
    {
        var label = MermaidText.Label(value);

        Assert.DoesNotContain('\n', label);
        Assert.DoesNotContain('\r', label);
        Assert.All("\"`<>%|~", c => Assert.DoesNotContain(c, label));
        // Every '#' begins one of the entity codes the label writes.
        Assert.All(label.Split('#').Skip(1), part => Assert.Matches("^(quot|lt|gt|amp|[0-9]+);", part));
    }

    [Theory]
    [InlineData("[click](https://evil)", "\\[click\\](https://evil)")]
    [InlineData("a\\](1) b", "a\\\\\\](1) b")]
    public void Sarif_text_cannot_form_an_embedded_link(string value, string escaped)
    {
        Assert.Equal(escaped, SarifText.Escape(value));
    }

    [Theory]
    [InlineData("dep/db/a#b c%41.sql", "dep/db/a%23b%20c%2541.sql")]
    [InlineData("dep/é?x=1", "dep/%C3%A9%3Fx%3D1")]
    [InlineData("a:b/c", "a%3Ab/c")]
    public void A_uri_path_is_a_relative_reference_that_resolves_to_the_same_path(string path, string encoded)
    {
        var uri = UriPath.Encode(path);

        Assert.Equal(encoded, uri);
        Assert.True(Uri.IsWellFormedUriString(uri, UriKind.Relative));
        var resolved = new Uri(new Uri("https://example.com/repo/"), uri);
        Assert.Equal("", resolved.Query + resolved.Fragment);
        Assert.Equal("/repo/" + path, Uri.UnescapeDataString(resolved.AbsolutePath));
    }
}
