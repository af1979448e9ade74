using ApimLint.Configuration;
using ApimLint.Tests.Fixtures;
using Json.Schema;

namespace ApimLint.Tests.Configuration;

public sealed class ConfigTests
{
    /// <summary>The published schema, built once: the library registers it by its $id.</summary>
    private static readonly Lazy<JsonSchema> Schema =
        new(() => JsonSchema.FromFile(Path.Combine(TestPaths.RepositoryRoot, "src/ApimLint.Core/Configuration/apimlint.schema.json")));

    private static TempDirectory Example()
    {
        var temp = new TempDirectory();
        FixtureCase.CopyDirectory(TestPaths.Fixture("example"), temp.Path);
        return temp;
    }

    [Fact]
    public void Unknown_key_is_an_error_at_its_line_and_column_with_a_suggestion()
    {
        using var temp = Example();
        File.WriteAllText(Path.Combine(temp.Path, "apimlint.json"), "{\n  // severities\n  \"rule\": {}\n}\n");

        var result = Apimlint.Run(temp.Path);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"apimlint: {Path.Combine(temp.Path, "apimlint.json")}:3:3: unknown key 'rule' (did you mean 'rules'?)\n", result.Stderr);
    }

    [Theory]
    [InlineData("{ \"failLevel\": \"fatal\" }", "1:16: failLevel must be \"error\", \"warning\", \"note\" or \"none\"")]
    [InlineData("{ \"artifactSync\": \"nfs\" }", "1:19: artifactSync must be \"rsync\" or \"shared-filesystem\"")]
    [InlineData("{ \"artifactsync\": \"rsync\" }", "1:3: unknown key 'artifactsync' (did you mean 'artifactSync'?)")]
    [InlineData("{ \"rules\": { \"APIM404\": 3 } }", "1:25: rules.APIM404 must be a string")]
    [InlineData("{ \"rules\": { \"WKA\": \"none\" } }", "1:14: unknown rule 'WKA' (see `apimlint rules`)")]
    [InlineData("{ \"nodes\": [ { \"role\": \"active\", \"path\": \"a\", \"portOffset\": -1 } ] }", "1:61: nodes[0].portOffset must be a whole number")]
    [InlineData("{ \"nodes\": [ { \"role\": \"active\", \"path\": \"active\" } ] }", "nodes must name exactly one active and one passive node")]
    [InlineData("{ \"nginx\": { \"prefix\": \"usr/local\" } }", "1:24: nginx.prefix must be an absolute path, such as /usr/local/nginx/conf")]
    [InlineData("{ \"nginx\": { \"pth\": \"nginx/nginx.conf\" } }", "1:14: unknown key 'pth' (did you mean 'path'?)")]
    [InlineData("{ \"nginx\": 3 }", "1:12: nginx must be a string or an object")]
    [InlineData("{ \"nodes\": [ { \"role\": \"active\", \"path\": \"a\", \"host\": \"h'x;tcp://evil:1'&retries='3\" } ] }",
        "1:55: nodes[0].host must be a host name (letters, digits, '-', '.', '_'), an IPv4 or an IPv6 address")]
    [InlineData("{ \"nodes\": [ { \"role\": \"active\", \"path\": \"a\", \"aliases\": [\"apim-node1\", \"::warning::x\"] } ] }",
        "1:73: nodes[0].aliases[] must be a host name (letters, digits, '-', '.', '_'), an IPv4 or an IPv6 address")]
    [InlineData("{ \"nodes\": [ { \"role\": \"active\", \"path\": \"a\", \"host\": \"[2001:db8::1\" } ] }",
        "1:55: nodes[0].host must be a host name (letters, digits, '-', '.', '_'), an IPv4 or an IPv6 address")]
    [InlineData("{ \"nodes\": [ { \"role\": \"gateway-worker\", \"path\": \"a\" } ] }",
        "1:24: nodes[0].role must be one of \"active\", \"passive\", \"all-in-one\", \"control-plane\", \"gateway\", \"traffic-manager\", \"key-manager\"")]
    [InlineData("{ \"nodes\": [ { \"role\": \"active\", \"path\": \"a\" }, { \"role\": \"gateway\", \"path\": \"b\" } ] }",
        "nodes are either an active and a passive node (API-M 2.x) or nodes in roles (API-M 3.x/4.x), not both")]
    [InlineData("{ \"nodes\": [ { \"name\": \"gw\", \"role\": \"gateway\", \"path\": \"a\" }, { \"name\": \"gw\", \"role\": \"gateway\", \"path\": \"b\" } ] }",
        "two nodes are named 'gw': each node needs its own name")]
    [InlineData("{ \"nodes\": [ { \"role\": \"active\", \"path\": \"a\", \"group\": \"x\" } ] }",
        "1:14: nodes[0].group is for nodes in 3.x/4.x roles; an active-passive pair is one group")]
    [InlineData("{ \"version\": \"four\" }", "1:14: version must be a release such as \"4.4.0\"")]
    public void Wrong_types_are_errors_with_positions(string json, string message)
    {
        using var temp = Example();
        File.WriteAllText(Path.Combine(temp.Path, "apimlint.json"), json);

        var result = Apimlint.Run(temp.Path);

        Assert.Equal(2, result.ExitCode);
        Assert.EndsWith(message + "\n", result.Stderr);
    }

    [Fact]
    public void Severities_turn_rules_off_or_change_their_level()
    {
        using var temp = Example();
        File.WriteAllText(Path.Combine(temp.Path, "apimlint.json"), "{ \"rules\": { \"APIM302\": \"none\", \"APIM306\": \"error\", \"APIM501\": \"note\", }, }");

        var result = Apimlint.Run(temp.Path);

        Assert.DoesNotContain(" APIM302: ", result.Stdout);
        Assert.Contains(": error APIM306: ", result.Stdout);
        Assert.Contains(": note APIM501: ", result.Stdout);
        var sarif = Apimlint.Run(temp.Path, "--format", "sarif").Stdout;
        Assert.DoesNotContain("\"APIM302\"", sarif);
    }

    [Fact]
    public void A_layout_other_than_active_and_passive_folders_works_from_the_config()
    {
        using var temp = Example();
        Directory.Move(Path.Combine(temp.Path, "active"), Path.Combine(temp.Path, "apim-primary"));
        Directory.Move(Path.Combine(temp.Path, "passive"), Path.Combine(temp.Path, "apim-standby"));
        File.WriteAllText(Path.Combine(temp.Path, "apimlint.json"), """
            {
              "nodes": [
                { "name": "primary", "role": "active", "path": "apim-primary" },
                { "name": "standby", "role": "passive", "path": "apim-standby" },
              ],
              "sql": ["db/*.sql"],
              "os": "windows",
            }
            """);

        var result = Apimlint.Run(temp.Path);

        Assert.Equal("", result.Stderr);
        Assert.Contains("apim-standby/repository/conf/api-manager.xml:88:28: error APIM501", result.Stdout);
        Assert.Contains(" APIM801: ", result.Stdout);
    }

    [Fact]
    public void Node_host_and_port_offset_from_the_config_override_the_files()
    {
        using var temp = Example();
        // The passive is started with -DportOffset=1 while its carbon.xml says 0.
        var carbon = Path.Combine(temp.Path, "passive/repository/conf/carbon.xml");
        File.WriteAllText(carbon, File.ReadAllText(carbon).Replace("<Offset>1</Offset>", "<Offset>0</Offset>"));
        var withoutConfig = Apimlint.Run(temp.Path).Stdout;
        File.WriteAllText(Path.Combine(temp.Path, "apimlint.json"), """
            { "nodes": [
                { "role": "active", "path": "active", "host": "192.168.10.1" },
                { "role": "passive", "path": "passive", "host": "192.168.10.1", "portOffset": 1 },
            ] }
            """);

        var withConfig = Apimlint.Run(temp.Path).Stdout;

        Assert.NotEqual(withoutConfig, withConfig);
        // apimlint.json's hosts settle the topology, so the messages name them as the evidence.
        Assert.Equal(File.ReadAllText(TestPaths.Fixture("example.expected.txt")).Replace("example/", "")
            .Replace("(both nodes advertise localMemberHost 192.168.10.1)", "(apimlint.json gives the nodes the same host 192.168.10.1)"), withConfig);
    }

    [Fact]
    public void Drift_settings_from_the_config_declare_expected_differences()
    {
        using var temp = new TempDirectory();
        FixtureCase.Read(TestPaths.Fixture("rules/APIM701/bad-site-json-value")).Materialize(temp.Path);
        Assert.Contains(" APIM701: ", Apimlint.Run(temp.Path).Stdout);

        File.WriteAllText(Path.Combine(temp.Path, "apimlint.json"),
            "{ \"drift\": { \"nodeSpecific\": [\"repository/deployment/server/jaggeryapps/*/site/conf/site.json\"] } }");

        Assert.Equal("No findings.\n", Apimlint.Run(temp.Path).Stdout);
        Assert.Equal(0, Apimlint.Run(temp.Path, "diff").ExitCode);
    }

    [Fact]
    public void Init_writes_a_starter_that_the_schema_and_the_reader_accept()
    {
        using var temp = Example();

        var init = Apimlint.Run(temp.Path, "init");
        var again = Apimlint.Run(temp.Path, "init");

        Assert.Equal(0, init.ExitCode);
        Assert.Equal(2, again.ExitCode);
        var file = Path.Combine(temp.Path, "apimlint.json");
        var config = ConfigReader.Read(file);
        Assert.Equal(["active", "passive"], config.Nodes.Select(n => n.Path));
        Assert.Equal("nginx/nginx.conf", config.Nginx);
        Assert.Equal(["db/*.sql"], config.Sql);
        Assert.Equal(ApimLint.Model.ArtifactSync.Rsync, config.ArtifactSync);
        var withoutComments = ApimLint.Syntax.Json.JsonParser.Parse(new ApimLint.Text.SourceText(file, File.ReadAllText(file)));
        Assert.Null(withoutComments.Error);
        using var document = System.Text.Json.JsonDocument.Parse(File.ReadAllText(file), new System.Text.Json.JsonDocumentOptions
        {
            CommentHandling = System.Text.Json.JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
        });
        Assert.True(Schema.Value.Evaluate(document.RootElement).IsValid);
    }

    [Fact]
    public void Init_lists_the_folders_configured_by_deployment_toml_as_nodes_in_roles_that_check_runs_with()
    {
        using var temp = new TempDirectory();
        FixtureCase.CopyDirectory(TestPaths.Fixture("aio-4.4.0-active-active"), temp.Path);
        File.Delete(Path.Combine(temp.Path, "apimlint.json"));
        var node2 = Path.Combine(temp.Path, "node2/repository/conf/deployment.toml");
        File.WriteAllText(node2, File.ReadAllText(node2).Replace("server_role = \"default\"", "server_role = \"gateway-worker\""));

        var init = Apimlint.Run(temp.Path, "init");
        var check = Apimlint.Run(temp.Path, "check");

        Assert.Equal(0, init.ExitCode);
        var config = ConfigReader.Read(Path.Combine(temp.Path, "apimlint.json"));
        Assert.Equal([("node1", ApimLint.Model.Servers.ServerRole.AllInOne), ("node2", ApimLint.Model.Servers.ServerRole.Gateway)],
            config.Nodes.Select(n => (n.Name, n.Server!.Value)));
        Assert.Contains("{ \"name\": \"node1\", \"role\": \"all-in-one\", \"path\": \"node1\" }, // TODO: its files do not state a role", File.ReadAllText(Path.Combine(temp.Path, "apimlint.json")));
        Assert.Equal("", check.Stderr);
    }

    [Theory]
    [InlineData("{ \"nginx\": \"proxy/nginx.conf\" }", true)]
    [InlineData("{ \"nginx\": { \"path\": \"proxy/nginx.conf\", \"prefix\": \"/usr/local/nginx/conf\" } }", true)]
    [InlineData("{ \"nginx\": { \"prefix\": \"usr/local/nginx/conf\" } }", false)]
    [InlineData("{ \"nginx\": { \"conf\": \"proxy/nginx.conf\" } }", false)]
    public void The_schema_takes_nginx_as_a_path_or_as_a_path_and_a_prefix(string json, bool valid)
    {
        using var document = System.Text.Json.JsonDocument.Parse(json);

        Assert.Equal(valid, Schema.Value.Evaluate(document.RootElement).IsValid);
    }

    [Theory]
    [InlineData("APIM404", true)]
    [InlineData("wka-members-not-mutual", true)]
    [InlineData("WKA", false)]
    public void The_schema_takes_a_rule_by_ID_or_name(string rule, bool valid)
    {
        using var document = System.Text.Json.JsonDocument.Parse($"{{ \"rules\": {{ \"{rule}\": \"none\" }} }}");

        Assert.Equal(valid, Schema.Value.Evaluate(document.RootElement).IsValid);
    }

    [Fact]
    public void The_nginx_prefix_from_the_config_decides_which_absolute_includes_are_read()
    {
        using var temp = Example();
        Directory.CreateDirectory(Path.Combine(temp.Path, "nginx/conf.d"));
        File.WriteAllText(Path.Combine(temp.Path, "nginx/conf.d/extra.conf"), "upstream extra { server 127.0.0.1:9443; }\n");
        var conf = Path.Combine(temp.Path, "nginx/nginx.conf");
        File.WriteAllText(conf, File.ReadAllText(conf).Replace("    include mime.types;\n", "    include /opt/nginx/conf.d/*.conf;\n"));
        var withoutPrefix = Apimlint.Run(temp.Path).Stdout;
        File.WriteAllText(Path.Combine(temp.Path, "apimlint.json"), "{ \"nginx\": { \"prefix\": \"/opt/nginx\" } }");

        var withPrefix = Apimlint.Run(temp.Path).Stdout;

        Assert.Contains("nginx/nginx.conf:3:5: note APIM006: /opt/nginx/conf.d/*.conf was not read: it is outside nginx's prefix /etc/nginx", withoutPrefix);
        Assert.Contains(" Routing checks cover only the nginx files that were read.\n", withoutPrefix);
        Assert.DoesNotContain("APIM006", withPrefix);
        Assert.DoesNotContain("Routing checks cover only", withPrefix);
        Assert.Equal(withoutPrefix.Split('\n').Where(l => !l.Contains("APIM006") && l.Contains(" APIM")), withPrefix.Split('\n').Where(l => l.Contains(" APIM")));
    }
}
