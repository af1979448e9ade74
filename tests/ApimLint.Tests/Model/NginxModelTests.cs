using ApimLint.Loading;
using ApimLint.Model;

namespace ApimLint.Tests.Model;

/// <summary>What the nginx part of the model derives from a location: its app, its contexts, the headers in effect.</summary>
public sealed class NginxModelTests
{
    /// <summary>The nginx model of one nginx.conf written into <paramref name="temp"/>.</summary>
    internal static NginxModel Read(TempDirectory temp, string conf)
    {
        var file = Path.Combine(temp.Path, "nginx.conf");
        File.WriteAllText(file, conf);
        return NginxModelReader.Read(temp.Path, file);
    }

    private const string Locations = """
        http {
            upstream Manager-Worker { server 127.0.0.1:9443; }
            server {
                server_name apim.example.com;
                listen 443 ssl;
                proxy_set_header X-Forwarded-Host $host;
                location /carbon { proxy_pass https://manager-worker/carbon/; }
                location ~ ^/store/(.*)registry/(.*)$ { proxy_pass https://allnodes/$1registry/$2; }
                location /devportal/ { proxy_pass https://allnodes/store; proxy_set_header X-Forwarded-For $remote_addr; }
                location / { proxy_pass https://allnodes-traffic-https/; }
                location ~* ^/admin$ { proxy_pass https://manager-worker; }
                location ~ ^/(store|publisher)/ { proxy_pass https://allnodes; }
                location ^~ /publisher { proxy_pass https://manager-worker; }
            }
        }
        """;

    [Fact]
    public void A_location_serves_the_app_its_backend_path_or_its_own_path_names()
    {
        using var temp = new TempDirectory();
        var locations = Read(temp, Locations).Servers.Single().Locations;

        Assert.Equal(
            [
                ("/carbon", "carbon", "/carbon", "/carbon"),
                ("^/store/(.*)registry/(.*)$", "store", "/store", null),
                ("/devportal/", "store", "/devportal", "/store"),
                ("/", null, "/", "/"),
                ("^/admin$", "admin", "/admin", "/admin"),
                ("^/(store|publisher)/", null, null, null),
                ("/publisher", "publisher", "/publisher", "/publisher"),
            ],
            locations.Select(l => (l.Path.Value, l.App, l.PublicContext, l.BackendContext)));
    }

    [Fact]
    public void Proxy_headers_come_from_the_nearest_level_that_sets_any()
    {
        using var temp = new TempDirectory();
        var locations = Read(temp, Locations).Servers.Single().Locations;

        Assert.Equal(["X-Forwarded-Host"], locations.Single(l => l.Path.Value == "/carbon").ProxyHeaders.Keys);
        Assert.Equal(["X-Forwarded-For"], locations.Single(l => l.Path.Value == "/devportal/").ProxyHeaders.Keys);
    }

    [Fact]
    public void Upstream_names_match_without_regard_to_case_and_directives_have_stable_keys()
    {
        using var temp = new TempDirectory();
        var nginx = Read(temp, Locations);

        var upstream = nginx.Upstream("manager-worker")!;
        Assert.Equal("/http/upstream[Manager-Worker]/server[127.0.0.1:9443]", upstream.Servers.Single().Directive.KeyPath);
        Assert.Equal("/http/server[apim.example.com:443]/location[~ ^/store/(.*)registry/(.*)$]",
            nginx.Servers.Single().Locations[1].Directive.KeyPath);
    }

    [Theory]
    [InlineData("/store", "/store/", true)]
    [InlineData("/", "/carbon", true)]
    [InlineData("/store", "/store/site", true)]
    [InlineData("/publisher", "/admin", false)]
    [InlineData("/store", "/storefront", false)]
    public void Paths_overlap_segment_by_segment(string a, string b, bool overlap)
    {
        Assert.Equal(overlap, NginxPaths.Overlap(a, b));
        Assert.Equal(overlap, NginxPaths.Overlap(b, a));
    }
}
