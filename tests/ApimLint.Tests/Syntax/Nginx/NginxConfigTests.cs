using ApimLint.Syntax.Nginx;
using ApimLint.Text;

namespace ApimLint.Tests.Syntax.Nginx;

public sealed class NginxConfigTests
{
    private static SourceText Read(string path) => new(path, File.ReadAllText(path));

    [Fact]
    public void Includes_expand_in_place_with_globs_in_order()
    {
        using var temp = new TempDirectory();
        Directory.CreateDirectory(Path.Combine(temp.Path, "conf.d"));
        File.WriteAllText(Path.Combine(temp.Path, "nginx.conf"), "http {\n  include conf.d/*.conf;\n  include mime.types;\n}\n");
        File.WriteAllText(Path.Combine(temp.Path, "conf.d", "b.conf"), "upstream b { server 127.0.0.1:9444; }\n");
        File.WriteAllText(Path.Combine(temp.Path, "conf.d", "a.conf"), "upstream a { server 127.0.0.1:9443; }\n");
        File.WriteAllText(Path.Combine(temp.Path, "mime.types"), "types { text/html html; }\n");

        var config = NginxConfig.Load(Path.Combine(temp.Path, "nginx.conf"), temp.Path, Read);

        var http = Assert.Single(config.Directives);
        Assert.Equal(["upstream", "upstream", "types"], http.Block!.Select(d => d.Name));
        Assert.Equal("a", http.Block![0].Arguments[0].Value);
        Assert.Same(http, http.Block![0].Parent);
        Assert.EndsWith("a.conf", http.Block![0].Source.Path);
        Assert.Equal(4, config.Files.Count);
        Assert.Empty(config.Problems);
        Assert.Equal(["http", "upstream", "server", "upstream", "server", "types", "text/html"], config.Descendants().Select(d => d.Name));
    }

    [Fact]
    public void Missing_outside_and_cyclic_includes_are_problems_not_failures()
    {
        using var temp = new TempDirectory();
        var deployment = Path.Combine(temp.Path, "deployment");
        Directory.CreateDirectory(deployment);
        File.WriteAllText(Path.Combine(temp.Path, "secret.conf"), "x;\n");
        File.WriteAllText(Path.Combine(deployment, "nginx.conf"), "include loop.conf;\ninclude none.conf;\ninclude ../secret.conf;\ninclude empty/*.conf;\n");
        File.WriteAllText(Path.Combine(deployment, "loop.conf"), "include nginx.conf;\n");

        var config = NginxConfig.Load(Path.Combine(deployment, "nginx.conf"), deployment, Read);

        Assert.Equal(
        [
            "include cycle: " + Path.Combine(deployment, "nginx.conf") + " includes itself",
            "none.conf: no such file",
            "../secret.conf is outside the deployment folder and was not read",
        ], config.Problems.Select(p => p.Message));
        Assert.DoesNotContain(config.Files, f => f.Source.Path.EndsWith("secret.conf"));
        Assert.Empty(config.Directives);
    }
}
