using ApimLint.Model;
using ApimLint.Syntax.Xml;
using static ApimLint.Loading.XmlFacts;

namespace ApimLint.Loading;

/// <summary>Builds a <see cref="Node"/> from an APIM_HOME tree.</summary>
internal static class NodeReader
{
    private const string Conf = "repository/conf";
    private const string EventPublishers = "repository/deployment/server/eventpublishers";
    public static readonly string[] JaggeryApps = ["store", "publisher", "admin"];

    public static Node Read(NodeRole role, string home, NodeOverride overrides)
    {
        var carbon = ConfigFileLoader.Xml(home, $"{Conf}/carbon.xml");
        var axis2 = ConfigFileLoader.Xml(home, $"{Conf}/axis2/axis2.xml");
        var registry = ConfigFileLoader.Xml(home, $"{Conf}/registry.xml");
        var userMgt = ConfigFileLoader.Xml(home, $"{Conf}/user-mgt.xml");
        var dataSourceFiles = ConfigFileLoader.List(home, $"{Conf}/datasources", "*.xml").Select(f => ConfigFileLoader.Xml(home, f)).ToList();
        var publisherFiles = ConfigFileLoader.List(home, EventPublishers, "*.xml").Select(f => ConfigFileLoader.Xml(home, f)).ToList();
        var publishers = publisherFiles.Select(ReadPublisher).OfType<EventPublisher>().ToList();
        var carbonRoot = carbon.Syntax?.Root;
        var apiManager = ConfigFileLoader.Xml(home, $"{Conf}/api-manager.xml");
        var node = new Node
        {
            Role = role,
            Home = home,
            Override = overrides,
            CarbonXml = carbon,
            Axis2Xml = axis2,
            RegistryXml = registry,
            UserMgtXml = userMgt,
            ApiManagerXml = apiManager,
            CatalinaServerXml = ConfigFileLoader.Xml(home, $"{Conf}/tomcat/catalina-server.xml"),
            DataSourceFiles = dataSourceFiles,
            JndiFiles = ReadJndiFiles(home, publishers),
            EventPublishers = publishers,
            EventPublisherFiles = publisherFiles,
            LibJars = ConfigFileLoader.ListIfFolder(home, "repository/components/lib", "*.jar")?.Select(Path.GetFileName).OfType<string>().ToList(),
            Sites = JaggeryApps.Select(app => SiteReader.Read(home, app)).ToList(),
            OffsetSetting = ChildText(carbonRoot?.Element("Ports"), "Offset"),
            VersionSetting = ChildText(carbonRoot, "Version"),
            HostName = ChildText(carbonRoot, "HostName"),
            MgtHostName = ChildText(carbonRoot, "MgtHostName"),
            WebContextRoot = ChildText(carbonRoot, "WebContextRoot")?.Value is { Length: > 0 } root ? root : "/",
            Cluster = ReadCluster(axis2.Syntax?.Root),
            DataSources = dataSourceFiles.SelectMany(f => ReadDataSources(f.Syntax?.Root)).ToList(),
            UserStore = ReadUserStore(userMgt.Syntax?.Root),
            KeyStore = ReadKeyStore(carbonRoot),
            Registry = ReadRegistry(registry.Syntax?.Root),
            Throttling = ReadThrottling(apiManager.Syntax?.Root),
        };
        node.GatewayEnvironments = ReadGatewayEnvironments(node);
        return node;
    }

    /// <summary>The 2.x pair's place in a deployment of 3.x/4.x nodes: a node with no folder and no files, whose rules find nothing.</summary>
    public static Node WithoutFiles(NodeRole role)
    {
        static ConfigFile<XmlDocumentSyntax> None(string relative) => new(relative, "", null, null, exists: false);
        return new Node
        {
            Role = role,
            Home = "",
            CarbonXml = None($"{Conf}/carbon.xml"),
            Axis2Xml = None($"{Conf}/axis2/axis2.xml"),
            RegistryXml = None($"{Conf}/registry.xml"),
            UserMgtXml = None($"{Conf}/user-mgt.xml"),
            ApiManagerXml = None($"{Conf}/api-manager.xml"),
            CatalinaServerXml = None($"{Conf}/tomcat/catalina-server.xml"),
            DataSourceFiles = [],
            JndiFiles = new Dictionary<string, JndiFile>(),
            EventPublishers = [],
            EventPublisherFiles = [],
            Sites = [],
            OffsetSetting = null,
            WebContextRoot = "/",
            Cluster = null,
            DataSources = [],
            UserStore = null,
            KeyStore = null,
            Registry = null,
        };
    }

    private static ClusterConfig? ReadCluster(XmlElementSyntax? axis2)
    {
        if (axis2?.Element("clustering") is not { } clustering) return null;
        var members = clustering.Element("members");
        return new ClusterConfig(
            clustering,
            Attribute(clustering, "enable") ?? new Located<string>("false", clustering.Location),
            NamedText(clustering, "parameter", "membershipScheme"),
            NamedText(clustering, "parameter", "domain"),
            NamedText(clustering, "parameter", "localMemberHost"),
            NamedText(clustering, "parameter", "localMemberPort"),
            members,
            members?.Elements("member").Select(m => new WkaMember(m, ChildText(m, "hostName"), ChildText(m, "port"))).ToList() ?? [],
            NamedText(clustering, "parameter", "membershipSchemeClassName"));
    }

    private static IEnumerable<DataSource> ReadDataSources(XmlElementSyntax? root) =>
        root?.Element("datasources")?.Elements("datasource")
            .Where(d => d.Element("name") is not null)
            .Select(d =>
            {
                var configuration = d.Element("definition")?.Element("configuration");
                return new DataSource(d, ChildText(d, "name")!, ChildText(d.Element("jndiConfig"), "name"),
                    ChildText(configuration, "url"), ChildText(configuration, "driverClassName"), ChildText(configuration, "username"),
                    Secret(configuration?.Element("password")), ChildText(configuration, "testOnBorrow"),
                    ChildText(configuration, "validationQuery"), ChildText(configuration, "validationInterval"));
            }) ?? [];

    private static UserStoreConfig? ReadUserStore(XmlElementSyntax? root)
    {
        if (root?.Element("Realm") is not { } realm) return null;
        var configuration = realm.Element("Configuration");
        var admin = configuration?.Element("AdminUser");
        return new UserStoreConfig(realm, NamedText(configuration, "Property", "dataSource"), ChildText(admin, "UserName"), Secret(admin?.Element("Password")));
    }

    private static KeyStoreConfig? ReadKeyStore(XmlElementSyntax? carbon) =>
        carbon?.Element("Security")?.Element("KeyStore") is { } keyStore
            ? new KeyStoreConfig(keyStore, ChildText(keyStore, "Location"), Secret(keyStore.Element("Password")), Secret(keyStore.Element("KeyPassword")))
            : null;

    private static RegistryConfig? ReadRegistry(XmlElementSyntax? root) =>
        root is null
            ? null
            : new RegistryConfig(
                root,
                ChildText(root, "currentDBConfig"),
                root.Elements("dbConfig").Where(d => d.Attribute("name") is not null)
                    .Select(d => new RegistryDbConfig(d, Attribute(d, "name")!, ChildText(d, "dataSource"))).ToList(),
                root.Elements("remoteInstance")
                    .Select(r => new RegistryRemoteInstance(r, Attribute(r, "url"), ChildText(r, "id"), ChildText(r, "cacheId"),
                        ChildText(r, "dbConfig"), ChildText(r, "readOnly"), ChildText(r, "registryRoot"))).ToList(),
                root.Elements("mount")
                    .Select(m => new RegistryMount(m, Attribute(m, "path"), ChildText(m, "instanceId"), ChildText(m, "targetPath"))).ToList());

    private static List<GatewayEnvironment> ReadGatewayEnvironments(Node node) =>
        node.ApiManagerXml.Syntax?.Root?.Element("APIGateway")?.Element("Environments")?.Elements("Environment")
            .Where(e => e.Element("Name") is not null)
            .Select(e =>
            {
                var serverUrl = ChildText(e, "ServerURL");
                return new GatewayEnvironment(e, ChildText(e, "Name")!, serverUrl, serverUrl is null ? null : node.Resolve(serverUrl.Value));
            }).ToList() ?? [];

    /// <summary>ReceiverUrlGroup sits under TrafficManager from API-M 2.2, under DataPublisher before.</summary>
    private static ThrottlingConfig? ReadThrottling(XmlElementSyntax? apiManager) =>
        apiManager?.Element("ThrottlingConfigurations") is { } throttling
            ? new ThrottlingConfig(
                ChildText(throttling.Element("TrafficManager"), "ReceiverUrlGroup") ?? ChildText(throttling.Element("DataPublisher"), "ReceiverUrlGroup"),
                ChildText(throttling.Element("JMSConnectionDetails")?.Element("JMSConnectionParameters"), "connectionfactory.TopicConnectionFactory"))
            : null;

    private static EventPublisher? ReadPublisher(ConfigFile<XmlDocumentSyntax> file)
    {
        if (file.Syntax?.Root is not { LocalName: "eventPublisher" } root) return null;
        var from = root.Element("from");
        var to = root.Element("to");
        var properties = new Dictionary<string, Located<string>>(StringComparer.Ordinal);
        foreach (var property in to?.Elements("property") ?? [])
            if (property.AttributeValue("name") is { } name) properties.TryAdd(name, TextOf(property));
        return new EventPublisher(file, root, Attribute(root, "name"),
            from is null ? null : Attribute(from, "streamName"), from is null ? null : Attribute(from, "version"),
            to is null ? null : Attribute(to, "eventAdapterType"), properties);
    }

    private static Dictionary<string, JndiFile> ReadJndiFiles(string home, IEnumerable<EventPublisher> publishers)
    {
        var named = publishers.Select(p => p.ProviderUrl?.Value).OfType<string>().Select(Node.NormalizeRelative);
        var files = new Dictionary<string, JndiFile>(StringComparer.Ordinal);
        foreach (var relative in ConfigFileLoader.List(home, Conf, "jndi*.properties").Concat(named))
        {
            if (files.ContainsKey(relative) || !IsUnder(home, relative)) continue;
            var file = ConfigFileLoader.Properties(home, relative);
            if (!file.Exists) continue;
            var entries = file.Syntax?.Entries ?? [];
            files[relative] = new JndiFile(file,
                entries.Where(e => e.Key.StartsWith("connectionfactory.", StringComparison.Ordinal))
                    .Select(e => new ConnectionFactory(e, e.Key["connectionfactory.".Length..], AmqpUrl.Parse(e))).ToList(),
                entries.Where(e => e.Key.StartsWith("topic.", StringComparison.Ordinal)).ToList());
        }
        // In path order, whatever order they were found in.
        var paths = files.Keys.ToList();
        paths.Sort(StringComparer.Ordinal);
        return paths.ToDictionary(path => path, path => files[path], StringComparer.Ordinal);
    }

    /// <summary>A publisher may name any path; only files inside the node's tree are read.</summary>
    private static bool IsUnder(string home, string relative)
    {
        var full = Path.GetFullPath(Path.Combine(home, relative));
        return full.StartsWith(Path.GetFullPath(home) + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }
}
