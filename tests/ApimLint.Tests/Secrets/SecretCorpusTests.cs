using ApimLint.Tests.Fixtures;

namespace ApimLint.Tests.Secrets;

/// <summary>
/// Each form a credential takes in a deployment, planted on the passive node where it naturally lives
/// (so that drift and the findings around it show its neighbourhood), and every output apimlint
/// writes: no output shows the planted value, and the masked value shows somewhere. A form planted on
/// both nodes carries another value on the active, so that drift compares the two.
/// </summary>
public sealed class SecretCorpusTests
{
    private const string DataSources = "passive/repository/conf/datasources/master-datasources.xml";
    private const string ApimDbUrl = "<url>jdbc:mysql://localhost:3306/apimgtdb</url>";
    private const string Jndi = "passive/repository/conf/jndi.properties";
    private const string AmqpUrl = "amqp://admin:Adm1n-Pa55@clientid/carbon?brokerlist='tcp://localhost:5673'";
    private const string Sql = "db/create-databases.sql";
    private const string SqlHeading = "-- Databases for the API Manager pair, created as the deployment guide does.\n";
    private const string ApiManager = "passive/repository/conf/api-manager.xml";
    private const string Site = "passive/repository/deployment/server/jaggeryapps/publisher/site/conf/site.json";
    private const string StoreSite = "passive/repository/deployment/server/jaggeryapps/store/site/conf/site.json";
    private const string UserMgt = "passive/repository/conf/user-mgt.xml";
    private const string Nginx = "nginx/nginx.conf";
    private const string NginxListen = "        listen 443 ssl;\n";

    /// <summary>A planted credential: where it goes, the text that carries it, and a text that proves its place is shown (masked).</summary>
    public sealed record Form(string Name, string File, string Find, string With, string Shown, bool BothNodes = false)
    {
        public string Token => Planted(Name);

        /// <summary>The active's value of a form planted on both nodes.</summary>
        public string ActiveToken => Planted(Name + "Active");

        /// <summary>What no output may show: the value, or each part of a value split over lines.</summary>
        public IEnumerable<string> Leaks =>
            With.Contains(Token, StringComparison.Ordinal) ? BothNodes ? [Token, ActiveToken] : [Token] : SplitToken(Name);

        public override string ToString() => Name;
    }

    private static string Planted(string form) => $"Pl4nted-{form}-Secret";

    /// <summary>A planted value cut in two (by a line continuation): its first half and its second, each long enough to be its own.</summary>
    private static string[] SplitToken(string form) => [Planted(form)[..^10], Planted(form)[^10..]];

    public static TheoryData<Form> Forms() =>
    [
        Url("MysqlUserInfo", $"jdbc:mysql://apimuser:{Planted("MysqlUserInfo")}@localhost:3306/apimgtdb", "jdbc:mysql://apimuser:********@localhost"),
        Url("PostgresUserInfo", $"jdbc:postgresql://apimuser:{Planted("PostgresUserInfo")}@localhost:5432/apimgtdb", "jdbc:postgresql://apimuser:********@localhost"),
        Url("PostgresQuery", $"jdbc:postgresql://localhost:5432/apimgtdb?user=apimuser&amp;password={Planted("PostgresQuery")}&amp;ssl=true", "password=********&amp;ssl=true"),
        Url("OracleThin", $"jdbc:oracle:thin:apimuser/{Planted("OracleThin")}@localhost:1521/apimgtdb", "jdbc:oracle:thin:apimuser/********@localhost"),
        Url("SqlServerBraces", $"jdbc:sqlserver://localhost:1433;databaseName=apimgtdb;user=apimuser;password={{a;b}}}}{Planted("SqlServerBraces")}}};encrypt=true", "password={********};encrypt=true"),
        Url("SqlServerSpaces", $"jdbc:sqlserver://localhost:1433;databaseName=apimgtdb;Password = {Planted("SqlServerSpaces")};encrypt=true", "Password = ********;encrypt=true"),
        Url("Db2", $"jdbc:db2://localhost:50000/apimgtdb:user=apimuser;password={Planted("Db2")};", "password=********;"),
        Amqp("AmqpQuote", $"amqp://admin:it's-{Planted("AmqpQuote")}@clientid/carbon?brokerlist='tcp://localhost:5673'", "amqp://admin:********@clientid"),
        Amqp("AmqpSpace", $"amqp://admin:a b {Planted("AmqpSpace")}@clientid/carbon?brokerlist='tcp://localhost:5673'", "amqp://admin:********@clientid"),
        Amqp("AmqpUnicodeEscape", $"\\u0061mqp://admin:{Planted("AmqpUnicodeEscape")}@clientid/carbon?brokerlist='tcp://localhost:5673'", "mqp://admin:********@clientid"),
        Amqp("AmqpColonEscape", $"amqp\\://admin\\:{Planted("AmqpColonEscape")}@clientid/carbon?brokerlist='tcp://localhost:5673'", ":********@clientid"),
        new("XmlCdata", DataSources, ApimDbUrl, $"<url>jdbc:mysql://db.example:3306/apimgtdb</url><password><![CDATA[{Planted("XmlCdata")}]]></password>", "&lt;password&gt;********&lt;/password&gt;"),
        new("XmlComment", DataSources, ApimDbUrl, $"<url>jdbc:mysql://db.example:3306/apimgtdb</url><Password><!-- x -->{Planted("XmlComment")}</Password>", "&lt;Password&gt;********&lt;/Password&gt;"),
        new("PropertiesSpaceSeparator", Jndi, AmqpUrl, AmqpUrl + $"\n  password {Planted("PropertiesSpaceSeparator")}", "password ********"),
        new("DottedSecretKey", Jndi, AmqpUrl, AmqpUrl + $"\noauth.consumer.secret = {Planted("DottedSecretKey")}", "oauth.consumer.secret = ********"),
        new("SiteKeyStorePassword", Site, "\"keyStorePassword\" : \"\"", $"\"keyStorePassword\" : \"{Planted("SiteKeyStorePassword")}\"", "\"keyStorePassword\" : \"********\""),
        new("GatewayUrlUserInfo", ApiManager, "<ServerURL>https://localhost:9443/services/</ServerURL>",
            $"<ServerURL>https://admin:{Planted("GatewayUrlUserInfo")}@localhost:9444/services/</ServerURL>", "https://admin:********@localhost:9444/services/"),
        SqlForm("MysqlIdentifiedWith", $"CREATE USER 'apimadmin'@'localhost' IDENTIFIED WITH mysql_native_password BY '{Planted("MysqlIdentifiedWith")}';"),
        SqlForm("MysqlSetPassword", $"SET PASSWORD = '{Planted("MysqlSetPassword")}';"),
        SqlForm("MysqlSetPasswordFor", $"SET PASSWORD FOR 'apimadmin'@'localhost' = PASSWORD('{Planted("MysqlSetPasswordFor")}');"),
        // A value whose own name says nothing, under a name that says secret.
        new("PropertyValueAttribute", UserMgt, "<AdminUser>", $"<AdminUser><Property name=\"Password\" value=\"{Planted("PropertyValueAttribute")}\"/>",
            "Property[@name='Password']/@value differs from active's (a secret", BothNodes: true),
        new("NestedSecretElement", UserMgt, "<AdminUser>", $"<AdminUser><Secret><Value>{Planted("NestedSecretElement")}</Value></Secret>", "Secret/Value differs from active's (a secret", BothNodes: true),
        new("JsonSecretArray", StoreSite, "{", $"{{\"clientSecret\": [\"{Planted("JsonSecretArray")}\"],", "$.clientSecret[0] differs from active's (a secret", BothNodes: true),
        new("JsonSecretObject", StoreSite, "{", $"{{\"password\": {{\"value\": \"{Planted("JsonSecretObject")}\"}},", "$.password.value differs from active's (a secret", BothNodes: true),
        // Escapes, quotes and line breaks inside what names or holds a credential.
        Amqp("AmqpUnicodeColon", $"amqp\\u003a//admin\\u003a{Planted("AmqpUnicodeColon")}@clientid/carbon?brokerlist='tcp\\://localhost\\:5673'", "\\u003a********@clientid"),
        Amqp("AmqpContinuation", $"amqp://admin:{SplitToken("AmqpContinuation")[0]}\\\n  {SplitToken("AmqpContinuation")[1]}@clientid/carbon?brokerlist='tcp://localhost:5673'", "amqp://admin:********"),
        Amqp("AmqpDoubleQuote", $"amqp://admin:pa\"{Planted("AmqpDoubleQuote")}@clientid/carbon?brokerlist='tcp://localhost:5673'", "amqp://admin:********@clientid"),
        Url("QueryQuote", $"jdbc:mysql://localhost:3306/apimgtdb2?user=root&amp;password=pa'{Planted("QueryQuote")}", "password=********&lt;/url&gt;"),
        new("XmlMultilineAttribute", DataSources, ApimDbUrl, $"<url>jdbc:mysql://db.example:3306/apimgtdb</url><dummy password=\"ab\ncd {Planted("XmlMultilineAttribute")}\"/>", "&lt;dummy password=\"********"),
        new("XmlReferenceInName", DataSources, ApimDbUrl, $"<url>jdbc:mysql://db.example:3306/apimgtdb</url><Property name=\"Pass&#119;ord\">{Planted("XmlReferenceInName")}</Property>", "&gt;********&lt;"),
        new("JsonEscapedKey", StoreSite, "{", $"{{\"pass\\u0077ord\": \"{Planted("JsonEscapedKey")}\",", "$.password"),
        SqlForm("OracleBareWord", $"CREATE USER apim IDENTIFIED BY {Planted("OracleBareWord")};", "IDENTIFIED BY ********;"),
        SqlForm("PostgresDollarQuote", $"ALTER USER x WITH PASSWORD $${Planted("PostgresDollarQuote")}$$;", "PASSWORD $$********$$"),
        SqlForm("PostgresTaggedDollarQuote", $"ALTER USER x WITH PASSWORD $pw${Planted("PostgresTaggedDollarQuote")}$pw$;", "PASSWORD $pw$********$pw$"),
        SqlForm("SqlBlockComment", $"CREATE USER y IDENTIFIED BY /*c*/ '{Planted("SqlBlockComment")}';"),
        SqlForm("SqlLineComment", $"CREATE USER z IDENTIFIED BY -- c\n '{Planted("SqlLineComment")}';"),
        NginxForm("NginxBasicAuthorization", $"proxy_set_header Authorization \"Basic {Planted("NginxBasicAuthorization")}\";", "Authorization \"********\";"),
        NginxForm("NginxApiKeyHeader", $"proxy_set_header X-Api-Key {Planted("NginxApiKeyHeader")};", "X-Api-Key ********;"),
        // Names in every naming.
        NamedForm("db_pass"), NamedForm("secretKey"), NamedForm("passphrase"), NamedForm("apiKey"), NamedForm("api_key"),
        NamedForm("private_key"), NamedForm("privateKey"),
    ];

    /// <summary>Beside an obsolete "ssl on;", which a finding (and its fix) points at.</summary>
    private static Form NginxForm(string name, string directive, string shown) =>
        new(name, Nginx, NginxListen, NginxListen + "        ssl on;\n        " + directive + "\n", shown);

    private static Form NamedForm(string key) => new(key, Jndi, AmqpUrl, AmqpUrl + $"\n{key} = {Planted(key)}", $"{key} = ********");

    private static Form Url(string name, string url, string shown) => new(name, DataSources, ApimDbUrl, $"<url>{url}</url>", shown);

    private static Form Amqp(string name, string url, string shown) =>
        new(name, Jndi, AmqpUrl, url.Replace("'tcp://localhost:5673'", "'tcp://localhost:5674'"), shown);

    /// <summary>At the head of the SQL script, which a finding points at (no script creates the database the passive now uses).</summary>
    private static Form SqlForm(string name, string statement, string shown = "'********'") => new(name, Sql, SqlHeading, SqlHeading + statement + "\n", shown);

    [Theory]
    [MemberData(nameof(Forms))]
    public void No_output_shows_the_planted_credential(Form form)
    {
        using var temp = new TempDirectory();
        var deployment = Path.Combine(temp.Path, "deployment");
        FixtureCase.CopyDirectory(TestPaths.Fixture("correct-same-host"), deployment);
        Plant(deployment, form);

        var outputs = new List<string>();
        foreach (var format in ApimLint.Cli.OutputOptions.Formats)
            outputs.Add(Output(deployment, "check", "--format", format, "--fail-level", "none"));
        outputs.Add(Output(deployment, "check", "--diff", "--unsafe-fixes"));
        outputs.Add(Output(deployment, "diff"));
        outputs.Add(Output(deployment, "diff", "--format", "json"));
        var cache = Path.Combine(temp.Path, "drift.cache");
        outputs.Add(Output(deployment, "diff", "--cache", cache));
        outputs.Add(File.ReadAllText(cache, System.Text.Encoding.Latin1));
        var baseline = Path.Combine(temp.Path, "baseline.json");
        outputs.Add(Output(deployment, "baseline", "write", baseline));
        outputs.Add(File.ReadAllText(baseline));

        foreach (var output in outputs)
        foreach (var leak in form.Leaks)
            Assert.DoesNotContain(leak, output);
        Assert.Contains(outputs, output => output.Contains(form.Shown, StringComparison.Ordinal));
    }

    private static void Plant(string deployment, Form form)
    {
        Replace(deployment, form.File, form.Find, form.With);
        if (form.BothNodes) Replace(deployment, "active/" + form.File["passive/".Length..], form.Find, form.With.Replace(form.Token, form.ActiveToken));
        // The SQL script is shared, not drift: a finding in it (a database no script creates) shows its first lines.
        if (form.File == Sql)
        {
            var dataSources = Path.Combine(deployment, DataSources);
            File.WriteAllText(dataSources, File.ReadAllText(dataSources).Replace(ApimDbUrl, "<url>jdbc:mysql://localhost:3306/apimgtdb2</url>"));
        }
    }

    private static void Replace(string deployment, string file, string find, string with)
    {
        var path = Path.Combine(deployment, file);
        var text = File.ReadAllText(path);
        var at = text.IndexOf(find, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{find}' is not in {file}");
        File.WriteAllText(path, text[..at] + with + text[(at + find.Length)..]);
    }

    private static string Output(string deployment, params string[] args)
    {
        var result = Apimlint.Run(deployment, args);
        Assert.True(result.ExitCode is 0 or 1, $"apimlint {string.Join(' ', args)} exited {result.ExitCode}: {result.Stderr}");
        return result.Stdout + result.Stderr;
    }
}
