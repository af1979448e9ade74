using System.Text.Json;

namespace ApimLint.Tests.Fixtures;

/// <summary>
/// Deployments built from public WSO2 material (fixtures/realworld-*/: API-M 2.x ones with active/ and passive/, and
/// API-M 3.x/4.x ones whose apimlint.json lists the nodes; fixtures/aio-*/ and distributed-*/ of API-M 4.x; each with
/// its SOURCES.md) print exactly the findings written down beside them in fixtures/&lt;name&gt;.expected.txt. APIMLINT_ACCEPT=1 rewrites the
/// expected output instead (review the diff, judging each finding as an operator would).
/// </summary>
public sealed class RealWorldDeploymentTests
{
    public static TheoryData<string> Deployments()
    {
        var data = new TheoryData<string>();
        foreach (var folder in Directory.GetDirectories(TestPaths.Fixture(""), "realworld-*").Order(StringComparer.Ordinal))
            if ((Directory.Exists(Path.Combine(folder, "active")) && Directory.Exists(Path.Combine(folder, "passive"))) || ListsNodes(folder))
                data.Add(Path.GetFileName(folder));
        foreach (var folder in new[] { "aio-*", "distributed-*" }.SelectMany(p => Directory.GetDirectories(TestPaths.Fixture(""), p)).Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(folder));
        return data;
    }

    /// <summary>An API-M 3.x/4.x deployment: its apimlint.json lists the nodes.</summary>
    private static bool ListsNodes(string folder)
    {
        var config = Path.Combine(folder, "apimlint.json");
        if (!File.Exists(config)) return false;
        using var json = JsonDocument.Parse(File.ReadAllText(config));
        return json.RootElement.TryGetProperty("nodes", out var nodes) && nodes.ValueKind == JsonValueKind.Array && nodes.GetArrayLength() > 0;
    }

    [Theory]
    [MemberData(nameof(Deployments))]
    public void Prints_exactly_the_findings_written_down(string name)
    {
        var result = Apimlint.Run(TestPaths.Fixture(""), "check", name);

        var expectedFile = TestPaths.Fixture(name + ".expected.txt");
        if (Environment.GetEnvironmentVariable("APIMLINT_ACCEPT") == "1") File.WriteAllText(expectedFile, result.Stdout);
        Assert.True(File.Exists(expectedFile), $"{name}: write its expected output down (APIMLINT_ACCEPT=1) and judge each finding");
        Assert.Equal(File.ReadAllText(expectedFile), result.Stdout);
        Assert.Equal("", result.Stderr);
    }
}
