using ApimLint.Syntax.Properties;
using ApimLint.Syntax.Xml;
using ApimLint.Text;

namespace ApimLint.Model;

/// <summary>An event publisher of repository/deployment/server/eventpublishers/.</summary>
public sealed record EventPublisher(
    ConfigFile<XmlDocumentSyntax> File,
    XmlElementSyntax Element,
    Located<string>? Name,
    Located<string>? StreamName,
    Located<string>? StreamVersion,
    Located<string>? AdapterType,
    IReadOnlyDictionary<string, Located<string>> Properties)
{
    public const string GlobalThrottleStream = "org.wso2.throttle.globalThrottle.stream";
    public const string GlobalThrottleStreamVersion = "1.0.0";
    public const string ThrottleTopic = "throttleData";
    public const string ProviderUrlProperty = "java.naming.provider.url";
    public const string DestinationProperty = "transport.jms.Destination";
    public const string DestinationTypeProperty = "transport.jms.DestinationType";
    public const string ConnectionFactoryProperty = "transport.jms.ConnectionFactoryJNDIName";

    public bool IsJms => AdapterType?.Value.Equals("jms", StringComparison.OrdinalIgnoreCase) == true;

    public bool PublishesGlobalThrottleStream => StreamName?.Value == GlobalThrottleStream;

    /// <summary>The JNDI properties file the publisher reads, as written (relative to APIM_HOME).</summary>
    public Located<string>? ProviderUrl => Properties.GetValueOrDefault(ProviderUrlProperty);

    /// <summary>The JNDI file the publisher reads in the model's form (see <see cref="Node.NormalizeRelative"/>), or null.</summary>
    public string? JndiFileName => ProviderUrl is { } url ? Node.NormalizeRelative(url.Value) : null;

    /// <summary>A JMS publisher reading a JNDI file other than the node's own jndi.properties: one written to reach the peer's broker.</summary>
    public bool IsJmsToOtherBroker => IsJms && JndiFileName is { } file && file != Node.OwnJndiFile;

    /// <summary>The JNDI name of the destination (looked up as <c>topic.NAME</c> or <c>queue.NAME</c>).</summary>
    public Located<string>? Destination => Properties.GetValueOrDefault(DestinationProperty);

    public Located<string>? DestinationType => Properties.GetValueOrDefault(DestinationTypeProperty);

    /// <summary>The JNDI name of the connection factory (looked up as <c>connectionfactory.NAME</c>).</summary>
    public Located<string>? ConnectionFactoryName => Properties.GetValueOrDefault(ConnectionFactoryProperty);

    /// <summary>How the publisher is named in messages: its name attribute, or its file.</summary>
    public string DisplayName => Name?.Value is { Length: > 0 } name ? name : File.RelativePath;
}

/// <summary>A jndi*.properties file: its connection factories (with their AMQP URLs parsed) and topics.</summary>
public sealed record JndiFile(ConfigFile<PropertiesFileSyntax> File, IReadOnlyList<ConnectionFactory> ConnectionFactories, IReadOnlyList<PropertyEntrySyntax> Topics)
{
    /// <summary>The factory a JNDI lookup of <paramref name="name"/> finds (java.util.Properties keeps the last entry).</summary>
    public ConnectionFactory? ConnectionFactory(string name) => ConnectionFactories.LastOrDefault(c => c.Name == name);

    /// <summary>The <c>topic.NAME</c> entry a JNDI lookup of the topic <paramref name="name"/> finds.</summary>
    public PropertyEntrySyntax? Topic(string name) => Topics.LastOrDefault(t => t.Key == "topic." + name);
}

public sealed record ConnectionFactory(PropertyEntrySyntax Entry, string Name, AmqpUrl? Url);

/// <summary><c>amqp://user:password@clientid/virtualhost?brokerlist='tcp://host:port;…'</c></summary>
public sealed record AmqpUrl(Located<string> UserName, Secret Password, Location BrokerList, IReadOnlyList<BrokerAddress> Brokers)
{
    private const string BrokerListOption = "brokerlist='";

    /// <summary>Where the brokerlist option's value lies in the URL as Java reads it (the entry's decoded value); null when there is none.</summary>
    public Range? BrokerListInValue { get; init; }

    public static AmqpUrl? Parse(PropertyEntrySyntax entry)
    {
        var value = entry.Value;
        if (!value.StartsWith("amqp://", StringComparison.OrdinalIgnoreCase)) return null;
        var at = UserInfoEnd(value);
        if (at < 0) return null;
        var credentials = value[7..at];
        var colon = credentials.IndexOf(':');
        var user = colon < 0 ? credentials : credentials[..colon];
        var password = colon < 0 ? "" : credentials[(colon + 1)..];
        var listStart = value.IndexOf(BrokerListOption, StringComparison.OrdinalIgnoreCase);
        var brokers = new List<BrokerAddress>();
        var listSpan = entry.ValueSpan;
        Range? listInValue = null;
        if (listStart >= 0)
        {
            listStart += BrokerListOption.Length;
            var listEnd = value.IndexOf('\'', listStart);
            if (listEnd < 0) listEnd = value.Length;
            listInValue = listStart..listEnd;
            listSpan = SpanInValue(entry, listStart, listEnd);
            var position = listStart;
            foreach (var item in value[listStart..listEnd].Split(';'))
            {
                if (BrokerAddress.Parse(item, Location.InFile(entry.Source, SpanInValue(entry, position, position + item.Length))) is { } broker)
                    brokers.Add(broker);
                position += item.Length + 1;
            }
        }
        return new AmqpUrl(
            new Located<string>(user, Location.InFile(entry.Source, SpanInValue(entry, 7, 7 + user.Length))),
            new Secret(password, entry.Location),
            Location.InFile(entry.Source, listSpan),
            brokers) { BrokerListInValue = listInValue };
    }

    /// <summary>
    /// Where user:password ends: the last @ before the options (a password may hold @, quotes and spaces),
    /// or -1. Every reader of an AMQP URL splits it here, so no part of a password is read as the host.
    /// </summary>
    public static int UserInfoEnd(string url)
    {
        var options = url.IndexOf("brokerlist=", StringComparison.OrdinalIgnoreCase);
        return (options < 0 ? url : url[..options]).LastIndexOf('@');
    }

    /// <summary>A span inside the value; exact when the value is written without escapes, else the whole value.</summary>
    private static TextSpan SpanInValue(PropertyEntrySyntax entry, int start, int end) =>
        entry.RawValue == entry.Value ? TextSpan.FromBounds(entry.ValueSpan.Start + start, entry.ValueSpan.Start + end) : entry.ValueSpan;
}

/// <summary>One <c>tcp://host:port</c> of a brokerlist (options after '?' ignored).</summary>
public sealed record BrokerAddress(string Host, int? Port, Location Location)
{
    public static BrokerAddress? Parse(string item, Location location)
    {
        var text = item.Trim();
        var scheme = text.IndexOf("://", StringComparison.Ordinal);
        if (scheme < 0) return null;
        var authority = text[(scheme + 3)..].Split('?')[0].TrimEnd('/');
        var colon = authority.LastIndexOf(':');
        if (colon < 0) return new BrokerAddress(authority, null, location);
        return new BrokerAddress(authority[..colon], int.TryParse(authority[(colon + 1)..], out var port) ? port : null, location);
    }

    public override string ToString() => Port is null ? Host : $"{Host}:{Port}";
}
