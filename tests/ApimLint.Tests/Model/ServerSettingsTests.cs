using ApimLint.Model;
using ApimLint.Model.Servers;
using ApimLint.Syntax.Toml;
using ApimLint.Text;

namespace ApimLint.Tests.Model;

public sealed class ServerSettingsTests
{
    private static ServerSettings Settings(string toml)
    {
        var source = new SourceText("/deployment/node1/repository/conf/deployment.toml", toml);
        var document = TomlParser.Parse(source);
        return new ServerSettings(new ConfigFile<TomlDocumentSyntax>(ServerNode.DeploymentTomlPath, source.Path, document, document.Error, exists: true));
    }

    [Theory]
    [InlineData("[transport.https.properties]\nproxyPort = 443\n")]
    [InlineData("[transport.https]\nproperties.proxyPort = 443\n")]
    [InlineData("transport.https.properties.proxyPort = 443\n")]
    [InlineData("[transport]\nhttps = { properties = { proxyPort = 443 } }\n")]
    public void Every_spelling_of_a_key_is_one_key(string toml)
    {
        var setting = Settings(toml).Get("transport.https.properties.proxyPort");

        Assert.NotNull(setting);
        Assert.Equal("443", setting.Value);
        Assert.Equal(SettingSource.File, setting.Source);
    }

    [Fact]
    public void An_absent_key_takes_the_release_default_and_points_at_the_table_it_belongs_in()
    {
        var setting = Settings("[server]\nhostname = \"am.example.com\"\n\n[apim.cache_invalidation]\ndomain = \"x\"\n").Get("apim.cache_invalidation.enabled");

        Assert.NotNull(setting);
        Assert.Equal(SettingSource.Default, setting.Source);
        Assert.Equal("false", setting.Value);
        Assert.Equal(new LinePosition(4, 1), setting.Location.Start);
    }

    [Fact]
    public void A_reference_is_followed_and_a_secret_is_known_without_its_value()
    {
        var settings = Settings("""
            [super_admin]
            username = "ops"
            password = "$secret{admin_password}"

            [apim.event_hub]
            username = "$ref{super_admin.username}"
            password = "$ref{super_admin.password}"
            service_url = "$env{CP_URL}"
            """);

        Assert.Equal("ops", settings.Get("apim.event_hub.username")!.Value);
        Assert.True(settings.Get("apim.event_hub.password")!.IsSecret);
        Assert.Null(settings.Get("apim.event_hub.password")!.Value);
        Assert.Null(settings.Get("apim.event_hub.service_url")!.Value);
        Assert.Equal("$env{CP_URL}", settings.Get("apim.event_hub.service_url")!.Written);
    }

    [Fact]
    public void Arrays_of_tables_are_listed_in_order_with_their_keys()
    {
        var settings = Settings("""
            [[apim.throttling.url_group]]
            traffic_manager_urls = ["tcp://tm1:9611"]
            [[apim.throttling.url_group]]
            traffic_manager_urls = ["tcp://tm2:9611", "tcp://tm3:9611"]
            """);

        var groups = settings.TablePaths("apim.throttling.url_group");

        Assert.Equal(["apim.throttling.url_group[0]", "apim.throttling.url_group[1]"], groups);
        Assert.Equal(["tcp://tm2:9611", "tcp://tm3:9611"], settings.Get($"{groups[1]}.traffic_manager_urls")!.Items.Select(i => i.Value));
    }

    [Fact]
    public void A_template_or_a_broken_file_knows_no_value_not_even_a_default()
    {
        Assert.False(Settings("[server]\nhostname = \"{{ .Values.host }}\"\n").Known);
        Assert.Null(Settings("[server]\nhostname = \"{{ .Values.host }}\"\n").Get("apim.cache_invalidation.enabled"));
        Assert.Null(Settings("a = 1\na = 2\n").Get("a"));
    }
}
