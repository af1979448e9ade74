using ApimLint.Diagnostics;
using ApimLint.Engine;
using ApimLint.Model;
using ApimLint.Rules;
using ApimLint.Tests.Fixtures;

namespace ApimLint.Tests.Suppressions;

/// <summary>Each comment syntax suppresses in its own file; rules of the catalogue plus a probe that reports in every format.</summary>
public sealed class InlineSuppressionTests
{
    /// <summary>Reports `ssl on;` in nginx.conf and the store's reverseProxy.enabled in site.json, two formats no catalogue rule here reaches yet.</summary>
    private sealed class Probe : Rule
    {
        public override RuleDescriptor Descriptor { get; } = new("APIM990", "probe", RuleCategory.ReverseProxy, Severity.Error, "Probe.", "");

        public override IEnumerable<Diagnostic> Check(Deployment deployment)
        {
            foreach (var server in deployment.Nginx.Servers.Where(s => s.SslOn is not null))
                yield return Report(server.SslOn!.Location, "ssl on", "nginx#ssl");
            foreach (var node in deployment.Nodes)
                if (node.Sites.Single(s => s.App == "store").Enabled is { } enabled)
                    yield return Report(enabled.Location, "store reverse proxy", $"{node.Name}#store");
        }
    }

    private static TempDirectory Example(params (string File, string Find, string With)[] edits)
    {
        var temp = new TempDirectory();
        new FixtureCase
        {
            Base = "example",
            Description = "",
            Replace = edits.Select(e => new FixtureCase.Replacement { File = e.File, Find = e.Find, With = e.With }).ToList(),
        }.Materialize(temp.Path);
        return temp;
    }

    private static Apimlint.Result Run(TempDirectory temp, params string[] args) =>
        Apimlint.RunWith([.. RuleRegistry.All, new Probe()], temp.Path, ["check", ".", .. args]);

    [Fact]
    public void Nginx_hash_comment_suppresses_the_next_line()
    {
        using var temp = Example(("nginx/nginx.conf", "        ssl on;", "        # apimlint-disable-next-line APIM990, APIM605 -- nginx 1.14 here still needs it\n        ssl on;"));

        var result = Run(temp);

        Assert.DoesNotContain("nginx/nginx.conf:31:9", result.Stdout);
        Assert.Contains("2 suppressed", result.Stdout);
    }

    [Fact]
    public void Site_json_line_comment_suppresses_the_next_line()
    {
        const string store = "passive/repository/deployment/server/jaggeryapps/store/site/conf/site.json";
        using var temp = Example((store, "  \"reverseProxy\" : {\n", "  \"reverseProxy\" : {\n    // apimlint-disable-next-line APIM990 -- the passive store is reached directly\n"));

        var result = Run(temp);

        Assert.DoesNotContain(store, result.Stdout);
        Assert.Contains("active/repository/deployment/server/jaggeryapps/store/site/conf/site.json", result.Stdout);
    }

    [Fact]
    public void File_level_forms_suppress_the_whole_file_and_only_it()
    {
        using var temp = Example(
            ("nginx/nginx.conf", "# Routing for master node", "# apimlint-disable-file APIM990, APIM605, APIM606, APIM607 -- legacy proxy, replaced in Q3\n# Routing for master node"),
            ("passive/repository/conf/registry.xml", "    <currentDBConfig>", "    <!-- apimlint-disable-file APIM302, APIM306: the passive mounts nothing until failover -->\r\n    <currentDBConfig>"));

        var result = Run(temp);

        // No finding in either file; nginx.conf may still be named as a related location (APIM615's listen port).
        Assert.DoesNotContain(result.Stdout.Split('\n'), line => line.StartsWith("nginx/nginx.conf", StringComparison.Ordinal));
        Assert.DoesNotContain("passive/repository/conf/registry.xml", result.Stdout);
        Assert.Contains("active/repository/conf/registry.xml:50:21: error APIM302", result.Stdout);
        Assert.Contains("(7 suppressed)", result.Stdout);
    }

    [Fact]
    public void No_inline_suppressions_ignores_them_all()
    {
        using var temp = Example(("nginx/nginx.conf", "        ssl on;", "        # apimlint-disable-next-line APIM990, APIM605 -- nginx 1.14 here still needs it\n        ssl on;"));

        var result = Run(temp, "--no-inline-suppressions");

        Assert.Contains("nginx/nginx.conf:31:9: error APIM990: ssl on", result.Stdout);
        Assert.DoesNotContain("suppressed", result.Stdout);
    }

    [Fact]
    public void Suppressed_findings_stay_out_of_sarif_unless_asked_and_then_carry_their_justification()
    {
        using var temp = Example(("nginx/nginx.conf", "        ssl on;", "        # apimlint-disable-next-line APIM990, APIM605 -- nginx 1.14 here still needs it\n        ssl on;"));

        var plain = Run(temp, "--format", "sarif").Stdout;
        var included = Run(temp, "--format", "sarif", "--include-suppressed").Stdout;

        Assert.DoesNotContain("\"startLine\": 31", plain);
        Assert.Contains("\"startLine\": 31", included);
        Assert.Contains("\"justification\": \"nginx 1.14 here still needs it\"", included);
        Assert.Contains("\"kind\": \"inSource\"", included);
    }
}
