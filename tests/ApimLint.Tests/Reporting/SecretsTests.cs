namespace ApimLint.Tests.Reporting;

/// <summary>No password or credential of the deployment appears in any output format.</summary>
public sealed class SecretsTests
{
    private static readonly string[] Secrets = ["Zq7-datasource-secret", "Zq7-admin-secret", "Zq7-amqp-secret", "Zq7-keystore-secret"];

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

        foreach (var format in new[] { "text", "sarif", "json", "github", "markdown", "html" })
        {
            var result = Apimlint.Run(temp.Path, "check", "--format", format, "--fail-level", "none");
            Assert.Equal(0, result.ExitCode);
            foreach (var secret in Secrets) Assert.DoesNotContain(secret, result.Stdout + result.Stderr);
            // The HTML report shows the source lines around each finding: the AMQP URL beside APIM503's brokerlist is masked there.
            if (format == "html") Assert.Contains("amqp://admin:********@", result.Stdout);
        }
    }

    private static void Replace(string path, string find, string with)
    {
        var text = File.ReadAllText(path);
        Assert.Contains(find, text);
        File.WriteAllText(path, text.Replace(find, with));
    }
}
