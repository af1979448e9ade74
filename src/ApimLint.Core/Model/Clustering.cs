using ApimLint.Syntax.Xml;

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
    IReadOnlyList<WkaMember> Members)
{
    public bool IsEnabled => Enable.Value.Equals("true", StringComparison.OrdinalIgnoreCase);

    public bool IsWka => MembershipScheme?.Value.Equals("wka", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>Hazelcast's default when localMemberPort is not set.</summary>
    public const int DefaultLocalMemberPort = 4000;

    public int? EffectiveLocalMemberPort =>
        LocalMemberPort is null ? DefaultLocalMemberPort : int.TryParse(LocalMemberPort.Value, out var p) ? p : null;
}

/// <summary>One <c>&lt;member&gt;</c> of the well-known-address list.</summary>
public sealed record WkaMember(XmlElementSyntax Element, Located<string>? Host, Located<string>? Port)
{
    public int? PortNumber => int.TryParse(Port?.Value, out var p) ? p : null;
}
