using System.Text.Json;
using System.Text.Json.Serialization;

namespace ApimLint.Tests.Fixtures;

/// <summary>
/// A rule fixture: a real base deployment from fixtures/ with one slip made in it (text replaced in a
/// file, files added, renamed or deleted), and the exact text output apimlint must print for it (expected.txt).
/// </summary>
public sealed class FixtureCase
{
    [JsonPropertyName("base")] public required string Base { get; init; }
    [JsonPropertyName("description")] public required string Description { get; init; }
    [JsonPropertyName("replace")] public List<Replacement> Replace { get; init; } = [];
    [JsonPropertyName("add")] public List<Addition> Add { get; init; } = [];
    [JsonPropertyName("rename")] public List<Rename> RenameFiles { get; init; } = [];
    [JsonPropertyName("delete")] public List<string> Delete { get; init; } = [];
    [JsonPropertyName("args")] public List<string> Args { get; init; } = [];
    [JsonPropertyName("crlf")] public List<string> Crlf { get; init; } = [];
    [JsonPropertyName("bom")] public List<string> Bom { get; init; } = [];

    public sealed class Replacement
    {
        [JsonPropertyName("file")] public required string File { get; init; }
        [JsonPropertyName("find")] public required string Find { get; init; }
        [JsonPropertyName("with")] public required string With { get; init; }
    }

    /// <summary>A file the slip adds (a jar, an artifact, a file on one node only), with its text.</summary>
    public sealed class Addition
    {
        [JsonPropertyName("file")] public required string File { get; init; }
        [JsonPropertyName("content")] public required string Content { get; init; }
    }

    public sealed class Rename
    {
        [JsonPropertyName("from")] public required string From { get; init; }
        [JsonPropertyName("to")] public required string To { get; init; }
    }

    public static FixtureCase Read(string caseDirectory) =>
        JsonSerializer.Deserialize<FixtureCase>(File.ReadAllText(Path.Combine(caseDirectory, "case.json")))
        ?? throw new InvalidDataException($"{caseDirectory}/case.json is empty");

    /// <summary>Copies the base deployment into <paramref name="target"/> and makes the case's slip there.</summary>
    public void Materialize(string target)
    {
        CopyDirectory(TestPaths.Fixture(Base), target);
        foreach (var r in Replace)
        {
            var path = Path.Combine(target, r.File);
            var text = File.ReadAllText(path);
            var at = text.IndexOf(r.Find, StringComparison.Ordinal);
            if (at < 0 || text.IndexOf(r.Find, at + 1, StringComparison.Ordinal) >= 0)
                throw new InvalidDataException($"'{r.Find}' must occur exactly once in {r.File}");
            File.WriteAllText(path, text[..at] + r.With + text[(at + r.Find.Length)..]);
        }
        foreach (var a in Add)
        {
            var path = Path.Combine(target, a.File);
            if (File.Exists(path)) throw new InvalidDataException($"{a.File} already exists in {Base}");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, a.Content);
        }
        // Line endings and byte order marks, so that fixes are proved to keep them.
        foreach (var f in Crlf)
        {
            var path = Path.Combine(target, f);
            File.WriteAllText(path, File.ReadAllText(path).Replace("\r\n", "\n").Replace("\n", "\r\n"));
        }
        foreach (var f in Bom)
        {
            var path = Path.Combine(target, f);
            File.WriteAllBytes(path, [0xEF, 0xBB, 0xBF, .. File.ReadAllBytes(path)]);
        }
        foreach (var r in RenameFiles)
            File.Move(Path.Combine(target, r.From), Path.Combine(target, r.To));
        foreach (var d in Delete)
        {
            var path = Path.Combine(target, d);
            if (Directory.Exists(path)) Directory.Delete(path, recursive: true);
            else if (File.Exists(path)) File.Delete(path);
            else throw new InvalidDataException($"{d} does not exist in {Base}");
        }
    }

    public static void CopyDirectory(string source, string target)
    {
        foreach (var dir in Directory.GetDirectories(source, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(target, Path.GetRelativePath(source, dir)));
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
            File.Copy(file, Path.Combine(target, Path.GetRelativePath(source, file)));
    }
}
