using System.Net;
using ApimLint.Syntax;
using ApimLint.Syntax.Properties;
using ApimLint.Syntax.Xml;

namespace ApimLint.Model;

public enum NodeRole { Active, Passive }

/// <summary>One API-M node: its files and the facts read from them.</summary>
public sealed class Node
{
    public required NodeRole Role { get; init; }

    /// <summary>Full path of APIM_HOME.</summary>
    public required string Home { get; init; }

    public required ConfigFile<XmlDocumentSyntax> CarbonXml { get; init; }
    public required ConfigFile<XmlDocumentSyntax> Axis2Xml { get; init; }
    public required ConfigFile<XmlDocumentSyntax> RegistryXml { get; init; }
    public required ConfigFile<XmlDocumentSyntax> UserMgtXml { get; init; }
    public required ConfigFile<XmlDocumentSyntax> ApiManagerXml { get; init; }
    public required ConfigFile<XmlDocumentSyntax> CatalinaServerXml { get; init; }
    public required IReadOnlyList<ConfigFile<XmlDocumentSyntax>> DataSourceFiles { get; init; }

    /// <summary>repository/conf/jndi*.properties and any other file an event publisher names, by relative path.</summary>
    public required IReadOnlyDictionary<string, JndiFile> JndiFiles { get; init; }

    public required IReadOnlyList<EventPublisher> EventPublishers { get; init; }

    /// <summary>The jar file names in repository/components/lib; null in a config-only tree without that folder.</summary>
    public IReadOnlyList<string>? LibJars { get; init; }

    /// <summary>Every file of eventpublishers/, including those that do not parse (and so hold no publisher).</summary>
    public required IReadOnlyList<ConfigFile<XmlDocumentSyntax>> EventPublisherFiles { get; init; }
    public required IReadOnlyList<SiteConfig> Sites { get; init; }

    /// <summary>carbon.xml's Ports/Offset, when written.</summary>
    public required Located<string>? OffsetSetting { get; init; }

    /// <summary>carbon.xml's HostName and MgtHostName, when written: names the node may go by.</summary>
    /// <summary>carbon.xml's <c>&lt;Version&gt;</c>: the release the node runs.</summary>
    public Located<string>? VersionSetting { get; init; }

    public ProductVersion? ProductVersion => Model.ProductVersion.Parse(VersionSetting?.Value);

    public Located<string>? HostName { get; init; }
    public Located<string>? MgtHostName { get; init; }

    public required string WebContextRoot { get; init; }
    public required ClusterConfig? Cluster { get; init; }
    public required IReadOnlyList<DataSource> DataSources { get; init; }
    public required UserStoreConfig? UserStore { get; init; }
    public required KeyStoreConfig? KeyStore { get; init; }
    public required RegistryConfig? Registry { get; init; }

    /// <summary>api-manager.xml's ThrottlingConfigurations, when written.</summary>
    public ThrottlingConfig? Throttling { get; init; }

    /// <summary>Filled once the node exists, since resolving a ServerURL needs the node's offset.</summary>
    public IReadOnlyList<GatewayEnvironment> GatewayEnvironments { get; internal set; } = [];

    public string Name => Role == NodeRole.Active ? "active" : "passive";

    /// <summary>What apimlint.json says the files cannot: an offset given with -DportOffset, the host the node runs on.</summary>
    public NodeOverride Override { get; init; } = NodeOverride.None;

    /// <summary>
    /// Whether the node's ports are known: carbon.xml was read (its offset, or none written) or apimlint.json
    /// gives the offset. Without them, port-dependent rules stay silent rather than assume offset 0.
    /// </summary>
    public bool PortsKnown => Override.PortOffset is not null || CarbonXml.Syntax is not null;

    public int PortOffset => Override.PortOffset ?? (int.TryParse(OffsetSetting?.Value, out var offset) ? offset : 0);

    /// <summary>The port the node really listens on for a default port.</summary>
    public int Port(int defaultPort) => defaultPort + PortOffset;

    public string Resolve(string text) => Placeholders.Resolve(text, this);

    public const string OwnJndiFile = "repository/conf/jndi.properties";
    public const string PeerJndiFile = "repository/conf/jndi2.properties";

    public JndiFile? Jndi(string relativePath) => JndiFiles.GetValueOrDefault(NormalizeRelative(relativePath));

    /// <summary>JMS publishers of the global throttle stream (the Traffic Manager's events).</summary>
    public IEnumerable<EventPublisher> ThrottlePublishers =>
        EventPublishers.Where(p => p.IsJms && p.PublishesGlobalThrottleStream);

    /// <summary>Throttle publishers that read a JNDI file other than the node's own jndi.properties: the guide's jmsEventPublisher2.xml.</summary>
    public IEnumerable<EventPublisher> PeerThrottlePublishers =>
        ThrottlePublishers.Where(p => p.ProviderUrl is { } url && NormalizeRelative(url.Value) != OwnJndiFile);

    public DataSource? DataSourceByJndiName(string jndiName) => DataSources.FirstOrDefault(d => d.JndiName?.Value == jndiName);

    public DataSource? DataSourceByName(string name) => DataSources.FirstOrDefault(d => d.Name.Value == name);

    /// <summary>Every file the model read for this node, for findings about the files themselves.</summary>
    public IEnumerable<IConfigFile> Files =>
        new IConfigFile[] { CarbonXml, Axis2Xml, RegistryXml, UserMgtXml, ApiManagerXml, CatalinaServerXml }
            .Concat(DataSourceFiles)
            .Concat(JndiFiles.Values.Select(j => j.File))
            .Concat(EventPublisherFiles)
            .Concat(Sites.Select(s => s.File));

    /// <summary>A path as publishers write it ("repository/conf/x", "./repository\\conf\\x") in the model's form.</summary>
    public static string NormalizeRelative(string path) => path.Replace('\\', '/').TrimStart('.', '/');
}

/// <summary>Facts about a node from apimlint.json that override what its files say.</summary>
public sealed record NodeOverride(string? Host, int? PortOffset)
{
    /// <summary>Other names the node goes by (apimlint.json <c>aliases</c>): how nginx or the hosts file may call it.</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>The apimlint.json these facts come from, for the evidence they are.</summary>
    public string? Source { get; init; }

    public static readonly NodeOverride None = new(null, null);
}

/// <summary>Hosts and addresses as API-M and nginx write them.</summary>
public static class Hosts
{
    public static bool IsLoopback(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || host.StartsWith("127.", StringComparison.Ordinal) || host is "::1" or "[::1]";

    /// <summary>
    /// A value filled in when the node starts, not the address itself: <c>${…}</c>, <c>$env{…}</c>, or a name that is not an
    /// IP address and that the peer carries alike (a container's service name, rewritten by its entry point).
    /// </summary>
    public static bool IsPlaceholder(string value, string? peersValue) =>
        value.Contains("${", StringComparison.Ordinal) || value.Contains("$env{", StringComparison.Ordinal)
        || peersValue is not null && value.Trim().Equals(peersValue.Trim(), StringComparison.OrdinalIgnoreCase) && !ClusterConfig.IsIpAddress(value.Trim());

    /// <summary>A host name (letters, digits, '-', '.', '_'), an IPv4 address or an IPv6 address (bracketed or not): what may name a machine.</summary>
    public static bool IsHostOrAddress(string host)
    {
        var unbracketed = host.Length > 2 && host[0] == '[' && host[^1] == ']' ? host[1..^1] : host;
        if (unbracketed.Contains(':'))
            return unbracketed.All(c => char.IsAsciiHexDigit(c) || c is ':' or '.') && ClusterConfig.IsIpAddress(unbracketed);
        return unbracketed == host && host.Length > 0 && host.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_');
    }

    /// <summary>The same machine as written: IP addresses compared as parsed (brackets, zeros, case aside), names without case or a trailing dot, every loopback spelling one.</summary>
    public static bool SameAddress(string a, string b) => Canonical(a) == Canonical(b);

    /// <summary>One spelling of a host: "localhost" for loopback, an IP address as parsed, a name in lower case without its trailing dot.</summary>
    public static string Canonical(string host)
    {
        var text = host.Trim();
        var unbracketed = text.Length > 2 && text[0] == '[' && text[^1] == ']' ? text[1..^1] : text;
        if (IpLiterals.IsPlainDottedQuad(unbracketed)) return IsLoopback(unbracketed) ? "localhost" : unbracketed;
        if (ClusterConfig.IsIpAddress(unbracketed) && IPAddress.TryParse(unbracketed, out var ip))
            return IPAddress.IsLoopback(ip) ? "localhost" : ip.ToString();
        return IsLoopback(text) ? "localhost" : text.TrimEnd('.').ToLowerInvariant();
    }
}
