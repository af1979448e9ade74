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

/// <summary>One <c>tcp://host:port</c> of a brokerlist or a receiver URL group (options after '?' ignored).</summary>
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

/// <summary>
/// api-manager.xml's ThrottlingConfigurations: where the gateway's data publisher sends throttle events
/// (<c>ReceiverUrlGroup</c>, under TrafficManager from 2.2, under DataPublisher before) and the connection
/// factory of the JMS listener that hears the Traffic Managers' decisions.
/// </summary>
public sealed record ThrottlingConfig(Located<string>? ReceiverUrlGroup, Located<string>? ListenerConnectionFactory)
{
    private const string BrokerListOption = "brokerlist='";

    public ReceiverUrlSet? Receivers => ReceiverUrlGroup is { } setting ? ReceiverUrlSet.Parse(setting) : null;

    /// <summary>
    /// The broker the JMS listener connects to, as written (without its options): the first of its brokerlist. The AMQP client connects to one
    /// broker at a time; the others are where it fails over to.
    /// </summary>
    public string? ListenerBroker
    {
        get
        {
            if (ListenerConnectionFactory is not { } factory) return null;
            var url = factory.Value;
            var options = url[(AmqpUrl.UserInfoEnd(url) + 1)..];
            var start = options.IndexOf(BrokerListOption, StringComparison.OrdinalIgnoreCase);
            if (start < 0) return null;
            return options[(start + BrokerListOption.Length)..].Split(';', '\'')[0].Split('?')[0].Trim();
        }
    }
}

/// <summary>
/// A <c>ReceiverUrlGroup</c> read as the data agent reads it (once the <c>${…}</c> placeholders are filled in):
/// when the setting holds <c>{…}</c> groups, only they count and every group receives every event; without
/// braces the whole setting is one group. Inside a group, <c>,</c> balances the events over its URLs and
/// <c>|</c> fails over between them: either way each event reaches one of them.
/// </summary>
public sealed record ReceiverUrlSet(IReadOnlyList<ReceiverGroup> Groups, string? IgnoredText)
{
    public static ReceiverUrlSet Parse(Located<string> setting)
    {
        var text = setting.Value;
        var groups = new List<string>();
        var outside = new System.Text.StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            var end = text[i] == '{' ? GroupEnd(text, i + 1) : -1;
            if (end >= 0)
            {
                groups.Add(text[(i + 1)..end]);
                i = end + 1;
                continue;
            }
            var next = PlaceholderEnd(text, i) ?? i + 1;
            outside.Append(text, i, next - i);
            i = next;
        }
        var rest = outside.ToString();
        if (groups.Count == 0) return new ReceiverUrlSet([ReceiverGroup.Parse(rest)], null);
        var ignored = rest.Trim().Trim(',').Trim();
        return new ReceiverUrlSet(groups.Select(g => ReceiverGroup.Parse(g)).ToList(), ignored.Length == 0 ? null : ignored);
    }

    /// <summary>Where the group opened before <paramref name="start"/> closes (placeholders skipped), or -1.</summary>
    private static int GroupEnd(string text, int start)
    {
        var i = start;
        while (i < text.Length)
        {
            if (text[i] == '}') return i;
            i = PlaceholderEnd(text, i) ?? i + 1;
        }
        return -1;
    }

    /// <summary>The end of a <c>${…}</c> or <c>$env{…}</c> starting at <paramref name="i"/>, or null.</summary>
    private static int? PlaceholderEnd(string text, int i)
    {
        if (text[i] != '$') return null;
        var open = text.AsSpan(i).StartsWith("${") ? i + 1 : text.AsSpan(i).StartsWith("$env{") ? i + 4 : -1;
        if (open < 0) return null;
        var close = text.IndexOf('}', open);
        return close < 0 ? text.Length : close + 1;
    }
}

/// <summary>One receiver group: its URLs as written, and whether it is unreadable (both <c>,</c> and <c>|</c>, which the data agent refuses, or no URL).</summary>
public sealed record ReceiverGroup(string Text, IReadOnlyList<string> Urls, bool Invalid)
{
    /// <summary>A group of one URL delivers every event to it; a group of several delivers each event to one of them.</summary>
    public string? SoleReceiver => !Invalid && Urls.Count == 1 ? Urls[0] : null;

    public static ReceiverGroup Parse(string text)
    {
        var balanced = text.Contains(',');
        var failOver = text.Contains('|');
        var urls = text.Split(balanced ? ',' : '|').Select(p => p.Trim()).ToList();
        return new ReceiverGroup(text.Trim(), urls, (balanced && failOver) || urls.Any(u => !u.Contains("://", StringComparison.Ordinal)));
    }
}
