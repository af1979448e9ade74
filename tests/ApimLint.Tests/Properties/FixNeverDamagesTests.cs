using System.Text;
using ApimLint.Syntax.Xml;
using ApimLint.Tests.Fixtures;
using ApimLint.Text;

namespace ApimLint.Tests.Properties;

/// <summary>
/// `--fix --unsafe-fixes` on a correct deployment, and on changes that keep it correct (element order that does not
/// matter, other spellings of one host, comments, line endings, whitespace), changes no byte of any file.
/// </summary>
public sealed class FixNeverDamagesTests
{
    /// <summary>Deployments without a finding that offers a fix; a correct real-world deployment joins by being listed here.</summary>
    private static readonly string[] CorrectDeployments = ["correct-same-host", "correct-two-hosts", "correct-debian-nginx"];

    private sealed record Mutation(string Name, Action<string> Apply);

    private static readonly Mutation[] Mutations =
    [
        new("none", _ => { }),
        new("passive's datasources in another order", root =>
            ReorderFirstTwo(Path.Combine(root, "passive/repository/conf/datasources/master-datasources.xml"), r => r.Element("datasources")?.Elements("datasource"))),
        new("each node's WKA members list the node itself too, first", ListSelfFirst),
        new("passive writes LOCALHOST for localhost", root => RespellHosts(root, "passive", line => line.Replace("localhost", "LOCALHOST", StringComparison.Ordinal))),
        new("passive's URLs name 127.0.0.1 for localhost", root => RespellHosts(root, "passive", line => line.Replace("://localhost", "://127.0.0.1", StringComparison.Ordinal))),
        new("passive writes its example.com host names in upper case", root => RespellHosts(root, "passive", UpperCaseExampleHosts)),
        new("comments in every XML, .properties and nginx file", AddComments),
        new("CRLF line endings in every text file", root => Rewrite(TextFiles(root), text => text.ReplaceLineEndings("\r\n"))),
        new("every XML and nginx line but the first indented two spaces more", root =>
            Rewrite(TextFiles(root).Where(f => f.EndsWith(".xml", StringComparison.Ordinal) || f.EndsWith(".conf", StringComparison.Ordinal)),
                text => string.Join("\n", text.Split('\n').Select((l, i) => l.Length == 0 || i == 0 ? l : "  " + l)))),
    ];

    public static TheoryData<string, string> Cases()
    {
        var cases = new TheoryData<string, string>();
        foreach (var deployment in CorrectDeployments)
            foreach (var mutation in Mutations)
                cases.Add(deployment, mutation.Name);
        // Seeded combinations of three, so that the changes meet each other.
        var random = new Random(20261202);
        foreach (var deployment in CorrectDeployments)
            for (var i = 0; i < 4; i++)
                cases.Add(deployment, string.Join(" + ", Mutations.Skip(1).OrderBy(_ => random.Next()).Take(3).Select(m => m.Name)));
        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Fix_changes_no_byte_of_a_correct_deployment(string deployment, string mutations)
    {
        using var temp = new TempDirectory();
        FixtureCase.CopyDirectory(TestPaths.Fixture(deployment), temp.Path);
        foreach (var name in mutations.Split(" + ")) Mutations.Single(m => m.Name == name).Apply(temp.Path);
        var before = Snapshot(temp.Path);
        if (mutations != "none") Assert.NotEqual(Snapshot(TestPaths.Fixture(deployment)).Values.Select(Convert.ToBase64String), before.Values.Select(Convert.ToBase64String));

        var fix = Apimlint.Run(temp.Path, "--fix", "--unsafe-fixes");

        var changed = before.Keys.Where(f => !File.Exists(f) || !File.ReadAllBytes(f).AsSpan().SequenceEqual(before[f])).Select(f => Path.GetRelativePath(temp.Path, f));
        var created = Snapshot(temp.Path).Keys.Except(before.Keys).Select(f => Path.GetRelativePath(temp.Path, f));
        Assert.True(!changed.Any() && !created.Any(),
            $"{deployment} with {mutations}: --fix changed {string.Join(", ", changed.Concat(created))}\n{fix.Stdout}{fix.Stderr}");
    }

    // ---- mutations -------------------------------------------------------------------------------

    private static void ReorderFirstTwo(string file, Func<XmlElementSyntax, IEnumerable<XmlElementSyntax>?> siblings)
    {
        var source = new SourceText(file, File.ReadAllText(file));
        var found = siblings(XmlParser.Parse(source).Root!)?.Take(2).ToList();
        Assert.True(found is { Count: 2 }, $"{file} has no two such elements to reorder");
        var (a, b) = (found[0], found[1]);
        File.WriteAllText(file, source.Text[..a.Span.Start] + source[b.Span] + source.Text[a.Span.End..b.Span.Start] + source[a.Span] + source.Text[b.Span.End..]);
    }

    /// <summary>A node may list itself among its well-known members: each node's own address goes before its peer's.</summary>
    private static void ListSelfFirst(string root)
    {
        foreach (var node in new[] { "active", "passive" })
        {
            var file = Path.Combine(root, node, "repository/conf/axis2/axis2.xml");
            var source = new SourceText(file, File.ReadAllText(file));
            var clustering = XmlParser.Parse(source).Root!.Element("clustering")!;
            string Parameter(string name) => clustering.Elements("parameter").Single(p => p.AttributeValue("name") == name).Text;
            var peer = clustering.Element("members")!.Element("member")!;
            var indent = ApimLint.Engine.Edits.IndentationOf(peer);
            var self = $"<member>\n{indent}    <hostName>{Parameter("localMemberHost")}</hostName>\n{indent}    <port>{Parameter("localMemberPort")}</port>\n{indent}</member>\n{indent}";
            File.WriteAllText(file, source.Text.Insert(peer.Span.Start, self));
        }
    }

    /// <summary>
    /// Respells the hosts in each line of a node's XML, .properties and JSON files, but not in the registry's cacheId:
    /// the registry keys its cache by that text as written, so there a respelled host is a real difference.
    /// </summary>
    private static void RespellHosts(string root, string node, Func<string, string> respell) =>
        Rewrite(TextFiles(Path.Combine(root, node)).Where(f => Path.GetExtension(f) is ".xml" or ".properties" or ".json"),
            text => string.Join('\n', text.Split('\n').Select(line => line.Contains("<cacheId>", StringComparison.Ordinal) ? line : respell(line))));

    /// <summary>apim.example.com as APIM.EXAMPLE.COM: every DNS name ending in .example.com.</summary>
    private static string UpperCaseExampleHosts(string line)
    {
        var text = line.ToCharArray();
        for (var at = line.IndexOf(".example.com", StringComparison.Ordinal); at >= 0; at = line.IndexOf(".example.com", at + 1, StringComparison.Ordinal))
        {
            var start = at;
            while (start > 0 && (char.IsAsciiLetterOrDigit(line[start - 1]) || line[start - 1] is '-' or '.')) start--;
            for (var i = start; i < at + ".example.com".Length; i++) text[i] = char.ToUpperInvariant(text[i]);
        }
        return new string(text);
    }

    private static void AddComments(string root)
    {
        foreach (var file in TextFiles(root))
        {
            var text = File.ReadAllText(file);
            if (file.EndsWith(".xml", StringComparison.Ordinal))
            {
                // After the root's start tag, and after the last element.
                var rootTag = XmlParser.Parse(new SourceText(file, text)).Root!;
                text = text.Insert(rootTag.ContentSpan.End, "<!-- reviewed -->\n").Insert(rootTag.StartTagSpan.End, "\n<!-- checked by the platform team -->");
            }
            else if (file.EndsWith(".properties", StringComparison.Ordinal) || file.EndsWith(".conf", StringComparison.Ordinal))
            {
                text = "# checked by the platform team\n" + text + (text.EndsWith('\n') ? "" : "\n") + "# end\n";
            }
            File.WriteAllText(file, text);
        }
    }

    private static IEnumerable<string> TextFiles(string root) =>
        Directory.GetFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Where(f => Path.GetExtension(f) is ".xml" or ".properties" or ".json" or ".conf" or ".sql");

    private static void Rewrite(IEnumerable<string> files, Func<string, string> change)
    {
        foreach (var file in files.ToList())
        {
            var bytes = File.ReadAllBytes(file);
            var text = Encoding.UTF8.GetString(bytes);
            var changed = change(text);
            if (changed != text) File.WriteAllText(file, changed);
        }
    }

    private static SortedDictionary<string, byte[]> Snapshot(string root) =>
        new(Directory.GetFiles(root, "*", SearchOption.AllDirectories).ToDictionary(f => f, File.ReadAllBytes), StringComparer.Ordinal);
}
