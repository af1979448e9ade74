using ApimLint.Syntax.Json;
using ApimLint.Syntax.Properties;
using ApimLint.Syntax.Xml;
using ApimLint.Text;

namespace ApimLint.Tests.Syntax;

/// <summary>Every default configuration file of the real packs (API-M 2.0.0 to 2.6.0) parses with the parser for its format.</summary>
public sealed class RealWorldFilesTests
{
    public static TheoryData<string, string> Files()
    {
        var data = new TheoryData<string, string>();
        foreach (var release in TestPaths.PackReleases)
            foreach (var file in TestPaths.PackFiles(release))
                data.Add(release, file);
        return data;
    }

    [Fact]
    public void The_2_6_0_pack_has_thirty() => Assert.Equal(30, TestPaths.PackFiles("2.6.0").Count);

    [Theory]
    [MemberData(nameof(Files))]
    public void Parses(string release, string relative)
    {
        var path = Path.Combine(TestPaths.Fixture($"realworld-{release}"), relative);
        var source = new SourceText(path, File.ReadAllText(path));
        var error = Path.GetExtension(path) switch
        {
            ".xml" => XmlParser.Parse(source).Error,
            ".json" => JsonParser.Parse(source).Error,
            ".properties" => PropertiesParser.Parse(source).Error,
            var other => throw new InvalidOperationException($"no parser for {other}"),
        };
        Assert.Null(error);
    }
}
