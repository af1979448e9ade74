using ApimLint.Diagnostics;
using ApimLint.Engine;
using ApimLint.Model;
using ApimLint.Reporting;
using ApimLint.Secrets;

namespace ApimLint.Tests.Reporting;

/// <summary>No password or credential of the deployment appears in any output format.</summary>
public sealed class SecretsTests
{
    private static readonly string[] Secrets =
        ["Zq7-datasource-secret", "Zq7-admin-secret", "Zq7-amqp-secret", "Zq7-keystore-secret", "Zq7-connection-secret", "Zq7-keystorepass-secret"];

    /// <summary>A rule that quotes a datasource URL as written, credentials and all, as a careless new rule might.</summary>
    private sealed class QuotingRule : Rule
    {
        public override RuleDescriptor Descriptor { get; } = new("APIM991", "quoting", RuleCategory.Datasources, Severity.Error, "Quotes a URL.", "");

        public override IEnumerable<Diagnostic> Check(Deployment deployment) =>
            [Report(deployment.Active.CarbonXml.WholeFile, "reaches jdbc:mysql://apim:Zq7-quoted-secret@db/apimgtdb", "active#jdbc:mysql://apim:Zq7-quoted-secret@db",
                new RelatedLocation(deployment.Passive.CarbonXml.WholeFile, "password=Zq7-quoted-secret"))];
    }

    [Fact]
    public void A_rule_cannot_show_a_credential_it_quotes()
    {
        var outputs = new[] { "text", "json", "sarif" }.Select(format =>
            Apimlint.RunWith([new QuotingRule()], TestPaths.Fixture(""), "check", "correct-same-host", "--format", format).Stdout).ToList();
        using var temp = new TempDirectory();
        Fixtures.FixtureCase.CopyDirectory(TestPaths.Fixture("correct-same-host"), temp.Path);
        Apimlint.RunWith([new QuotingRule()], temp.Path, "baseline", "write");

        Assert.All(outputs.Append(File.ReadAllText(Path.Combine(temp.Path, "apimlint.baseline"))), o => Assert.DoesNotContain("Zq7-quoted-secret", o));
        Assert.Contains("reaches jdbc:mysql://apim:********@db/apimgtdb", outputs[0]);
    }

    [Fact]
    public void No_output_format_shows_a_secret()
    {
        using var temp = new TempDirectory();
        Fixtures.FixtureCase.CopyDirectory(TestPaths.Fixture("example"), temp.Path);
        foreach (var node in new[] { "active", "passive" })
        {
            var conf = Path.Combine(temp.Path, node, "repository/conf");
            Replace(Path.Combine(conf, "datasources/master-datasources.xml"), "<password>root</password>", $"<password>{Secrets[0]}</password>");
            Replace(Path.Combine(conf, "user-mgt.xml"), "<Password>admin</Password>", $"<Password>{Secrets[1]}</Password>");
            Replace(Path.Combine(conf, "jndi2.properties"), "amqp://admin:admin@", $"amqp://admin:{Secrets[2]}@");
            Replace(Path.Combine(conf, "carbon.xml"), "<Password>wso2carbon</Password>", $"<Password>{Secrets[3]}</Password>");
        }

        // On the passive only, so that they are drift too: a password Property and a password attribute.
        var passive = Path.Combine(temp.Path, "passive", "repository", "conf");
        Replace(Path.Combine(passive, "user-mgt.xml"), "<Property name=\"ConnectionPassword\">admin</Property>", $"<Property name=\"ConnectionPassword\">{Secrets[4]}</Property>");
        Replace(Path.Combine(passive, "tomcat", "catalina-server.xml"), "keystorePass=\"wso2carbon\"", $"keystorePass=\"{Secrets[5]}\"");

        foreach (var format in new[] { "text", "sarif", "json", "github", "markdown", "html" })
        {
            var result = Apimlint.Run(temp.Path, "check", "--format", format, "--fail-level", "none");
            Assert.Equal(0, result.ExitCode);
            foreach (var secret in Secrets) Assert.DoesNotContain(secret, result.Stdout + result.Stderr);
            // The HTML report shows the source lines around each finding: the AMQP URL beside APIM503's brokerlist is masked there.
            if (format == "html")
            {
                Assert.Contains("amqp://admin:********@", result.Stdout);
                Assert.Contains("keystorePass=\"********\"", result.Stdout);
            }
        }
    }

    private static void Replace(string path, string find, string with)
    {
        var text = File.ReadAllText(path);
        Assert.Contains(find, text);
        File.WriteAllText(path, text.Replace(find, with));
    }

    [Theory]
    [InlineData("<Password>s3cret</Password>", "<Password>********</Password>")]
    [InlineData("<Property name=\"ConnectionPassword\">s3cret</Property>", "<Property name=\"ConnectionPassword\">********</Property>")]
    [InlineData("<parameter name='trustStorePass'>s3cret</parameter>", "<parameter name='trustStorePass'>********</parameter>")]
    [InlineData("<Connector port=\"9443\" keystorePass=\"s3cret\" clientAuth=\"false\"/>", "<Connector port=\"9443\" keystorePass=\"********\" clientAuth=\"false\"/>")]
    [InlineData("password = s3cret", "password = ********")]
    [InlineData("x=amqp://admin:s3cret@clientid/carbon", "x=amqp://admin:********@clientid/carbon")]
    [InlineData("CREATE USER 'u' IDENTIFIED BY 's3cret';", "CREATE USER 'u' IDENTIFIED BY '********';")]
    [InlineData("<url>jdbc:mysql://db:3306/apimgtdb?user=u&amp;password=s3cret&amp;useSSL=false</url>", "<url>jdbc:mysql://db:3306/apimgtdb?user=u&amp;password=********&amp;useSSL=false</url>")]
    [InlineData("jdbc:sqlserver://db;databaseName=apim;pwd=s3cret", "jdbc:sqlserver://db;databaseName=apim;pwd=********")]
    [InlineData("<url>jdbc:mysql://apim:s3cret@db:3306/apimgtdb</url>", "<url>jdbc:mysql://apim:********@db:3306/apimgtdb</url>")]
    [InlineData("jdbc:postgresql://db/apim?user=u&password=s3cret&ssl=true", "jdbc:postgresql://db/apim?user=u&password=********&ssl=true")]
    [InlineData("jdbc:oracle:thin:apim/s3cret@//db:1521/apim", "jdbc:oracle:thin:apim/********@//db:1521/apim")]
    [InlineData("jdbc:sqlserver://db;user=u;password={a;b}}c};encrypt=true", "jdbc:sqlserver://db;user=u;password={********};encrypt=true")]
    [InlineData("jdbc:sqlserver://db;Password = s3cret;encrypt=true", "jdbc:sqlserver://db;Password = ********;encrypt=true")]
    [InlineData("jdbc:db2://db:50000/apim:user=u;password=s3cret;", "jdbc:db2://db:50000/apim:user=u;password=********;")]
    [InlineData("x = amqp://admin:it's a s3cret@clientid/carbon?brokerlist='tcp://h:5672'", "x = amqp://admin:********@clientid/carbon?brokerlist='tcp://h:5672'")]
    [InlineData("x = amqp\\://admin\\:s3cret@clientid/carbon", "x = amqp\\://admin\\:********@clientid/carbon")]
    [InlineData("<password><![CDATA[s3cret]]></password>", "<password>********</password>")]
    [InlineData("<Password><!-- x -->s3cret</Password>", "<Password>********</Password>")]
    [InlineData("  password s3cret", "  password ********")]
    [InlineData("oauth.consumer.secret = s3cret", "oauth.consumer.secret = ********")]
    [InlineData("\"keyStorePassword\" : \"s3cret\",", "\"keyStorePassword\" : \"********\",")]
    [InlineData("CREATE USER 'u'@'%' IDENTIFIED WITH mysql_native_password BY 's3cret';", "CREATE USER 'u'@'%' IDENTIFIED WITH mysql_native_password BY '********';")]
    [InlineData("SET PASSWORD = 's3cret';", "SET PASSWORD = '********';")]
    [InlineData("SET PASSWORD FOR 'u'@'h' = PASSWORD('s3cret');", "SET PASSWORD FOR 'u'@'h' = PASSWORD('********');")]
    [InlineData("<Item name=\"clientSecretAlias\" enabled=\"true\">v</Item>", "<Item name=\"clientSecretAlias\" enabled=\"true\">v</Item>")]
    [InlineData("proxy_pass https://backend:9443/;", "proxy_pass https://backend:9443/;")]
    [InlineData("<password svns:secretAlias=\"Datasources.WSO2AM_DB.Configuration.Password\">s3cret</password>", "<password svns:secretAlias=\"Datasources.WSO2AM_DB.Configuration.Password\">********</password>")]
    [InlineData("<Property name=\"UserNameAttribute\">uid</Property>", "<Property name=\"UserNameAttribute\">uid</Property>")]
    public void The_mask_hides_each_form_of_credential(string text, string masked) => Assert.Equal(masked, SecretMask.Apply(text));

    [Fact]
    public void The_mask_keeps_the_line_count()
    {
        var text = "<Password>\n  s3cret\n</Password>\nnext";

        Assert.Equal("<Password>********\n\n</Password>\nnext", SecretMask.Apply(text));
    }

    [Theory]
    [InlineData("password", true)]
    [InlineData("ConnectionPassword", true)]
    [InlineData("keyStorePassword", true)]
    [InlineData("keystorePass", true)]
    [InlineData("truststorepass", true)]
    [InlineData("oauth.consumer.secret", true)]
    [InlineData("clientSecret", true)]
    [InlineData("DB_PWD", true)]
    [InlineData("accessToken", true)]
    [InlineData("credentials", true)]
    [InlineData("proxy_pass", false)]
    [InlineData("secretAlias", false)]
    [InlineData("TokenEndPointName", false)]
    [InlineData("UserNameAttribute", false)]
    public void The_policy_knows_secret_names_in_every_naming(string name, bool secret) => Assert.Equal(secret, SecretPolicy.IsSecretName(name));
}
