using ApimLint.Model;

namespace ApimLint.Tests.Model;

/// <summary>Which location nginx picks for a request path, by the order its documentation gives.</summary>
public sealed class NginxLocationMatchTests
{
    private static NginxServer Server(TempDirectory temp, string locations) =>
        NginxModelTests.Read(temp, $"http {{ server {{ listen 443 ssl; {locations} }} }}").Servers.Single();

    private static string? Picked(string locations, string path)
    {
        using var temp = new TempDirectory();
        return new NginxLocationMatch().Select(Server(temp, locations), path) is { } location ? NginxRouting.Display(location) : null;
    }

    [Theory]
    // The longest prefix wins over a shorter one, whatever their order.
    [InlineData("location /pub { } location / { } location /publisher { }", "/publisher/", "location /publisher")]
    // Prefixes compare characters, not path segments: /pub matches /publisher/.
    [InlineData("location / { } location /pub { }", "/publisher/", "location /pub")]
    [InlineData("location / { } location /store { }", "/publisher/", "location /")]
    // An exact match wins over everything; it must be the whole path.
    [InlineData("location ~ ^/admin { } location = /admin/ { }", "/admin/", "location = /admin/")]
    [InlineData("location = /admin { } location / { }", "/admin/", "location /")]
    // A regular expression wins over the longest prefix, the first in file order...
    [InlineData("location /carbon { } location ~ ^/car { } location ~ ^/carbon/ { }", "/carbon/", "location ~ ^/car")]
    // ...unless that prefix is ^~.
    [InlineData("location ^~ /carbon { } location ~ ^/carbon/ { }", "/carbon/", "location ^~ /carbon")]
    // ~* ignores case, ~ does not.
    [InlineData("location / { } location ~ ^/ADMIN/ { }", "/admin/", "location /")]
    [InlineData("location / { } location ~* ^/ADMIN/ { }", "/admin/", "location ~* ^/ADMIN/")]
    // Nothing matches.
    [InlineData("location /store { }", "/carbon/", null)]
    // Lookarounds and backreferences mean what they mean to nginx's PCRE.
    [InlineData("location / { } location ~ ^/(?!carbon/) { }", "/carbon/", "location /")]
    [InlineData("location / { } location ~ ^/(?!carbon/) { }", "/admin/", "location ~ ^/(?!carbon/)")]
    [InlineData(@"location / { } location ~ ^/(a)\1 { } location ~ (?<=/admin)/$ { }", "/admin/", "location ~ (?<=/admin)/$")]
    // PCRE syntax .NET does not share (a possessive quantifier) before any that matches: cannot tell.
    [InlineData("location / { } location ~ ^/ca++rbon { } location ~ ^/carbon { }", "/carbon/", null)]
    // An expression that backtracks without end is given up on: cannot tell.
    [InlineData(@"location / { } location ~ ^((((((.*)*)*)*)*)*)*\d { }", "/publisher/", null)]
    // Locations nested in the one picked would be searched too: cannot tell.
    [InlineData("location /carbon { location /carbon/admin { } } location / { }", "/carbon/", null)]
    public void Nginx_picks_exact_then_final_prefix_then_first_regex_then_longest_prefix(string locations, string path, string? expected) =>
        Assert.Equal(expected, Picked(locations, path));
}
