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

    /// <summary>A drifting URL with user:password@ is secret by position, not by name: its copy fix must not carry it to the SARIF upload.</summary>
    [Fact]
    public void A_fix_whose_text_holds_a_credential_stays_out_of_sarif()
    {
        using var temp = new TempDirectory();
        Fixtures.FixtureCase.CopyDirectory(TestPaths.Fixture("correct-same-host"), temp.Path);
        foreach (var (node, secret, host) in new[] { ("active", "Zq7-url-secret-a", "sp1"), ("passive", "Zq7-url-secret-p", "sp2") })
        {
            var file = Path.Combine(temp.Path, node, "repository/conf/api-manager.xml");
            File.WriteAllText(file, File.ReadAllText(file).Replace("<StreamProcessorRestApiURL>https://localhost:7444", $"<StreamProcessorRestApiURL>https://admin:{secret}@{host}:7444"));
        }

        var outputs = new[] { "sarif", "json", "text" }.Select(format => Apimlint.Run(temp.Path, "check", ".", "--format", format, "--unsafe-fixes").Stdout).ToList();

        Assert.All(outputs, o => Assert.DoesNotContain("Zq7-url-secret", o));
        Assert.Contains("https://admin:********@sp2:7444", outputs[2]);
        Assert.DoesNotContain("\"fixes\"", outputs[0]);
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
            // With proxyPort set, APIM615 has nothing to say in catalina-server.xml, so the keystorePass drift is reported there.
            Replace(Path.Combine(conf, "tomcat", "catalina-server.xml"), "port=\"9443\"", "port=\"9443\" proxyPort=\"443\"");
        }

        // On the passive only, so that they are drift too: a password Property and a password attribute.
        var passive = Path.Combine(temp.Path, "passive", "repository", "conf");
        Replace(Path.Combine(passive, "user-mgt.xml"), "<Property name=\"ConnectionPassword\">admin</Property>", $"<Property name=\"ConnectionPassword\">{Secrets[4]}</Property>");
        Replace(Path.Combine(passive, "tomcat", "catalina-server.xml"), "keystorePass=\"wso2carbon\"", $"keystorePass=\"{Secrets[5]}\"");

        foreach (var format in ApimLint.Cli.OutputOptions.Formats)
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
    // A value named by what stands around it: the element's name attribute, an ancestor element, a JSON key above it.
    [InlineData("<Property name=\"Password\" value=\"s3cret\"/>", "<Property name=\"Password\" value=\"********\"/>")]
    [InlineData("<Secret>\n  <Value>s3cret</Value>\n</Secret>", "<Secret>********\n\n</Secret>")]
    [InlineData("{\"clientSecret\": [\"s3cret\",\n \"two\"], \"x\": 1}", "{\"clientSecret\": [********\n], \"x\": 1}")]
    [InlineData("{\"password\": {\"value\": \"s3cret\"}, \"x\": 1}", "{\"password\": {********}, \"x\": 1}")]
    // Escaped names and values, as their readers decode them.
    [InlineData("x = amqp\\u003a//admin\\u003as3cret@clientid/carbon", "x = amqp\\u003a//admin\\u003a********@clientid/carbon")]
    [InlineData("x = amqp://admin:s3c\\\n  ret@clientid/carbon", "x = amqp://admin:********\n@clientid/carbon")]
    [InlineData("<Property name=\"Pass&#119;ord\">s3cret</Property>", "<Property name=\"Pass&#119;ord\">********</Property>")]
    // Credentials where their syntax allows: several nginx statements on a line, a JSON value on the next line, SQL string prefixes.
    [InlineData("ssl on; proxy_set_header Authorization \"Basic s3cret\";", "ssl on; proxy_set_header Authorization \"********\";")]
    [InlineData("location /x { proxy_set_header X-Api-Key s3cret; }", "location /x { proxy_set_header X-Api-Key ********; }")]
    [InlineData("{\"password\":\n \"s3cret\",\n \"x\": 1}", "{\"password\":\n \"********\",\n \"x\": 1}")]
    [InlineData("password:\nnext = 1", "password:\nnext = 1")]
    [InlineData("CREATE ROLE wso2 LOGIN PASSWORD E's3cret';", "CREATE ROLE wso2 LOGIN PASSWORD E'********';")]
    [InlineData("ALTER ROLE wso2 PASSWORD U&'s3cret';", "ALTER ROLE wso2 PASSWORD U&'********';")]
    [InlineData("CREATE USER 'u' IDENTIFIED BY _utf8mb4's3cret';", "CREATE USER 'u' IDENTIFIED BY _utf8mb4'********';")]
    [InlineData("CREATE USER apim IDENTIFIED BY Ex4mple;", "CREATE USER apim IDENTIFIED BY ********;")]
    [InlineData("{\"pass\\u0077ord\": \"s3cret\"}", "{\"pass\\u0077ord\": \"********\"}")]
    [InlineData("<dummy password=\"ab\ncd s3cret\"/>", "<dummy password=\"********\n\"/>")]
    // Quotes inside a password.
    [InlineData("x = amqp://admin:pa\"s3cret@clientid/carbon", "x = amqp://admin:********@clientid/carbon")]
    [InlineData("<url>jdbc:mysql://db/apim?user=root&amp;password=pa's3cret</url>", "<url>jdbc:mysql://db/apim?user=root&amp;password=********</url>")]
    [InlineData("<url value=\"jdbc:mysql://db/apim?password=s3cret\"/>", "<url value=\"jdbc:mysql://db/apim?password=********\"/>")]
    // SQL: Oracle's bare word, PostgreSQL's dollar quoting, comments before the literal.
    [InlineData("CREATE USER apim IDENTIFIED BY s3cret;", "CREATE USER apim IDENTIFIED BY ********;")]
    [InlineData("ALTER USER x WITH PASSWORD $$s3cret$$;", "ALTER USER x WITH PASSWORD $$********$$;")]
    [InlineData("ALTER USER x WITH PASSWORD $pw$s3$cret$pw$;", "ALTER USER x WITH PASSWORD $pw$********$pw$;")]
    [InlineData("CREATE USER y IDENTIFIED BY /*c*/ 's3cret';", "CREATE USER y IDENTIFIED BY /*c*/ '********';")]
    [InlineData("CREATE USER z IDENTIFIED BY -- c\n 's3cret';", "CREATE USER z IDENTIFIED BY -- c\n '********';")]
    // HTTP headers nginx sets; a password file's path is no secret.
    [InlineData("proxy_set_header Authorization \"Basic s3cret\";", "proxy_set_header Authorization \"********\";")]
    [InlineData("proxy_set_header Proxy-Authorization Bearer;", "proxy_set_header Proxy-Authorization ********;")]
    [InlineData("add_header X-Api-Key s3cret;", "add_header X-Api-Key ********;")]
    [InlineData("auth_basic_user_file /etc/nginx/htpasswd;", "auth_basic_user_file /etc/nginx/htpasswd;")]
    [InlineData("proxy_set_header Host $host;", "proxy_set_header Host $host;")]
    // Names in every naming.
    [InlineData("db_pass = s3cret", "db_pass = ********")]
    [InlineData("secretKey = s3cret", "secretKey = ********")]
    [InlineData("passphrase = s3cret", "passphrase = ********")]
    [InlineData("api_key: s3cret", "api_key: ********")]
    [InlineData("\"privateKey\": \"s3cret\"", "\"privateKey\": \"********\"")]
    [InlineData("ssl_certificate_key /etc/nginx/ssl/server.key;", "ssl_certificate_key /etc/nginx/ssl/server.key;")]
    [InlineData("<KeyAlias>wso2carbon</KeyAlias>", "<KeyAlias>wso2carbon</KeyAlias>")]
    public void The_mask_hides_each_form_of_credential(string text, string masked) => Assert.Equal(masked, SecretMask.Apply(text));

    [Fact]
    public void The_mask_reads_each_side_of_a_diff_as_the_file_it_shows()
    {
        const string diff = "--- a/jndi.properties\n+++ b/jndi.properties\n@@ -1,2 +1,2 @@\n x = amqp://admin:s3c\\\n-  ret@clientid/carbon?brokerlist='tcp://h:5672'\n+  ret@clientid/carbon?brokerlist='tcp://h:5673'\n";

        Assert.Equal("--- a/jndi.properties\n+++ b/jndi.properties\n@@ -1,2 +1,2 @@\n x = amqp://admin:********\n-********@clientid/carbon?brokerlist='tcp://h:5672'\n+********@clientid/carbon?brokerlist='tcp://h:5673'\n",
            SecretMask.Apply(diff));
    }

    /// <summary>Half a megabyte of one construct, left open or repeated: each scanner reads it in linear time.</summary>
    [Theory]
    [InlineData("<Secret><Value a=\"")]
    [InlineData("<Secret><Property name=\"Pass&#119;ord\" ")]
    [InlineData("\"password\": [{\"")]
    [InlineData("x = amqp\\u003a//admin\\u003a\\\n ")]
    [InlineData("&#1")]
    [InlineData("IDENTIFIED BY /*")]
    [InlineData("PASSWORD $a")]
    [InlineData("password=pa'")]
    [InlineData("proxy_set_header \"Authorization ")]
    [InlineData("@@ -1 +1 @@\n-\\\n+")]
    public void The_mask_stays_linear_on_repeated_constructs(string construct)
    {
        var text = string.Concat(Enumerable.Repeat(construct, 500_000 / construct.Length));
        var clock = System.Diagnostics.Stopwatch.StartNew();

        SecretMask.Apply(text);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"{clock.Elapsed} to mask {text.Length} characters");
    }

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
    [InlineData("db_pass", true)]
    [InlineData("dbPass", true)]
    [InlineData("db-pass", true)]
    [InlineData("secretKey", true)]
    [InlineData("passphrase", true)]
    [InlineData("keyPassphrase", true)]
    [InlineData("apiKey", true)]
    [InlineData("APIKey", true)]
    [InlineData("api_key", true)]
    [InlineData("X-Api-Key", true)]
    [InlineData("private_key", true)]
    [InlineData("privateKey", true)]
    [InlineData("accessKey", true)]
    [InlineData("access_token", true)]
    [InlineData("Authorization", true)]
    [InlineData("Proxy-Authorization", true)]
    [InlineData("clientsecret", true)]
    [InlineData("CLIENTSECRET", true)]
    [InlineData("accesstoken", true)]
    [InlineData("refreshtoken", true)]
    [InlineData("dbpwd", true)]
    [InlineData("apikey", true)]
    [InlineData("compass", false)]
    [InlineData("bypass", false)]
    [InlineData("key", false)]
    [InlineData("KeyAlias", false)]
    [InlineData("KeyStore", false)]
    [InlineData("ssl_certificate_key", false)]
    [InlineData("fastcgi_pass", false)]
    [InlineData("AuthorizationManager", false)]
    [InlineData("APIKeyValidator", false)]
    [InlineData("proxy_pass", false)]
    [InlineData("secretAlias", false)]
    [InlineData("TokenEndPointName", false)]
    [InlineData("UserNameAttribute", false)]
    public void The_policy_knows_secret_names_in_every_naming(string name, bool secret) => Assert.Equal(secret, SecretPolicy.IsSecretName(name));
}
