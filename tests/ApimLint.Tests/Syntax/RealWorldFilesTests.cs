using ApimLint.Syntax.Json;
using ApimLint.Syntax.Properties;
using ApimLint.Syntax.Xml;
using ApimLint.Text;

namespace ApimLint.Tests.Syntax;

/// <summary>All 30 configuration files of the real 2.6.0 pack parse with the parser for their format.</summary>
public sealed class RealWorldFilesTests
{
    private static readonly string Root = TestPaths.Fixture("realworld-2.6.0");

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            data.Add(Path.GetRelativePath(Root, file).Replace('\\', '/'));
        return data;
    }

    [Fact]
    public void There_are_thirty() => Assert.Equal(30, Files().Count);

    [Theory]
    [MemberData(nameof(Files))]
    public void Parses(string relative)
    {
        var path = Path.Combine(Root, relative);
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
