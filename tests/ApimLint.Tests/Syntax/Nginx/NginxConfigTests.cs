using ApimLint.Syntax.Nginx;
using ApimLint.Text;

namespace ApimLint.Tests.Syntax.Nginx;

public sealed class NginxConfigTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly List<string> _read = [];

    public void Dispose() => _temp.Dispose();

    private string Write(string relative, string text)
    {
        var path = Path.Combine(_temp.Path, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return Path.GetFullPath(path);
    }

    private SourceText Read(string path)
    {
        _read.Add(path);
        return new SourceText(path, File.ReadAllText(path));
    }

    private NginxConfig Load(string main = "nginx/nginx.conf", string root = "") =>
        NginxConfig.Load(Path.Combine(_temp.Path, main), Path.Combine(_temp.Path, root), Read);

    private string FullPath(string relative) => Path.GetFullPath(Path.Combine(_temp.Path, relative));

    [Fact]
    public void Includes_expand_in_place_and_globs_read_their_matches_in_ordinal_order()
    {
        Write("nginx/nginx.conf", """
            http {
                include mime.types;
                include conf.d/*.conf;
                include empty/*.conf;
                server {
                    listen 80;
                    include snippets/proxy?.conf;
                }
            }
            """);
        Write("nginx/mime.types", "types { text/html html; }\n");
        Write("nginx/conf.d/b.conf", "upstream b { server 127.0.0.1:9444; }\n");
        Write("nginx/conf.d/a.conf", "upstream a { server 127.0.0.1:9443; }\n");
        Write("nginx/conf.d/B.conf", "upstream B { server 127.0.0.1:9445; }\n");
        Write("nginx/conf.d/.hidden.conf", "hidden;\n");
        Write("nginx/conf.d/notes.txt", "not included;\n");
        Write("nginx/conf.d/sub/c.conf", "not included;\n");
        Write("nginx/snippets/proxy1.conf", "proxy_pass http://a;\n");
        Write("nginx/snippets/proxy2.conf", "proxy_read_timeout 5;\n");
        Write("nginx/snippets/proxy10.conf", "not included;\n");

        var config = Load();

        Assert.Empty(config.Problems);
        Assert.All(config.Files, f => Assert.Null(f.Error));
        var http = Assert.Single(config.Directives);
        Assert.Equal(["types", "upstream", "upstream", "upstream", "server"], http.Block!.Select(d => d.Name));
        Assert.Equal(["B", "a", "b"], http.FindAll("upstream").Select(u => u.Arguments[0].Value));
        Assert.All(http.Block!, d => Assert.Same(http, d.Parent));
        var server = http.Find("server")!;
        Assert.Equal(["listen", "proxy_pass", "proxy_read_timeout"], server.Block!.Select(d => d.Name));
        Assert.Same(server, server.Find("proxy_pass")!.Parent);
        Assert.Equal([server, http], server.Find("proxy_pass")!.Ancestors());

        var upstreamA = http.FindAll("upstream").Single(u => u.Arguments[0].Value == "a");
        Assert.Equal(FullPath("nginx/conf.d/a.conf"), upstreamA.Source.Path);
        Assert.Equal(new LinePosition(1, 1), upstreamA.Location.Start);
        Assert.Same(upstreamA, upstreamA.Find("server")!.Parent);

        Assert.Equal(
            ["nginx/nginx.conf", "nginx/mime.types", "nginx/conf.d/B.conf", "nginx/conf.d/a.conf", "nginx/conf.d/b.conf",
             "nginx/snippets/proxy1.conf", "nginx/snippets/proxy2.conf"],
            config.Files.Select(f => Path.GetRelativePath(_temp.Path, f.Source.Path).Replace('\\', '/')));
        Assert.Same(config.Files[0], config.Main);
        Assert.Equal(["include", "include", "include", "server"], config.Main.Directives[0].Block!.Select(d => d.Name));
        Assert.Equal(
            ["http", "types", "text/html", "upstream", "server", "upstream", "server", "upstream", "server", "server", "listen", "proxy_pass", "proxy_read_timeout"],
            config.Descendants().Select(d => d.Name));
    }

    [Fact]
    public void Glob_classes_and_absolute_paths_follow_glob3()
    {
        Write("nginx/sites/a1.conf", "a1;\n");
        Write("nginx/sites/b2.conf", "b2;\n");
        Write("nginx/sites/c3.conf", "c3;\n");
        Write("nginx/sites/.a.conf", "hidden;\n");
        Write("nginx/nginx.conf", """
            include sites/[ab]*.conf;
            include sites/[!ab]?.conf;
            include "/etc/nginx/sites/.*.conf";
            """);

        var config = Load();

        Assert.Empty(config.Problems);
        Assert.Equal(["a1", "b2", "c3", "hidden"], config.Directives.Select(d => d.Name));
    }

    [Fact]
    public void A_file_included_in_several_places_is_read_once_and_placed_in_each()
    {
        Write("nginx/nginx.conf", """
            http {
                server { location /a { include proxy.conf; } }
                server { location /b { include proxy.conf; } }
            }
            """);
        Write("nginx/proxy.conf", "proxy_set_header Host $host;\n");

        var config = Load();

        Assert.Equal(2, config.Files.Count);
        Assert.Single(_read, path => path.EndsWith("proxy.conf", StringComparison.Ordinal));
        var headers = config.Descendants().Where(d => d.Name == "proxy_set_header").ToList();
        Assert.Equal(2, headers.Count);
        Assert.Equal(["/a", "/b"], headers.Select(h => h.Parent!.Arguments[0].Value));
        Assert.Equal(headers[0].Span, headers[1].Span);
        Assert.Null(config.Files[1].Directives[0].Parent);
    }

    [Fact]
    public void A_file_or_folder_the_folder_lacks_is_not_read_and_a_folder_named_as_a_file_is_a_problem()
    {
        Write("nginx/nginx.conf", "include none.conf;\ninclude none/*.conf;\ninclude conf.d;\ninclude conf.d/*.conf;\nuser nginx;\n");
        Directory.CreateDirectory(Path.Combine(_temp.Path, "nginx", "conf.d"));

        var config = Load();

        Assert.Equal(["nginx/conf.d is a folder, not a file"], config.Problems.Select(p => p.Message));
        Assert.Equal(
        [
            "none.conf was not read: there is no nginx/none.conf in the deployment folder",
            "none/*.conf was not read: there is no folder nginx/none in the deployment folder",
        ], config.NotRead.Select(p => p.Message));
        var missing = config.NotRead[0].Include;
        Assert.Equal("include", missing.Name);
        Assert.Equal(new LinePosition(1, 1), missing.Location.Start);
        Assert.Same(config.Main.Source, missing.Source);
        Assert.Equal(["user"], config.Directives.Select(d => d.Name));
        Assert.False(config.MainLevelIsComplete);
    }

    [Fact]
    public void Absolute_paths_under_the_server_prefix_are_read_from_the_folder_of_nginx_conf()
    {
        Write("nginx/conf.d/a.conf", "a;\n");
        Write("nginx/sites-enabled/api.example.com", "site;\n");
        Write("nginx/nginx.conf", """
            include /etc/nginx/conf.d/*.conf;
            include /etc/nginx/../nginx/./sites-enabled/api.example.com;
            include /usr/local/nginx/conf/conf.d/a.conf;
            include /etc/nginxx/a.conf;
            """);

        var config = Load();

        Assert.Empty(config.Problems);
        Assert.Equal(["a", "site"], config.Directives.Select(d => d.Name));
        Assert.Equal(
        [
            "/usr/local/nginx/conf/conf.d/a.conf was not read: it is outside nginx's prefix /etc/nginx, which the folder of nginx.conf stands for",
            "/etc/nginxx/a.conf was not read: it is outside nginx's prefix /etc/nginx, which the folder of nginx.conf stands for",
        ], config.NotRead.Select(p => p.Message));
    }

    [Fact]
    public void Another_prefix_maps_its_own_absolute_paths()
    {
        Write("conf/conf.d/a.conf", "a;\n");
        Write("conf/nginx.conf", "include /usr/local/nginx/conf/conf.d/*.conf;\ninclude /etc/nginx/conf.d/*.conf;\n");

        var config = NginxConfig.Load(FullPath("conf/nginx.conf"), _temp.Path, Read, "/usr/local/nginx/conf/");

        Assert.Equal(["a"], config.Directives.Select(d => d.Name));
        Assert.Equal(["/etc/nginx/conf.d/*.conf"], config.NotRead.Select(p => p.Include.Arguments[0].Value));
    }

    [Fact]
    public void The_files_nginx_packages_ship_are_not_missed_but_are_read_when_present()
    {
        Write("nginx/proxy_params", "proxy_params;\n");
        Write("nginx/nginx.conf", """
            include mime.types;
            include /etc/nginx/fastcgi_params;
            include /etc/nginx/modules-enabled/*.conf;
            include proxy_params;
            events {}
            """);

        var config = Load();

        Assert.Empty(config.Problems);
        Assert.Empty(config.NotRead);
        Assert.True(config.LevelIsComplete(null));
        // What they would add at the main level is unknown all the same: modules-enabled/ may hold anything.
        Assert.False(config.MainLevelIsComplete);
        Assert.Equal(["proxy_params", "events"], config.Directives.Select(d => d.Name));
    }

    [Fact]
    public void Proxy_params_and_snippets_are_not_taken_for_files_that_route_nothing()
    {
        Write("nginx/nginx.conf", """
            events {}
            http { include proxy_params; include /etc/nginx/snippets/headers.conf; }
            """);

        var config = Load();

        Assert.Equal(["proxy_params", "/etc/nginx/snippets/headers.conf"], config.NotRead.Select(p => p.Include.Arguments[0].Value));
        Assert.False(config.LevelIsComplete(config.Directives.Single(d => d.Name == "http")));
    }

    [Fact]
    public void An_include_not_read_leaves_its_own_block_incomplete_and_no_other()
    {
        Write("nginx/nginx.conf", """
            events {}
            http {
                include /etc/nginx/mime.types;
                server { location / { include missing.conf; } }
            }
            stream { include other-missing.conf; }
            """);

        var config = Load();

        var http = config.Directives.Single(d => d.Name == "http");
        var server = http.Block!.Single(d => d.Name == "server");
        var location = server.Block!.Single();
        Assert.True(config.MainLevelIsComplete);
        Assert.True(config.LevelIsComplete(null));
        Assert.True(config.LevelIsComplete(http));
        Assert.True(config.LevelIsComplete(server));
        Assert.False(config.LevelIsComplete(location));
        Assert.False(config.LevelIsComplete(config.Directives.Single(d => d.Name == "stream")));
    }

    [Fact]
    public void Nothing_outside_the_allowed_root_is_read()
    {
        Write("secret.conf", "secret;\n");
        Write("deployment/nginx/nginx.conf", $"""
            include ../../secret.conf;
            include "{FullPath("secret.conf")}";
            include ../../*.conf;
            include ok.conf;
            """);
        Write("deployment/nginx/ok.conf", "ok;\n");

        var config = Load("deployment/nginx/nginx.conf", "deployment");

        Assert.Equal(
        [
            "../../secret.conf is outside the deployment folder and was not read",
            "../../*.conf is outside the deployment folder and was not read",
        ], config.Problems.Select(p => p.Message));
        Assert.Equal([$"{FullPath("secret.conf")} was not read: it is outside nginx's prefix /etc/nginx, which the folder of nginx.conf stands for"],
            config.NotRead.Select(p => p.Message));
        Assert.Equal(["ok"], config.Directives.Select(d => d.Name));
        Assert.DoesNotContain(_read, path => path == FullPath("secret.conf"));
    }

    [Fact]
    public void An_include_cycle_is_a_problem_and_is_not_read_again()
    {
        Write("nginx/nginx.conf", "include a.conf;\nmain;\n");
        Write("nginx/a.conf", "a_before;\ninclude b.conf;\na_after;\n");
        Write("nginx/b.conf", "include a.conf;\ninclude nginx.conf;\nb;\n");

        var config = Load();

        Assert.Equal(
        [
            "nginx/a.conf is already being included (an include cycle); it was not read again",
            "nginx/nginx.conf is already being included (an include cycle); it was not read again",
        ], config.Problems.Select(p => p.Message));
        Assert.All(config.Problems, p => Assert.Equal(FullPath("nginx/b.conf"), p.Include.Source.Path));
        Assert.Equal(["a_before", "b", "a_after", "main"], config.Directives.Select(d => d.Name));
        Assert.Equal(3, config.Files.Count);
        Assert.Equal(3, _read.Count);
    }

    [Fact]
    public void A_syntax_error_in_an_included_file_is_that_file_s_error()
    {
        Write("nginx/nginx.conf", "http {\n    include bad.conf;\n    sendfile on;\n}\n");
        Write("nginx/bad.conf", "server {\n    listen 80;\n");

        var config = Load();

        Assert.Empty(config.Problems);
        Assert.Null(config.Main.Error);
        var bad = config.Files[1];
        Assert.Equal("unexpected end of file, expecting \"}\"", bad.Error!.Message);
        Assert.Equal(new LinePosition(3, 1), bad.Error.Position);
        Assert.Equal(["sendfile"], config.Directives[0].Block!.Select(d => d.Name));
    }

    [Fact]
    public void Malformed_includes_are_problems_and_stay_as_written()
    {
        Write("nginx/nginx.conf", "include a.conf b.conf;\ninclude;\ninclude a.conf { }\n");
        Write("nginx/a.conf", "a;\n");

        var config = Load();

        Assert.Equal(
        [
            "invalid number of arguments in \"include\" directive",
            "invalid number of arguments in \"include\" directive",
            "directive \"include\" is not terminated by \";\"",
        ], config.Problems.Select(p => p.Message));
        Assert.Equal(["include", "include", "include"], config.Directives.Select(d => d.Name));
        Assert.Single(config.Files);
    }

    [Fact]
    public void Include_depth_is_capped()
    {
        const int files = NginxConfig.MaxIncludeDepth + 2;
        Write("nginx/nginx.conf", "include f1.conf;\n");
        for (var i = 1; i <= files; i++) Write($"nginx/f{i}.conf", $"include f{i + 1}.conf;\nd{i};\n");

        var config = Load();

        var problem = Assert.Single(config.Problems);
        Assert.Equal($"includes nested deeper than {NginxConfig.MaxIncludeDepth} levels; this include was not followed", problem.Message);
        Assert.Equal(FullPath($"nginx/f{NginxConfig.MaxIncludeDepth}.conf"), problem.Include.Source.Path);
        Assert.Equal(NginxConfig.MaxIncludeDepth + 1, config.Files.Count);
        Assert.Equal(NginxConfig.MaxIncludeDepth, config.Directives.Count);
        Assert.Equal($"d{NginxConfig.MaxIncludeDepth}", config.Directives[0].Name);
    }

    [Fact]
    public void The_number_of_included_files_is_capped()
    {
        Write("nginx/nginx.conf", string.Concat(Enumerable.Repeat("include a.conf;\n", NginxConfig.MaxIncludedFiles + 2)));
        Write("nginx/a.conf", "a;\n");

        var config = Load();

        Assert.Equal(NginxConfig.MaxIncludedFiles, config.Directives.Count);
        Assert.Equal(
            Enumerable.Repeat($"more than {NginxConfig.MaxIncludedFiles} files included; this include was not followed", 2),
            config.Problems.Select(p => p.Message));
        Assert.Equal(new LinePosition(NginxConfig.MaxIncludedFiles + 1, 1), config.Problems[0].Include.Location.Start);
        Assert.Equal(2, config.Files.Count);
    }
}
