using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using ApimLint.Tests.Fixtures;
using ApimLint.Tests.Reporting;
using CsCheck;

namespace ApimLint.Tests.Properties;

/// <summary>
/// Random hostile values (terminal sequences, workflow commands, Markdown, HTML, bidi controls, line
/// breaks) placed where output shows them — a site.json host, an nginx upstream name, a file name — and
/// every output format checked for what its reader would be fooled by.
/// </summary>
public sealed partial class SinkInvariantTests : IDisposable
{
    private const string SiteJson = "passive/repository/deployment/server/jaggeryapps/store/site/conf/site.json";
    private const string NginxConf = "nginx/nginx.conf";
    private const string Patches = "active/repository/components/patches/patch0005";

    private static readonly string[] Pieces =
    [
        "\n", "\r", "\r\n", "\t", "\e[31m", "\e]0;title\a", "\e]8;;https://evil\e\\", "\u009b2J", "\u0085", "\u2028", "\u202e", "\u2066", "\u200f", "\0",
        "::error file=README.md,line=1::forged", "::add-mask::x", "##[group]g", "##[error]e", "%0A::warning::w", "```", "~~~", "|", "\\",
        "<img src=x onerror=alert(1)>", "<script>alert(1)</script>", "<a href=\"https://evil\">", "[phish](https://evil)", "![i](https://evil/i.png)",
        "`", "*", "_", "$x$", "#quot;", "%%{init: {\"securityLevel\": \"loose\"}}%%", "\"", "]", "[", "&amp;", "# heading", ":", ",",
    ];

    private static readonly Gen<string> Hostile =
        Gen.OneOf(Gen.Int[0, Pieces.Length - 1].Select(i => Pieces[i]), Gen.Char['\0', '\u00ff'].Select(c => c.ToString())).Array[1, 6].Select(parts => string.Concat(parts));

    private readonly TempDirectory _temp = new();
    private readonly Dictionary<string, string> _originals = [];

    public SinkInvariantTests()
    {
        FixtureCase.CopyDirectory(TestPaths.Fixture("correct-same-host"), _temp.Path);
        foreach (var file in new[] { SiteJson, NginxConf }) _originals[file] = File.ReadAllText(Path.Combine(_temp.Path, file));
        Directory.CreateDirectory(Path.Combine(_temp.Path, Patches));
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void No_format_lets_a_hostile_value_break_out_of_its_place()
    {
        Plant("benign-value");
        var trusted = HtmlVocabulary(Run("html").Stdout);
        PropertyBudget.Check(Hostile, value =>
        {
            var findings = Plant(value);
            Assert.Contains(findings, l => l.Contains("APIM610", StringComparison.Ordinal));
            Assert.Contains(findings, l => l.Contains("APIM704", StringComparison.Ordinal));
            CheckTerminal(Run("text").Stdout);
            CheckTerminal(Apimlint.Run(_temp.Path, "diff", ".").Stdout);
            CheckGithub(Run("github").Stdout);
            CheckMarkdown(Run("markdown").Stdout);
            CheckHtml(Run("html").Stdout, trusted);
            CheckSarif(Run("sarif").Stdout);
            CheckJson(Run("json").Stdout);
            CheckGitLab(Run("gitlab").Stdout);
            CheckJUnit(Run("junit").Stdout);
        }, value => JsonSerializer.Serialize(value));
    }

    private Apimlint.Result Run(string format)
    {
        var result = Apimlint.Run(_temp.Path, "check", ".", "--format", format, "--fail-level", "none");
        Assert.Equal((0, ""), (result.ExitCode, result.Stderr));
        return result;
    }

    /// <summary>Puts the value into the site.json host, a new upstream's name and a patch's file name; returns the text findings.</summary>
    private string[] Plant(string value)
    {
        Write(SiteJson, _originals[SiteJson].Replace("\"host\" : \"localhost\"", $"\"host\" : {JsonSerializer.Serialize("x" + value)}"));
        var quoted = value.Replace("\\", "\\\\").Replace("\"", "\\\"");
        Write(NginxConf, _originals[NginxConf].Replace("    upstream allnodes {", $"    upstream \"u{quoted}\" {{\n        server 127.0.0.1:9443;\n    }}\n\n    upstream allnodes {{"));
        var patches = Path.Combine(_temp.Path, Patches);
        foreach (var old in Directory.GetFiles(patches)) File.Delete(old);
        var name = new string(value.Select(c => c is '/' or '\0' ? '_' : c).Take(100).ToArray());
        File.WriteAllText(Path.Combine(patches, name + ".jar"), "PK");
        return Run("text").Stdout.Split('\n');
    }

    private void Write(string file, string text) => File.WriteAllText(Path.Combine(_temp.Path, file), text);

    private static void NoInvisibleCharacters(string output)
    {
        for (var i = 0; i < output.Length; i++)
            if (output[i] != '\n' && EscapingTests.IsInvisible(output, i))
                Assert.Fail($"U+{(int)output[i]:X4} at {i} in:\n{output}");
    }

    /// <summary>A terminal or a CI log: no control character but line feeds, and no line the runner reads as a command.</summary>
    private static void CheckTerminal(string output)
    {
        NoInvisibleCharacters(output);
        foreach (var line in output.Split('\n'))
        {
            Assert.DoesNotContain("##[", line);
            Assert.False(line.TrimStart().StartsWith("::", StringComparison.Ordinal), line);
        }
    }

    /// <summary>Workflow commands: each line is one annotation apimlint made, its properties free of the separators.</summary>
    private static void CheckGithub(string output)
    {
        NoInvisibleCharacters(output);
        var lines = output.TrimEnd('\n').Split('\n');
        Assert.All(lines, line => Assert.Matches(Annotation(), line));
        Assert.Contains(lines, l => l.Contains("title=APIM610 ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("title=APIM704 ", StringComparison.Ordinal));
        Assert.All(lines, line => Assert.DoesNotContain("##[", line));
    }

    /// <summary>Markdown: the Mermaid fence closes where apimlint closes it, every table row has its five pipes and one link, no tag.</summary>
    private static void CheckMarkdown(string output)
    {
        NoInvisibleCharacters(output);
        var lines = output.Split('\n');
        var open = Array.IndexOf(lines, "```mermaid");
        var close = Array.FindIndex(lines, open + 1, l => Regex.IsMatch(l, "^ {0,3}(```|~~~)"));
        Assert.Equal("```", lines[close]);
        Assert.All(lines[(open + 2)..close], l => Assert.Matches(MermaidLine(), l));
        var rows = lines[(close + 1)..].Where(l => l.Length > 0).ToList();
        Assert.All(lines[..open].Concat(rows), l => Assert.DoesNotContain('<', l));
        Assert.Equal(rows.Count, rows.Count(r => r.StartsWith("| ", StringComparison.Ordinal) && EscapingTests.UnescapedCount(r, '|') == 5));
        Assert.Equal(2, rows.Count(r => r.StartsWith("| warning | APIM704 |", StringComparison.Ordinal) || r.StartsWith("| error | APIM610 |", StringComparison.Ordinal)));
        Assert.All(rows.Skip(2), r => Assert.Equal(1, EscapingTests.UnescapedCount(r, '[')));
    }

    /// <summary>HTML: only the elements and attributes a benign report has, no event handler, no link out of the report but to the rule docs.</summary>
    private static void CheckHtml(string output, (HashSet<string> Tags, HashSet<string> Attributes) trusted)
    {
        var (tags, attributes) = HtmlVocabulary(output);
        Assert.Subset(trusted.Tags, tags);
        Assert.Subset(trusted.Attributes, attributes);
        var document = new HtmlParser().ParseDocument(output);
        Assert.All(document.QuerySelectorAll("[href]").Select(e => e.GetAttribute("href")!),
            href => Assert.Matches("^(#[a-z0-9-]+|https://github\\.com/)", href));
    }

    private static (HashSet<string> Tags, HashSet<string> Attributes) HtmlVocabulary(string html)
    {
        var elements = new HtmlParser().ParseDocument(html).All.ToList();
        return (elements.Select(e => e.LocalName).ToHashSet(), elements.SelectMany(e => e.Attributes.Select(a => a.Name)).ToHashSet());
    }

    /// <summary>SARIF: the only embedded links are those to related locations; every URI is a relative reference to the file it names.</summary>
    private void CheckSarif(string output)
    {
        var results = JsonNode.Parse(output)!["runs"]![0]!["results"]!.AsArray();
        foreach (var result in results)
        {
            var related = result!["relatedLocations"]?.AsArray().Count ?? 0;
            var text = (string)result["message"]!["text"]!;
            Assert.Equal(related, EscapingTests.UnescapedCount(text, '['));
            Assert.Equal(Enumerable.Range(1, related).Select(i => $"({i})"), LinkTargets(text));
            foreach (var uri in result.AsObject().DescendantsNamed("uri"))
            {
                Assert.True(Uri.IsWellFormedUriString(uri, UriKind.Relative), uri);
                // A file on one node only is reported at the place it lacks on the other.
                var path = Uri.UnescapeDataString(uri);
                Assert.True(File.Exists(Path.Combine(_temp.Path, path)) || File.Exists(Path.Combine(_temp.Path, path.Replace("passive/", "active/"))), uri);
            }
        }
    }

    /// <summary>What follows each unescaped ']' that is followed by '(': the targets of the message's links.</summary>
    private static List<string> LinkTargets(string text)
    {
        var targets = new List<string>();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\') i++;
            else if (text[i] == ']' && i + 1 < text.Length && text[i + 1] == '(')
                targets.Add(text[(i + 1)..(text.IndexOf(')', i) is var end and >= 0 ? end + 1 : text.Length)]);
        }
        return targets;
    }

    /// <summary>JSON: scripts get the values as they are, every control character JSON-escaped.</summary>
    private static void CheckJson(string output)
    {
        Assert.DoesNotContain(output, c => c != '\n' && char.IsControl(c));
        Assert.NotNull(JsonNode.Parse(output));
    }

    /// <summary>GitLab Code Quality: JSON as above, and every issue one GitLab keeps (it drops those its schema rejects).</summary>
    private static void CheckGitLab(string output)
    {
        CheckJson(output);
        using var issues = JsonDocument.Parse(output);
        Assert.Empty(issues.RootElement.EnumerateArray().SelectMany(GitLabReportTests.SchemaErrors));
    }

    /// <summary>JUnit XML: a CI log's text, valid against the schema, and each failure one line per finding, in its message as in its text.</summary>
    private static void CheckJUnit(string output)
    {
        CheckTerminal(output);
        Assert.Empty(JUnitReportTests.SchemaErrors(output));
        foreach (var failure in XDocument.Parse(output).Descendants("failure"))
            Assert.Equal(((string)failure.Attribute("message")!).Split('\n').Length, failure.Value.Split('\n').Count(l => !l.StartsWith(' ')));
    }

    [GeneratedRegex(@"^::(error|warning|notice) file=[^:,\r\n]+(,[a-zA-Z]+=[^:,\r\n]+)*::[^\r\n]*$", RegexOptions.NonBacktracking)]
    private static partial Regex Annotation();

    [GeneratedRegex(@"^  (\w+\[\(?""[^""]*""\)?\]|\w+ (-->|-\.->|<-->)(\|""[^""|]*""\|)? \w+|linkStyle \d+ stroke:#\w+,stroke-width:3px,color:#\w+)$", RegexOptions.NonBacktracking)]
    private static partial Regex MermaidLine();
}

internal static class JsonNodeSearch
{
    /// <summary>Every string property of this name anywhere below the node.</summary>
    public static IEnumerable<string> DescendantsNamed(this JsonObject node, string name) =>
        node.SelectMany(p => p.Value switch
        {
            JsonValue v when p.Key == name => [(string)v!],
            JsonObject o => o.DescendantsNamed(name),
            JsonArray a => a.OfType<JsonObject>().SelectMany(o => o.DescendantsNamed(name)),
            _ => [],
        });
}
