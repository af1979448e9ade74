using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using ApimLint.Model;
using ApimLint.Secrets;
using ApimLint.Syntax.Json;
using ApimLint.Syntax.Properties;
using ApimLint.Syntax.Xml;
using ApimLint.Text;

namespace ApimLint.Drift;

/// <summary>A key whose value differs between the nodes, before the divergence contract gives it a verdict.</summary>
internal sealed record KeyDifference(string Key, DriftSide Active, DriftSide Passive, bool IsSecret);

/// <summary>
/// Compares two files of one format semantically and lists the keys whose values differ. Comments,
/// whitespace, attribute order, quoting and formatting never count. Two values are the same when they
/// are equal as written or equal once each node's ${…} placeholders are resolved, either way with host
/// names spelled alike (<see cref="HostSpelling"/>); so are children keyed by a host (Tomcat's
/// Host[@name=…], a WKA member's hostName). Secrets are compared
/// by hash and shown masked: a value is secret when its own name, or any name above it, says so (an
/// element, its name attribute, a JSON key on its path).
/// </summary>
internal sealed partial class ConfigComparer(Func<string, string> resolveActive, Func<string, string> resolvePassive)
{
    private readonly List<KeyDifference> _differences = [];

    public static IReadOnlyList<KeyDifference> Compare(object active, object passive, string path, Func<string, string> resolveActive, Func<string, string> resolvePassive)
    {
        var comparer = new ConfigComparer(resolveActive, resolvePassive);
        switch (active, passive)
        {
            case (XmlDocumentSyntax a, XmlDocumentSyntax b):
                comparer.Root(a.Root!, b.Root!);
                break;
            case (PropertiesFileSyntax a, PropertiesFileSyntax b):
                comparer.Properties(a, b, ciphertext: path.EndsWith("security/cipher-text.properties", StringComparison.Ordinal));
                break;
            case (JsonDocumentSyntax a, JsonDocumentSyntax b):
                comparer.Json(a.Root!, b.Root!, "$", insideSecret: false);
                break;
            default:
                throw new ArgumentException($"{path}: the nodes' files are not of one format");
        }
        return comparer._differences;
    }

    // ---- XML ------------------------------------------------------------------------------------

    private void Root(XmlElementSyntax a, XmlElementSyntax b)
    {
        if (a.LocalName != b.LocalName)
        {
            Add("/", Side(a.LocalName, StartTag(a)), Side(b.LocalName, StartTag(b)), false);
            return;
        }
        Element(a, b, "/" + a.LocalName, insideSecret: false);
    }

    /// <param name="insideSecret">Whether an ancestor holds a credential, which makes all below it one.</param>
    private void Element(XmlElementSyntax a, XmlElementSyntax b, string path, bool insideSecret)
    {
        var secretElement = insideSecret || IsSecretElement(a) || IsSecretElement(b);
        // By name, so that an element with many attributes compares in linear time.
        var (byA, byB) = (AttributesByName(a), AttributesByName(b));
        foreach (var name in byA.Keys.Concat(byB.Keys.Where(k => !byA.ContainsKey(k))))
        {
            var (x, y) = (byA.GetValueOrDefault(name), byB.GetValueOrDefault(name));
            var secret = SecretPolicy.IsSecretAttribute(name, secretElement);
            Value(path + "/@" + name, x?.Value, y?.Value, secret,
                x is null ? StartTag(a) : Location.InFile(x.Source, x.ValueSpan),
                y is null ? StartTag(b) : Location.InFile(y.Source, y.ValueSpan));
        }
        if (a.Text.Length > 0 || b.Text.Length > 0)
            Value(path, a.Text, b.Text, secretElement, TextLocation(a), TextLocation(b));

        foreach (var (segment, x, y) in PairChildren(a, b, secretElement))
        {
            var childPath = path + "/" + segment;
            if (x is not null && y is not null) Element(x, y, childPath, secretElement);
            else if (x is not null) Add(childPath, Present(x, secretElement), Side(null, StartTag(b)), secretElement || IsSecretElement(x));
            else Add(childPath, Side(null, StartTag(a)), Present(y!, secretElement), secretElement || IsSecretElement(y!));
        }
    }

    /// <summary>
    /// Children matched across the nodes by name (the name attribute, or a name/Name child as datasources
    /// and environments have) and, where several siblings share a name, by an attribute or child text
    /// that tells them apart, else by position; inside a credential only by name and position, since
    /// the key would show what tells them apart.
    /// </summary>
    private static IEnumerable<(string Segment, XmlElementSyntax? A, XmlElementSyntax? B)> PairChildren(XmlElementSyntax a, XmlElementSyntax b, bool insideSecret)
    {
        // Keyed by the segment with a host name in one spelling; named as the node that comes first writes it.
        var groups = new Dictionary<string, (string Segment, List<XmlElementSyntax> A, List<XmlElementSyntax> B)>(StringComparer.Ordinal);
        var order = new List<string>();
        void Add(XmlElementSyntax element, bool onA)
        {
            var key = BaseSegment(element, canonicalHost: true);
            if (!groups.TryGetValue(key, out var group))
            {
                groups[key] = group = (BaseSegment(element, canonicalHost: false), [], []);
                order.Add(key);
            }
            (onA ? group.A : group.B).Add(element);
        }
        foreach (var element in a.Elements()) Add(element, onA: true);
        foreach (var element in b.Elements()) Add(element, onA: false);
        foreach (var key in order)
        {
            var (segment, listA, listB) = groups[key];
            var several = listA.Count > 1 || listB.Count > 1;
            var identity = insideSecret ? null
                : ChildIdentity(listA, listB, ["name", "Name"]) ?? (several ? AttributeIdentity(listA, listB) ?? ChildIdentity(listA, listB, null) : null);
            if (identity is null)
            {
                for (var i = 0; i < Math.Max(listA.Count, listB.Count); i++)
                    yield return (several ? $"{segment}[{i + 1}]" : segment, listA.ElementAtOrDefault(i), listB.ElementAtOrDefault(i));
                continue;
            }
            var byA = listA.ToDictionary(identity.Value.Of, identity.Value.Comparer);
            var byB = listB.ToDictionary(identity.Value.Of, identity.Value.Comparer);
            foreach (var id in byA.Keys.Concat(byB.Keys.Where(k => !byA.ContainsKey(k))))
                yield return ($"{segment}[{identity.Value.Name}={Quote(id)}]", byA.GetValueOrDefault(id), byB.GetValueOrDefault(id));
        }
    }

    /// <param name="canonicalHost">Whether a Tomcat Host's name, a host name, is written in its canonical spelling rather than as written.</param>
    private static string BaseSegment(XmlElementSyntax element, bool canonicalHost) =>
        element.AttributeValue("name") is { } name
            ? $"{element.LocalName}[@name={Quote(canonicalHost && element.LocalName == "Host" ? HostSpelling.Canonical(name, bareHost: true) : name)}]"
            : element.LocalName;

    /// <param name="Comparer">Host names (a member's hostName) compare as the same host however spelled, anything else as written.</param>
    private readonly record struct Identity(string Name, Func<XmlElementSyntax, string> Of, IEqualityComparer<string> Comparer);

    private static IEqualityComparer<string> IdentityComparer(string name) =>
        HostSpelling.NamesAHost(name) ? HostSpelling.BareHostComparer : StringComparer.Ordinal;

    /// <summary>An attribute every sibling has, with a value unique on each node; never a secret, which the key would show.</summary>
    private static Identity? AttributeIdentity(List<XmlElementSyntax> a, List<XmlElementSyntax> b)
    {
        var attributes = a.Concat(b).ToDictionary(e => e, AttributesByName);
        foreach (var name in attributes[a.Concat(b).First()].Keys.Where(n => n != "name" && !SecretPolicy.IsSecretName(n)))
        {
            string Of(XmlElementSyntax e) => attributes[e][name].Value;
            var comparer = IdentityComparer(name);
            if (attributes.Values.All(byName => byName.ContainsKey(name)) && Unique(a, Of, comparer) && Unique(b, Of, comparer)) return new Identity("@" + name, Of, comparer);
        }
        return null;
    }

    /// <summary>A child element every sibling has, with a text unique on each node (from <paramref name="names"/> when given); never a secret, which the key would show.</summary>
    private static Identity? ChildIdentity(List<XmlElementSyntax> a, List<XmlElementSyntax> b, string[]? names)
    {
        var first = a.Concat(b).First();
        foreach (var name in names ?? first.Elements().Select(e => e.LocalName).Where(n => !SecretPolicy.IsSecretName(n)).Distinct())
        {
            string Of(XmlElementSyntax e) => e.Element(name)?.Text ?? "";
            var comparer = IdentityComparer(name);
            if (a.Concat(b).All(e => Of(e).Length > 0) && Unique(a, Of, comparer) && Unique(b, Of, comparer)) return new Identity(name, Of, comparer);
        }
        return null;
    }

    private static bool Unique(List<XmlElementSyntax> elements, Func<XmlElementSyntax, string> of, IEqualityComparer<string> comparer) =>
        elements.Select(of).Distinct(comparer).Count() == elements.Count;

    /// <summary>The element's attributes by local name; the first of a name, as <see cref="XmlElementSyntax.Attribute"/> finds it.</summary>
    private static Dictionary<string, XmlAttributeSyntax> AttributesByName(XmlElementSyntax element)
    {
        var byName = new Dictionary<string, XmlAttributeSyntax>(StringComparer.Ordinal);
        foreach (var attribute in element.Attributes)
            if (attribute.Name != "xmlns" && !attribute.Name.StartsWith("xmlns:", StringComparison.Ordinal)) byName.TryAdd(attribute.LocalName, attribute);
        return byName;
    }

    private static string Quote(string value) => value.Contains('\'') ? $"\"{value}\"" : $"'{value}'";

    private static DriftSide Present(XmlElementSyntax element, bool insideSecret)
    {
        var value = element.Elements().Any() ? "(element)" : element.Text;
        return Side((insideSecret || IsSecretElement(element)) && value.Length > 0 ? SecretMask.Mask : value, StartTag(element));
    }

    private static Location StartTag(XmlElementSyntax element) => Location.InFile(element.Source, element.StartTagSpan);

    private static Location TextLocation(XmlElementSyntax element) => Location.InFile(element.Source, element.TextSpan);

    /// <summary>A password element, or a Property/parameter whose name says password.</summary>
    private static bool IsSecretElement(XmlElementSyntax element) =>
        SecretPolicy.IsSecretName(element.LocalName) || (element.AttributeValue("name") is { } name && SecretPolicy.IsSecretName(name));

    // ---- .properties ---------------------------------------------------------------------------

    private void Properties(PropertiesFileSyntax a, PropertiesFileSyntax b, bool ciphertext)
    {
        var byA = Last(a);
        var byB = Last(b);
        foreach (var key in byA.Keys.Concat(byB.Keys.Where(k => !byA.ContainsKey(k))))
        {
            var (x, y) = (byA.GetValueOrDefault(key), byB.GetValueOrDefault(key));
            if (ciphertext && x is not null && y is not null) continue;
            if (x is not null && y is not null && (AmqpUrl.Parse(x) is { } urlA) && AmqpUrl.Parse(y) is { } urlB)
            {
                Amqp(key, x, urlA, y, urlB);
                continue;
            }
            // Java keeps a value's trailing whitespace: "tcp://host:5672 " is not "tcp://host:5672".
            Value(key, x?.Value, y?.Value, ciphertext || SecretPolicy.IsSecretName(key),
                x is null ? Location.WholeFile(a.Source.Path) : Location.InFile(x.Source, x.ValueSpan),
                y is null ? Location.WholeFile(b.Source.Path) : Location.InFile(y.Source, y.ValueSpan), normalize: false);
        }
    }

    private static Dictionary<string, PropertyEntrySyntax> Last(PropertiesFileSyntax file)
    {
        var entries = new Dictionary<string, PropertyEntrySyntax>(StringComparer.Ordinal);
        foreach (var entry in file.Entries) entries[entry.Key] = entry;
        return entries;
    }

    /// <summary>An AMQP connection URL in its parts: user, password (a secret), brokerlist, and the rest.</summary>
    private void Amqp(string key, PropertyEntrySyntax x, AmqpUrl a, PropertyEntrySyntax y, AmqpUrl b)
    {
        Value(key + "/user", a.UserName.Value, b.UserName.Value, false, a.UserName.Location, b.UserName.Location);
        if (!a.Password.SameValueAs(b.Password))
            Add(key + "/password", Side(SecretMask.Mask, a.Password.Location), Side(SecretMask.Mask, b.Password.Location), true);
        Value(key + "/brokerlist", BrokerList(x, a), BrokerList(y, b), false, a.BrokerList, b.BrokerList);
        Value(key, Rest(x.Value), Rest(y.Value), false, x.Location, y.Location);
    }

    /// <summary>The brokerlist as Java reads it (tcp://localhost:5672;…), escapes decoded.</summary>
    private static string BrokerList(PropertyEntrySyntax entry, AmqpUrl url) => url.BrokerListInValue is { } range ? entry.Value[range] : "";

    /// <summary>The URL without what is compared on its own: amqp://…@clientid/virtualhost?brokerlist='…'.</summary>
    private static string Rest(string url) => "amqp://…" + BrokerListOption().Replace(url[AmqpUrl.UserInfoEnd(url)..], "brokerlist='…'");

    // Compiled by the source generator, like Whitespace: [^']* and ' exclude each other, so the match is linear.
    [GeneratedRegex("brokerlist='[^']*'?", RegexOptions.IgnoreCase)]
    private static partial Regex BrokerListOption();

    // ---- JSON ----------------------------------------------------------------------------------

    /// <param name="insideSecret">Whether a key on the path names a credential ("clientSecret": [ … ], "password": { "value": … }).</param>
    private void Json(JsonNodeSyntax a, JsonNodeSyntax b, string path, bool insideSecret)
    {
        switch (a, b)
        {
            case (JsonObjectSyntax x, JsonObjectSyntax y):
                var byX = x.Properties.GroupBy(p => p.Name).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
                var byY = y.Properties.GroupBy(p => p.Name).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
                foreach (var name in byX.Keys.Concat(byY.Keys.Where(k => !byX.ContainsKey(k))))
                {
                    var (p, q) = (byX.GetValueOrDefault(name), byY.GetValueOrDefault(name));
                    var childPath = path + JsonSegment(name);
                    var secret = insideSecret || SecretPolicy.IsSecretName(name);
                    if (p is not null && q is not null) Json(p.Value, q.Value, childPath, secret);
                    else OneSided(childPath, p?.Value, q?.Value, x, y, secret);
                }
                return;
            case (JsonArraySyntax x, JsonArraySyntax y):
                for (var i = 0; i < Math.Max(x.Items.Count, y.Items.Count); i++)
                {
                    var (p, q) = (x.Items.ElementAtOrDefault(i), y.Items.ElementAtOrDefault(i));
                    if (p is not null && q is not null) Json(p, q, $"{path}[{i}]", insideSecret);
                    else OneSided($"{path}[{i}]", p, q, x, y, insideSecret);
                }
                return;
            case (JsonScalarSyntax x, JsonScalarSyntax y) when x.Kind == y.Kind:
                Value(path, x.Value, y.Value, insideSecret,
                    Location.InFile(x.Source, x.ValueSpan), Location.InFile(y.Source, y.ValueSpan), normalize: false);
                return;
            default:
                Add(path, Side(insideSecret ? SecretMask.Mask : JsonDisplay(a, quoted: true), a.Location),
                    Side(insideSecret ? SecretMask.Mask : JsonDisplay(b, quoted: true), b.Location), insideSecret);
                return;
        }
    }

    private void OneSided(string path, JsonNodeSyntax? a, JsonNodeSyntax? b, JsonNodeSyntax parentA, JsonNodeSyntax parentB, bool secret) =>
        Add(path,
            a is null ? Side(null, Location.InFile(parentA.Source, new TextSpan(parentA.Span.Start, 1))) : Side(secret ? SecretMask.Mask : JsonDisplay(a), a.Location),
            b is null ? Side(null, Location.InFile(parentB.Source, new TextSpan(parentB.Span.Start, 1))) : Side(secret ? SecretMask.Mask : JsonDisplay(b), b.Location),
            secret);

    /// <summary>A value as output shows it; quoted when a string stands beside a value of another kind ("true" and true).</summary>
    private static string JsonDisplay(JsonNodeSyntax node, bool quoted = false) => node switch
    {
        JsonObjectSyntax => "(object)",
        JsonArraySyntax => "(array)",
        JsonScalarSyntax { Kind: JsonScalarKind.String } s when quoted => s.SourceString,
        _ => ((JsonScalarSyntax)node).Value,
    };

    private static string JsonSegment(string name) =>
        name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-') ? "." + name : $"['{name.Replace("'", "\\'")}']";

    // ---- values --------------------------------------------------------------------------------

    /// <summary>Records a difference unless the values are the same as written (whitespace aside, hosts spelled alike) or once resolved on each node.</summary>
    private void Value(string key, string? a, string? b, bool secret, Location locationA, Location locationB, bool normalize = true)
    {
        if (a is not null && b is not null)
        {
            if (secret ? SameSecret(a, b) : Same(normalize ? Normalize(a) : a, normalize ? Normalize(b) : b, HostSpelling.NamesAHost(key))) return;
        }
        else if (a is null && b is null)
        {
            return;
        }
        Add(key, Side(secret && a is not null ? SecretMask.Mask : a, locationA), Side(secret && b is not null ? SecretMask.Mask : b, locationB), secret);
    }

    /// <param name="hostKey">Whether the key names a host, so that a bare value is one whatever its spelling.</param>
    private bool Same(string a, string b, bool hostKey) =>
        HostSpelling.SameValue(a, b, hostKey)
        || ((a.Contains("${", StringComparison.Ordinal) || b.Contains("${", StringComparison.Ordinal)) && HostSpelling.SameValue(resolveActive(a), resolvePassive(b), hostKey));

    /// <summary>
    /// In fixed time, with the hosts of URLs in one spelling; a bare value is never taken for a host, since a password may read like one.
    /// (Not by hash: hashing loads the system's cryptography library, a large part of a short run's start-up.)
    /// </summary>
    private static bool SameSecret(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(HostSpelling.CanonicalUrls(a)), Encoding.UTF8.GetBytes(HostSpelling.CanonicalUrls(b)));

    /// <summary>In XML text and JSON whitespace never counts: trimmed, and every run of it one space.</summary>
    private static string Normalize(string value)
    {
        var trimmed = value.Trim(' ', '\t', '\r', '\n');
        return trimmed.Contains("  ") || trimmed.AsSpan().IndexOfAny("\t\r\n") >= 0 ? Whitespace().Replace(trimmed, " ") : trimmed;
    }

    // Compiled by the source generator (NonBacktracking would be built at run time, a large part of a short run's start-up):
    // one character class repeated cannot backtrack.
    [GeneratedRegex(@"[ \t\r\n]+")]
    private static partial Regex Whitespace();

    /// <summary>Records a difference; a key is written by the file too (a .properties key, an attribute's value in a path), so it is masked like a value.</summary>
    private void Add(string key, DriftSide active, DriftSide passive, bool secret) =>
        _differences.Add(new KeyDifference(SecretMask.Apply(key), active, passive, secret));

    /// <summary>A side as output shows it: a password inside a value (a JDBC URL's query) is masked too.</summary>
    private static DriftSide Side(string? display, Location location) => new(display is null ? null : SecretMask.Apply(display), location);
}
