using ApimLint.Loading;
using ApimLint.Model;

namespace ApimLint.Tests.Model;

/// <summary>${…} placeholders take the value a node gives them; anything else stays as written.</summary>
public sealed class PlaceholdersTests
{
    // correct-same-host's passive has port offset 1.
    private static readonly Node Passive = DeploymentLoader.Load(DeploymentInput.FromFolder(TestPaths.Fixture("correct-same-host"))).Passive;

    [Theory]
    [InlineData("https://localhost:${mgt.transport.https.port}${carbon.context}services/", "https://localhost:9444/services/")]
    [InlineData("tcp://${carbon.local.ip}:${jms.port}", "tcp://localhost:5673")]
    [InlineData("${receiver.url.port}", "9612")]
    [InlineData("no placeholder", "no placeholder")]
    [InlineData("${unknown.key}:${jms.port}", "${unknown.key}:5673")]
    [InlineData("${}${jms.port}", "${}5673")]
    [InlineData("$${jms.port}}", "$5673}")]
    [InlineData("${a${jms.port}", "${a${jms.port}")]   // one name, "a${jms.port", which has no value
    [InlineData("${jms.port", "${jms.port")]
    [InlineData("", "")]
    public void Resolves_the_placeholders_a_node_has_values_for(string text, string expected) =>
        Assert.Equal(expected, Passive.Resolve(text));
}
