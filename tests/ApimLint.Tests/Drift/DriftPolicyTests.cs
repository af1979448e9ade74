using ApimLint.Drift;
using Microsoft.Extensions.FileSystemGlobbing;

namespace ApimLint.Tests.Drift;

/// <summary>The divergence contract: globs as Microsoft.Extensions.FileSystemGlobbing reads them, and the built-in verdicts.</summary>
public sealed class DriftPolicyTests
{
    private static readonly string[] Paths =
    [
        "repository/conf/carbon.xml", "repository/conf/axis2/axis2.xml", "repository/conf/security/wso2carbon.jks",
        "repository/conf/security/client-truststore.jks", "repository/logs/wso2carbon.log", "repository/logs/audit/2026/a.log",
        "tmp/work/x", "repository/deployment/server/webapps/am.war", "repository/deployment/server/jaggeryapps/store/x.lck",
        "repository/components/plugins/org.wso2.carbon.core_4.4.35.jar", "updates/wum/1554386811000", "a.log", "README.txt",
    ];

    [Theory]
    [InlineData("repository/conf/**")]
    [InlineData("**/*.log")]
    [InlineData("**/*.jks")]
    [InlineData("repository/conf/security/*.jks")]
    [InlineData("repository/conf/*.xml")]
    [InlineData("repository/conf/carbon.xml")]
    [InlineData("repository/**/*.jar")]
    [InlineData("**/wso2*.*")]
    [InlineData("*.log")]
    [InlineData("tmp/**")]
    [InlineData("**/server/*/*.war")]
    [InlineData("repository/*/security/client-*.jks")]
    public void File_globs_match_as_FileSystemGlobbing_matches(string pattern)
    {
        var matcher = new Matcher(StringComparison.Ordinal);
        matcher.AddInclude(pattern);
        var expected = matcher.Match("/root", Paths).Files.Select(f => f.Path).Order(StringComparer.Ordinal);

        var actual = new GlobList([pattern]).FilesMatching(Paths).Order(StringComparer.Ordinal);

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void A_glob_with_a_hash_names_keys_in_the_files_it_matches()
    {
        var globs = new GlobList(["repository/conf/carbon.xml#/Server/HostName", "**/*.properties#log4j.logger.*", "#**/brokerlist"]);

        Assert.True(globs.MatchesKey("repository/conf/carbon.xml", "/Server/HostName"));
        Assert.False(globs.MatchesKey("repository/conf/carbon.xml", "/Server/MgtHostName"));
        Assert.False(globs.MatchesKey("repository/conf/axis2/axis2.xml", "/Server/HostName"));
        Assert.True(globs.MatchesKey("repository/conf/log4j.properties", "log4j.logger.org.wso2"));
        Assert.True(globs.MatchesKey("repository/conf/jndi2.properties", "connectionfactory.TopicConnectionFactory/brokerlist"));
        Assert.False(globs.MatchesFile("repository/conf/carbon.xml"));
    }

    [Theory]
    [InlineData("repository/conf/carbon.xml", "/Server/Ports/Offset", DriftVerdict.Expected)]
    [InlineData("repository/conf/axis2/axis2.xml", "/axisconfig/clustering/parameter[@name='localMemberPort']", DriftVerdict.Expected)]
    [InlineData("repository/conf/axis2/axis2.xml", "/axisconfig/clustering/members/member[2]/hostName", DriftVerdict.Expected)]
    [InlineData("repository/conf/axis2/axis2.xml", "/axisconfig/clustering/parameter[@name='domain']", DriftVerdict.Drift)]
    [InlineData("repository/conf/jndi2.properties", "connectionfactory.QueueConnectionFactory/brokerlist", DriftVerdict.Expected)]
    [InlineData("repository/conf/jndi.properties", "connectionfactory.QueueConnectionFactory/user", DriftVerdict.Drift)]
    [InlineData("repository/conf/datasources/master-datasources.xml", "/datasources-configuration/datasources/datasource[name='WSO2UM_DB']/definition/configuration/url", DriftVerdict.MustEqual)]
    [InlineData("repository/conf/datasources/master-datasources.xml", "/datasources-configuration/datasources/datasource[name='WSO2UM_DB']/definition/configuration/maxActive", DriftVerdict.Drift)]
    [InlineData("repository/conf/datasources/master-datasources.xml", "/datasources-configuration/datasources/datasource[name='WSO2_CARBON_DB']/definition/configuration/url", DriftVerdict.Drift)]
    public void Built_in_verdicts(string path, string key, DriftVerdict verdict) =>
        Assert.Equal(verdict, new DriftPolicy(DriftSettings.None).VerdictFor(path, key));

    [Fact]
    public void The_user_extends_the_contract()
    {
        var policy = new DriftPolicy(new DriftSettings(
            Ignore: ["repository/conf/security/*.jks"],
            NodeSpecific: ["repository/conf/carbon.xml#/Server/HostName", "repository/conf/identity/sso-*.xml"],
            MustEqual: ["repository/conf/axis2/axis2.xml#/axisconfig/clustering/parameter[@name='domain']"]));

        Assert.Equal(
            [
                "a.log", "repository/conf/security/client-truststore.jks", "repository/conf/security/wso2carbon.jks",
                "repository/deployment/server/jaggeryapps/store/x.lck", "repository/logs/audit/2026/a.log", "repository/logs/wso2carbon.log", "tmp/work/x",
            ],
            policy.IgnoredFiles(Paths).Order(StringComparer.Ordinal));
        Assert.Equal(DriftVerdict.Expected, policy.VerdictFor("repository/conf/carbon.xml", "/Server/HostName"));
        Assert.True(policy.IsNodeSpecificFile("repository/conf/identity/sso-idp-config.xml"));
        Assert.Equal(DriftVerdict.MustEqual, policy.VerdictFor("repository/conf/axis2/axis2.xml", "/axisconfig/clustering/parameter[@name='domain']"));
    }

    [Theory]
    [InlineData("repository/conf/carbon.xml", DriftArea.Config)]
    [InlineData("repository/deployment/server/jaggeryapps/store/site/conf/site.json", DriftArea.Config)]
    [InlineData("repository/deployment/server/synapse-configs/default/api/a.xml", DriftArea.Artifact)]
    [InlineData("repository/deployment/server/executionplans/p.siddhiql", DriftArea.Artifact)]
    [InlineData("repository/deployment/server/userstores/ldap.xml", DriftArea.Artifact)]
    [InlineData("repository/components/patches/patch0001/a.jar", DriftArea.Binary)]
    [InlineData("updates/wum/1554386811000", DriftArea.Binary)]
    [InlineData("repository/components/default/configuration/config.ini", null)]
    [InlineData("bin/wso2server.sh", null)]
    public void Each_file_belongs_to_one_area(string path, DriftArea? area) => Assert.Equal(area, DriftPolicy.AreaOf(path));
}
