using ApimLint.Drift;
using ApimLint.Loading;
using ApimLint.Model;
using ApimLint.Reporting;
using ApimLint.Secrets;
using ApimLint.Syntax;
using ApimLint.Syntax.Json;
using ApimLint.Syntax.Properties;
using ApimLint.Syntax.Xml;
using ApimLint.Text;

namespace ApimLint.Tests.Drift;

/// <summary>The semantic comparison behind APIM701: what counts as a difference, and how keys are named.</summary>
public sealed class ConfigComparerTests
{
    private static readonly Deployment SameHost = DeploymentLoader.Load(DeploymentInput.FromFolder(TestPaths.Fixture("correct-same-host")));

    private static IReadOnlyList<KeyDifference> Xml(string active, string passive) =>
        Compare(XmlParser.Parse(new SourceText("/a/f.xml", active)), XmlParser.Parse(new SourceText("/p/f.xml", passive)), "f.xml");

    private static IReadOnlyList<KeyDifference> Compare(SyntaxNode active, SyntaxNode passive, string path) =>
        ConfigComparer.Compare(active, passive, path, SameHost.Active.Resolve, SameHost.Passive.Resolve);

    private static string Keys(IReadOnlyList<KeyDifference> differences) => string.Join(" | ", differences.Select(d => d.Key));

    [Fact]
    public void A_password_inside_a_value_is_not_shown()
    {
        var difference = Assert.Single(Xml("<c><url>jdbc:mysql://db1/apim?password=s3cret</url></c>", "<c><url>jdbc:mysql://db2/apim?password=s3cret</url></c>"));

        Assert.Equal(("jdbc:mysql://db1/apim?password=********", "jdbc:mysql://db2/apim?password=********"), (difference.Active.Display, difference.Passive.Display));
    }

    [Fact]
    public void An_element_with_a_hundred_thousand_attributes_compares_each_by_name()
    {
        static string Element(int differing) =>
            "<c><e " + string.Concat(Enumerable.Range(0, 100_000).Select(i => $"a{i}=\"{(i == differing ? "x" : "v")}\" ")) + "/></c>";

        var difference = Assert.Single(Xml(Element(-1), Element(99_999)));

        Assert.Equal(("/c/e/@a99999", "v", "x"), (difference.Key, difference.Active.Display, difference.Passive.Display));
    }

    [Fact]
    public void Siblings_told_apart_by_an_attribute_among_many_pair_by_it()
    {
        static string Siblings(string last) =>
            "<c>" + string.Concat(Enumerable.Range(0, 3).Select(s =>
                "<e " + string.Concat(Enumerable.Range(0, 20_000).Select(i => $"a{i}=\"v\" ")) + $"id=\"{s}\">{(s == 2 ? last : "t")}</e>")) + "</c>";

        var difference = Assert.Single(Xml(Siblings("t"), Siblings("u")));

        Assert.Equal("/c/e[@id='2']", difference.Key);
    }

    [Fact]
    public void Siblings_are_never_told_apart_by_a_password_the_key_would_show()
    {
        const string active = "<c><u><password>one</password><v>1</v><w>a</w></u><u><password>two</password><v>2</v><w>a</w></u></c>";
        const string passive = "<c><u><password>one</password><v>1</v><w>a</w></u><u><password>two</password><v>2</v><w>b</w></u></c>";

        var difference = Assert.Single(Xml(active, passive));

        Assert.Equal("/c/u[v='2']/w", difference.Key);
    }

    [Fact]
    public void A_credential_written_in_a_key_is_not_shown()
    {
        var difference = Assert.Single(Compare(Properties("x = 1\n"), Properties("x = 1\namqp\\://admin\\:s3cret@host = 2\n"), "f.properties"));

        Assert.Equal("amqp://admin:********@host", difference.Key);
    }

    [Fact]
    public void A_reformatted_file_is_not_drift()
    {
        const string active = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!-- the pack's comment -->
            <Server xmlns="http://wso2.org/projects/carbon/carbon.xml">
                <Name>WSO2 API Manager</Name>
                <Ports>
                    <Offset>0</Offset>
                    <Empty></Empty>
                </Ports>
                <Item id="a" class="x.Y" enabled="true">  some   text
                    over lines </Item>
            </Server>
            """;
        var passive = "<?xml version='1.0'?>\r\n<Server xmlns='http://wso2.org/projects/carbon/carbon.xml'><Name>WSO2 API Manager</Name>" +
                      "<Ports>\r\n\t<!-- moved --><Offset>\r\n\t\t0\r\n\t</Offset><Empty/></Ports>" +
                      "<Item  enabled = 'true' class=\"x.Y\"   id='a'>some text over lines</Item></Server>";

        Assert.Empty(Xml(active, passive));
    }

    [Fact]
    public void Values_equal_once_each_node_s_placeholders_are_resolved_are_not_drift()
    {
        const string placeholder = "https://localhost:${mgt.transport.https.port}${carbon.context}services/";
        string Url(string url) => $"<AuthManager><ServerURL>{url}</ServerURL></AuthManager>";

        // The same placeholder on both nodes is the same setting: each node's own services.
        Assert.Empty(Xml(Url(placeholder), Url(placeholder)));
        // On the offset-0 active it resolves to 9443, which the passive wrote out.
        Assert.Empty(Xml(Url(placeholder), Url("https://localhost:9443/services/")));
        // On the offset-1 passive it resolves to 9444: not the active's 9443.
        var difference = Assert.Single(Xml(Url("https://localhost:9443/services/"), Url(placeholder)));
        Assert.Equal(("/AuthManager/ServerURL", "https://localhost:9443/services/", placeholder), (difference.Key, difference.Active.Display, difference.Passive.Display));
    }

    [Fact]
    public void Keys_name_elements_by_their_name_attribute_name_child_identity_or_position()
    {
        const string active = """
            <root>
                <parameter name="domain">wso2.carbon.domain</parameter>
                <datasource><name>WSO2AM_DB</name><url>jdbc:mysql://a/apimgtdb</url></datasource>
                <datasource><name>WSO2UM_DB</name><url>jdbc:mysql://a/userdb</url></datasource>
                <handler class="a.First" order="1"/>
                <handler class="a.Second" order="2"/>
                <member><hostName>10.0.0.1</hostName></member>
                <member><hostName>10.0.0.2</hostName></member>
                <step>one</step>
                <step>two</step>
            </root>
            """;
        const string passive = """
            <root>
                <parameter name="domain">other.domain</parameter>
                <datasource><name>WSO2UM_DB</name><url>jdbc:mysql://a/userdb</url></datasource>
                <datasource><name>WSO2AM_DB</name><url>jdbc:mysql://b/apimgtdb</url></datasource>
                <handler order="9" class="a.Second"/>
                <handler class="a.First" order="1"/>
                <member><hostName>10.0.0.2</hostName></member>
                <member><hostName>10.0.0.3</hostName></member>
                <step>one</step>
                <step>three</step>
            </root>
            """;

        Assert.Equal(
            "/root/parameter[@name='domain'] | /root/datasource[name='WSO2AM_DB']/url | /root/handler[@class='a.Second']/@order"
            + " | /root/member[hostName='10.0.0.1'] | /root/member[hostName='10.0.0.3'] | /root/step[2]",
            Keys(Xml(active, passive)));
    }

    [Fact]
    public void A_missing_element_is_one_difference_at_its_top_located_in_the_enclosing_element()
    {
        var differences = Xml(
            "<APIManager>\n  <Throttling><Enabled>true</Enabled><Policy a=\"1\">x</Policy></Throttling>\n</APIManager>",
            "<APIManager>\n</APIManager>");

        var difference = Assert.Single(differences);
        Assert.Equal(("/APIManager/Throttling", "(element)", null), (difference.Key, difference.Active.Display, difference.Passive.Display));
        Assert.Equal(new LinePosition(1, 1), difference.Passive.Location!.Start);
        Assert.Equal(new LinePosition(2, 3), difference.Active.Location!.Start);
    }

    [Fact]
    public void Secrets_are_compared_by_hash_and_never_shown()
    {
        var differences = Xml(
            "<Server><KeyStore><Password>alpha-secret</Password><KeyPassword>same</KeyPassword></KeyStore><Property name=\"ConnectionPassword\">p1</Property></Server>",
            "<Server><KeyStore><Password>beta-secret</Password><KeyPassword>same</KeyPassword></KeyStore><Property name=\"ConnectionPassword\">p2</Property></Server>");

        Assert.Equal("/Server/KeyStore/Password | /Server/Property[@name='ConnectionPassword']", Keys(differences));
        Assert.All(differences, d => Assert.True(d.IsSecret));
        Assert.All(differences, d => Assert.Equal((SecretMask.Mask, SecretMask.Mask), (d.Active.Display, d.Passive.Display)));
    }

    [Fact]
    public void Properties_compare_values_as_Java_reads_them_and_AMQP_URLs_in_their_parts()
    {
        var active = Properties("""
            # comment
            log4j.rootLogger=INFO, CARBON
            topic.throttleData = throttleData
            connectionfactory.TopicConnectionFactory = amqp://admin:one@clientid/carbon?brokerlist='tcp://localhost:5672'
            password.of.something = a
            dup = first
            dup = last
            """);
        // The separator's whitespace is not part of a value; whitespace after the value is (Java keeps it).
        var passive = Properties("""
            log4j.rootLogger   :   INFO, CARBON
            topic.throttleData = throttleData  
            connectionfactory.TopicConnectionFactory=amqp://apim:two@clientid/carbon?brokerlist='tcp://localhost:5673'
            password.of.something = b
            dup = last
            """);

        var differences = Compare(active, passive, "repository/conf/jndi.properties");

        Assert.Equal("topic.throttleData | connectionfactory.TopicConnectionFactory/user | connectionfactory.TopicConnectionFactory/password"
                     + " | connectionfactory.TopicConnectionFactory/brokerlist | password.of.something", Keys(differences));
        Assert.Equal(("throttleData", "throttleData  "), (differences[0].Active.Display, differences[0].Passive.Display));
        Assert.Equal(("tcp://localhost:5672", "tcp://localhost:5673"), (differences[3].Active.Display, differences[3].Passive.Display));
        Assert.Equal(SecretMask.Mask, differences[2].Passive.Display);
        Assert.Equal(SecretMask.Mask, differences[4].Passive.Display);
    }

    [Fact]
    public void Secure_vault_ciphertexts_differ_by_design_but_a_missing_alias_is_drift()
    {
        var active = Properties("Datasources.WSO2AM_DB.Configuration.Password=kX9+Zm0=\nCarbon.Security.KeyStore.Password=Pq1=\n");
        var passive = Properties("Datasources.WSO2AM_DB.Configuration.Password=Aa7/Tt2=\n");

        var difference = Assert.Single(Compare(active, passive, "repository/conf/security/cipher-text.properties"));
        Assert.Equal(("Carbon.Security.KeyStore.Password", SecretMask.Mask, null), (difference.Key, difference.Active.Display, difference.Passive.Display));
    }

    [Fact]
    public void Json_compares_values_not_formatting_comments_or_trailing_commas()
    {
        var active = Json("""
            { "reverseProxy" : { "enabled" : true, "host" : "localhost", "context" : "/store" },
              "hosts" : ["a", "b"], "tagWiseMode" : "false" }
            """);
        var passive = Json("""
            {
              // the proxy
              "reverseProxy": {"context": "/store", "host": "localhost", "enabled": true,},
              "hosts": ["a"],
              "tagWiseMode": false,
            }
            """);

        var differences = Compare(active, passive, "site.json");

        Assert.Equal("$.hosts[1] | $.tagWiseMode", Keys(differences));
        Assert.Equal(("\"false\"", "false"), (differences[1].Active.Display, differences[1].Passive.Display));
    }

    [Fact]
    public void A_value_under_a_secret_name_is_secret_whatever_its_own_name()
    {
        const string active = "<c><AdminUser><Property name=\"Password\" value=\"one-a\"/><Secret><Value>two-a</Value><Value>x</Value></Secret></AdminUser></c>";
        const string passive = "<c><AdminUser><Property name=\"Password\" value=\"one-b\"/><Secret><Value>two-b</Value><Value>y</Value><Value>z</Value></Secret></AdminUser></c>";

        var differences = Xml(active, passive);

        Assert.Equal("/c/AdminUser/Property[@name='Password']/@value | /c/AdminUser/Secret/Value[1] | /c/AdminUser/Secret/Value[2] | /c/AdminUser/Secret/Value[3]",
            Keys(differences));
        Assert.All(differences, d => Assert.True(d.IsSecret));
        Assert.All(differences, d => Assert.Equal(SecretMask.Mask, d.Passive.Display));
    }

    [Fact]
    public void A_JSON_value_under_a_secret_key_is_secret_at_any_depth()
    {
        var active = Json("""{ "clientSecret": ["one-a", "x"], "password": { "value": "two-a" }, "token": { "kind": 1 }, "host": "a" }""");
        var passive = Json("""{ "clientSecret": ["one-b"], "password": { "value": "two-b" }, "token": { "kind": "t" }, "host": "b" }""");

        var differences = Compare(active, passive, "site.json");

        Assert.Equal("$.clientSecret[0] | $.clientSecret[1] | $.password.value | $.token.kind | $.host", Keys(differences));
        Assert.All(differences.Take(4), d => Assert.Equal((true, SecretMask.Mask), (d.IsSecret, d.Active.Display)));
        Assert.Equal(("a", "b"), (differences[4].Active.Display, differences[4].Passive.Display));
    }

    [Fact]
    public void An_escaped_brokerlist_shows_as_Java_reads_it()
    {
        var active = Properties("f = amqp\\u003a//admin\\u003aone@clientid/carbon?brokerlist='tcp\\://localhost\\:5672'\n");
        var passive = Properties("f = amqp://admin:one@clientid/carbon?brokerlist='tcp://localhost:5673'\n");

        var difference = Assert.Single(Compare(active, passive, "jndi.properties"));

        Assert.Equal(("f/brokerlist", "tcp://localhost:5672", "tcp://localhost:5673"), (difference.Key, difference.Active.Display, difference.Passive.Display));
    }

    [Fact]
    public void Values_and_keys_that_differ_only_in_a_host_s_spelling_are_not_drift()
    {
        const string active = """
            <Server>
                <HostName>apim.example.com</HostName>
                <ThriftServerHost>localhost</ThriftServerHost>
                <ServerName>localhost</ServerName>
                <ServerURL>https://localhost:${mgt.transport.https.port}${carbon.context}services/</ServerURL>
                <StoreURL>https://localhost:9443/store?tenant=Carbon</StoreURL>
                <Analytics>{tcp://localhost:7612},{tcp://Analytics.example.com:7612}</Analytics>
                <Broker>amqp://admin:Adm1n@clientid/carbon?brokerlist='tcp://localhost:5672;tcp://localhost:5673'</Broker>
                <Ldap>ldap://user@localhost:10389</Ldap>
                <Db>jdbc:mysql://localhost:3306/apimgtdb?useSSL=false</Db>
                <Oracle>jdbc:oracle:thin:@localhost:1521/ORCL</Oracle>
                <SqlServer>jdbc:sqlserver://db.example.com:1433;databaseName=WSO2AM</SqlServer>
                <Six>https://[::1]:9443/</Six>
                <Engine name="Catalina" defaultHost="localhost">
                    <Host name="localhost" appBase="webapps"/>
                </Engine>
                <members>
                    <member><hostName>localhost</hostName><port>4000</port></member>
                    <member><hostName>apim-2.example.com</hostName><port>4000</port></member>
                </members>
            </Server>
            """;
        const string passive = """
            <Server>
                <HostName>APIM.Example.COM</HostName>
                <ThriftServerHost>127.0.0.1</ThriftServerHost>
                <ServerName>::1</ServerName>
                <ServerURL>https://LOCALHOST:9443/services/</ServerURL>
                <StoreURL>https://127.0.0.1:9443/store?tenant=Carbon</StoreURL>
                <Analytics>{tcp://127.0.0.1:7612},{tcp://analytics.EXAMPLE.com:7612}</Analytics>
                <Broker>amqp://admin:Adm1n@clientid/carbon?brokerlist='tcp://LocalHost:5672;tcp://127.0.0.1:5673'</Broker>
                <Ldap>ldap://user@127.0.1.1:10389</Ldap>
                <Db>jdbc:mysql://LOCALHOST:3306/apimgtdb?useSSL=false</Db>
                <Oracle>jdbc:oracle:thin:@127.0.0.1:1521/ORCL</Oracle>
                <SqlServer>jdbc:sqlserver://DB.example.com:1433;databaseName=WSO2AM</SqlServer>
                <Six>https://localhost:9443/</Six>
                <Engine name="Catalina" defaultHost="LOCALHOST">
                    <Host name="LOCALHOST" appBase="webapps"/>
                </Engine>
                <members>
                    <member><hostName>APIM-2.example.com</hostName><port>4000</port></member>
                    <member><hostName>127.0.0.1</hostName><port>4000</port></member>
                </members>
            </Server>
            """;

        // The active resolves ${mgt.transport.https.port}${carbon.context} to 9443/ (offset 0), as the passive wrote it out.
        Assert.Empty(Xml(active, passive));
    }

    [Fact]
    public void Json_and_properties_values_that_differ_only_in_a_host_s_spelling_are_not_drift()
    {
        var site = Json("""{ "identityProviderURL": "https://localhost:9443/samlsso", "reverseProxy": { "host": "apim.example.com" }, "whiteListedHostNames": ["localhost"] }""");
        var respelled = Json("""{ "identityProviderURL": "https://LOCALHOST:9443/samlsso", "reverseProxy": { "host": "Apim.Example.com" }, "whiteListedHostNames": ["127.0.0.1"] }""");
        var jndi = Properties("connectionfactory.TopicConnectionFactory = amqp://admin:one@clientid/carbon?brokerlist='tcp://localhost:5672'\njava.naming.provider.url = tcp://localhost:61616\n");
        var respelledJndi = Properties("connectionfactory.TopicConnectionFactory = amqp://admin:one@clientid/carbon?brokerlist='tcp://LOCALHOST:5672'\njava.naming.provider.url = tcp://127.0.0.1:61616\n");

        Assert.Empty(Compare(site, respelled, "site.json"));
        Assert.Empty(Compare(jndi, respelledJndi, "repository/conf/jndi.properties"));
    }

    [Fact]
    public void Another_host_port_path_query_or_user_is_still_drift()
    {
        const string active = """
            <c>
                <db>jdbc:mysql://localhost:3306/apimgtdb</db>
                <port>https://localhost:9443/services/</port>
                <path>https://localhost:9443/Store/</path>
                <query>https://localhost:9443/samlsso?spEntityID=API_STORE</query>
                <user>ldap://Admin@localhost:10389</user>
                <ThriftServerHost>localhost</ThriftServerHost>
                <cacheId>apimadmin@jdbc:mysql://localhost:3306/regdb</cacheId>
                <handler>org.wso2.Handler</handler>
                <Host name="localhost" appBase="webapps"/>
            </c>
            """;
        const string passive = """
            <c>
                <db>jdbc:mysql://db.example.com:3306/apimgtdb</db>
                <port>https://localhost:9444/services/</port>
                <path>https://LOCALHOST:9443/store/</path>
                <query>https://localhost:9443/samlsso?spEntityID=api_store</query>
                <user>ldap://admin@localhost:10389</user>
                <ThriftServerHost>192.168.10.1</ThriftServerHost>
                <cacheId>apimadmin@jdbc:mysql://LOCALHOST:3306/regdb</cacheId>
                <handler>org.WSO2.handler</handler>
                <Host name="LOCALHOST" appBase="WebApps"/>
            </c>
            """;

        var differences = Xml(active, passive);

        // A cacheId is not a URL but the registry's cache key, compared as written; a class name is no host.
        Assert.Equal(
            [
                ("/c/db", "jdbc:mysql://localhost:3306/apimgtdb", "jdbc:mysql://db.example.com:3306/apimgtdb"),
                ("/c/port", "https://localhost:9443/services/", "https://localhost:9444/services/"),
                ("/c/path", "https://localhost:9443/Store/", "https://LOCALHOST:9443/store/"),
                ("/c/query", "https://localhost:9443/samlsso?spEntityID=API_STORE", "https://localhost:9443/samlsso?spEntityID=api_store"),
                ("/c/user", "ldap://Admin@localhost:10389", "ldap://admin@localhost:10389"),
                ("/c/ThriftServerHost", "localhost", "192.168.10.1"),
                ("/c/cacheId", "apimadmin@jdbc:mysql://localhost:3306/regdb", "apimadmin@jdbc:mysql://LOCALHOST:3306/regdb"),
                ("/c/handler", "org.wso2.Handler", "org.WSO2.handler"),
                ("/c/Host[@name='localhost']/@appBase", "webapps", "WebApps"),
            ],
            differences.Select(d => (d.Key, d.Active.Display, d.Passive.Display)));
    }

    [Fact]
    public void A_secret_URL_compares_its_host_in_one_spelling_and_the_rest_as_written()
    {
        const string active = "<c><Password>jdbc:mysql://localhost/x?password=Pa55</Password><KeyPassword>localhost</KeyPassword><clientSecret>https://localhost/Abc</clientSecret></c>";
        const string passive = "<c><Password>jdbc:mysql://LOCALHOST/x?password=Pa55</Password><KeyPassword>LocalHost</KeyPassword><clientSecret>https://127.0.0.1/abc</clientSecret></c>";

        var differences = Xml(active, passive);

        // A bare value in a secret is a password, never taken for a host.
        Assert.Equal(
            [("/c/KeyPassword", SecretMask.Mask, SecretMask.Mask, true), ("/c/clientSecret", SecretMask.Mask, SecretMask.Mask, true)],
            differences.Select(d => (d.Key, d.Active.Display, d.Passive.Display, d.IsSecret)));
    }

    private static PropertiesFileSyntax Properties(string text) => PropertiesParser.Parse(new SourceText("/x.properties", text));

    private static JsonDocumentSyntax Json(string text) => JsonParser.Parse(new SourceText("/site.json", text));
}
