using System.Net;
using ApimLint.Model;
using ApimLint.Syntax;

namespace ApimLint.Tests.Syntax;

/// <summary>IP literals read without IPAddress where the text settles it must read as IPAddress reads them.</summary>
public sealed class IpLiteralsTests
{
    public static TheoryData<string> Spellings =>
    [
        "127.0.0.1", "192.168.10.1", "0.0.0.0", "255.255.255.255", "256.1.1.1", "010.0.0.1", "1.2.3", "127.1", "1.2.3.4.5",
        "1..2.3", ".1.2.3", "1.2.3.", "0x7f.0.0.1", "0x7F000001", "2130706433", "017700000001", "::1", "fe80::1%eth0", "[::1]",
        "localhost", "apim.example.com", "manager-worker", "1e100.net", "1abc", "", " 1.2.3.4", "1.2.3.4 ", "٣.1.1.1",
    ];

    [Theory]
    [MemberData(nameof(Spellings))]
    public void An_address_is_what_IPAddress_takes_for_one(string text) =>
        Assert.Equal(IPAddress.TryParse(text, out _), IpLiterals.IsAddress(text));

    [Theory]
    [InlineData("127.0.0.1", "localhost")]
    [InlineData("127.0.1.1", "localhost")]
    [InlineData("192.168.10.1", "192.168.10.1")]
    [InlineData("010.0.0.1", "8.0.0.1")]
    [InlineData("[::1]", "localhost")]
    [InlineData("FE80::0:1", "fe80::1")]
    [InlineData("APIM.example.com.", "apim.example.com")]
    public void A_host_has_one_canonical_spelling(string host, string canonical) =>
        Assert.Equal(canonical, Hosts.Canonical(host));

    [Theory]
    [InlineData("192.168.10.1", true, true)]
    [InlineData("010.0.0.1", true, false)]
    [InlineData("0.0.0.0", true, true)]
    [InlineData("256.0.0.1", false, false)]
    [InlineData("1.2.3", false, false)]
    [InlineData("1.2.3.4.5", false, false)]
    [InlineData("1.2.3.0004", false, false)]
    public void A_dotted_quad_is_four_decimal_octets_and_a_plain_one_has_no_leading_zeros(string text, bool quad, bool plain)
    {
        Assert.Equal(quad, IpLiterals.IsDottedQuad(text));
        Assert.Equal(plain, IpLiterals.IsPlainDottedQuad(text));
    }
}
