using ApimLint.Model;

namespace ApimLint.Tests.Topology;

/// <summary>What may name a machine, as apimlint.json and the topology accept it: nothing a fix could not write into a broker or member list.</summary>
public sealed class HostsTests
{
    [Theory]
    [InlineData("apim-node1.example.com", true)]
    [InlineData("apim_node1", true)]
    [InlineData("192.168.10.1", true)]
    [InlineData("2001:db8::1", true)]
    [InlineData("[2001:db8::1]", true)]
    [InlineData("", false)]
    [InlineData("h'x;tcp://evil:1'&retries='3", false)]
    [InlineData("::warning::x", false)]
    [InlineData("[2001:db8::1", false)]
    [InlineData("[apim-node1]", false)]
    [InlineData("fe80::1%eth0", false)]
    [InlineData("${carbon.local.ip}", false)]
    public void A_host_is_a_name_or_an_ip_address(string host, bool accepted) => Assert.Equal(accepted, Hosts.IsHostOrAddress(host));
}
