using System.Net;
using System.Net.Sockets;
using ApimLint.Syntax;
using ApimLint.Syntax.Xml;
using ApimLint.Text;

namespace ApimLint.Model;

/// <summary>The Hazelcast clustering settings of axis2.xml.</summary>
public sealed record ClusterConfig(
    XmlElementSyntax Element,
    Located<string> Enable,
    Located<string>? MembershipScheme,
    Located<string>? Domain,
    Located<string>? LocalMemberHost,
    Located<string>? LocalMemberPort,
    XmlElementSyntax? MembersElement,
    IReadOnlyList<WkaMember> Members,
    Located<string>? MembershipSchemeClassName)
{
    /// <summary>
    /// As Axis2's ClusterBuilder reads it: enabled unless the <c>enable</c> attribute is written and is
    /// not "true" (trimmed, any case). A <c>&lt;clustering&gt;</c> without the attribute is enabled.
    /// </summary>
    public bool IsEnabled => !IsEnableWritten || Enable.Value.Trim().Equals("true", StringComparison.OrdinalIgnoreCase);

    public bool IsEnableWritten => Element.Attribute("enable") is not null;

    public bool IsWka => Scheme == MembershipSchemeKind.Wka;

    /// <summary>
    /// As Carbon's HazelcastClusteringAgent reads it: the trimmed value, compared exactly, multicast when
    /// not written; a name it does not know loads the class that membershipSchemeClassName names.
    /// </summary>
    public MembershipSchemeKind Scheme => EffectiveMembershipScheme.Trim() switch
    {
        "multicast" => MembershipSchemeKind.Multicast,
        "wka" => MembershipSchemeKind.Wka,
        "aws" => MembershipSchemeKind.Aws,
        _ => string.IsNullOrWhiteSpace(MembershipSchemeClassName?.Value) ? MembershipSchemeKind.Unknown : MembershipSchemeKind.Custom,
    };

    /// <summary>Hazelcast's default when localMemberPort is not set.</summary>
    public const int DefaultLocalMemberPort = 4000;

    /// <summary>
    /// The clustering agent's membership scheme and domain when the parameters are not written (Axis2's
    /// ClusteringConstants.DEFAULT_DOMAIN; the pack's axis2.xml itself writes wso2.carbon.domain).
    /// </summary>
    public const string DefaultMembershipScheme = "multicast";
    public const string DefaultDomain = "apache.axis2.domain";

    public int? EffectiveLocalMemberPort =>
        LocalMemberPort is null ? DefaultLocalMemberPort : int.TryParse(LocalMemberPort.Value, out var p) ? p : null;

    public string EffectiveMembershipScheme => MembershipScheme?.Value ?? DefaultMembershipScheme;

    public string EffectiveDomain => Domain?.Value ?? DefaultDomain;

    /// <summary>The <c>&lt;clustering&gt;</c> start tag: where a parameter that is not written belongs.</summary>
    public Location StartTag => Location.InFile(Element.Source, Element.StartTagSpan);

    /// <summary>Where a parameter's value is written, or the start tag when it is not.</summary>
    public Location LocationOf(Located<string>? parameter) => parameter?.Location ?? StartTag;

    /// <summary>
    /// Why the peer cannot reach this member at its localMemberHost when the nodes are on different
    /// hosts (not set, loopback, or a host name rather than an IP address), or null when it can.
    /// On a shared host any of these still reaches the member.
    /// </summary>
    public string? HostUnreachableReason(bool sharedHost)
    {
        if (sharedHost) return null;
        var host = LocalMemberHost?.Value;
        if (string.IsNullOrEmpty(host)) return "is not set, so Hazelcast advertises whichever interface it picks";
        if (Hosts.IsLoopback(host)) return $"is the loopback address {host}";
        return IsIpAddress(host) ? null : $"is the host name {host}, not an IP address";
    }

    /// <summary>A literal IPv4 (four dotted decimal parts) or IPv6 address.</summary>
    public static bool IsIpAddress(string host)
    {
        var text = host.Trim('[', ']');
        if (text.Contains(':')) return IPAddress.TryParse(text, out var v6) && v6.AddressFamily == AddressFamily.InterNetworkV6;
        return IpLiterals.IsDottedQuad(text);
    }
}

/// <summary>How the nodes of a cluster find each other.</summary>
public enum MembershipSchemeKind
{
    /// <summary>Multicast discovery: the pack's, and the default.</summary>
    Multicast,

    /// <summary>Well-known addresses: the <c>&lt;members&gt;</c> list.</summary>
    Wka,

    /// <summary>Carbon's built-in Amazon EC2 discovery.</summary>
    Aws,

    /// <summary>Another name with a membershipSchemeClassName, e.g. kubernetes with WSO2's KubernetesMembershipScheme.</summary>
    Custom,

    /// <summary>Another name without a class to load: the clustering agent refuses it.</summary>
    Unknown,
}

/// <summary>One <c>&lt;member&gt;</c> of the well-known-address list.</summary>
public sealed record WkaMember(XmlElementSyntax Element, Located<string>? Host, Located<string>? Port)
{
    public int? PortNumber => int.TryParse(Port?.Value, out var p) ? p : null;
}
