using System.Text.RegularExpressions;
using ApimLint.Rules.Drift;

namespace ApimLint.Tests.Drift;

/// <summary>
/// The keys whose differences another rule reports are matched as literal text: they must match exactly what the
/// regular expressions that describe them match, ends of lines included.
/// </summary>
public sealed class DriftFindingsKeyTests
{
    private static readonly string[] Suffixes = ["", "\n", "\n\n", "x", "/", "/x", "/x\n", "/x\ny", "\r\n"];

    public static TheoryData<string> GatewayKeys() => Keys(
        "/APIManager/APIGateway/Environments/Environment/ServerURL",
        "/APIManager/APIGateway/Environments/Environment[@name='Production and Sandbox']/ServerURL",
        "/APIManager/APIGateway/Environments/Environment[x/ServerURL]/ServerURL",
        "/APIManager/APIGateway/Environments/Environment[a]b]/ServerURL",
        "/APIManager/APIGateway/Environments/Environment[a\n]/ServerURL",
        "/APIManager/APIGateway/Environments/Environment[]/ServerURL",
        "/APIManager/APIGateway/Environments/Environment[/ServerURL",
        "/APIManager/APIGateway/Environments/Environment]/ServerURL",
        "/APIManager/APIGateway/Environments/Environment/ServerURL/ServerURL",
        "/APIManager/APIGateway/Environments/EnvironmentServerURL",
        "/APIManager/APIGateway/Environments/Environment[a]/ServerURLs");

    public static TheoryData<string> DataSourceKeys() => Keys(
        "/datasources-configuration/datasources/datasource[name='WSO2AM_DB']/definition/configuration/url",
        "/datasources-configuration/datasources/datasource[name='']/definition/configuration/url",
        "/datasources-configuration/datasources/datasource[name='a'b']/definition/configuration/url",
        "/datasources-configuration/datasources/datasource[name='a\nb']/definition/configuration/url",
        "/datasources-configuration/datasources/datasource[name=']/definition/configuration/url",
        "/datasources-configuration/datasources/datasource[name='WSO2AM_DB']/definition/configuration/username");

    public static TheoryData<string> RegistryKeys() => Keys(
        "/wso2registry/currentDBConfig",
        "/wso2registry/dbConfig[@name='wso2registry']",
        "/wso2registry/dbConfig[@name='wso2registry']/dataSource",
        "/wso2registry/dbConfig[@name='govregistry']/dataSource",
        "/wso2registry/currentDBConfigs");

    [Theory]
    [MemberData(nameof(GatewayKeys))]
    public void Gateway_server_url_keys_match_as_the_expression_does(string key) =>
        Assert.Equal(Regex.IsMatch(key, @"^/APIManager/APIGateway/Environments/Environment(\[[^\]]*\])?/ServerURL$", RegexOptions.NonBacktracking), DriftFindings.IsGatewayServerUrl(key));

    [Theory]
    [MemberData(nameof(DataSourceKeys))]
    public void Datasource_url_keys_name_their_datasource_as_the_expression_does(string key)
    {
        var match = Regex.Match(key, @"^/datasources-configuration/datasources/datasource\[name='([^']*)'\]/definition/configuration/url$", RegexOptions.NonBacktracking);
        Assert.Equal(match.Success ? match.Groups[1].Value : null, DriftFindings.DataSourceOfUrl(key));
    }

    [Theory]
    [MemberData(nameof(RegistryKeys))]
    public void Local_registry_keys_match_as_the_expression_does(string key) =>
        Assert.Equal(Regex.IsMatch(key, @"^/wso2registry/(currentDBConfig|dbConfig\[@name='wso2registry'\](/.*)?)$", RegexOptions.NonBacktracking), DriftFindings.IsLocalRegistry(key));

    [Fact]
    public void The_keys_of_the_rules_that_explain_them_match()
    {
        Assert.True(DriftFindings.IsGatewayServerUrl("/APIManager/APIGateway/Environments/Environment[@name='Production and Sandbox']/ServerURL"));
        Assert.Equal("WSO2AM_DB", DriftFindings.DataSourceOfUrl("/datasources-configuration/datasources/datasource[name='WSO2AM_DB']/definition/configuration/url"));
        Assert.True(DriftFindings.IsLocalRegistry("/wso2registry/dbConfig[@name='wso2registry']/dataSource"));
        Assert.False(DriftFindings.IsLocalRegistry("/wso2registry/dbConfig[@name='govregistry']/dataSource"));
    }

    /// <summary>Each key, and each key with text or line ends after it.</summary>
    private static TheoryData<string> Keys(params string[] keys)
    {
        var data = new TheoryData<string>();
        foreach (var key in keys)
        {
            foreach (var suffix in Suffixes) data.Add(key + suffix);
        }
        return data;
    }
}
