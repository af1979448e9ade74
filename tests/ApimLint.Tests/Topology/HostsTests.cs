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

    [Theory]
    [InlineData("2001:db8::1", "[2001:DB8:0::1]", true)]
    [InlineData("apim-node2.example.com.", "APIM-node2.example.com", true)]
    [InlineData("127.0.0.2", "[::1]", true)]
    [InlineData("192.168.10.1", "192.168.10.2", false)]
    [InlineData("apim-node1", "apim-node1.example.com", false)]
    public void Addresses_compare_as_parsed_and_names_without_case_or_trailing_dot(string a, string b, bool same) => Assert.Equal(same, Hosts.SameAddress(a, b));

    [Fact]
    public void A_round_robin_name_joins_no_two_addresses_and_names_neither()
    {
        var book = AddressBook.Read([
            ("192.168.10.1", ["apim-node1.example.com", "apim.example.com"]),
            ("192.168.10.2", ["apim-node2.example.com", "apim.example.com"]),
        ]);

        Assert.False(book.Same("192.168.10.1", "192.168.10.2"));
        Assert.True(book.Same("APIM-node2.example.com.", "192.168.10.2"));
        Assert.False(book.Same("apim.example.com", "192.168.10.1"));
        Assert.True(book.IsAmbiguous("apim.example.com"));
    }
}
