using ApimLint.Loading;
using ApimLint.Model;
using ApimLint.Tests.Fixtures;

namespace ApimLint.Tests.Model;

/// <summary>Which node an upstream server is, and what upstreams and locations are for.</summary>
public sealed class NginxRoutingTests
{
    private static Deployment Load(string fixture) => DeploymentLoader.Load(DeploymentInput.FromFolder(TestPaths.Fixture(fixture)));

    private static Deployment LoadWith(TempDirectory temp, string fixture, params (string Find, string With)[] nginx)
    {
        new FixtureCase
        {
            Base = fixture,
            Description = "",
            Replace = [.. nginx.Select(r => new FixtureCase.Replacement { File = "nginx/nginx.conf", Find = r.Find, With = r.With })],
        }.Materialize(temp.Path);
        return DeploymentLoader.Load(DeploymentInput.FromFolder(temp.Path));
    }

    private static (string?, NodeService?, bool) Target(Deployment deployment, string upstream, int server)
    {
        var target = NginxRouting.Of(deployment).Resolve(deployment.Nginx.Upstream(upstream)!.Servers[server]);
        return (target.Node?.Name, target.Service, target.Resolved);
    }

    [Fact]
    public void On_a_shared_host_loopback_servers_are_the_nodes_by_their_offset_ports()
    {
        var deployment = Load("correct-same-host");
        var routing = NginxRouting.Of(deployment);

        Assert.Equal(("active", NodeService.HttpsServlet, true), Target(deployment, "allnodes", 0));
        Assert.Equal(("passive", NodeService.HttpsServlet, true), Target(deployment, "allnodes", 1));
        Assert.Equal(("passive", NodeService.NioHttp, true), Target(deployment, "allnodes-traffic-http", 1));
        Assert.Equal(
            [UpstreamRole.Manager, UpstreamRole.Shared, UpstreamRole.Shared, UpstreamRole.Shared],
            deployment.Nginx.Upstreams.Select(routing.RoleOf));
        Assert.Equal("127.0.0.1:9444", routing.AddressFor(deployment.Passive, NodeService.HttpsServlet, deployment.Nginx.Upstream("allnodes")));
    }

    [Fact]
    public void On_two_hosts_nodes_are_named_by_address_and_loopback_is_nginx_s_own_machine()
    {
        using var temp = new TempDirectory();
        var deployment = LoadWith(temp, "correct-two-hosts",
            ("server 192.168.10.2:8243 backup;", "server 127.0.0.1:8243 backup;"),
            ("server 192.168.10.2:8280 backup;", "server apim-passive.example.com:8280 backup;"));
        var routing = NginxRouting.Of(deployment);

        Assert.Equal(("passive", NodeService.HttpsServlet, true), Target(deployment, "allnodes", 1));
        Assert.Equal((null, null, true), Target(deployment, "allnodes-traffic-https", 1));
        Assert.Equal((null, null, false), Target(deployment, "allnodes-traffic-http", 1));
        Assert.Equal(NodeService.NioHttps, routing.ServiceOf(deployment.Nginx.Upstream("allnodes-traffic-https")!));
        Assert.Equal("192.168.10.2:8243", routing.AddressFor(deployment.Passive, NodeService.NioHttps, null));
    }

    [Fact]
    public void Locations_are_classified_by_the_app_they_serve()
    {
        var deployment = Load("example");
        var routing = NginxRouting.Of(deployment);

        Assert.Equal(
            [
                ("/carbon", LocationRole.Manager), ("^/store/(.*)registry/(.*)$", LocationRole.Store),
                ("^/publisher/(.*)registry/(.*)$", LocationRole.Manager), ("/publisher", LocationRole.Manager),
                ("/admin", LocationRole.Manager), ("/", LocationRole.ApiTraffic), ("/store", LocationRole.Store),
                ("/", LocationRole.ApiTraffic),
            ],
            deployment.Nginx.Locations.Select(x => (x.Location.Path.Value, routing.RoleOf(x.Location))));
    }

    [Fact]
    public void A_location_of_no_web_app_is_classified_by_the_node_port_it_reaches()
    {
        using var temp = new TempDirectory();
        var deployment = LoadWith(temp, "correct-two-hosts",
            ("proxy_pass https://allnodes-traffic-https/;", "proxy_pass https://allnodes/;"),
            ("proxy_pass http://allnodes-traffic-http/;", "proxy_pass http://192.168.10.2:8280/;"),
            ("location /store {", "location /oauth2 { proxy_pass https://sso.example.com/oauth2; }\n        location /store {"));
        var routing = NginxRouting.Of(deployment);

        Assert.Equal(
            [
                ("/", LocationRole.Other),      // the portal's catch-all on the servlet port: /oauth2, /commonauth, /authenticationendpoint
                ("/oauth2", LocationRole.Other), // a host nginx reaches by name: its port cannot be told
                ("/", LocationRole.ApiTraffic), // a NIO port written as host:port
            ],
            deployment.Nginx.Locations.Where(x => x.Location.App is null).Select(x => (x.Location.Path.Value, routing.RoleOf(x.Location))));
    }

    [Fact]
    public void Management_paths_are_followed_to_the_location_nginx_picks_in_every_server()
    {
        using var temp = new TempDirectory();
        var deployment = LoadWith(temp, "correct-same-host",
            ("location /admin {", "location /administration {"),
            ("proxy_pass https://allnodes-traffic-https/;", "proxy_pass https://allnodes/;"));

        Assert.Equal(
            [("/carbon/", "location /carbon"), ("/publisher/", "location /publisher"), ("/admin/", "location /"), ("/carbon/", "location /"),
             ("/publisher/", "location /"), ("/admin/", "location /")],
            NginxRouting.Of(deployment).ManagementRoutes().Select(r => (r.Path, NginxRouting.Display(r.Location))));
    }

    [Fact]
    public void An_upstream_both_kinds_use_is_judged_by_its_content()
    {
        using var temp = new TempDirectory();
        var storeOnManager = LoadWith(temp, "correct-same-host", ("proxy_pass https://allnodes/store;", "proxy_pass https://manager-worker/store;"));
        using var temp2 = new TempDirectory();
        var adminOnAllnodes = LoadWith(temp2, "correct-same-host", ("proxy_pass https://manager-worker/admin;", "proxy_pass https://allnodes/admin;"));

        Assert.Equal(UpstreamRole.Manager, NginxRouting.Of(storeOnManager).RoleOf(storeOnManager.Nginx.Upstream("manager-worker")!));
        Assert.Equal(UpstreamRole.Shared, NginxRouting.Of(adminOnAllnodes).RoleOf(adminOnAllnodes.Nginx.Upstream("allnodes")!));
    }
}
