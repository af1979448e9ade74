using ApimLint.Syntax.Properties;
using ApimLint.Tests.Fixtures;
using ApimLint.Text;

namespace ApimLint.Tests.Fixing;

/// <summary>
/// The brokerlist fixes (APIM506 on a node's own jndi.properties, APIM503 on its jndi2.properties) on
/// AMQP URLs written in the .properties file's escaped forms: the fixed file reads back as the same URL
/// with the brokerlist the rule wants, credentials and escapes kept as written.
/// </summary>
public sealed class BrokerListFixTests
{
    private const string Key = "connectionfactory.TopicConnectionFactory = ";
    private const string Credentials = "admin:Adm1n-Pa55@clientid/carbon";

    public static TheoryData<string, string, string, string> Cases => new()
    {
        // file, written value (with the wrong port), value after the fix as written, the port the rule wants
        { "jndi.properties", @"amqp\://admin\:Adm1n-Pa55@clientid/carbon?brokerlist\='tcp\://localhost\:5672'", @"amqp\://admin\:Adm1n-Pa55@clientid/carbon?brokerlist\='tcp\://localhost\:5673'", "5673" },
        { "jndi.properties", @"\u0061mqp://admin:Adm1n-Pa55@clientid/carbon?brokerlist='tcp://localhost:5672'", @"\u0061mqp://admin:Adm1n-Pa55@clientid/carbon?brokerlist='tcp://localhost:5673'", "5673" },
        { "jndi.properties", "amqp://admin:Adm1n-Pa55@clientid/carbon?\\\n    brokerlist='tcp://local\\\n    host:5672'", "amqp://admin:Adm1n-Pa55@clientid/carbon?\\\n    brokerlist='tcp://localhost:5673'", "5673" },
        { "jndi.properties", "amqp://admin:Adm1n-Pa55@clientid/carbon", "amqp://admin:Adm1n-Pa55@clientid/carbon?brokerlist='tcp://localhost:5673'", "5673" },
        { "jndi2.properties", @"amqp\://admin\:Adm1n-Pa55@clientid/carbon?brokerlist\='tcp\://localhost\:5673'", @"amqp\://admin\:Adm1n-Pa55@clientid/carbon?brokerlist\='tcp\://localhost\:5672'", "5672" },
        { "jndi2.properties", @"amqp://admin:Adm1n-Pa55@client\u0069d/carbon?brokerlist='tcp://localhost:5673'", @"amqp://admin:Adm1n-Pa55@client\u0069d/carbon?brokerlist='tcp://localhost:5672'", "5672" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Fix_rewrites_only_the_brokerlist_of_an_escaped_url(string file, string written, string fixedValue, string port)
    {
        using var temp = new TempDirectory();
        FixtureCase.CopyDirectory(TestPaths.Fixture("correct-same-host"), temp.Path);
        var path = Path.Combine(temp.Path, "passive/repository/conf", file);
        var lines = File.ReadAllText(path).Split('\n');
        var line = Array.FindIndex(lines, l => l.StartsWith(Key, StringComparison.Ordinal));
        var before = string.Join('\n', lines[..line]);
        var after = string.Join('\n', lines[(line + 1)..]);
        File.WriteAllText(path, before + "\n" + Key + written + "\n" + after);

        var fix = Apimlint.Run(temp.Path, "--fix");

        Assert.Equal(0, fix.ExitCode);
        Assert.Equal(before + "\n" + Key + fixedValue + "\n" + after, File.ReadAllText(path));
        var entry = PropertiesParser.Parse(new SourceText(path, File.ReadAllText(path))).Entry("connectionfactory.TopicConnectionFactory")!;
        Assert.Equal($"amqp://{Credentials}?brokerlist='tcp://localhost:{port}'", entry.Value);
    }

    /// <summary>APIM502 creates jndi2.properties from the node's own jndi.properties: the copy's brokerlist is set the same way.</summary>
    [Fact]
    public void The_created_peer_jndi_file_keeps_an_escaped_url_whole()
    {
        using var temp = new TempDirectory();
        FixtureCase.CopyDirectory(TestPaths.Fixture("correct-same-host"), temp.Path);
        var conf = Path.Combine(temp.Path, "passive/repository/conf");
        File.Delete(Path.Combine(conf, "jndi2.properties"));
        var own = Path.Combine(conf, "jndi.properties");
        var lines = File.ReadAllText(own).Split('\n');
        var line = Array.FindIndex(lines, l => l.StartsWith(Key, StringComparison.Ordinal));
        lines[line] = Key + @"amqp\://admin\:Adm1n-Pa55@clientid/carbon?brokerlist\='tcp\://localhost\:5673'";
        File.WriteAllText(own, string.Join('\n', lines));

        Apimlint.Run(temp.Path, "--fix");

        var created = Path.Combine(conf, "jndi2.properties");
        Assert.Contains(Key + @"amqp\://admin\:Adm1n-Pa55@clientid/carbon?brokerlist\='tcp\://localhost\:5672'" + "\n", File.ReadAllText(created));
        var entry = PropertiesParser.Parse(new SourceText(created, File.ReadAllText(created))).Entry("connectionfactory.TopicConnectionFactory")!;
        Assert.Equal($"amqp://{Credentials}?brokerlist='tcp://localhost:5672'", entry.Value);
    }
}
