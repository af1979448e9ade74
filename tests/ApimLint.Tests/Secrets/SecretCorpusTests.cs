using ApimLint.Tests.Fixtures;

namespace ApimLint.Tests.Secrets;

/// <summary>
/// Each form a credential takes in a deployment, planted on the passive node where it naturally lives
/// (so that drift and the findings around it show its neighbourhood), and every output apimlint
/// writes: no output shows the planted value, and the masked value shows somewhere.
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

    /// <summary>A planted credential: where it goes, the text that carries it, and a text that proves its place is shown (masked).</summary>
    public sealed record Form(string Name, string File, string Find, string With, string Shown)
    {
        public string Token => Planted(Name);

        public override string ToString() => Name;
    }

    private static string Planted(string form) => $"Pl4nted-{form}-Secret";

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
    ];

    private static Form Url(string name, string url, string shown) => new(name, DataSources, ApimDbUrl, $"<url>{url}</url>", shown);

    private static Form Amqp(string name, string url, string shown) =>
        new(name, Jndi, AmqpUrl, url.Replace("'tcp://localhost:5673'", "'tcp://localhost:5674'"), shown);

    /// <summary>At the head of the SQL script, which a finding points at (no script creates the database the passive now uses).</summary>
    private static Form SqlForm(string name, string statement) => new(name, Sql, SqlHeading, SqlHeading + statement + "\n", "'********'");

    [Theory]
    [MemberData(nameof(Forms))]
    public void No_output_shows_the_planted_credential(Form form)
    {
        using var temp = new TempDirectory();
        var deployment = Path.Combine(temp.Path, "deployment");
        FixtureCase.CopyDirectory(TestPaths.Fixture("correct-same-host"), deployment);
        Plant(deployment, form);

        var outputs = new List<string>();
        foreach (var format in new[] { "text", "json", "sarif", "github", "markdown", "html" })
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

        foreach (var output in outputs) Assert.DoesNotContain(form.Token, output);
        Assert.Contains(outputs, output => output.Contains(form.Shown, StringComparison.Ordinal));
    }

    private static void Plant(string deployment, Form form)
    {
        var path = Path.Combine(deployment, form.File);
        var text = File.ReadAllText(path);
        var at = text.IndexOf(form.Find, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{form.Find}' is not in {form.File}");
        File.WriteAllText(path, text[..at] + form.With + text[(at + form.Find.Length)..]);
        // The SQL script is shared, not drift: a finding in it (a database no script creates) shows its first lines.
        if (form.File == Sql)
        {
            var dataSources = Path.Combine(deployment, DataSources);
            File.WriteAllText(dataSources, File.ReadAllText(dataSources).Replace(ApimDbUrl, "<url>jdbc:mysql://localhost:3306/apimgtdb2</url>"));
        }
    }

    private static string Output(string deployment, params string[] args)
    {
        var result = Apimlint.Run(deployment, args);
        Assert.True(result.ExitCode is 0 or 1, $"apimlint {string.Join(' ', args)} exited {result.ExitCode}: {result.Stderr}");
        return result.Stdout + result.Stderr;
    }
}
